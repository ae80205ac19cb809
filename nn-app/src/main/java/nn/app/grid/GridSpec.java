package nn.app.grid;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.app.compare.ComparisonPlan;
import nn.app.run.RunConfig;

/**
 * What {@code nn grid --spec FILE.json} explores: every combination of the values given, e.g.
 * <pre>{"models": ["bn-before", "no-bn"], "learning_rate": [0.01, 0.1], "batch_size": [32, 128],
 *  "seeds": [1, 2], "epochs": 5}</pre>
 * Each key takes one value or a list: {@code models}, {@code optimizer}, {@code learning_rate},
 * {@code batch_size}, {@code activation} and {@code seeds} are combined; {@code epochs} and
 * {@code limit} are one number for every run. A run is named by its model, the values that vary
 * and its seed, e.g. {@code bn-before_learning_rate=0.1_batch_size=32_seed1}.
 */
public record GridSpec(List<String> models, List<String> optimizers, List<Double> learningRates, List<Integer> batchSizes,
        List<String> activations, List<Long> seeds, int epochs, Optional<Integer> limit) {
    /** The keys a spec may have, in the order runs vary (the last fastest) and names show them. */
    static final List<String> KEYS = List.of("models", "optimizer", "learning_rate", "batch_size", "activation", "seeds",
            "epochs", "limit");

    public static GridSpec read(Path file) {
        String source = "--spec " + file;
        Map<String, Object> json;
        try {
            json = new ObjectMapper().readValue(Files.readAllBytes(file), new TypeReference<Map<String, Object>>() {
            });
        } catch (NoSuchFileException e) {
            throw new NnException(source + ": no such file");
        } catch (IOException e) {
            throw new NnException(source + ": not a JSON object: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (json == null) {
            throw new NnException(source + ": not a JSON object: the file holds null");
        }
        return of(json, source);
    }

    static GridSpec of(Map<String, Object> json, String source) {
        json.keySet().stream().filter(key -> !KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new NnException(source + ": unknown key '" + key + "'; known keys: " + String.join(", ", KEYS));
        });
        Values values = new Values(json, source);
        GridSpec spec = new GridSpec(values.strings("models", List.of("bn-before")), values.strings("optimizer", null),
                values.numbers("learning_rate", null, Double.class), values.numbers("batch_size", List.of(32), Integer.class),
                values.strings("activation", null), values.numbers("seeds", List.of(42L), Long.class),
                values.one("epochs", 10), values.numbers("limit", null, Integer.class).stream().findFirst());
        if (json.get("limit") instanceof List) {
            throw new NnException(source + ": 'limit' is one number for every run, not a list");
        }
        ComparisonPlan.nameClash(spec.models()).ifPresent(clash -> {
            throw new NnException(source + ": 'models' " + clash);
        });
        return spec;
    }

    /** Every combination as settings of a run, named, written under {@code folder}; {@code base} gives the rest (data, threads, ...). */
    public List<NamedRun> runs(RunConfig base, Path folder) {
        List<NamedRun> runs = new ArrayList<>();
        for (String model : models) {
            for (Optional<String> optimizer : optional(optimizers)) {
                for (Optional<Double> learningRate : optional(learningRates)) {
                    for (int batchSize : batchSizes) {
                        for (Optional<String> activation : optional(activations)) {
                            for (long seed : seeds) {
                                Map<String, Object> varying = new LinkedHashMap<>();
                                optimizer.filter(o -> optimizers.size() > 1).ifPresent(o -> varying.put("optimizer", o));
                                learningRate.filter(r -> learningRates.size() > 1).ifPresent(r -> varying.put("learning_rate", r));
                                if (batchSizes.size() > 1) {
                                    varying.put("batch_size", batchSize);
                                }
                                activation.filter(a -> activations.size() > 1).ifPresent(a -> varying.put("activation", a));
                                String name = runName(model, varying, seed);
                                runs.add(new NamedRun(name, new RunConfig(model, epochs, batchSize,
                                        optimizer.or(base::optimizer), learningRate.or(base::learningRate),
                                        activation.or(base::activation), seed, base.threads(), base.kernels(), base.dataDir(),
                                        base.pluginsDir(), Optional.of(folder.resolve(name)), limit.or(base::limit),
                                        base.verbose())));
                            }
                        }
                    }
                }
            }
        }
        return runs;
    }

    private static <T> List<Optional<T>> optional(List<T> values) {
        return values.isEmpty() ? List.of(Optional.empty()) : values.stream().map(Optional::of).toList();
    }

    private static String runName(String model, Map<String, Object> varying, long seed) {
        StringBuilder name = new StringBuilder(ComparisonPlan.name(model));
        varying.forEach((key, value) -> name.append('_').append(key).append('=').append(value));
        return name.append("_seed").append(seed).toString();
    }

    /** Reads a key's value or list of values, checking types and naming the key in errors. */
    private record Values(Map<String, Object> json, String source) {

        List<String> strings(String key, List<String> absent) {
            return list(key, absent, String.class);
        }

        <T> List<T> numbers(String key, List<T> absent, Class<T> type) {
            return list(key, absent, type);
        }

        int one(String key, int absent) {
            Object value = json.get(key);
            if (value == null) {
                return absent;
            }
            if (!(value instanceof Integer number) || number <= 0) {
                throw new NnException(source + ": '" + key + "' must be a positive whole number, got " + value);
            }
            return number;
        }

        private <T> List<T> list(String key, List<T> absent, Class<T> type) {
            Object value = json.get(key);
            if (value == null) {
                return absent == null ? List.of() : absent;
            }
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            if (items.isEmpty()) {
                throw new NnException(source + ": '" + key + "' has no values");
            }
            List<T> values = new ArrayList<>();
            for (Object item : items) {
                T converted = convert(item, type);
                if (converted == null) {
                    throw new NnException(source + ": '" + key + "' takes " + what(type) + ", got " + item);
                }
                if (values.contains(converted)) {
                    throw new NnException(source + ": '" + key + "' gives " + item + " twice");
                }
                values.add(converted);
            }
            return values;
        }

        private static <T> T convert(Object item, Class<T> type) {
            if (type == String.class && item instanceof String text && !text.isBlank()) {
                return type.cast(text);
            }
            if (type == Double.class && item instanceof Number number && number.doubleValue() > 0
                    && Double.isFinite(number.doubleValue())) {
                return type.cast(number.doubleValue());
            }
            if (type == Integer.class && item instanceof Integer number && number > 0) {
                return type.cast(number);
            }
            if (type == Long.class && (item instanceof Integer || item instanceof Long)) {
                return type.cast(((Number) item).longValue());
            }
            return null;
        }

        private static String what(Class<?> type) {
            return type == String.class ? "names" : type == Double.class ? "positive numbers"
                    : type == Integer.class ? "positive whole numbers" : "whole numbers";
        }
    }
}
