package taiyi.workbench.inference.remote;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import taiyi.workbench.core.runtime.PrivateFolder;
import taiyi.workbench.core.runtime.PrivateOutput;

/**
 * The OpenAI-compatible server's API key, kept encrypted in Eclipse secure storage (node
 * {@value #NODE}), never in a preference file, which is plain text.
 *
 * <p>The storage is the data folder's {@value #STORAGE_FILE} rather than the platform's default in
 * {@code ~/.eclipse}: on Linux the platform has no password provider that works without a desktop
 * keyring or a master-password prompt (a modal dialog), and the default file is shared by every
 * Eclipse of the account, whereas a curator may run workbenches on several data folders. So the
 * storage's master password is random, made on first use and kept beside it in
 * {@value #PASSWORD_FILE}; both files are {@code 0600} in the {@code 0700} data folder, like the
 * database's password. The key is then as private as the corpus, and a copy of the storage alone
 * (a backup, a pasted file) does not give it away.
 */
public final class StoredApiKey {

    /** The secure-storage node of the workbench's server settings. */
    public static final String NODE = "taiyi.workbench/openai";
    static final String KEY = "apiKey";
    public static final String STORAGE_FILE = "secure-storage";
    public static final String PASSWORD_FILE = "secure-storage.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path storage;
    private final Path passwordFile;

    private StoredApiKey(Path dataFolder) {
        this.storage = dataFolder.resolve(STORAGE_FILE);
        this.passwordFile = dataFolder.resolve(PASSWORD_FILE);
    }

    /** The key's storage in a data folder; nothing is made there until a key is stored. */
    public static StoredApiKey in(Path dataFolder) {
        return new StoredApiKey(dataFolder.toAbsolutePath());
    }

    /** Where the key is kept, for messages. */
    public Path storage() {
        return storage;
    }

    /**
     * Whether a key is stored, known without decrypting it.
     *
     * @throws IllegalStateException naming the storage when it cannot be opened
     */
    public boolean isSet() {
        return Files.exists(storage) && Arrays.asList(node().keys()).contains(KEY);
    }

    /**
     * The stored key, if any.
     *
     * @throws IllegalStateException naming the storage when it cannot be opened, or the key is there
     *     but cannot be decrypted (its password file replaced or lost): store it again
     */
    public Optional<ApiKey> read() {
        if (!Files.exists(storage)) {
            return Optional.empty();
        }
        try {
            String secret = node().get(KEY, null);
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(secret, source()));
        } catch (StorageException e) {
            throw new IllegalStateException("cannot decrypt the API key in " + storage + " (is " + PASSWORD_FILE
                    + " beside it the one it was stored with?); store the key again", e);
        }
    }

    /**
     * Stores the key, encrypted, replacing one stored before; written to disk before this returns.
     *
     * @throws IllegalArgumentException when the key is blank
     * @throws IllegalStateException naming the storage when it cannot be written
     */
    public void store(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank; clear the stored key instead");
        }
        ISecurePreferences node = node();
        try {
            node.put(KEY, secret.strip(), true);
            node.flush();
        } catch (StorageException | IOException e) {
            throw new IllegalStateException("cannot store the API key in " + storage + ": " + e.getMessage(), e);
        }
        PrivateFolder.privateFile(storage);
    }

    /**
     * Forgets the stored key, on disk too; nothing when none is stored.
     *
     * @throws IllegalStateException naming the storage when it cannot be written
     */
    public void clear() {
        if (!Files.exists(storage)) {
            return;
        }
        ISecurePreferences node = node();
        node.remove(KEY);
        try {
            node.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear the API key in " + storage + ": " + e.getMessage(), e);
        }
    }

    /** The node, its storage opened with its password and both made (private) when missing. */
    private ISecurePreferences node() {
        try {
            PrivateFolder.ensure(storage.getParent());
            char[] password = password(passwordFile);
            if (!Files.exists(storage)) {
                // made private before Equinox writes to it: its writer keeps an existing file's mode
                Files.createFile(storage, PosixFilePermissions.asFileAttribute(PrivateFolder.FILE));
            }
            PrivateFolder.privateFile(storage);
            Map<Object, Object> options = new HashMap<>();
            options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(password));
            options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
            // not toUri(): Equinox opens new File(url.getPath()), which would keep a space's %20
            ISecurePreferences root = SecurePreferencesFactory.open(new URL("file", "", storage.toString()), options);
            if (root == null) {
                throw new IllegalStateException("cannot open the secure storage " + storage);
            }
            return root.node(NODE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the secure storage " + storage + ": " + e.getMessage(), e);
        }
    }

    private String source() {
        return "the workbench's secure storage (" + storage + ")";
    }

    private static char[] password(Path file) throws IOException {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (text.isEmpty()) {
                throw new IOException(file + " is empty; delete it and the storage beside it, then store the key again");
            }
            PrivateFolder.privateFile(file);
            return text.toCharArray();
        } catch (NoSuchFileException absent) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String password = HexFormat.of().formatHex(bytes);
            // a new password makes the storage's earlier entries unreadable: it only ever comes with a new storage
            Files.deleteIfExists(file.resolveSibling(STORAGE_FILE));
            PrivateOutput.writeFile(file, out -> out.write((password + "\n").getBytes(StandardCharsets.US_ASCII)));
            return password.toCharArray();
        }
    }
}
