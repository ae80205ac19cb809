package nn.spark;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import nn.core.engine.RemoteTask;

/** A task for the engine's tests (listed in the test resources' META-INF/services): upper-cases text, throws on "fail". */
public final class UpperCaseTask implements RemoteTask {

    @Override
    public String name() {
        return "test.upper-case";
    }

    @Override
    public byte[] run(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        if (text.equals("fail")) {
            throw new IllegalArgumentException("asked to fail on the executor");
        }
        return (text.toUpperCase(Locale.ROOT) + "@" + Thread.currentThread().getName().startsWith("Executor task launch"))
                .getBytes(StandardCharsets.UTF_8);
    }
}
