package nn.app.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nn.api.Config;
import nn.api.NnException;
import nn.app.BadOption;
import nn.core.KernelChoice;

/**
 * Everything one run of the launcher was asked to do, in one record (as Tribuo does): printed when
 * training starts and stored beside the model as {@code run.json} and in every checkpoint, from
 * which {@code train --resume} reads it back.
 *
 * @param model          a preset name (bn-before, bn-after, no-bn) or a model file
 * @param optimizer      replaces the model file's optimizer, by plugin name
 * @param learningRate   replaces the optimizer's learning rate
 * @param activation     replaces the hidden activations, by plugin name
 * @param threads        threads of the matrix kernels (results do not depend on it)
 * @param kernels        the matrix kernels: auto, ejml or vector
 * @param limit          train on the first N training images only
 * @param verbose        0 silent, 1 progress bar, 2 one line an epoch
 * @param dataParallel   train data-parallel: workers, sync every K steps, engine
 */
public record RunConfig(String model, int epochs, int batchSize, Optional<String> optimizer,
        Optional<Double> learningRate, Optional<String> activation, long seed, int threads, String kernels, Optional<Path> dataDir,
        Optional<Path> pluginsDir, Optional<Path> outDir, Optional<Integer> limit, int verbose,
        Optional<DataParallelism> dataParallel) {

    /** Validation images, as in the tutorial: the first 5,000 training images. */
    public static final int VALIDATION_SIZE = 5000;

    /** More threads than this never help and only fail to start: a value above it is a typo. */
    public static final int MAX_THREADS = 256;

    /** Each value in range, else a {@link BadOption} naming its option. */
    public RunConfig {
        if (epochs <= 0) {
            throw new BadOption("--epochs", "must be a positive number, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new BadOption("--batch-size", "must be a positive number, got " + batchSize);
        }
        if (threads <= 0 || threads > MAX_THREADS) {
            throw new BadOption("--threads", "must be a number from 1 to " + MAX_THREADS + ", got " + threads);
        }
        if (kernels == null || kernels.isBlank()) {
            throw new BadOption("--kernels", "must name kernels: auto, ejml or vector");
        }
        learningRate.ifPresent(lr -> {
            if (!(lr > 0) || lr.isInfinite()) {
                throw new BadOption("--learning-rate", "must be a positive number, got " + lr);
            }
        });
        limit.ifPresent(n -> {
            if (n <= 0) {
                throw new BadOption("--limit", "must be a positive number, got " + n);
            }
        });
        if (verbose < 0 || verbose > 2) {
            throw new BadOption("--verbose", "must be 0, 1 or 2, got " + verbose);
        }
        dataParallel.ifPresent(parallel -> {
            if (parallel.workers() > batchSize) {
                throw new BadOption("--workers", "must be at most the batch size (" + batchSize + "), got " + parallel.workers()
                        + ": each worker takes a shard of every batch");
            }
        });
        requireFolderName("--out", outDir);
        requireFolderName("--data", dataDir);
        requireFolderName("--plugins", pluginsDir);
    }

    /** Trained on one machine, as before data-parallel training. */
    public RunConfig(String model, int epochs, int batchSize, Optional<String> optimizer, Optional<Double> learningRate,
            Optional<String> activation, long seed, int threads, String kernels, Optional<Path> dataDir,
            Optional<Path> pluginsDir, Optional<Path> outDir, Optional<Integer> limit, int verbose) {
        this(model, epochs, batchSize, optimizer, learningRate, activation, seed, threads, kernels, dataDir, pluginsDir,
                outDir, limit, verbose, Optional.empty());
    }

    /** {@code --out ''} would be the working folder: a folder must be named. */
    private static void requireFolderName(String option, Optional<Path> folder) {
        if (folder.isPresent() && folder.get().toString().isBlank()) {
            throw new BadOption(option, "must name a folder, got ''");
        }
    }

    /** The tutorial: the BN-before-activation preset, 60 epochs of batches of 32. */
    public static RunConfig tutorial() {
        return new RunConfig("bn-before", 60, 32, Optional.empty(), Optional.empty(), Optional.empty(), 42, 1,
                KernelChoice.AUTO, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    /** As JSON-ready values, for {@code run.json} and the start-up banner. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("model", model);
        map.put("epochs", epochs);
        map.put("batch_size", batchSize);
        map.put("optimizer", optimizer.orElse(null));
        map.put("learning_rate", learningRate.orElse(null));
        map.put("activation", activation.orElse(null));
        map.put("seed", seed);
        map.put("threads", threads);
        map.put("kernels", kernels);
        map.put("data", dataDir.map(Path::toString).orElse(null));
        map.put("plugins", pluginsDir.map(Path::toString).orElse(null));
        map.put("out", outDir.map(Path::toString).orElse(null));
        map.put("limit", limit.orElse(null));
        map.put("verbose", verbose);
        map.put("workers", dataParallel.map(DataParallelism::workers).orElse(null));
        map.put("sync_every", dataParallel.map(DataParallelism::syncEvery).orElse(null));
        map.put("spark", dataParallel.flatMap(DataParallelism::spark).orElse(null));
        return map;
    }

    /**
     * The inverse of {@link #toMap()}, e.g. for a checkpoint's saved run; errors name {@code source}
     * and the key, not the command-line option: the user did not give the value.
     */
    public static RunConfig fromMap(Map<String, ?> map, String source) {
        Config saved = Config.of(source, map);
        if (!saved.has("seed")) {
            throw new NnException(source + ": 'seed' is required");
        }
        try {
            return new RunConfig(saved.requireString("model"), saved.requireInt("epochs"), saved.requireInt("batch_size"),
                    Optional.ofNullable(saved.getString("optimizer", null)),
                    saved.has("learning_rate") ? Optional.of(saved.getDouble("learning_rate", 0)) : Optional.empty(),
                    Optional.ofNullable(saved.getString("activation", null)), saved.getLong("seed", 42),
                    saved.getInt("threads", 1), saved.getString("kernels", KernelChoice.AUTO), path(saved, "data"),
                    path(saved, "plugins"), path(saved, "out"),
                    saved.has("limit") ? Optional.of(saved.getInt("limit", 0)) : Optional.empty(), saved.getInt("verbose", 1),
                    saved.has("workers") ? Optional.of(new DataParallelism(saved.getInt("workers", 1), saved.getInt("sync_every", 1),
                            Optional.ofNullable(saved.getString("spark", null)))) : Optional.empty());
        } catch (BadOption e) {
            throw new NnException(source + ": '" + e.key() + "' " + e.problem(), e);
        }
    }

    private static Optional<Path> path(Config saved, String key) {
        return Optional.ofNullable(saved.getString(key, null)).map(Path::of);
    }

    /**
     * This run continued in {@code folder}: the same model, seed, batch size and data limit, with
     * only what cannot change its results given anew.
     */
    public RunConfig resumedIn(Path folder, int epochs, Optional<Path> dataDir, Optional<Path> pluginsDir, int threads,
            int verbose) {
        return new RunConfig(model, epochs, batchSize, optimizer, learningRate, activation, seed, threads, kernels, dataDir,
                pluginsDir, Optional.of(folder), limit, verbose, dataParallel);
    }

    /**
     * This run on the engine given anew (a resumed run may move to or from Spark: the results stay
     * the same); only a data-parallel run can be given one.
     */
    public RunConfig onSpark(Optional<String> spark) {
        if (spark.isPresent() && dataParallel.isEmpty()) {
            throw new BadOption("--spark", "runs data-parallel training only, and this run has no --workers");
        }
        return new RunConfig(model, epochs, batchSize, optimizer, learningRate, activation, seed, threads, kernels, dataDir,
                pluginsDir, outDir, limit, verbose, dataParallel.map(parallel -> parallel.on(spark)));
    }

    /** These settings trained data-parallel as {@code parallel} says. */
    public RunConfig withDataParallel(Optional<DataParallelism> parallel) {
        return new RunConfig(model, epochs, batchSize, optimizer, learningRate, activation, seed, threads, kernels, dataDir,
                pluginsDir, outDir, limit, verbose, parallel);
    }

    /** These settings for another model and seed, written to {@code outDir}: one of {@code nn compare}'s runs. */
    public RunConfig forRun(String model, long seed, Path outDir) {
        return new RunConfig(model, epochs, batchSize, optimizer, learningRate, activation, seed, threads, kernels, dataDir,
                pluginsDir, Optional.of(outDir), limit, verbose, dataParallel);
    }
}
