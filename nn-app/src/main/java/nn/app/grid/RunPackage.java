package nn.app.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nn.api.NnException;
import nn.app.run.RunConfig;

/**
 * One training run as bytes, for wherever it trains: its settings (run.json's content) and the
 * plugin jars it may need, carried along so that executors need no copy of the plugins folder. The
 * data are not carried: the run's data folder, sent as an absolute path, must be readable where it trains.
 */
record RunPackage(RunConfig config, Optional<Path> dataDir, Map<String, byte[]> pluginJars, Map<String, byte[]> checkpoints) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = "run.json";
    private static final String PLUGINS = "plugins/";
    private static final String DATA = "data-folder";
    private static final String CHECKPOINTS = "checkpoints/";

    RunPackage {
        pluginJars = Map.copyOf(pluginJars);
        checkpoints = Map.copyOf(checkpoints);
    }

    /**
     * The run's data folder made absolute here, for executors that start in another folder; run.json keeps it as given.
     *
     * @param checkpoints the files of the run folder's {@code checkpoints/} by name, for a run that goes on from them
     */
    RunPackage(RunConfig config, Map<String, byte[]> pluginJars, Map<String, byte[]> checkpoints) {
        this(config, config.dataDir().map(Path::toAbsolutePath), pluginJars, checkpoints);
    }

    byte[] toBytes() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            entries.put(RUN, JSON.writeValueAsBytes(config.toMap()));
        } catch (JsonProcessingException e) {
            throw new NnException("run settings cannot be written: " + e.getOriginalMessage(), e);
        }
        dataDir.ifPresent(dir -> entries.put(DATA, dir.toString().getBytes(StandardCharsets.UTF_8)));
        pluginJars.forEach((name, jar) -> entries.put(PLUGINS + name, jar));
        checkpoints.forEach((name, file) -> entries.put(CHECKPOINTS + name, file));
        return Bundle.write(entries);
    }

    static RunPackage fromBytes(byte[] bytes) {
        Map<String, byte[]> entries = Bundle.read(bytes, "run package");
        byte[] run = entries.get(RUN);
        if (run == null) {
            throw new NnException("run package: no " + RUN);
        }
        Map<String, Object> settings;
        try {
            settings = JSON.readValue(run, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new NnException("run package: " + RUN + " is not JSON: " + e.getMessage(), e);
        }
        Optional<Path> dataDir = Optional.ofNullable(entries.get(DATA)).map(dir -> Path.of(new String(dir, StandardCharsets.UTF_8)));
        return new RunPackage(RunConfig.fromMap(settings, "run package " + RUN), dataDir, under(PLUGINS, entries),
                under(CHECKPOINTS, entries));
    }

    /** The entries directly in {@code folder}, by their names in it. */
    private static Map<String, byte[]> under(String folder, Map<String, byte[]> entries) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            if (name.startsWith(folder) && name.length() > folder.length() && !name.substring(folder.length()).contains("/")) {
                files.put(name.substring(folder.length()), content);
            }
        });
        return files;
    }

    List<String> pluginNames() {
        return List.copyOf(pluginJars.keySet());
    }
}
