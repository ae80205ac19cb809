package nn.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InitializersTest {

    private static final Shape KERNEL = Shape.of(784, 300);
    private static final double TRUNCATED_STDDEV = .87962566103423978;

    /** Mean, variance (divided by n), min and max of the filled values. */
    private record Stats(double mean, double variance, double min, double max) {
        double maxAbs() {
            return Math.max(-min, max);
        }
    }

    private static FMatrixRMaj fill(Initializer init, Shape shape, long seed) {
        FMatrixRMaj m = new FMatrixRMaj(shape.rows(), shape.columns());
        init.initialize(m, shape, new SplittableRandom(seed));
        return m;
    }

    private static Stats stats(FMatrixRMaj m) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            sum += m.data[i];
            min = Math.min(min, m.data[i]);
            max = Math.max(max, m.data[i]);
        }
        double mean = sum / n;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double d = m.data[i] - mean;
            sq += d * d;
        }
        return new Stats(mean, sq / n, min, max);
    }

    private static void assertClose(double expected, double actual, double relativeTolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= relativeTolerance * Math.abs(expected),
                what + ": expected " + expected + " within " + relativeTolerance * 100 + "%, got " + actual);
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String camelCase(String snake) {
        return Arrays.stream(snake.split("_"))
                .map(p -> p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1))
                .collect(Collectors.joining());
    }

    static Iterable<String> names() {
        return Initializers.NAMES;
    }

    // ---- variance scaling family

    @Test
    void glorotUniformStaysWithinTheLimitWithUniformVariance() {
        double limit = Math.sqrt(6.0 / (784 + 300));
        Stats s = stats(fill(Initializers.glorotUniform(), KERNEL, 1));
        assertTrue(s.maxAbs() <= limit, "max |w| " + s.maxAbs() + " > limit " + limit);
        assertTrue(s.maxAbs() > 0.99 * limit, "values should reach close to the limit, max " + s.maxAbs());
        assertClose(limit * limit / 3, s.variance(), 0.02, "glorot_uniform variance");
        assertTrue(Math.abs(s.mean()) < 0.01 * limit, "mean " + s.mean());
    }

    @Test
    void glorotUniformOfAVectorUsesItsLengthForBothFans() {
        double limit = Math.sqrt(6.0 / (300 + 300));
        Stats s = stats(fill(Initializers.glorotUniform(), Shape.of(300), 3));
        assertTrue(s.maxAbs() <= limit && s.maxAbs() > 0.9 * limit, "max " + s.maxAbs());
    }

    @Test
    void glorotNormalIsTruncatedWithTheGlorotVariance() {
        double variance = 2.0 / (784 + 300);
        double stddev = Math.sqrt(variance) / TRUNCATED_STDDEV;
        Stats s = stats(fill(Initializers.glorotNormal(), KERNEL, 2));
        assertTrue(s.maxAbs() <= 2 * stddev * (1 + 1e-6), "max " + s.maxAbs() + " beyond 2 stddev " + 2 * stddev);
        assertClose(variance, s.variance(), 0.02, "glorot_normal variance");
    }

    @Test
    void heNormalHasVarianceTwoOverFanInAndIsTruncated() {
        double variance = 2.0 / 784;
        double stddev = Math.sqrt(variance) / TRUNCATED_STDDEV;
        Stats s = stats(fill(Initializers.heNormal(), KERNEL, 4));
        assertTrue(s.maxAbs() <= 2 * stddev * (1 + 1e-6), "max " + s.maxAbs() + " beyond 2 stddev " + 2 * stddev);
        assertTrue(s.maxAbs() > 1.95 * stddev, "truncation point should be reached, max " + s.maxAbs());
        assertClose(variance, s.variance(), 0.02, "he_normal variance");
        assertTrue(Math.abs(s.mean()) < 0.01 * stddev, "mean " + s.mean());
    }

    @Test
    void heUniformLimitIsSqrtSixOverFanIn() {
        double limit = Math.sqrt(6.0 / 784);
        Stats s = stats(fill(Initializers.heUniform(), KERNEL, 5));
        assertTrue(s.maxAbs() <= limit && s.maxAbs() > 0.99 * limit, "max " + s.maxAbs() + ", limit " + limit);
        assertClose(2.0 / 784, s.variance(), 0.02, "he_uniform variance");
    }

    @Test
    void lecunUniformLimitIsSqrtThreeOverFanIn() {
        double limit = Math.sqrt(3.0 / 784);
        Stats s = stats(fill(Initializers.parse("lecun_uniform", "test"), KERNEL, 6));
        assertTrue(s.maxAbs() <= limit && s.maxAbs() > 0.99 * limit, "max " + s.maxAbs() + ", limit " + limit);
        assertClose(1.0 / 784, s.variance(), 0.02, "lecun_uniform variance");
    }

    @Test
    void lecunNormalHasVarianceOneOverFanIn() {
        double stddev = Math.sqrt(1.0 / 784) / TRUNCATED_STDDEV;
        Stats s = stats(fill(Initializers.parse("LecunNormal", "test"), KERNEL, 7));
        assertTrue(s.maxAbs() <= 2 * stddev * (1 + 1e-6), "max " + s.maxAbs());
        assertClose(1.0 / 784, s.variance(), 0.02, "lecun_normal variance");
    }

    @Test
    void varianceScalingFromConfig() {
        Initializer init = Initializers.parse(Map.of("class_name", "VarianceScaling",
                "config", map("scale", 2.0, "mode", "fan_out", "distribution", "uniform")), "test");
        double limit = Math.sqrt(3.0 * 2.0 / 300);
        Stats s = stats(fill(init, KERNEL, 8));
        assertTrue(s.maxAbs() <= limit && s.maxAbs() > 0.99 * limit, "max " + s.maxAbs() + ", limit " + limit);
    }

    @Test
    void varianceScalingUntruncatedNormal() {
        Initializer init = Initializers.parse(Map.of("class_name", "VarianceScaling",
                "config", map("scale", 1.0, "mode", "fan_in", "distribution", "untruncated_normal")), "test");
        double stddev = Math.sqrt(1.0 / 784);
        Stats s = stats(fill(init, KERNEL, 9));
        assertClose(1.0 / 784, s.variance(), 0.02, "untruncated variance");
        assertTrue(s.maxAbs() > 3 * stddev, "an untruncated normal reaches past 3 stddev on 235,200 draws");
    }

    @Test
    void varianceScalingDefaultsAreKeras() {
        Map<String, Object> config = Initializers.parse("variance_scaling", "test").toConfig();
        assertEquals(Map.of("class_name", "VarianceScaling",
                "config", map("scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal", "seed", null)), config);
    }

    @Test
    void varianceScalingRejectsBadArguments() {
        NnException mode = assertThrows(NnException.class, () -> Initializers.parse(Map.of("class_name",
                "VarianceScaling", "config", map("mode", "fan")), "layer dense"));
        assertEquals("initializer VarianceScaling: 'mode' must be fan_in, fan_out or fan_avg, got \"fan\"", mode.getMessage());
        NnException dist = assertThrows(NnException.class, () -> Initializers.parse(Map.of("class_name",
                "VarianceScaling", "config", map("distribution", "gamma")), "layer dense"));
        assertEquals("initializer VarianceScaling: 'distribution' must be uniform, truncated_normal or untruncated_normal,"
                + " got \"gamma\"", dist.getMessage());
        NnException scale = assertThrows(NnException.class, () -> Initializers.parse(Map.of("class_name",
                "VarianceScaling", "config", map("scale", 0)), "layer dense"));
        assertEquals("initializer VarianceScaling: 'scale' must be positive, got 0.0", scale.getMessage());
        NnException scaleType = assertThrows(NnException.class, () -> Initializers.parse(Map.of("class_name",
                "VarianceScaling", "config", map("scale", "big")), "layer dense"));
        assertEquals("layer dense initializer VarianceScaling: 'scale' must be a number, got \"big\"", scaleType.getMessage());
    }

    // ---- Keras's _compute_fans

    @Test
    void fansOfAScalar() {
        assertEquals(1.0, VarianceScaling.fanIn(Shape.of()));
        assertEquals(1.0, VarianceScaling.fanOut(Shape.of()));
    }

    @Test
    void fansOfAVectorAreItsLength() {
        assertEquals(300.0, VarianceScaling.fanIn(Shape.of(300)));
        assertEquals(300.0, VarianceScaling.fanOut(Shape.of(300)));
    }

    @Test
    void fansOfAMatrixAreItsDimensions() {
        assertEquals(784.0, VarianceScaling.fanIn(KERNEL));
        assertEquals(300.0, VarianceScaling.fanOut(KERNEL));
    }

    @Test
    void fansOfAConvolutionKernelIncludeTheReceptiveField() {
        // Conv1D kernel (width, in, out): receptive field 5
        assertEquals(5.0 * 16, VarianceScaling.fanIn(Shape.of(5, 16, 32)));
        assertEquals(5.0 * 32, VarianceScaling.fanOut(Shape.of(5, 16, 32)));
        // Conv2D kernel (h, w, in, out): receptive field 3 * 3
        assertEquals(9.0 * 16, VarianceScaling.fanIn(Shape.of(3, 3, 16, 32)));
        assertEquals(9.0 * 32, VarianceScaling.fanOut(Shape.of(3, 3, 16, 32)));
        // Conv3D kernel
        assertEquals(2.0 * 3 * 4 * 5, VarianceScaling.fanIn(Shape.of(2, 3, 4, 5, 6)));
        assertEquals(2.0 * 3 * 4 * 6, VarianceScaling.fanOut(Shape.of(2, 3, 4, 5, 6)));
    }

    @Test
    void glorotUniformOfAConvolutionKernelUsesTheReceptiveField() {
        Shape conv = Shape.of(3, 3, 16, 32);
        double limit = Math.sqrt(6.0 / (9 * 16 + 9 * 32));
        Stats s = stats(fill(Initializers.glorotUniform(), conv, 10));
        assertTrue(s.maxAbs() <= limit && s.maxAbs() > 0.98 * limit, "max " + s.maxAbs() + ", limit " + limit);
    }

    // ---- constants

    @Test
    void zerosOnesConstant() {
        FMatrixRMaj zeros = fill(Initializers.zeros(), Shape.of(3, 2), 0);
        FMatrixRMaj ones = fill(Initializers.ones(), Shape.of(3, 2), 0);
        FMatrixRMaj half = fill(Initializers.constant(0.5f), Shape.of(3, 2), 0);
        for (int i = 0; i < 6; i++) {
            assertEquals(0f, zeros.data[i]);
            assertEquals(1f, ones.data[i]);
            assertEquals(0.5f, half.data[i]);
        }
    }

    @Test
    void constantsOverwriteWhatWasThere() {
        FMatrixRMaj m = new FMatrixRMaj(1, 4);
        Arrays.fill(m.data, 7f);
        Initializers.zeros().initialize(m, Shape.of(4), new SplittableRandom(0));
        assertArrayEquals(new float[4], m.data);
    }

    @Test
    void constantFromConfig() {
        FMatrixRMaj m = fill(Initializers.parse(Map.of("class_name", "Constant", "config", Map.of("value", 0.25)), "t"),
                Shape.of(4), 0);
        assertArrayEquals(new float[] {.25f, .25f, .25f, .25f}, m.data);
        FMatrixRMaj dflt = fill(Initializers.parse("constant", "t"), Shape.of(2), 0);
        assertArrayEquals(new float[] {0f, 0f}, dflt.data);
    }

    @Test
    void constantConfigs() {
        assertEquals(Map.of("class_name", "Zeros", "config", Map.of()), Initializers.zeros().toConfig());
        assertEquals(Map.of("class_name", "Ones", "config", Map.of()), Initializers.ones().toConfig());
        assertEquals(Map.of("class_name", "Constant", "config", Map.of("value", 0.5)),
                Initializers.constant(0.5f).toConfig());
    }

    // ---- random distributions

    @Test
    void randomUniformDefaultBounds() {
        Stats s = stats(fill(Initializers.parse("random_uniform", "t"), KERNEL, 11));
        assertTrue(s.min() >= -0.05 && s.max() <= 0.05, s.toString());
        assertTrue(s.min() < -0.049 && s.max() > 0.049, s.toString());
    }

    @Test
    void randomUniformConfiguredBounds() {
        Initializer init = Initializers.parse(Map.of("class_name", "RandomUniform",
                "config", map("minval", 1, "maxval", 3, "seed", null)), "t");
        Stats s = stats(fill(init, KERNEL, 12));
        assertTrue(s.min() >= 1 && s.max() <= 3, s.toString());
        assertTrue(s.min() < 1.01 && s.max() > 2.99, s.toString());
        assertClose(2.0, s.mean(), 0.01, "mean");
        assertClose(4.0 / 12, s.variance(), 0.02, "variance");
    }

    @Test
    void randomNormalMeanAndStddev() {
        Initializer init = Initializers.parse(Map.of("class_name", "RandomNormal",
                "config", map("mean", 1.0, "stddev", 0.5, "seed", null)), "t");
        Stats s = stats(fill(init, KERNEL, 13));
        assertEquals(1.0, s.mean(), 0.01);
        assertClose(0.5, Math.sqrt(s.variance()), 0.01, "stddev");
        assertTrue(s.max() > 1.0 + 3 * 0.5, "a normal is not truncated");
    }

    @Test
    void randomNormalDefaults() {
        Stats s = stats(fill(Initializers.parse("RandomNormal", "t"), KERNEL, 14));
        assertEquals(0.0, s.mean(), 0.001);
        assertClose(0.05, Math.sqrt(s.variance()), 0.01, "stddev");
    }

    @Test
    void truncatedNormalStaysWithinTwoStddevs() {
        Initializer init = Initializers.parse(Map.of("class_name", "TruncatedNormal",
                "config", map("mean", 1.0, "stddev", 0.5)), "t");
        Stats s = stats(fill(init, KERNEL, 15));
        assertTrue(s.min() >= 0.0 - 1e-6 && s.max() <= 2.0 + 1e-6, s.toString());
        assertEquals(1.0, s.mean(), 0.01);
        // variance of a unit normal truncated to [-2, 2] is .8796^2
        assertClose(0.25 * TRUNCATED_STDDEV * TRUNCATED_STDDEV, s.variance(), 0.02, "variance");
    }

    @Test
    void randomDistributionConfigs() {
        assertEquals(Map.of("class_name", "RandomUniform", "config", map("minval", -0.05, "maxval", 0.05, "seed", null)),
                Initializers.parse("random_uniform", "t").toConfig());
        assertEquals(Map.of("class_name", "RandomNormal", "config", map("mean", 0.0, "stddev", 0.05, "seed", null)),
                Initializers.parse("random_normal", "t").toConfig());
        assertEquals(Map.of("class_name", "TruncatedNormal", "config", map("mean", 0.0, "stddev", 0.05, "seed", null)),
                Initializers.parse("truncated_normal", "t").toConfig());
    }

    // ---- names, parsing and serialization

    @ParameterizedTest
    @MethodSource("names")
    void everyNameIsAcceptedInSnakeAndCamelCase(String snake) {
        String camel = camelCase(snake);
        assertEquals(camel, Initializers.parse(snake, "t").toConfig().get("class_name"));
        assertEquals(camel, Initializers.parse(camel, "t").toConfig().get("class_name"));
        assertEquals(camel, Initializers.parse(Map.of("class_name", camel, "config", Map.of()), "t")
                .toConfig().get("class_name"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void toConfigRoundTripsThroughParse(String snake) {
        Map<String, Object> config = Initializers.parse(snake, "t").toConfig();
        Initializer again = Initializers.parse(config, "t");
        assertEquals(config, again.toConfig());
        FMatrixRMaj a = fill(Initializers.parse(snake, "t"), Shape.of(20, 10), 99);
        FMatrixRMaj b = fill(again, Shape.of(20, 10), 99);
        assertArrayEquals(a.data, b.data);
    }

    @Test
    void kerasObjectWithNullSeed() {
        Map<String, Object> config = new HashMap<>();
        config.put("seed", null);
        Initializer init = Initializers.parse(Map.of("class_name", "GlorotUniform", "config", config), "layer dense");
        assertEquals(Initializers.glorotUniform().toConfig(), init.toConfig());
        assertEquals(Map.of("class_name", "GlorotUniform", "config", map("seed", null)), init.toConfig());
    }

    @Test
    void kerasObjectWithoutConfig() {
        Initializer init = Initializers.parse(Map.of("class_name", "HeNormal"), "layer dense");
        assertEquals("HeNormal", init.toConfig().get("class_name"));
    }

    @Test
    void parametersRoundTrip() {
        Map<String, Object> spec = Map.of("class_name", "RandomUniform", "config", map("minval", -1.0, "maxval", 2.0,
                "seed", null));
        assertEquals(spec, Initializers.parse(spec, "t").toConfig());
        Map<String, Object> vs = Map.of("class_name", "VarianceScaling", "config", map("scale", 2.0, "mode", "fan_avg",
                "distribution", "uniform", "seed", null));
        assertEquals(vs, Initializers.parse(vs, "t").toConfig());
        Map<String, Object> c = Map.of("class_name", "Constant", "config", Map.of("value", 0.5));
        assertEquals(c, Initializers.parse(c, "t").toConfig());
    }

    @Test
    void factoriesMatchTheirNames() {
        assertEquals(Initializers.parse("glorot_uniform", "t").toConfig(), Initializers.glorotUniform().toConfig());
        assertEquals(Initializers.parse("glorot_normal", "t").toConfig(), Initializers.glorotNormal().toConfig());
        assertEquals(Initializers.parse("he_uniform", "t").toConfig(), Initializers.heUniform().toConfig());
        assertEquals(Initializers.parse("he_normal", "t").toConfig(), Initializers.heNormal().toConfig());
        assertEquals(Initializers.parse("zeros", "t").toConfig(), Initializers.zeros().toConfig());
        assertEquals(Initializers.parse("ones", "t").toConfig(), Initializers.ones().toConfig());
    }

    @Test
    void anInitializerIsPassedThrough() {
        Initializer init = Initializers.heNormal();
        assertSame(init, Initializers.parse(init, "t"));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        NnException e = assertThrows(NnException.class, () -> Initializers.parse("glorot", "layer dense"));
        assertEquals("layer dense initializer glorot: unknown initializer; known: " + String.join(", ", Initializers.NAMES),
                e.getMessage());
        for (String name : Initializers.NAMES) {
            assertTrue(e.getMessage().contains(name), name);
        }
    }

    @Test
    void unknownClassNameInAnObjectIsNamed() {
        NnException e = assertThrows(NnException.class,
                () -> Initializers.parse(Map.of("class_name", "Orthogonal", "config", Map.of()), "layer dense"));
        assertTrue(e.getMessage().startsWith("layer dense initializer Orthogonal: unknown initializer; known: zeros, ones"),
                e.getMessage());
    }

    @Test
    void specThatIsNeitherNameNorObject() {
        NnException e = assertThrows(NnException.class, () -> Initializers.parse(42, "layer dense"));
        assertEquals("layer dense: an initializer must be a name or {\"class_name\": ..., \"config\": {...}}, got 42",
                e.getMessage());
        assertThrows(NnException.class, () -> Initializers.parse(null, "layer dense"));
        assertThrows(NnException.class, () -> Initializers.parse(Map.of("config", Map.of()), "layer dense"));
    }

    @Test
    void snakeCaseAsKeras() {
        assertEquals("glorot_uniform", KerasObject.snakeCase("GlorotUniform"));
        assertEquals("glorot_uniform", KerasObject.snakeCase("glorot_uniform"));
        assertEquals("he_normal", KerasObject.snakeCase("HeNormal"));
        assertEquals("variance_scaling", KerasObject.snakeCase("VarianceScaling"));
        assertEquals("batch_normalization", KerasObject.snakeCase("BatchNormalization"));
        assertEquals("conv2d", KerasObject.snakeCase("Conv2D"));
        assertEquals("max_pooling2d", KerasObject.snakeCase("MaxPooling2D"));
        assertEquals("p_re_lu", KerasObject.snakeCase("PReLU"));
    }

    @Test
    void normalDistributionIsReadAsTruncatedNormalAsKeras2Does() {
        Initializer init = Initializers.parse(Map.of("class_name", "VarianceScaling",
                "config", Map.of("scale", 1.0, "mode", "fan_in", "distribution", "normal")), "layer dense");
        org.ejml.data.FMatrixRMaj m = new org.ejml.data.FMatrixRMaj(784, 300);
        init.initialize(m, Shape.of(784, 300), new java.util.SplittableRandom(1));
        double bound = 2 * Math.sqrt(1.0 / 784) / .87962566103423978;
        for (float v : m.data) {
            assertTrue(Math.abs(v) <= bound + 1e-6, "value " + v + " beyond the truncation bound " + bound);
        }
    }

    // ---- reproducibility

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedSameValues(String name) {
        Initializer init = Initializers.parse(name, "t");
        assertArrayEquals(fill(init, KERNEL, 42).data, fill(init, KERNEL, 42).data);
    }

    @Test
    void differentSeedsDifferentValues() {
        assertFalse(Arrays.equals(fill(Initializers.glorotUniform(), KERNEL, 1).data,
                fill(Initializers.glorotUniform(), KERNEL, 2).data));
    }

    @Test
    void onlyTheShapesElementsAreWritten() {
        FMatrixRMaj m = new FMatrixRMaj(1, 10);
        Arrays.fill(m.data, 9f);
        Initializers.ones().initialize(m, Shape.of(4), new SplittableRandom(0));
        assertEquals(1f, m.data[3]);
        assertEquals(9f, m.data[4]);
    }
}
