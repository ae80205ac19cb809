package nn.data.fashionmnist;

import java.io.PrintStream;

/**
 * What getting the data is doing, told as it happens: a download or an install takes minutes and
 * must not look like a hang. {@link #text} without a line end lets a progress line grow in place.
 */
public interface FetchLog {
    /** Says nothing, for tests and embedding. */
    FetchLog NONE = text -> { };

    void text(String text);

    default void line(String line) {
        text(line + System.lineSeparator());
    }

    /** To a stream, e.g. {@code System.err}, which keeps the standard output for results. */
    static FetchLog to(PrintStream out) {
        return text -> {
            out.print(text);
            out.flush();
        };
    }
}
