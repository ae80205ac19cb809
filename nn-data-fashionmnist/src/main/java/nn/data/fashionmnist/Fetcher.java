package nn.data.fashionmnist;

import java.nio.file.Path;

/** One way to get the four files onto this machine. */
public interface Fetcher {

    /** What it tries, for the "how to get the data" message, e.g. {@code download from <url>}. */
    String description();

    /**
     * Gets the files and returns the folder that holds all four (the cache, or wherever the
     * method puts them); throws {@link nn.api.NnException} saying why it could not.
     */
    Path fetch(Path cacheDir);
}
