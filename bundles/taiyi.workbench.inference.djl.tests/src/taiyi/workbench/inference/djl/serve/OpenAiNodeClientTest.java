package taiyi.workbench.inference.djl.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.prompt.ChatMlTemplate;
import taiyi.workbench.inference.prompt.Taiyi1Template;

/**
 * The official {@code openai} npm client ({@code releng/openai-client/check.mjs}) drives
 * {@code taiyi serve} through models, completions, chat, streaming and log-probabilities, and gets
 * the answers the model gives in process. Needs Node and {@code npm ci} in that folder
 * ({@code releng/openai-client-for-tests.sh}); without them it skips, unless
 * {@value #REQUIRED_VARIABLE} is set (as CI sets it), when it fails.
 */
class OpenAiNodeClientTest {

    static final String REQUIRED_VARIABLE = "TAIYI_TEST_NODE_REQUIRED";
    private static final int MAX_TOKENS = 12;

    @TempDir
    Path dir;

    private static Path clientFolder() {
        return Path.of(System.getProperty("taiyi.testdata")).toAbsolutePath().getParent().resolve("releng/openai-client");
    }

    private static void requireNode(Path folder) {
        String missing = null;
        if (!Files.isDirectory(folder.resolve("node_modules/openai"))) {
            missing = "no " + folder.resolve("node_modules/openai") + " (run releng/openai-client-for-tests.sh)";
        } else {
            try {
                Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    missing = "node --version failed";
                }
            } catch (IOException e) {
                missing = "no node on the PATH";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                missing = "interrupted";
            }
        }
        if (missing != null) {
            if (Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE))) {
                fail(REQUIRED_VARIABLE + " is set but the npm client cannot run: " + missing);
            }
            Assumptions.abort("the npm client cannot run: " + missing);
        }
    }

    @Test
    void theOfficialNpmClientGetsTheAnswersOfTheModelInProcess() throws Exception {
        Path folder = clientFolder();
        requireNode(folder);
        String question = "找出疾病：顺铂导致肾毒性。";
        Prompt prompt = new Taiyi1Template().render(List.of(question));
        try (TinyServedModel tiny = TinyServedModel.start(dir, 4, null)) {
            Generation completion = tiny.alone(List.of(prompt), MAX_TOKENS).get(0);
            Generation chat = tiny.alone(List.of(new ChatMlTemplate("").render(List.of(question))), MAX_TOKENS).get(0);
            ProcessBuilder pb = new ProcessBuilder("node", "check.mjs").directory(folder.toFile());
            pb.environment().put("TAIYI_BASE_URL", tiny.server.baseUrl());
            pb.environment().put("TAIYI_MODEL", TinyServedModel.NAME);
            pb.environment().put("TAIYI_PROMPT", prompt.asText());
            pb.environment().put("TAIYI_QUESTION", question);
            pb.environment().put("TAIYI_MAX_TOKENS", Integer.toString(MAX_TOKENS));
            Path err = dir.resolve("node.err");
            pb.redirectError(err.toFile());
            Process node = pb.start();
            String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!node.waitFor(120, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                fail("the npm client did not finish in 120 s");
            }
            assertEquals(0, node.exitValue(), out + Files.readString(err));
            String[] lines = out.strip().split("\n");
            JsonNode result = new ObjectMapper().readTree(lines[lines.length - 1]);
            assertEquals(completion.text(), result.path("completion").asText());
            assertEquals(completion.stopReason() == Generation.StopReason.MAX_TOKENS ? "length" : "stop",
                    result.path("completionFinish").asText());
            List<Double> logprobs = new ArrayList<>();
            result.path("completionLogprobs").forEach(v -> logprobs.add(v.asDouble()));
            assertEquals(completion.tokens().stream().map(GeneratedToken::logProbability).toList(), logprobs);
            assertEquals(chat.text(), result.path("chat").asText());
            assertTrue(tiny.server.served() >= 4, "models aside, four answers were served");
        }
    }
}
