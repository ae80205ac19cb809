package nn.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import nn.api.Kernels;
import nn.api.Layer;
import nn.core.Sequential;
import org.ejml.data.FMatrixRMaj;

/**
 * CPU time of training steps of a preset on the vector kernels (batch 32 unless {@code batch=N}, random images), and of
 * each layer's training forward and backward pass: on a machine that other processes load, the
 * calling thread's CPU time moves much less than the wall clock (one thread: measured 14.3-14.5 ms
 * a cnn-bn step of CPU while the wall clock gave 23-34 ms). With several threads only the wall
 * column counts (the CPU column is the caller's share). The layers run as declared here, whereas a
 * step runs a relu just before a max pool after it (nn.core's ExecutionOrder): those relu layers'
 * figures are for the whole input, four times what a step spends on them after a 2x2 pool.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp benchmarks.jar nn.bench.StepCpuTime [preset] [threads] [layers] [batch=N]</pre>
 */
public final class StepCpuTime {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int DEFAULT_BATCH = 32;
    /**
     * Warm-up: at least this many steps and {@link #WARM_UP_NANOS}. 400 steps of the MLP (0.3 s)
     * left its two-thread steps half compiled: 0.6-1.0 ms a step where JMH gave 0.4.
     */
    private static final int WARM_UP_STEPS = 400;
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final int ROUNDS = 5;
    private static final int STEPS_A_ROUND = 100;

    private StepCpuTime() {
    }

    public static void main(String[] args) {
        String[] positional = Arrays.stream(args).filter(a -> !a.equals("layers") && !a.startsWith("batch=")).toArray(String[]::new);
        String preset = positional.length > 0 ? positional[0] : "cnn-bn";
        int threads = positional.length > 1 ? Integer.parseInt(positional[1]) : 1;
        boolean layers = Arrays.asList(args).contains("layers");
        int batch = Arrays.stream(args).filter(a -> a.startsWith("batch=")).mapToInt(a -> Integer.parseInt(a.substring(6)))
                .findFirst().orElse(DEFAULT_BATCH);
        if (batch < 1) {
            throw new IllegalArgumentException("batch=N needs N of at least 1, got " + batch);
        }
        try (Kernels kernels = BenchKernels.of(threads == 1 ? "vector" : "vector-" + threads)) {
            Sequential model = TrainingStepBenchmark.preset(preset, kernels);
            SplittableRandom random = new SplittableRandom(1);
            FMatrixRMaj images = RandomMatrices.uniform(batch, 784, 0, 1, random);
            FMatrixRMaj labels = RandomMatrices.labels(batch, 10, random);
            long warmUpStart = System.nanoTime();
            for (int i = 0; i < WARM_UP_STEPS || System.nanoTime() - warmUpStart < WARM_UP_NANOS; i++) {
                model.trainOnBatch(images, labels);
            }
            double[] cpu = new double[ROUNDS];
            double[] wall = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                for (int i = 0; i < STEPS_A_ROUND; i++) {
                    model.trainOnBatch(images, labels);
                }
                cpu[round] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / (STEPS_A_ROUND * 1e6);
                wall[round] = (System.nanoTime() - wallStart) / (STEPS_A_ROUND * 1e6);
            }
            Arrays.sort(cpu);
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "%s, batch %d, %d thread(s), ms a step: cpu min %.2f median %.2f, wall min %.2f median %.2f%n",
                    preset, batch, threads, cpu[0], cpu[ROUNDS / 2], wall[0], wall[ROUNDS / 2]);
            if (layers) {
                printLayers(model, images);
            }
        }
    }

    /**
     * Each layer's forward (training) and backward CPU time, mean of 200 passes after 100, with a
     * constant output gradient. The layers run one by one, so an activation a layer fuses in a
     * training step ({@link nn.api.FusesActivation}: BatchNormalization's ReLU) shows here as the
     * two layers' separate passes.
     */
    private static void printLayers(Sequential model, FMatrixRMaj images) {
        List<Layer> all = model.layers();
        int n = all.size();
        long[] forward = new long[n];
        long[] backward = new long[n];
        int passes = 300;
        int untimed = 100;
        for (int pass = 0; pass < passes; pass++) {
            boolean timed = pass >= untimed;
            FMatrixRMaj h = images;
            for (int i = 0; i < n; i++) {
                long start = THREADS.getCurrentThreadCpuTime();
                h = all.get(i).forward(h, true);
                forward[i] += timed ? THREADS.getCurrentThreadCpuTime() - start : 0;
            }
            FMatrixRMaj g = new FMatrixRMaj(h.numRows, h.numCols);
            Arrays.fill(g.data, 0.01f);
            // as in training: no input gradient for the first layer with weights and those before it
            int firstWithWeights = 0;
            while (firstWithWeights < n && all.get(firstWithWeights).trainableWeights().isEmpty()) {
                firstWithWeights++;
            }
            for (int i = n - 1; i >= firstWithWeights && g != null; i--) {
                long start = THREADS.getCurrentThreadCpuTime();
                g = all.get(i).backward(g, i > firstWithWeights);
                backward[i] += timed ? THREADS.getCurrentThreadCpuTime() - start : 0;
            }
        }
        for (int i = 0; i < n; i++) {
            Layer layer = all.get(i);
            System.out.printf(Locale.ROOT, "%-42s forward %8.1f us   backward %8.1f us%n", layer.name() + " (" + layer.type() + ")",
                    forward[i] / ((passes - untimed) * 1e3), backward[i] / ((passes - untimed) * 1e3));
        }
    }
}
