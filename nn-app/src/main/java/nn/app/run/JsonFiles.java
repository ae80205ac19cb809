package nn.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Map;
import nn.api.NnException;
import nn.io.AtomicFile;

/** Writes a small JSON document (e.g. run.json) whole or not at all. */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    public static void write(Path file, Map<String, Object> values) {
        byte[] json;
        try {
            json = MAPPER.writeValueAsBytes(values);
        } catch (JsonProcessingException e) {
            throw new NnException(file + ": cannot write: " + e.getOriginalMessage(), e);
        }
        AtomicFile.write(file, out -> out.write(json));
    }
}
