package taiyi.workbench.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GenerationTest {

    @Test
    void scoresCountTheTokensThatProducedARange() {
        // "疾病：" needs 2 tokens for 疾 (a 3-byte char split), one for 病, one for the colon
        Generation g = new Generation("疾病：肺炎", List.of(new GeneratedToken(1, -5.0, 0, 0), new GeneratedToken(2, -1.0, 0, 1),
                new GeneratedToken(3, -0.5, 1, 2), new GeneratedToken(4, -0.1, 2, 3), new GeneratedToken(5, -2.0, 3, 5)),
                Generation.StopReason.STOP_TOKEN);
        assertEquals(-2.0, g.meanLogProbability(3, 5).getAsDouble(), 1e-9);
        assertEquals((-5.0 - 1.0 - 0.5) / 3, g.meanLogProbability(0, 2).getAsDouble(), 1e-9);
        assertEquals(-5.0, g.minLogProbability(0, 1).getAsDouble(), 1e-9);
        assertTrue(g.meanLogProbability(5, 5).isEmpty());
    }

    @Test
    void theMostHesitantTokenOfARangeIsTheOneWithTheSmallestMarginOverItsRunnerUp() {
        // 肺: p 0.5 vs 0.3 (margin 0.2); 炎: p 0.9 vs 0.05 (0.85); the colon has no runner-up
        Generation g = new Generation("疾病：肺炎", List.of(new GeneratedToken(1, Math.log(0.6), 0, 2, 7, Math.log(0.1)),
                new GeneratedToken(2, -0.1, 2, 3), new GeneratedToken(3, Math.log(0.5), 3, 4, 8, Math.log(0.3)),
                new GeneratedToken(4, Math.log(0.9), 4, 5, 9, Math.log(0.05))), Generation.StopReason.STOP_TOKEN);
        GeneratedToken hesitant = g.mostHesitantToken(3, 5).orElseThrow();
        assertEquals(3, hesitant.id());
        assertEquals(8, hesitant.runnerUpId());
        assertEquals(0.2, hesitant.margin().getAsDouble(), 1e-9);
        assertEquals(0.85, g.mostHesitantToken(4, 5).orElseThrow().margin().getAsDouble(), 1e-9);
        assertTrue(g.mostHesitantToken(2, 3).isEmpty(), "the colon's engine said nothing of a runner-up");
        assertTrue(new GeneratedToken(5, -1, 0, 1).margin().isEmpty());
    }

    @Test
    void aRunnerUpNeedsAnIdAndALogProbabilityNoLargerThanTheChoice() {
        assertThrows(IllegalArgumentException.class, () -> new GeneratedToken(1, -0.5, 0, 1, 2, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new GeneratedToken(1, -0.5, 0, 1, GeneratedToken.NO_RUNNER_UP, -1));
        assertThrows(IllegalArgumentException.class, () -> new GeneratedToken(1, -0.5, 0, 1, 2, -0.1));
        GeneratedToken t = new GeneratedToken(1, -0.5, 0, 1, 2, -0.7).covering(0, 3);
        assertEquals(2, t.runnerUpId());
        assertEquals(3, t.end());
    }

    @Test
    void promptTextKeepsSpecialTokensApart() {
        Prompt p = new Prompt("taiyi1", List.of(PromptPiece.special("<|endoftext|>"), PromptPiece.text("a <|im_end|> b"),
                PromptPiece.special("<|endoftext|>")), List.of("<|endoftext|>"));
        assertEquals("<|endoftext|>a <|im_end|> b<|endoftext|>", p.asText());
        assertTrue(p.pieces().get(1) instanceof PromptPiece.Text);
    }
}
