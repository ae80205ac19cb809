package nn.data.fashionmnist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;

/** Tries fetchers in order until one gets the files; when none does, says how to get them. */
public final class FetchChain implements Fetcher {
    private final List<Fetcher> fetchers;
    private final List<Path> searched;

    /** @param searched the folders already looked in, for the final message */
    public FetchChain(List<Fetcher> fetchers, List<Path> searched) {
        this.fetchers = List.copyOf(fetchers);
        this.searched = List.copyOf(searched);
    }

    /** Download from the original location, then its GitHub copy, then apt-get. */
    public static FetchChain standard(DataLocator locator) {
        return new FetchChain(List.of(
                new HttpFetcher(HttpFetcher.ORIGINAL_URL),
                new HttpFetcher(HttpFetcher.GITHUB_URL),
                new AptFetcher(new ProcessCommandRunner(), locator.systemDir(), Checksums.KNOWN)),
                locator.candidates());
    }

    @Override
    public String description() {
        return String.join(", then ", fetchers.stream().map(Fetcher::description).toList());
    }

    @Override
    public Path fetch(Path cacheDir) {
        List<String> failures = new ArrayList<>();
        for (Fetcher fetcher : fetchers) {
            try {
                Path folder = fetcher.fetch(cacheDir);
                if (FashionMnist.missingIn(folder).isEmpty()) {
                    return folder;
                }
                failures.add(fetcher.description() + ": " + folder + " still lacks "
                        + String.join(", ", FashionMnist.missingIn(folder)));
            } catch (NnException e) {
                failures.add(fetcher.description() + ": " + e.getMessage());
            }
        }
        throw HowToGetData.missing(searched, failures);
    }
}
