package taiyi.workbench.learning.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.prompt.Taiyi1Template;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.store.CorpusStore;

/**
 * The round's ready configuration for the distributed trainer: it parses, and it names the
 * hyperparameters and files of the manifest's recipe (the in-process trainer's), the script's
 * argument defaults read back by Python's own parser.
 */
class DistributedTrainerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path exportRound() throws Exception {
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            store.documents().importDocuments("cdr", ExportFixtures.bc5cdrTraining().subList(0, 30), "train");
            RoundRequest request = RoundRequest.of(List.of("cdr"), 4).withDocuments(DocumentSelection.ALL).withSeed(7)
                    .withValidationFraction(0.2);
            new RoundExport(store, ExportFixtures.length()).write(request, dir.resolve("round-4"), TrainingProgress.NONE);
        }
        return dir.resolve("round-4");
    }

    @Test
    void theConfigurationNamesTheManifestsRecipeDataAndManifest() throws Exception {
        Path round = exportRound();
        JsonNode manifest = JSON.readTree(round.resolve(RoundExport.MANIFEST).toFile());
        JsonNode recipe = manifest.get("recipe");
        JsonNode config = JSON.readTree(round.resolve(DistributedTrainer.CONFIG).toFile());

        assertEquals(recipe, config.get("hyperparameters"));
        assertEquals(sha256(round.resolve(RoundExport.MANIFEST)), config.get("data_manifest_sha256").asText());
        assertEquals(4, config.get("round").asInt());
        assertEquals(7, config.get("seed").asInt());
        assertEquals(List.of("cdr"), List.of(config.at("/corpora/0").asText()));
        // the data files it names are the round's, the ones the manifest hashes
        for (String key : List.of("train_file", "validation_file")) {
            String file = recipe.get(key).asText();
            assertTrue(Files.isRegularFile(round.resolve(file)), file);
            assertEquals(manifest.at("/files/" + file.replace("/", "~1")).asText(), sha256(round.resolve(file)));
        }
        config.get("files").fields().forEachRemaining(f -> assertTrue(Files.isRegularFile(round.resolve(f.getValue().asText())),
                f.getKey() + " " + f.getValue()));

        JsonNode ds = JSON.readTree(round.resolve(DistributedTrainer.DEEPSPEED).toFile());
        assertEquals(3, ds.at("/zero_optimization/stage").asInt());
        assertEquals(recipe.get("per_device_train_batch_size").asInt(), ds.get("train_micro_batch_size_per_gpu").asInt());
        assertEquals(recipe.get("gradient_accumulation_steps").asInt(), ds.get("gradient_accumulation_steps").asInt());
        assertEquals(recipe.get("max_grad_norm").asDouble(), ds.get("gradient_clipping").asDouble());
        assertEquals(recipe.path("fp16").asBoolean(false), ds.at("/fp16/enabled").asBoolean());

        // the launcher and the script are the owner's to run, nobody else's
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(round.resolve(DistributedTrainer.LAUNCHER))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(round.resolve(DistributedTrainer.SCRIPT))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(round.resolve(DistributedTrainer.CONFIG))));
    }

    @Test
    void theRequirementsPinVersionsThatTrainQloraUnderZero3() throws Exception {
        Path round = exportRound();
        Map<String, String> pinned = new TreeMap<>();
        for (String line : Files.readAllLines(round.resolve(DistributedTrainer.REQUIREMENTS), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] nameVersion = l.split("==");
            assertEquals(2, nameVersion.length, "not pinned: " + l);
            pinned.put(nameVersion[0].strip(), nameVersion[1].strip());
        }
        // peft's QLoRA + DeepSpeed ZeRO-3 support (0.10.0) and what it needs
        assertTrue(atLeast(pinned.get("peft"), "0.10"), pinned.toString());
        assertTrue(atLeast(pinned.get("bitsandbytes"), "0.43"), pinned.toString());
        assertTrue(atLeast(pinned.get("accelerate"), "0.28"), pinned.toString());
        assertTrue(atLeast(pinned.get("transformers"), "4.39"), "bnb_4bit_quant_storage: " + pinned);
        assertTrue(pinned.containsKey("deepspeed") && pinned.containsKey("torch") && pinned.containsKey("tiktoken"), pinned.toString());
    }

    @Test
    void theScriptCompilesAndItsArgumentDefaultsAreTheRecipe() throws Exception {
        Assumptions.assumeTrue(canRun("python3", "--version"), "python3 is not installed: the script is not checked by Python");
        Path round = exportRound();
        Path script = round.resolve(DistributedTrainer.SCRIPT);
        Process compile = run(List.of("python3", "-c", "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], "
                + "doraise=True)", script.toString(), dir.resolve("script.pyc").toString()));
        assertEquals(0, compile.exitValue(), output(compile));

        // Python's own parser reads the add_argument calls and their literal defaults
        String reader = String.join("\n", "import ast, json, sys",
                "tree = ast.parse(open(sys.argv[1], encoding='utf-8').read())",
                "out = {}",
                "for node in ast.walk(tree):",
                "    if isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'add_argument':",
                "        name = node.args[0].value.lstrip('-')",
                "        for k in node.keywords:",
                "            if k.arg == 'default':",
                "                try:",
                "                    out[name] = ast.literal_eval(k.value)",
                "                except ValueError:",
                "                    out[name] = None",
                "print(json.dumps(out))");
        Process defaults = run(List.of("python3", "-c", reader, script.toString()));
        String printed = output(defaults);
        assertEquals(0, defaults.exitValue(), printed);
        JsonNode parsed = JSON.readTree(printed);
        JsonNode recipe = JSON.readTree(round.resolve(RoundExport.MANIFEST).toFile()).get("recipe");
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = recipe.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode d = parsed.get(e.getKey());
            if (d == null) {
                missing.add(e.getKey());
            } else if (e.getValue().isNumber()) {
                assertEquals(e.getValue().asDouble(), d.asDouble(), 0.0, e.getKey());
            } else {
                assertEquals(e.getValue(), d, e.getKey());
            }
        }
        assertEquals(List.of(), missing, "recipe arguments the script does not take");
        assertEquals(7, parsed.get("seed").asInt());

        Assumptions.assumeTrue(canRun("bash", "--version"), "bash is not installed");
        Process syntax = run(List.of("bash", "-n", round.resolve(DistributedTrainer.LAUNCHER).toString()));
        assertEquals(0, syntax.exitValue(), output(syntax));
    }

    @Test
    void theScriptTrainsOnTheAssistantsTokensAfterThePreannotatorsOwnPrompt() throws Exception {
        Assumptions.assumeTrue(canRun("python3", "--version"), "python3 is not installed: the script is not run");
        Path round = exportRound();
        // the script's own encode(), run by Python on the round's first conversation, with a tokenizer that
        // spells each character as 1000 + its code point and <|endoftext|> as 7
        String runner = String.join("\n", "import importlib.util, json, sys",
                "spec = importlib.util.spec_from_file_location('train_qlora', sys.argv[1])",
                "m = importlib.util.module_from_spec(spec)",
                "spec.loader.exec_module(m)",
                "class Characters:",
                "    def encode(self, text, add_special_tokens=False):",
                "        return [1000 + ord(c) for c in text]",
                "number, turns = m.read_conversations(sys.argv[2])[0]",
                "print(json.dumps(m.encode(Characters(), 7, turns, 1 << 20, 'first')))");
        Process p = run(List.of("python3", "-c", runner, round.resolve(DistributedTrainer.SCRIPT).toString(),
                round.resolve(RoundExport.TRAIN).toString()));
        String printed = output(p);
        assertEquals(0, p.exitValue(), printed);
        JsonNode encoded = JSON.readTree(printed);

        JsonNode first = JSON.readTree(Files.readAllLines(round.resolve(RoundExport.TRAIN), StandardCharsets.UTF_8).get(0));
        JsonNode turns = first.get("conversation");
        assertEquals(1, turns.size());
        // what the pre-annotator sends for this instruction, then the answer and <|endoftext|>
        Prompt prompt = new Taiyi1Template().render(List.of(turns.get(0).get("human").asText()));
        List<Integer> promptIds = ids(prompt.pieces());
        List<Integer> answerIds = ids(List.of(PromptPiece.text(turns.get(0).get("assistant").asText()),
                PromptPiece.special(Taiyi1Template.EOD)));
        List<Integer> expectedIds = new ArrayList<>(promptIds);
        expectedIds.addAll(answerIds);
        List<Integer> expectedLabels = new ArrayList<>();
        promptIds.forEach(x -> expectedLabels.add(-100));
        expectedLabels.addAll(answerIds);
        assertEquals(expectedIds, ints(encoded.get("input_ids")));
        assertEquals(expectedLabels, ints(encoded.get("labels")));
    }

    private static List<Integer> ids(List<PromptPiece> pieces) {
        List<Integer> out = new ArrayList<>();
        for (PromptPiece piece : pieces) {
            if (piece instanceof PromptPiece.Special s) {
                assertEquals(Taiyi1Template.EOD, s.token());
                out.add(7);
            } else {
                ((PromptPiece.Text) piece).text().codePoints().forEach(c -> out.add(1000 + c));
            }
        }
        return out;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    @Test
    void theSameRoundTwiceGivesTheSameTrainerFiles() throws Exception {
        Path a = exportRound();
        Path b = dir.resolve("again");
        try (CorpusStore store = CorpusStore.open(dir.resolve("db"))) {
            RoundRequest request = RoundRequest.of(List.of("cdr"), 4).withDocuments(DocumentSelection.ALL).withSeed(7)
                    .withValidationFraction(0.2);
            new RoundExport(store, ExportFixtures.length()).write(request, b, TrainingProgress.NONE);
        }
        for (String f : List.of(DistributedTrainer.CONFIG, DistributedTrainer.SCRIPT, DistributedTrainer.DEEPSPEED,
                DistributedTrainer.LAUNCHER, DistributedTrainer.REQUIREMENTS)) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    private static boolean atLeast(String version, String minimum) {
        String[] v = version.split("\\.");
        String[] m = minimum.split("\\.");
        for (int i = 0; i < m.length; i++) {
            int x = i < v.length ? Integer.parseInt(v[i].replaceAll("\\D.*", "")) : 0;
            int y = Integer.parseInt(m[i]);
            if (x != y) {
                return x > y;
            }
        }
        return true;
    }

    private static boolean canRun(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Process run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        return p;
    }

    private String output(Process p) throws IOException {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8).strip();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
