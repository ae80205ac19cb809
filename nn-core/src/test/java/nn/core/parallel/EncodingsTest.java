package nn.core.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import nn.api.NnException;
import org.junit.jupiter.api.Test;

/** The round's bytes: what goes in comes out, and damaged or foreign bytes are one clear error. */
class EncodingsTest {
    private static final OptimizerSnapshot SLOTS = new OptimizerSnapshot(17, List.of("dense/kernel:0/momentum"),
            List.of(new float[] {0.5f, -0.25f}));

    @Test
    void aRequestComesBackAsItWent() {
        RoundRequest request = new RoundRequest(new byte[] {1, 2, 3}, -9, List.of(new float[] {1, 2}, new float[0]),
                Optional.of(SLOTS), List.of(new int[] {4, 5}, new int[0]));
        RoundRequest back = RoundRequest.decode(request.encode());
        assertArrayEquals(request.setup(), back.setup());
        assertEquals(-9, back.seed());
        assertEquals(2, back.weights().size());
        assertArrayEquals(new float[] {1, 2}, back.weights().get(0));
        assertTrue(back.localSteps());
        assertEquals(17, back.optimizer().get().iterations());
        assertEquals(SLOTS.names(), back.optimizer().get().names());
        assertArrayEquals(SLOTS.values().get(0), back.optimizer().get().values().get(0));
        assertArrayEquals(new int[] {4, 5}, back.steps().get(0));
        assertArrayEquals(new int[0], back.steps().get(1));
    }

    @Test
    void aResultComesBackAsItWent() {
        RoundResult result = new RoundResult(List.of(new float[] {0.1f}), List.of(new float[] {2, 3}), Optional.empty(),
                new float[] {0.7f, Float.NaN}, List.of(new float[] {0.2f, 0.8f}, new float[0]), 123_456_789L);
        RoundResult back = RoundResult.decode(result.encode());
        assertEquals(123_456_789L, back.computeNanos());
        assertArrayEquals(new float[] {0.1f}, back.gradients().get(0));
        assertArrayEquals(new float[] {2, 3}, back.weights().get(0));
        assertTrue(back.optimizer().isEmpty());
        assertArrayEquals(result.losses(), back.losses());
        assertArrayEquals(new float[] {0.2f, 0.8f}, back.outputs().get(0));
    }

    @Test
    void foreignTruncatedOrNewerBytesAreRefusedByName() {
        byte[] good = new RoundRequest(new byte[0], 0, List.of(new float[] {1}), Optional.empty(), List.of(new int[] {0}))
                .encode();
        assertEquals("not a data-parallel round result (it does not start with NNRS)",
                assertThrows(NnException.class, () -> RoundResult.decode(good)).getMessage());
        assertEquals("data-parallel round request is truncated or damaged",
                assertThrows(NnException.class, () -> RoundRequest.decode(Arrays.copyOf(good, good.length - 2))).getMessage());
        byte[] newer = good.clone();
        newer[4] = 2;
        assertTrue(assertThrows(NnException.class, () -> RoundRequest.decode(newer)).getMessage()
                .startsWith("data-parallel round request of version 2, but this nn reads version 1"));
    }
}
