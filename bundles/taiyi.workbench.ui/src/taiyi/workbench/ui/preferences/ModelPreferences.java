package taiyi.workbench.ui.preferences;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.GeneratorSettings;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.inference.remote.ApiKey;
import taiyi.workbench.inference.remote.OpenAiEndpoint;
import taiyi.workbench.inference.remote.StoredApiKey;

/**
 * The keys of the workbench's model and database preferences, their defaults, and typed getters
 * over the instance scope (what the user set on the "Taiyi" page) falling back to the defaults.
 * Paths are stored as plain strings; an empty string means "not set".
 */
public final class ModelPreferences {

    /** The preference node: this bundle's. */
    public static final String QUALIFIER = "taiyi.workbench.ui";

    public static final String MODEL_FOLDER = "model.folder";
    public static final String ADAPTER_FOLDER = "model.adapterFolder";
    /** Without an adapter folder: load the latest registered round's adapter for the model (the CLI's default too). */
    public static final String REGISTERED_ADAPTER = "model.registeredAdapter";
    public static final String DEVICE = "model.device";
    public static final String BATCH_SIZE = "model.batchSize";
    public static final String MAX_NEW_TOKENS = "model.maxNewTokens";
    /** The curation round the loaded model (or adapter) was trained for, kept as suggestion provenance. */
    public static final String ROUND = "model.round";
    /** The prompt template id: {@code taiyi1} for Taiyi 1, {@code chatml} for Qwen chat models. */
    public static final String TEMPLATE = "model.template";
    /** Retrain a corpus's learners after this many decisions in it; 0: only on demand (Retrain Learners). */
    public static final String RETRAIN_EVERY = "learning.retrainEvery";
    /** The corpus database folder; read once, when the workbench opens the database. */
    public static final String DATABASE_FOLDER = "database.folder";
    /**
     * A team's PostgreSQL database, {@code jdbc:postgresql://host[:port]/db}, used instead of the
     * folder when set; read once, like the folder. Only the URL is kept here: the user and password
     * come from {@code TAIYI_DB_USER} and {@code TAIYI_DB_PASSWORD}, never from a preference.
     */
    public static final String DATABASE_URL = "database.url";
    /**
     * The language the workbench starts in ({@code en}, {@code zh_CN}; empty: the OS's). It takes
     * effect on the next start: the page also writes it where the launch script reads it
     * ({@link taiyi.workbench.core.runtime.LaunchLanguage}).
     */
    public static final String LANGUAGE = "ui.language";

    /** Where the model runs: {@value #ENGINE_IN_PROCESS} (DJL in this process) or {@value #ENGINE_SERVER}. */
    public static final String ENGINE = "model.engine";
    public static final String ENGINE_IN_PROCESS = "djl";
    /** An OpenAI-compatible server (vLLM, {@code taiyi serve}) at {@link #ENDPOINT_URL}. */
    public static final String ENGINE_SERVER = "openai";
    public static final String ENDPOINT_URL = "model.endpoint.url";
    public static final String ENDPOINT_MODEL = "model.endpoint.modelName";
    /** completions (Taiyi) or chat */
    public static final String ENDPOINT_API = "model.endpoint.api";
    /**
     * The name of the environment variable that holds the server's API key; when it is set, its key
     * is used instead of the one in secure storage ({@link #storedApiKey()}). The key itself is never
     * a preference (preference files are plain text).
     */
    public static final String ENDPOINT_KEY_VARIABLE = "model.endpoint.apiKeyVariable";

    public static final DeviceChoice DEFAULT_DEVICE = DeviceChoice.AUTO;
    /** The CLI's default too: {@link GenerationOptions#DEFAULT_BATCH_SIZE}. */
    public static final int DEFAULT_BATCH_SIZE = GenerationOptions.DEFAULT_BATCH_SIZE;
    /** The CLI's default too: {@link GenerationOptions#DEFAULT_MAX_NEW_TOKENS}, Taiyi's own. */
    public static final int DEFAULT_MAX_NEW_TOKENS = GenerationOptions.DEFAULT_MAX_NEW_TOKENS;
    public static final int MAX_BATCH_SIZE = 256;
    public static final int MAX_MAX_NEW_TOKENS = 8192;
    public static final int DEFAULT_ROUND = 1;
    public static final int MAX_ROUND = 10_000;
    public static final String DEFAULT_TEMPLATE = GeneratorSettings.DEFAULT_TEMPLATE;
    /**
     * Off until a curator sets N: a retraining writes suggestions into every document of the corpus,
     * which nobody should meet unasked in the middle of a session (nor a UI test in the middle of its
     * assertions).
     */
    public static final int DEFAULT_RETRAIN_EVERY = 0;
    public static final int MAX_RETRAIN_EVERY = 100_000;

    private final IEclipsePreferences instance;
    private final IEclipsePreferences defaults;

    private ModelPreferences(IEclipsePreferences instance, IEclipsePreferences defaults) {
        this.instance = instance;
        this.defaults = defaults;
    }

    /** The preferences as they are now. */
    public static ModelPreferences current() {
        return new ModelPreferences(InstanceScope.INSTANCE.getNode(QUALIFIER), DefaultScope.INSTANCE.getNode(QUALIFIER));
    }

    /** The store the preference page edits: the same node the getters read. */
    public static IPreferenceStore store() {
        return new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
    }

    /** Writes the defaults into the default scope (the page's "Restore Defaults" shows them). */
    public static void initializeDefaults() {
        IEclipsePreferences d = DefaultScope.INSTANCE.getNode(QUALIFIER);
        d.put(MODEL_FOLDER, "");
        d.put(ENGINE, ENGINE_IN_PROCESS);
        d.put(ENDPOINT_URL, "");
        d.put(ENDPOINT_MODEL, "");
        d.put(ENDPOINT_API, OpenAiEndpoint.Api.COMPLETIONS.key());
        d.put(ENDPOINT_KEY_VARIABLE, "");
        d.put(ADAPTER_FOLDER, "");
        d.putBoolean(REGISTERED_ADAPTER, true);
        d.put(DEVICE, DEFAULT_DEVICE.key());
        d.putInt(BATCH_SIZE, DEFAULT_BATCH_SIZE);
        d.putInt(MAX_NEW_TOKENS, DEFAULT_MAX_NEW_TOKENS);
        d.putInt(ROUND, DEFAULT_ROUND);
        d.put(TEMPLATE, DEFAULT_TEMPLATE);
        d.put(DATABASE_FOLDER, "");
        d.put(DATABASE_URL, "");
        d.putInt(RETRAIN_EVERY, DEFAULT_RETRAIN_EVERY);
    }

    private String get(String key) {
        return instance.get(key, defaults.get(key, ""));
    }

    private Optional<Path> path(String key) {
        String value = get(key).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    private int positive(String key, int fallback, int max) {
        try {
            int value = Integer.parseInt(get(key).strip());
            return value >= 1 && value <= max ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Whether pre-annotation asks an OpenAI-compatible server rather than a model in this process. */
    public boolean usesServer() {
        return ENGINE_SERVER.equals(get(ENGINE).strip());
    }

    /**
     * The server the preferences name.
     *
     * @throws IllegalArgumentException naming what is missing or wrong (the URL, the model name, an unset key
     *     variable with no key stored, a stored key that cannot be decrypted)
     */
    public OpenAiEndpoint endpoint() {
        String url = get(ENDPOINT_URL).strip();
        String model = get(ENDPOINT_MODEL).strip();
        if (url.isEmpty() || model.isEmpty()) {
            throw new IllegalArgumentException(taiyi.workbench.ui.l10n.Messages.ModelPreferences_noServer);
        }
        OpenAiEndpoint.Api api;
        try {
            api = OpenAiEndpoint.Api.parse(get(ENDPOINT_API));
        } catch (IllegalArgumentException e) {
            api = OpenAiEndpoint.Api.COMPLETIONS;
        }
        ApiKey key;
        try {
            key = ApiKey.fromEnvironmentOrStored(get(ENDPOINT_KEY_VARIABLE), () -> storedApiKey().read()).orElse(null);
        } catch (IllegalStateException e) {
            // a storage that cannot be read is a setting to fix, like a missing URL
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return OpenAiEndpoint.of(url, model, api, key);
    }

    /** The server's API key as the preference page keeps it: in the data folder's secure storage. */
    public static StoredApiKey storedApiKey() {
        return StoredApiKey.in(WorkbenchDataFolder.resolve().root());
    }

    /** The folder of the Taiyi model weights (config.json, safetensors, tokenizer). */
    public Optional<Path> modelFolder() {
        return path(MODEL_FOLDER);
    }

    /** The folder of the LoRA adapter to load over the model; empty for the base model. */
    public Optional<Path> adapterFolder() {
        return path(ADAPTER_FOLDER);
    }

    /** Whether, without an adapter folder, the latest registered round's adapter for the model is loaded. */
    public boolean registeredAdapter() {
        return Boolean.parseBoolean(get(REGISTERED_ADAPTER).strip());
    }

    /** Where the model runs; {@link DeviceChoice#AUTO} for an unknown value, so a hand-edited file cannot break startup. */
    public DeviceChoice device() {
        try {
            return DeviceChoice.parse(get(DEVICE));
        } catch (IllegalArgumentException e) {
            return DeviceChoice.AUTO;
        }
    }

    /** Prompts per generation batch, 1 to {@value #MAX_BATCH_SIZE}. */
    public int batchSize() {
        return positive(BATCH_SIZE, DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE);
    }

    /** The most tokens one generation may produce, 1 to {@value #MAX_MAX_NEW_TOKENS}. */
    public int maxNewTokens() {
        return positive(MAX_NEW_TOKENS, DEFAULT_MAX_NEW_TOKENS, MAX_MAX_NEW_TOKENS);
    }

    /** The curation round of the model, 1 to {@value #MAX_ROUND}. */
    public int round() {
        return positive(ROUND, DEFAULT_ROUND, MAX_ROUND);
    }

    /** The prompt template id; the default when the stored one is blank. */
    public String template() {
        String t = get(TEMPLATE).strip();
        return t.isEmpty() ? DEFAULT_TEMPLATE : t;
    }

    /** Decisions between automatic retrainings of the learners, 0 (off) to {@value #MAX_RETRAIN_EVERY}. */
    public int retrainEvery() {
        try {
            int value = Integer.parseInt(get(RETRAIN_EVERY).strip());
            return value >= 0 && value <= MAX_RETRAIN_EVERY ? value : DEFAULT_RETRAIN_EVERY;
        } catch (NumberFormatException e) {
            return DEFAULT_RETRAIN_EVERY;
        }
    }

    /** The database folder chosen on the page; empty for the workbench data folder's own. */
    public Optional<Path> databaseFolder() {
        return path(DATABASE_FOLDER);
    }

    /** The team database URL chosen on the page; empty for an H2 folder. */
    public Optional<String> databaseUrl() {
        String url = get(DATABASE_URL).strip();
        return url.isEmpty() ? Optional.empty() : Optional.of(url);
    }
}
