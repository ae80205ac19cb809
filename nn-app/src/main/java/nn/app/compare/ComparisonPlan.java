package nn.app.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.app.BadOption;
import nn.io.ModelFiles;

/**
 * Which models {@code nn compare} trains, with which seeds, as given by {@code --models} and
 * {@code --seeds}; each model is named in the outputs by its preset name or its file's name
 * without {@code .json}.
 */
public record ComparisonPlan(List<String> models, List<Long> seeds) {

    public ComparisonPlan {
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
    }

    /** @param models comma-separated presets or model files; @param seeds comma-separated integers */
    public static ComparisonPlan parse(String models, String seeds) {
        List<String> modelList = items("--models", models, "a model: " + String.join(", ", ModelFiles.PRESETS)
                + " or a model file");
        nameClash(modelList).ifPresent(clash -> {
            throw new BadOption("--models", clash);
        });
        List<Long> seedList = new ArrayList<>();
        for (String seed : items("--seeds", seeds, "a seed")) {
            long value;
            try {
                value = Long.parseLong(seed);
            } catch (NumberFormatException e) {
                throw new BadOption("--seeds", "must be whole numbers separated by commas, got '" + seeds + "'");
            }
            if (seedList.contains(value)) {
                throw new BadOption("--seeds", "gives " + value + " twice");
            }
            seedList.add(value);
        }
        return new ComparisonPlan(modelList, seedList);
    }

    private static List<String> items(String option, String list, String what) {
        if (list.isBlank()) {
            throw new BadOption(option, "needs at least " + what);
        }
        List<String> items = List.of(list.split(",", -1)).stream().map(String::trim).toList();
        if (items.contains("")) {
            throw new BadOption(option, "has an empty item in '" + list + "'");
        }
        return items;
    }

    /** What is wrong when two of {@code models} would be named alike in the outputs (and so share a folder), if any. */
    public static Optional<String> nameClash(List<String> models) {
        Map<String, String> byName = new HashMap<>();
        for (String model : models) {
            String clash = byName.put(name(model), model);
            if (clash != null) {
                return Optional.of(clash.equals(model) ? "gives '" + model + "' twice"
                        : "gives '" + clash + "' and '" + model + "', both named '" + name(model) + "' in the outputs; rename one");
            }
        }
        return Optional.empty();
    }

    /** A preset's name, else the model file's name without {@code .json}. */
    public static String name(String model) {
        if (ModelFiles.PRESETS.contains(model)) {
            return model;
        }
        Path fileName = Path.of(model).getFileName();
        String name = fileName == null ? model : fileName.toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    /** Where a model's run with one seed writes its outputs, inside the comparison's folder. */
    static String folder(String model, long seed) {
        return name(model) + "-seed" + seed;
    }

    int runs() {
        return models.size() * seeds.size();
    }
}
