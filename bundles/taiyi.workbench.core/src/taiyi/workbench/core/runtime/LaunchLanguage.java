package taiyi.workbench.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The language the workbench is started in when the curator chose one, kept as one line (a locale
 * such as {@code zh_CN}) in the file {@value #FILE_NAME} of the data folder. The platform fixes its
 * language when it starts (plugin.xml labels are translated as the registry is read), so the
 * choice is made before: the launch script passes it as {@code -nl}. No file: the OS's language.
 */
public final class LaunchLanguage {

    public static final String FILE_NAME = "language";
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(_[A-Z]{2})?");

    private LaunchLanguage() {
    }

    /** The file the launch script reads. */
    public static Path file(WorkbenchDataFolder folder) {
        return folder.root().resolve(FILE_NAME);
    }

    /** The chosen locale, or empty to follow the OS (also when the file holds no valid locale). */
    public static Optional<String> read(WorkbenchDataFolder folder) throws IOException {
        Path file = file(folder);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String nl = Files.readString(file, StandardCharsets.UTF_8).trim();
        return LOCALE.matcher(nl).matches() ? Optional.of(nl) : Optional.empty();
    }

    /** Keeps {@code nl} for the next start, or forgets the choice when it is empty. */
    public static void write(WorkbenchDataFolder folder, Optional<String> nl) throws IOException {
        Path file = file(folder);
        if (nl.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        if (!LOCALE.matcher(nl.get()).matches()) {
            throw new IllegalArgumentException("not a locale such as zh_CN or en: '" + nl.get() + "'");
        }
        Files.createDirectories(folder.root());
        // written whole or not at all: the launch script never reads half a line
        Path partial = Files.createTempFile(folder.root(), FILE_NAME, ".partial");
        try {
            Files.writeString(partial, nl.get() + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
