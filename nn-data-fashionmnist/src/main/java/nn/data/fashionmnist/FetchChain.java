package nn.data.fashionmnist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nn.api.NnException;

/** Tries fetchers in order until one gets the files; when none does, says how to get them. */
public final class FetchChain implements Fetcher {
    private final List<Fetcher> fetchers;
    private final List<Path> searched;
    private final FetchLog log;

    /** @param searched the folders already looked in, for the final message */
    public FetchChain(List<Fetcher> fetchers, List<Path> searched) {
        this(fetchers, searched, FetchLog.NONE);
    }

    /** @param log told what is tried, and why it failed */
    public FetchChain(List<Fetcher> fetchers, List<Path> searched, FetchLog log) {
        this.fetchers = List.copyOf(fetchers);
        this.searched = List.copyOf(searched);
        this.log = log;
    }

    /** Download from the original location, then its GitHub copy, then apt-get; says what it does on standard error. */
    public static FetchChain standard(DataLocator locator) {
        FetchLog log = FetchLog.to(System.err);
        return new FetchChain(List.of(
                new HttpFetcher(HttpFetcher.ORIGINAL_URL, log),
                new HttpFetcher(HttpFetcher.GITHUB_URL, log),
                new AptFetcher(new ProcessCommandRunner(), locator.systemDir(), Checksums.KNOWN, log)),
                locator.candidates(), log);
    }

    @Override
    public String description() {
        return String.join(", then ", fetchers.stream().map(Fetcher::description).toList());
    }

    @Override
    public Path fetch(Path cacheDir) {
        List<String> failures = new ArrayList<>();
        log.line("Fashion-MNIST is not on this machine (looked in " + String.join(", ", searched.stream().map(Path::toString).toList())
                + "); getting it into " + cacheDir);
        for (Fetcher fetcher : fetchers) {
            log.line("trying: " + fetcher.description());
            try {
                Path folder = fetcher.fetch(cacheDir);
                if (FashionMnist.missingIn(folder).isEmpty()) {
                    return folder;
                }
                failures.add(fetcher.description() + ": " + folder + " still lacks "
                        + String.join(", ", FashionMnist.missingIn(folder)));
            } catch (NnException e) {
                failures.add(fetcher.description() + ": " + e.getMessage());
                log.line("failed: " + e.getMessage());
            }
        }
        throw HowToGetData.missing(searched, failures);
    }
}
