package taiyi.workbench.inference.djl.qwen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.types.DataType;
import taiyi.workbench.inference.Generation.StopReason;
import taiyi.workbench.inference.djl.weights.TensorType;

class GreedyDecoderTest {

    @TempDir
    static Path dir;
    static QwenModel model;
    static List<int[]> reference;
    static int newTokens;

    @BeforeAll
    static void load() throws IOException {
        ReferenceFixture.loadEngine();
        model = QwenReferenceTest.load(ReferenceFixture.writeModel(dir, TensorType.F32, 1), null, DataType.FLOAT32);
        reference = ReferenceFixture.intRows(ReferenceFixture.JSON.get("greedy").get("tokens"));
        newTokens = ReferenceFixture.JSON.get("new_tokens").asInt();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aStopTokenEndsItsRowWithoutJoiningItAndTheOtherRowGoesOnUnchanged() {
        int[] row0 = reference.get(0);
        int stop = row0[5];
        int firstAt = 0;
        while (row0[firstAt] != stop) {
            firstAt++;
        }
        boolean inRow1 = Arrays.stream(reference.get(1)).anyMatch(t -> t == stop);
        List<String> heard = new ArrayList<>();
        DecodeResult result = new GreedyDecoder(model).decode(ReferenceFixture.prompts(), newTokens, Set.of(stop),
                (row, token, lp) -> heard.add(row + ":" + token), () -> false);
        DecodeResult.Row first = result.rows().get(0);
        assertEquals(StopReason.STOP_TOKEN, first.stopReason());
        assertArrayEquals(Arrays.copyOf(row0, firstAt), first.ids());
        // row 0 left the batch; row 1 must not notice
        assertFalse(inRow1, "the fixture's row 1 must not contain the stop token for this test to mean anything");
        assertEquals(StopReason.MAX_TOKENS, result.rows().get(1).stopReason());
        assertArrayEquals(reference.get(1), result.rows().get(1).ids());
        assertEquals(result.generatedTokens(), heard.size());
        assertTrue(heard.contains("0:" + row0[0]) && !heard.contains("0:" + stop));
    }

    @Test
    void eachTokenCarriesTheSecondMostProbableTokenOfItsStep() {
        // the reference's logits at each prompt's last position are the first step's distribution
        List<int[]> prompts = ReferenceFixture.prompts();
        List<String> heard = new ArrayList<>();
        DecodeResult result = new GreedyDecoder(model).decode(prompts, 1, Set.of(), new TokenStepListener() {
            @Override
            public void tokenChosen(int row, int tokenId, float logProbability) {
                heard.add(row + ":" + tokenId);
            }

            @Override
            public void tokenChosen(int row, int tokenId, float logProbability, int runnerUpId, float runnerUpLogProbability) {
                heard.add(row + ":" + tokenId + "/" + runnerUpId);
            }
        }, () -> false);
        // prompts are left-padded to the longest: every row's last position is the same
        int last = prompts.stream().mapToInt(p -> p.length).max().getAsInt() - 1;
        int checked = 0;
        for (com.fasterxml.jackson.databind.JsonNode p : ReferenceFixture.JSON.get("prefill")) {
            int row = p.get("row").asInt();
            if (p.get("position").asInt() != last) {
                continue;
            }
            float[] logits = ReferenceFixture.floats(p.get("logits"));
            int best = 0;
            int second = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < logits.length; i++) {
                max = Math.max(max, logits[i]);
                if (logits[i] > logits[best]) {
                    second = best;
                    best = i;
                } else if (i != best && (second < 0 || logits[i] > logits[second])) {
                    second = i;
                }
            }
            double sum = 0;
            for (float l : logits) {
                sum += Math.exp(l - max);
            }
            double logSumExp = max + Math.log(sum);
            DecodeResult.Row r = result.rows().get(row);
            assertEquals(best, r.ids()[0]);
            assertEquals(second, r.runnerUpIds()[0]);
            assertEquals(logits[second] - logSumExp, r.runnerUpLogProbabilities()[0], 1e-4);
            assertTrue(r.runnerUpLogProbabilities()[0] <= r.logProbabilities()[0]);
            assertTrue(heard.contains(row + ":" + best + "/" + second), heard.toString());
            checked++;
        }
        assertEquals(prompts.size(), checked, "the reference must hold each prompt's last position");
    }

    @Test
    void cancellingStopsBeforeTheNextStep() {
        AtomicInteger steps = new AtomicInteger();
        DecodeResult result = new GreedyDecoder(model).decode(ReferenceFixture.prompts(), 50, Set.of(), (row, token, lp) -> {
            if (row == 0) {
                steps.incrementAndGet();
            }
        }, () -> steps.get() >= 3);
        for (int r = 0; r < 2; r++) {
            DecodeResult.Row row = result.rows().get(r);
            assertEquals(StopReason.CANCELLED, row.stopReason());
            assertArrayEquals(Arrays.copyOf(reference.get(r), 3), row.ids());
        }
        assertEquals(2, result.decodeSteps());
    }

    @Test
    void zeroNewTokensDoesNoWorkAndBadPromptsAreRefused() {
        DecodeResult none = new GreedyDecoder(model).decode(ReferenceFixture.prompts(), 0, Set.of(), TokenStepListener.NONE,
                () -> false);
        assertEquals(StopReason.MAX_TOKENS, none.rows().get(1).stopReason());
        assertEquals(0, none.generatedTokens());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new GreedyDecoder(model)
                .decode(List.of(new int[] {1}, new int[0]), 3, Set.of(), TokenStepListener.NONE, () -> false));
        assertTrue(empty.getMessage().contains("prompt 1 is empty"));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> new GreedyDecoder(model)
                .decode(List.of(new int[] {1, 5000}), 3, Set.of(), TokenStepListener.NONE, () -> false));
        assertTrue(outside.getMessage().contains("token id 5000"), outside.getMessage());
        int seqLength = ReferenceFixture.CONFIG.seqLength();
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> new GreedyDecoder(model)
                .decode(List.of(new int[seqLength - 2]), 5, Set.of(), TokenStepListener.NONE, () -> false));
        assertTrue(tooLong.getMessage().contains("seq_length"), tooLong.getMessage());
    }

    /** Arrays alive in the model's manager tree must be the same at step 20 and step 200: nothing accumulates per step. */
    @Test
    void aLongGenerationHoldsAConstantNumberOfArrays() {
        int[] atStep = new int[201];
        int before = model.managedArrays();
        new GreedyDecoder(model).decode(List.of(new int[] {3, 4, 5}, new int[] {9}), 200, Set.of(), (row, token, lp) -> {
            if (row == 1) {
                atStep[0]++;
                if (atStep[0] == 20 || atStep[0] == 200) {
                    atStep[atStep[0]] = model.managedArrays();
                }
            }
        }, () -> false);
        assertEquals(200, atStep[0]);
        assertEquals(atStep[20], atStep[200], "arrays at step 20 vs 200");
        assertEquals(before, model.managedArrays(), "arrays left after decoding");
    }
}
