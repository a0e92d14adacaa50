package taiyi.workbench.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The duration a decision is logged with, on a clock the test moves by hand. */
class DecisionClockTest {

    private static final long MS = 1_000_000L;

    @Test
    void aDecisionTakesTheTimeSinceThePreviousOneOrSinceItsItemGotTheCaret() {
        AtomicLong now = new AtomicLong(5_000 * MS);
        DecisionClock clock = new DecisionClock(now::get);
        now.addAndGet(1_200 * MS);
        assertEquals(1_200, clock.decide());

        now.addAndGet(300 * MS);
        clock.focus("S1");
        now.addAndGet(700 * MS);
        // the caret staying on the same item does not restart the clock
        clock.focus("S1");
        now.addAndGet(100 * MS);
        assertEquals(800, clock.decide());
        now.addAndGet(50 * MS);
        assertEquals(50, clock.decide());
    }
}
