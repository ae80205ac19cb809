package nn.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoundStatsTest {

    @Test
    void aRoundsTimeSplitsIntoEncodingComputingMovingAndCombining() {
        // two rounds of 2 tasks: 10 ms each, of which 1 ms encoding, 8 ms in the engine (5 ms the slowest worker's)
        RoundStats stats = RoundStats.NONE.plus(2, 4_000_000, 2_000_000, 1_000_000, 5_000_000, 8_000_000, 10_000_000)
                .plus(2, 4_000_000, 2_000_000, 1_000_000, 5_000_000, 8_000_000, 10_000_000);
        assertEquals("2 rounds of 2.0 tasks, 2.000 MB out and 1.000 MB back per task, 10.00 ms a round: 1.00 encoding,"
                + " 5.00 computing (slowest worker), 3.00 moving and scheduling, 1.00 combining", stats.describe());
        assertEquals("no rounds", RoundStats.NONE.describe());
    }
}
