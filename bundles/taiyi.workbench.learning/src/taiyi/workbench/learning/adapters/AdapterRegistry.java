package taiyi.workbench.learning.adapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import taiyi.workbench.learning.export.DistributedTrainer;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.RegisteredAdapter;

/**
 * Registers adapters by round: an adapter trained in process ({@link #register(Path, Path)}, from its
 * {@value TrainingReport#FILE}) or one the round's distributed trainer produced ({@link #importTrained},
 * hashes computed here, hyperparameters from its {@code adapter_config.json} and the trainer's
 * configuration). The folder is verified first and nothing is registered when anything is wrong; an
 * adapter is registered once for each corpus of its round, all in one transaction.
 */
public final class AdapterRegistry {

    /** What the round's trainer saves beside its adapter ({@code transformers.Trainer.save_state}). */
    static final String TRAINER_STATE = "trainer_state.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CorpusStore store;

    public AdapterRegistry(CorpusStore store) {
        this.store = store;
    }

    /**
     * The one call after {@code taiyi train}: registers the adapter a training run wrote into
     * {@code adapterFolder} for every corpus of the round in {@code roundFolder}.
     *
     * @throws IOException naming the file and field when the adapter, its report or the round is malformed,
     *     or when the report's manifest hash or round is not the round's
     */
    public List<RegisteredAdapter> register(Path adapterFolder, Path roundFolder) throws IOException {
        return register(adapterFolder, Optional.of(RoundReference.read(roundFolder)), List.of(), OptionalInt.empty());
    }

    /**
     * Registers an adapter trained in process for the named corpora, without its round folder at hand.
     *
     * @param round the round, when the report does not say (or to confirm it)
     * @throws IOException as {@link #register(Path, Path)}, or when no round is known
     */
    public List<RegisteredAdapter> register(Path adapterFolder, List<String> corpora, OptionalInt round) throws IOException {
        return register(adapterFolder, Optional.empty(), corpora, round);
    }

    private List<RegisteredAdapter> register(Path adapterFolder, Optional<RoundReference> roundFolder, List<String> corpora,
            OptionalInt round) throws IOException {
        AdapterFolder adapter = AdapterFolder.verify(adapterFolder);
        TrainingReport report = TrainingReport.read(adapter.folder());
        Path reportFile = adapter.folder().resolve(TrainingReport.FILE);
        String manifest = report.dataManifestSha256().orElse(null);
        int r;
        List<String> names;
        if (roundFolder.isPresent()) {
            RoundReference ref = roundFolder.get();
            if (manifest != null && !manifest.equals(ref.manifestSha256())) {
                throw new IOException(reportFile + ": field dataManifestSha256 is " + manifest + ", but " + ref.folder()
                        + " has manifest " + ref.manifestSha256() + ": the adapter was not trained on that round");
            }
            r = agree(reportFile, report.round(), OptionalInt.of(ref.round()), ref.folder() + "'s manifest");
            manifest = ref.manifestSha256();
            names = ref.corpora();
        } else {
            r = agree(reportFile, report.round(), round, "--round");
            names = corpora;
        }
        String hyper = JSON.writeValueAsString(report.hyperparameters());
        List<RegisteredAdapter> rows = new ArrayList<>();
        // as the databases keep it (microseconds), so a row reads back as it was stored
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (String corpus : corpora(names, adapter.folder())) {
            rows.add(new RegisteredAdapter(0, corpus, r, adapter.folder().toString(), adapter.weightsSha256(), report.baseModelSha256(),
                    manifest, hyper, report.finalLoss(), report.steps(), RegisteredAdapter.WORKBENCH, now, null, null));
        }
        return store.adapters().add(rows);
    }

    /**
     * Registers a peft adapter the round's distributed trainer produced: the base-model hash is
     * computed from {@code modelFolder} (by default the adapter's {@code base_model_name_or_path}
     * when that is a folder here), the round and corpora come from the round folder, else from the
     * trainer configuration saved beside the adapter, else from {@code corpora}; hyperparameters are
     * the trainer configuration's with the adapter's own r, alpha, dropout and target modules; the
     * final loss and steps come from the trainer's {@value #TRAINER_STATE} when present.
     *
     * @throws IOException naming the file and field when something is missing, malformed or disagrees
     */
    public List<RegisteredAdapter> importTrained(Path adapterFolder, int round, Optional<Path> modelFolder, Optional<Path> roundFolder,
            List<String> corpora) throws IOException {
        AdapterFolder adapter = AdapterFolder.verify(adapterFolder);
        Path model = modelFolder.orElseGet(() -> adapter.baseModel().map(Path::of).filter(Files::isDirectory).orElse(null));
        if (model == null) {
            throw new IOException(adapter.folder() + ": which base model was it trained on? Give --model DIR (its "
                    + "base_model_name_or_path " + adapter.baseModel().map(b -> "'" + b + "' is not a folder here").orElse("is not set")
                    + ")");
        }
        String baseHash = BaseModelHash.of(model);

        Optional<RoundReference> ref = roundFolder.isPresent() ? Optional.of(RoundReference.read(roundFolder.get())) : Optional.empty();
        Path configFile = adapter.folder().resolve(DistributedTrainer.SAVED_CONFIG);
        if (!Files.isRegularFile(configFile) && roundFolder.isPresent()) {
            configFile = roundFolder.get().resolve(DistributedTrainer.CONFIG);
        }
        Optional<JsonNode> config = Files.isRegularFile(configFile) ? Optional.of(JsonObjectFile.read(configFile)) : Optional.empty();

        String manifest = ref.map(RoundReference::manifestSha256).orElse(null);
        List<String> names = new ArrayList<>(ref.map(RoundReference::corpora).orElse(List.of()));
        if (ref.isPresent() && ref.get().round() != round) {
            throw new IOException(ref.get().folder() + ": the round's manifest says round " + ref.get().round() + ", not " + round);
        }
        ObjectNode hyper = JSON.createObjectNode();
        if (config.isPresent()) {
            JsonNode c = config.get();
            JsonNode configRound = c.path("round");
            if (configRound.isIntegralNumber() && configRound.asInt() != round) {
                throw new IOException(configFile + ": field round is " + configRound.asInt() + ", not " + round);
            }
            JsonNode configManifest = c.path("data_manifest_sha256");
            if (configManifest.isTextual()) {
                if (manifest != null && !manifest.equals(configManifest.asText())) {
                    throw new IOException(configFile + ": field data_manifest_sha256 is " + configManifest.asText() + ", but "
                            + ref.get().folder() + " has manifest " + manifest + ": the adapter was not trained on that round");
                }
                manifest = configManifest.asText();
            }
            if (names.isEmpty() && c.path("corpora").isArray()) {
                c.path("corpora").forEach(n -> names.add(n.asText()));
            }
            if (c.path("hyperparameters").isObject()) {
                hyper.setAll((ObjectNode) c.path("hyperparameters"));
            }
        }
        if (names.isEmpty()) {
            names.addAll(corpora);
        }
        hyper.put("lora_rank", adapter.rank());
        // as the recipe writes it: 16, not 16.0
        if (adapter.alpha() == Math.rint(adapter.alpha()) && Math.abs(adapter.alpha()) < Integer.MAX_VALUE) {
            hyper.put("lora_alpha", (int) adapter.alpha());
        } else {
            hyper.put("lora_alpha", adapter.alpha());
        }
        hyper.put("lora_dropout", adapter.dropout());
        hyper.set("target_modules", JSON.valueToTree(adapter.targetModules()));

        Double loss = null;
        Long steps = null;
        Path stateFile = adapter.folder().resolve(TRAINER_STATE);
        if (Files.isRegularFile(stateFile)) {
            JsonNode state = JsonObjectFile.read(stateFile);
            for (JsonNode entry : state.path("log_history")) {
                if (entry.path("loss").isNumber()) {
                    loss = entry.path("loss").asDouble();
                }
            }
            if (state.path("global_step").isIntegralNumber()) {
                steps = state.path("global_step").asLong();
            }
        }
        String hyperText = JSON.writeValueAsString(hyper);
        List<RegisteredAdapter> rows = new ArrayList<>();
        // as the databases keep it (microseconds), so a row reads back as it was stored
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (String corpus : corpora(names, adapter.folder())) {
            rows.add(new RegisteredAdapter(0, corpus, round, adapter.folder().toString(), adapter.weightsSha256(), baseHash, manifest,
                    hyperText, loss, steps, RegisteredAdapter.IMPORTED, now, null, null));
        }
        return store.adapters().add(rows);
    }

    /** The corpora, checked to exist, without repeats. */
    private Set<String> corpora(List<String> names, Path adapterFolder) throws IOException {
        if (names.isEmpty()) {
            throw new IOException(adapterFolder + ": for which corpus? Give --corpus NAME or the round folder (--data DIR)");
        }
        Set<String> known = new LinkedHashSet<>();
        store.statistics().corpora().stream().map(CorpusSummary::name).forEach(known::add);
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IOException("unknown corpus '" + n + "' (the database has " + (known.isEmpty() ? "none" : String.join(", ", known))
                        + "); nothing was registered");
            }
        }
        return new LinkedHashSet<>(names);
    }

    /** The round two sources give, which must agree when both do. */
    private static int agree(Path reportFile, OptionalInt reported, OptionalInt other, String otherName) throws IOException {
        if (reported.isPresent() && other.isPresent() && reported.getAsInt() != other.getAsInt()) {
            throw new IOException(reportFile + ": field round is " + reported.getAsInt() + ", but " + otherName + " says "
                    + other.getAsInt());
        }
        if (reported.isPresent()) {
            return reported.getAsInt();
        }
        if (other.isPresent()) {
            return other.getAsInt();
        }
        throw new IOException(reportFile + ": field round is null; give the round (--round N, or the round folder with --data DIR)");
    }
}
