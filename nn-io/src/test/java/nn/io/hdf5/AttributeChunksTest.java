package nn.io.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeChunksTest {

    @Test
    void splitsIntoTheFewestNearlyEqualPartsUnderTheLimitAsNumpyArraySplit() {
        List<String> names = List.of("aaa", "bbb", "ccc", "ddd", "eee");
        assertEquals(List.of(names), AttributeChunks.split(names, 20));
        assertEquals(List.of(List.of("aaa", "bbb", "ccc"), List.of("ddd", "eee")), AttributeChunks.split(names, 16));
        assertEquals(List.of(List.of("aaa", "bbb"), List.of("ccc", "ddd"), List.of("eee")), AttributeChunks.split(names, 8));
    }

    @Test
    void nothingForAnEmptyListAndAnErrorForANameTooLongForAnyChunk() {
        assertEquals(List.of(), AttributeChunks.split(List.of(), 10));
        assertThrows(IllegalArgumentException.class, () -> AttributeChunks.split(List.of("x".repeat(10)), 10));
    }
}
