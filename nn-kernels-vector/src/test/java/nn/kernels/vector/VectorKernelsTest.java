package nn.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import nn.api.EjmlKernels;
import nn.api.Kernels;
import nn.api.NnException;
import nn.kernels.vector.Reference.Op;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class VectorKernelsTest {
    private static final int[] BITS = {128, 256, 512};
    private static final int[] EDGE = {1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 47, 48, 49, 64, 97};
    /** The Dense layers of the tutorial, (inputs, units). */
    private static final int[][] LAYERS = {{784, 300}, {300, 200}, {200, 100}, {100, 10}};

    static VectorSpecies<Float> species(int bits) {
        return VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
    }

    static Stream<Arguments> bitsAndOps() {
        List<Arguments> all = new ArrayList<>();
        for (int bits : BITS) {
            for (Op op : Op.values()) {
                all.add(Arguments.of(bits, op));
            }
        }
        return all.stream();
    }

    static FMatrixRMaj run(Kernels kernels, Op op, FMatrixRMaj a, FMatrixRMaj b) {
        FMatrixRMaj c = Reference.nans(op.rows(a), op.cols(b));
        switch (op) {
            case MULT -> kernels.mult(a, b, c);
            case TRANS_A -> kernels.multTransA(a, b, c);
            case TRANS_B -> kernels.multTransB(a, b, c);
        }
        return c;
    }

    /** |c - expected| within 1e-5 of the sum of |a(i,p) b(p,j)|, element by element; NaN fails. */
    static void assertClose(String what, double[] expected, double[] absSums, FMatrixRMaj c) {
        for (int e = 0; e < expected.length; e++) {
            double tolerance = 1e-5 * absSums[e] + 1e-30;
            if (!(Math.abs(c.data[e] - expected[e]) <= tolerance)) {
                fail(what + ": element " + e + " (" + e / c.numCols + "," + e % c.numCols + ") is " + c.data[e]
                        + ", expected " + expected[e] + " within " + tolerance);
            }
        }
    }

    static double[] toDouble(FMatrixRMaj c) {
        double[] d = new double[c.numRows * c.numCols];
        for (int e = 0; e < d.length; e++) {
            d[e] = c.data[e];
        }
        return d;
    }

    @ParameterizedTest(name = "{0}-bit {1}")
    @MethodSource("bitsAndOps")
    void edgeShapesGiveTheFmaChainBitForBit(int bits, Op op) {
        VectorKernels kernels = new VectorKernels(species(bits));
        SplittableRandom random = new SplittableRandom(bits * 31L + op.ordinal());
        for (int m : new int[] {1, 2, 3, 4, 5, 8, 13}) {
            for (int n : EDGE) {
                for (int k : new int[] {0, 1, 2, 5, 16, 33}) {
                    FMatrixRMaj[] ab = op.operands(m, n, k, random);
                    FMatrixRMaj c = run(kernels, op, ab[0], ab[1]);
                    assertArrayEquals(Reference.fmaChain(op, ab[0], ab[1]).data, c.data,
                            op + " " + m + "x" + n + "x" + k);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}-bit {1}")
    @MethodSource("bitsAndOps")
    void deepProductsAreCutIntoBlocksOfKWithoutChangingABit(int bits, Op op) {
        VectorKernels kernels = new VectorKernels(species(bits));
        int lanes = kernels.species().length();
        SplittableRandom random = new SplittableRandom(bits + 100L * op.ordinal());
        // n: panels of 3 and 2 vectors and an edge, or of 3 and 1 and an edge; k: several blocks
        for (int n : new int[] {5 * lanes + 5, 4 * lanes + 3}) {
            for (int[] mk : new int[][] {{9, 1000}, {13, 16 * 1024 / lanes + 3}}) {
                FMatrixRMaj[] ab = op.operands(mk[0], n, mk[1], random);
                assertArrayEquals(Reference.fmaChain(op, ab[0], ab[1]).data, run(kernels, op, ab[0], ab[1]).data,
                        op + " " + mk[0] + "x" + n + "x" + mk[1]);
            }
        }
    }

    @ParameterizedTest(name = "{0}-bit {1}")
    @MethodSource("bitsAndOps")
    void randomShapesAgreeWithEjmlAndDouble(int bits, Op op) {
        VectorKernels kernels = new VectorKernels(species(bits));
        EjmlKernels ejml = new EjmlKernels();
        SplittableRandom random = new SplittableRandom(7 + bits + op.ordinal());
        for (int s = 0; s < 40; s++) {
            int m = 1 + random.nextInt(130);
            int n = 1 + random.nextInt(130);
            int k = 1 + random.nextInt(130);
            String shape = op + " " + m + "x" + n + "x" + k;
            FMatrixRMaj[] ab = op.operands(m, n, k, random);
            FMatrixRMaj c = run(kernels, op, ab[0], ab[1]);
            double[][] exact = Reference.exact(op, ab[0], ab[1]);
            assertClose(shape + " vs double", exact[0], exact[1], c);
            assertClose(shape + " vs ejml", toDouble(run(ejml, op, ab[0], ab[1])), exact[1], c);
            assertArrayEquals(Reference.fmaChain(op, ab[0], ab[1]).data, c.data, shape);
        }
    }

    @Test
    void tutorialShapesAgreeWithEjmlAndAreTheSameForEveryWidth() {
        EjmlKernels ejml = new EjmlKernels();
        SplittableRandom random = new SplittableRandom(42);
        for (int batch : new int[] {32, 256}) {
            for (int[] layer : LAYERS) {
                for (Op op : Op.values()) {
                    int[] mnk = switch (op) {
                        case MULT -> new int[] {batch, layer[1], layer[0]};     // z = x W
                        case TRANS_A -> new int[] {layer[0], layer[1], batch};  // dW = x^T dz
                        case TRANS_B -> new int[] {batch, layer[0], layer[1]};  // dx = dz W^T
                    };
                    String shape = op + " " + mnk[0] + "x" + mnk[1] + "x" + mnk[2];
                    FMatrixRMaj[] ab = op.operands(mnk[0], mnk[1], mnk[2], random);
                    double[][] exact = Reference.exact(op, ab[0], ab[1]);
                    assertClose(shape + " ejml vs double", exact[0], exact[1], run(ejml, op, ab[0], ab[1]));
                    FMatrixRMaj chain = Reference.fmaChain(op, ab[0], ab[1]);
                    for (int bits : BITS) {
                        FMatrixRMaj c = run(new VectorKernels(species(bits)), op, ab[0], ab[1]);
                        assertClose(shape + " " + bits + "-bit vs double", exact[0], exact[1], c);
                        assertArrayEquals(chain.data, c.data, shape + " " + bits + "-bit");
                    }
                }
            }
        }
    }

    @Test
    void repeatedCallsOnOneInstanceGiveTheSameBitsWhateverCameBefore() {
        VectorKernels kernels = new VectorKernels();
        SplittableRandom random = new SplittableRandom(3);
        // multTransB alternates its two ways (transposing b or a) and grows and reuses its scratch
        int[][] shapes = {{32, 784, 300}, {256, 10, 100}, {3, 5, 7}, {32, 784, 300}, {100, 1, 40}, {256, 10, 100}};
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                FMatrixRMaj[] ab = op.operands(s[0], s[1], s[2], random);
                FMatrixRMaj first = run(kernels, op, ab[0], ab[1]);
                FMatrixRMaj second = run(kernels, op, ab[0], ab[1]);
                assertArrayEquals(first.data, second.data);
                assertArrayEquals(Reference.fmaChain(op, ab[0], ab[1]).data, first.data, op + " " + s[0] + "x" + s[1] + "x" + s[2]);
            }
        }
    }

    @Test
    void threadCountsGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(11);
        List<int[]> shapes = new ArrayList<>(List.of(
                new int[] {32, 300, 784}, new int[] {784, 300, 32}, new int[] {32, 784, 300},
                new int[] {256, 200, 300}, new int[] {300, 200, 256}, new int[] {32, 10, 100},
                new int[] {5, 1000, 80}, new int[] {1000, 3, 90}, new int[] {2, 3, 100_000},
                new int[] {256, 300, 784}, new int[] {784, 300, 256}, new int[] {256, 784, 300}));
        for (int s = 0; s < 20; s++) {
            shapes.add(new int[] {1 + random.nextInt(400), 1 + random.nextInt(400), 1 + random.nextInt(300)});
        }
        try (VectorKernels one = new VectorKernels();
                VectorKernels two = one.withThreads(2);
                VectorKernels three = one.withThreads(3)) {
            assertEquals(2, two.threads());
            assertEquals(3, three.threads());
            for (int[] s : shapes) {
                for (Op op : Op.values()) {
                    String shape = op + " " + s[0] + "x" + s[1] + "x" + s[2];
                    FMatrixRMaj[] ab = op.operands(s[0], s[1], s[2], random);
                    FMatrixRMaj c1 = run(one, op, ab[0], ab[1]);
                    assertArrayEquals(c1.data, run(two, op, ab[0], ab[1]).data, shape + " on 2 threads");
                    assertArrayEquals(c1.data, run(three, op, ab[0], ab[1]).data, shape + " on 3 threads");
                }
            }
        }
    }

    /** useThreads limits the threads the next calls use, at any time; the bits stay those of one thread. */
    @Test
    void fewerThreadsInUseGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(13);
        try (VectorKernels one = new VectorKernels(); VectorKernels three = one.withThreads(3)) {
            for (int inUse : new int[] {1, 2, 3, 1, 3}) {
                three.useThreads(inUse);
                assertEquals(inUse, three.threadsInUse());
                assertEquals(3, three.threads());
                for (int[] s : new int[][] {{32, 300, 784}, {784, 300, 32}, {256, 200, 300}, {5, 1000, 80}}) {
                    for (Op op : Op.values()) {
                        FMatrixRMaj[] ab = op.operands(s[0], s[1], s[2], random);
                        assertArrayEquals(run(one, op, ab[0], ab[1]).data, run(three, op, ab[0], ab[1]).data,
                                op + " " + s[0] + "x" + s[1] + "x" + s[2] + " on " + inUse + " of 3 threads");
                    }
                }
            }
            assertThrows(NnException.class, () -> three.useThreads(0));
            assertThrows(NnException.class, () -> three.useThreads(4));
            assertThrows(NnException.class, () -> one.useThreads(2));
            one.useThreads(1);
            assertEquals(1, one.threadsInUse());
        }
    }

    /**
     * multAddTransA goes on with each element's chain from c: the rows of a and b cut into pieces
     * (one of them empty), the first by multTransA and the others added, give the whole product's bits.
     */
    @Test
    void multAddTransAOverPiecesOfRowsEqualsTheWholeProduct() {
        SplittableRandom random = new SplittableRandom(17);
        for (int bits : BITS) {
            try (VectorKernels one = new VectorKernels(species(bits)); VectorKernels two = one.withThreads(2)) {
                for (int[] s : new int[][] {{32, 64, 1568}, {64, 32, 441}, {40, 33, 2000}, {5, 40, 3000}, {7, 33, 100},
                        {3, 5, 9}}) {
                    FMatrixRMaj[] ab = Op.TRANS_A.operands(s[0], s[1], s[2], random);
                    float[] whole = run(one, Op.TRANS_A, ab[0], ab[1]).data;
                    int[] cuts = {0, s[2] / 3, s[2] / 3, s[2] / 2 + 1, s[2]};
                    for (VectorKernels kernels : new VectorKernels[] {one, two}) {
                        FMatrixRMaj c = Reference.nans(s[0], s[1]);
                        for (int piece = 0; piece + 1 < cuts.length; piece++) {
                            FMatrixRMaj a = rows(ab[0], cuts[piece], cuts[piece + 1]);
                            FMatrixRMaj b = rows(ab[1], cuts[piece], cuts[piece + 1]);
                            if (piece == 0) {
                                kernels.multTransA(a, b, c);
                            } else {
                                kernels.multAddTransA(a, b, c);
                            }
                        }
                        assertArrayEquals(whole, c.data, bits + "-bit " + s[0] + "x" + s[1] + "x" + s[2] + " in pieces on "
                                + kernels.threads() + " threads");
                    }
                }
            }
        }
    }

    static FMatrixRMaj rows(FMatrixRMaj m, int from, int to) {
        FMatrixRMaj piece = new FMatrixRMaj(to - from, m.numCols);
        System.arraycopy(m.data, from * m.numCols, piece.data, 0, (to - from) * m.numCols);
        return piece;
    }

    @Test
    void workersParkedAfterAPauseStillComputeTheirPart() throws InterruptedException {
        SplittableRandom random = new SplittableRandom(5);
        try (VectorKernels two = new VectorKernels().withThreads(2)) {
            for (int round = 0; round < 3; round++) {
                Thread.sleep(WorkerPool.SPIN_NANOS / 1_000_000 + 20);
                FMatrixRMaj[] ab = Op.MULT.operands(32, 300, 200, random);
                assertArrayEquals(Reference.fmaChain(Op.MULT, ab[0], ab[1]).data, run(two, Op.MULT, ab[0], ab[1]).data);
            }
        }
    }

    @Test
    void wrongShapesAndAliasingAreRefused() {
        VectorKernels kernels = new VectorKernels();
        FMatrixRMaj a = new FMatrixRMaj(3, 4);
        FMatrixRMaj b = new FMatrixRMaj(4, 5);
        assertThrows(IllegalArgumentException.class, () -> kernels.mult(a, new FMatrixRMaj(5, 5), new FMatrixRMaj(3, 5)));
        assertThrows(IllegalArgumentException.class, () -> kernels.mult(a, b, new FMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> kernels.multTransA(a, b, new FMatrixRMaj(4, 5)));
        assertThrows(IllegalArgumentException.class, () -> kernels.multTransB(a, b, new FMatrixRMaj(3, 4)));
        assertThrows(IllegalArgumentException.class, () -> kernels.multAddTransA(a, b, new FMatrixRMaj(4, 5)));
        FMatrixRMaj square = new FMatrixRMaj(4, 4);
        assertThrows(IllegalArgumentException.class, () -> kernels.mult(square, square, square));
        assertThrows(IllegalArgumentException.class, () -> new VectorKernels().withThreads(0));
    }

    @Test
    void isTheServiceNamedVector() throws Exception {
        VectorKernels kernels = new VectorKernels();
        assertEquals("vector", kernels.name());
        assertEquals(1, kernels.threads());
        assertTrue(kernels.toString().startsWith("vector ("), kernels.toString());
        Module module = VectorKernels.class.getModule();
        if (module.isNamed()) {
            assertTrue(module.getDescriptor().provides().stream().anyMatch(p -> p.service().equals(Kernels.class.getName())
                    && p.providers().equals(List.of(VectorKernels.class.getName()))), module.getDescriptor().toString());
        }
        try (var in = VectorKernels.class.getResourceAsStream("/META-INF/services/nn.api.Kernels")) {
            assertEquals(VectorKernels.class.getName(), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void closingStopsTheWorkersAndMayBeRepeated() throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        VectorKernels kernels = new VectorKernels().withThreads(3);
        List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("nn-vector-")).toList();
        assertEquals(2, workers.size(), "workers started: " + workers);
        kernels.close();
        kernels.close();
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        assertTrue(workers.stream().noneMatch(Thread::isAlive), "workers still running after close: " + workers);
    }
}
