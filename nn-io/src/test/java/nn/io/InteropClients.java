package nn.io;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The independent clients of the format tests (h5py, TensorFlow.js on Node.js) are installed by
 * {@code .ci/run}, which sets {@code NN_REQUIRE_INTEROP}: there a missing client fails the test;
 * elsewhere (a developer's machine) the test is skipped, saying how to install it.
 */
public final class InteropClients {
    public static final boolean REQUIRED = System.getenv("NN_REQUIRE_INTEROP") != null;

    private InteropClients() {
    }

    /** @param missing why the client cannot run, with how to install it; null when it can */
    public static void require(String missing) {
        if (missing != null && REQUIRED) {
            fail("NN_REQUIRE_INTEROP is set but " + missing);
        }
        assumeTrue(missing == null, "skipped: " + missing);
    }
}
