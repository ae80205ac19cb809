package nn.app.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nn.api.NnException;
import nn.app.report.RunResult;
import nn.core.History;

/**
 * What a run that trained elsewhere sends back: every file of its run folder by relative path
 * (run.json, history.csv, model.zip, curves.png, checkpoints/...) and its result (every epoch's logs
 * and seconds, the test scores) as JSON, whose numbers read back to the same doubles, NaN and the
 * infinities included (a diverging run's losses).
 */
record RunOutcome(RunResult result, Map<String, byte[]> files) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not a file name a run writes: the entry holding the result. */
    private static final String RESULT = "nn-run-result.json";
    private static final List<String> NON_FINITE = List.of("NaN", "Infinity", "-Infinity");

    RunOutcome {
        files = Map.copyOf(files);
    }

    byte[] toBytes() {
        History history = result.history();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("history", history.asMap());
        json.put("seconds", history.epochSeconds());
        json.put("test", result.testScores());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try {
            entries.put(RESULT, JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new NnException("run result cannot be written: " + e.getOriginalMessage(), e);
        }
        entries.putAll(files);
        return Bundle.write(entries);
    }

    static RunOutcome fromBytes(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>(Bundle.read(bytes, "run outcome"));
        byte[] result = entries.remove(RESULT);
        if (result == null) {
            throw new NnException("run outcome: no " + RESULT);
        }
        try {
            Map<String, Object> saved = JSON.readValue(result, new TypeReference<Map<String, Object>>() {
            });
            Map<String, List<Double>> history = new LinkedHashMap<>();
            ((Map<?, ?>) saved.get("history")).forEach((name, values) -> history.put((String) name, numbers(values)));
            Map<String, Double> test = new LinkedHashMap<>();
            ((Map<?, ?>) saved.get("test")).forEach((name, value) -> test.put((String) name, number(value)));
            return new RunOutcome(new RunResult(History.of(history, numbers(saved.get("seconds"))), test), entries);
        } catch (IOException | RuntimeException e) {
            throw new NnException("run outcome: " + RESULT + " is damaged: " + e.getMessage(), e);
        }
    }

    private static List<Double> numbers(Object list) {
        return ((List<?>) list).stream().map(RunOutcome::number).toList();
    }

    /** Jackson writes NaN and the infinities as the strings Double.toString gives them ("NaN", "Infinity", "-Infinity"). */
    private static double number(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (NON_FINITE.contains(value)) {
            return Double.parseDouble((String) value);
        }
        throw new NnException("not a number: " + value);
    }
}
