package nn.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nn.api.Dataset;
import nn.api.Kernels;
import nn.core.FitConfig;
import nn.core.LabeledData;
import nn.core.Sequential;
import nn.data.fashionmnist.FashionMnistReader;
import org.ejml.data.FMatrixRMaj;

/**
 * An A/B test of a code change inside one JVM: the change sits behind a temporary static field
 * (e.g. {@code static volatile boolean EXPERIMENT} in the class under test, never committed), and
 * this tool sets it to A or B in turns (A B B A ...), timing the tutorial model's training on each.
 * On the shared VMs nn is measured on, the speed of a core drifts by 20-50 % from minute to minute
 * and two-thread steps switch between fast and slow stretches (NOTES.md, "Traps"), so builds timed
 * in separate runs minutes apart compare the machine, not the code.
 *
 * <ul>
 * <li>{@code steps}: rounds of 2,000 batch-32-equivalent training steps on one random batch (no
 * data set needed), after 5 s of warm-up;</li>
 * <li>{@code epochs}: epochs of real training on Fashion-MNIST, shuffled, after one warm-up epoch
 * (the batch gathering and the thread tuner included).</li>
 * </ul>
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar nn.bench.SwitchAB steps|epochs THREADS BATCH ROUNDS
 *     package.Class.FIELD=A:B ... [--data DIR]</pre>
 *
 * Fields may be boolean, int or long, static and of any access (the jar is on the class path).
 */
public final class SwitchAB {
    private static final long STEPS_WARM_UP_NANOS = 5_000_000_000L;
    private static final int STEPS_A_ROUND_AT_32 = 2_000;

    private final List<Field> fields = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();

    private SwitchAB() {
    }

    public static void main(String[] args) throws IllegalAccessException {
        if (args.length < 5) {
            throw new IllegalArgumentException("usage: steps|epochs THREADS BATCH ROUNDS package.Class.FIELD=A:B ... [--data DIR]");
        }
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        SwitchAB ab = new SwitchAB();
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--data")) {
                data = Path.of(args[++i]);
            } else {
                ab.addSwitch(args[i]);
            }
        }
        try (Kernels kernels = BenchKernels.of(threads == 1 ? "vector" : "vector-" + threads)) {
            Sequential model = TrainingStepBenchmark.preset("bn-before", kernels);
            double[][] seconds = switch (mode) {
                case "steps" -> ab.steps(model, batch, rounds);
                case "epochs" -> ab.epochs(model, batch, rounds, data);
                default -> throw new IllegalArgumentException("mode: steps or epochs, got " + mode);
            };
            String unit = mode.equals("steps") ? "us a step" : "s an epoch";
            for (int v = 0; v < 2; v++) {
                double[] sorted = seconds[v].clone();
                Arrays.sort(sorted);
                StringBuilder line = new StringBuilder(v == 0 ? "A" : "B").append(" (").append(unit).append("):");
                for (double s : seconds[v]) {
                    line.append(String.format(Locale.ROOT, mode.equals("steps") ? " %.0f" : " %.3f", s));
                }
                line.append(String.format(Locale.ROOT, mode.equals("steps") ? "   median %.0f" : "   median %.3f", sorted[rounds / 2]));
                System.out.println(line);
            }
        }
    }

    private void addSwitch(String spec) {
        int equals = spec.indexOf('=');
        int dot = spec.lastIndexOf('.', equals);
        if (equals < 0 || dot < 0 || spec.indexOf(':', equals) < 0) {
            throw new IllegalArgumentException("a switch reads package.Class.FIELD=A:B, got " + spec);
        }
        Field field;
        try {
            field = Class.forName(spec.substring(0, dot)).getDeclaredField(spec.substring(dot + 1, equals));
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            throw new IllegalArgumentException("switch " + spec + ": no such class or field (" + e.getMessage() + ")", e);
        }
        if (!Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
            throw new IllegalArgumentException("switch " + spec + ": the field must be static and not final");
        }
        field.setAccessible(true);
        String[] ab = spec.substring(equals + 1).split(":", 2);
        fields.add(field);
        values.add(new Object[] {parse(field, ab[0]), parse(field, ab[1])});
    }

    private static Object parse(Field field, String text) {
        Class<?> type = field.getType();
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        throw new IllegalArgumentException(field + ": only boolean, int and long fields can be switched");
    }

    /** Sets every field to its A (0) or B (1) value. */
    private void use(int variant) throws IllegalAccessException {
        for (int i = 0; i < fields.size(); i++) {
            fields.get(i).set(null, values.get(i)[variant]);
        }
    }

    /** The variant of a round's turn: A B B A, A B B A, ... */
    private static int variant(int turn) {
        return (turn % 4 == 1 || turn % 4 == 2) ? 1 : 0;
    }

    private double[][] steps(Sequential model, int batch, int rounds) throws IllegalAccessException {
        SplittableRandom random = new SplittableRandom(1);
        FMatrixRMaj images = RandomMatrices.uniform(batch, 784, 0, 1, random);
        FMatrixRMaj labels = new FMatrixRMaj(batch, 1);
        for (int i = 0; i < batch; i++) {
            labels.data[i] = random.nextInt(10);
        }
        int steps = Math.max(1, STEPS_A_ROUND_AT_32 * 32 / batch);
        long warmUpStart = System.nanoTime();
        for (int turn = 0; System.nanoTime() - warmUpStart < STEPS_WARM_UP_NANOS; turn++) {
            use(variant(turn));
            model.trainOnBatch(images, labels);
        }
        double[][] micros = new double[2][rounds];
        for (int turn = 0; turn < 2 * rounds; turn++) {
            int v = variant(turn);
            use(v);
            for (int i = 0; i < steps / 5; i++) { // the switch's own settling, untimed
                model.trainOnBatch(images, labels);
            }
            long start = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                model.trainOnBatch(images, labels);
            }
            micros[v][turn / 2] = (System.nanoTime() - start) / 1e3 / steps;
        }
        return micros;
    }

    private double[][] epochs(Sequential model, int batch, int rounds, Path data) throws IllegalAccessException {
        Dataset fashion = FashionMnistReader.read(data, Integer.MAX_VALUE);
        LabeledData train = new LabeledData(fashion.trainFeatures(), fashion.trainLabels());
        model.fit(train, new FitConfig(1, batch, true, 42));
        double[][] seconds = new double[2][rounds];
        for (int turn = 0; turn < 2 * rounds; turn++) {
            int v = variant(turn);
            use(v);
            long start = System.nanoTime();
            model.fit(train, new FitConfig(2 + turn, batch, true, 42).withInitialEpoch(1 + turn));
            seconds[v][turn / 2] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }
}
