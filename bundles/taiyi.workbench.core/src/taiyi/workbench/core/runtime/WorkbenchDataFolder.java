package taiyi.workbench.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The workbench's own data folder and the places inside it.
 *
 * <p>Resolved, first match wins, from the system property {@code taiyi.data}, the environment
 * variable {@code TAIYI_DATA}, then {@code $XDG_DATA_HOME/taiyi-workbench} or
 * {@code ~/.local/share/taiyi-workbench}.
 *
 * @param root the folder itself
 */
public record WorkbenchDataFolder(Path root) {

    public static final String PROPERTY = "taiyi.data";
    public static final String ENVIRONMENT = "TAIYI_DATA";

    public WorkbenchDataFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** The folder this process uses. */
    public static WorkbenchDataFolder resolve() {
        return resolve(System.getProperties(), System.getenv());
    }

    static WorkbenchDataFolder resolve(Properties properties, Map<String, String> env) {
        String explicit = properties.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            explicit = env.get(ENVIRONMENT);
        }
        if (explicit != null && !explicit.isBlank()) {
            return new WorkbenchDataFolder(Paths.get(explicit));
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg)
                : Paths.get(properties.getProperty("user.home"), ".local", "share");
        return new WorkbenchDataFolder(base.resolve("taiyi-workbench"));
    }

    /**
     * Creates the folder private to the user ({@code 0700}), or tightens one an older version made
     * readable by others.
     *
     * @return a warning naming the folder when it could not be created or tightened
     */
    public Optional<String> ensurePrivate() {
        try {
            return PrivateFolder.ensure(root);
        } catch (IOException e) {
            return Optional.of("cannot create the workbench data folder " + root + ": " + e.getMessage());
        }
    }

    /** Folder of the embedded H2 database. */
    public Path database() {
        return root.resolve("db");
    }

    /** Folder of the Lucene index, beside the database and rebuildable from it. */
    public Path index() {
        return root.resolve("index");
    }

    /** Where the DJL PyTorch natives are unpacked (instead of {@code ~/.djl.ai}). */
    public Path engineCache() {
        return root.resolve("djl");
    }
}
