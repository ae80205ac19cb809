package nn.io.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import nn.api.IoProblem;
import nn.api.NnException;

/** Reading a JSON file's text: strict UTF-8, size capped before reading; errors name the file. */
public final class JsonText {
    /** A model JSON holds a topology (and a manifest): a few MB at most even for large models. */
    public static final long MAX_BYTES = 64L << 20;

    private JsonText() {
    }

    public static String read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new NnException(file + ": " + size + " bytes is too big for a model JSON file (at most " + MAX_BYTES + ")");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new NnException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new NnException(file + ": not a text file (not UTF-8)", e);
        } catch (IOException e) {
            throw new NnException(file + ": cannot read: " + IoProblem.describe(e), e);
        }
    }
}
