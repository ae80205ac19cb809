package nn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nn.api.NnException;
import org.junit.jupiter.api.Test;

class KernelChoiceTest {

    @Test
    void theReferenceIsAlwaysThereAndAutoFallsBackToIt() {
        assertEquals("ejml", KernelChoice.choose("ejml", 1).name());
        assertTrue(KernelChoice.choose("auto", 1).name().length() > 0);
    }

    @Test
    void unknownKernelsListTheKnownOnes() {
        NnException e = assertThrows(NnException.class, () -> KernelChoice.choose("cuda", 1));
        assertTrue(e.getMessage().startsWith("unknown kernels 'cuda'; known kernels: auto, ejml"), e.getMessage());
    }

    @Test
    void threadsMustBePositive() {
        NnException e = assertThrows(NnException.class, () -> KernelChoice.choose("ejml", 0));
        assertEquals("kernels ejml: threads must be a positive number, got 0", e.getMessage());
    }
}
