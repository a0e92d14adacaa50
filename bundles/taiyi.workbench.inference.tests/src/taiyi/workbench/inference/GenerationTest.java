package taiyi.workbench.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void promptTextKeepsSpecialTokensApart() {
        Prompt p = new Prompt("taiyi1", List.of(PromptPiece.special("<|endoftext|>"), PromptPiece.text("a <|im_end|> b"),
                PromptPiece.special("<|endoftext|>")), List.of("<|endoftext|>"));
        assertEquals("<|endoftext|>a <|im_end|> b<|endoftext|>", p.asText());
        assertTrue(p.pieces().get(1) instanceof PromptPiece.Text);
    }
}
