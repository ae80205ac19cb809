package nn.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.List;
import nn.api.NnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetchChainTest {
    @TempDir
    Path tmp;

    @Test
    void firstFetcherThatDeliversWins() {
        Path cache = tmp.resolve("cache");
        Fetcher failing = fetcher("download from X", null);
        Fetcher working = fetcher("apt-get", IdxTestFiles.completeFolder(cache));
        Fetcher unused = mock(Fetcher.class);

        assertEquals(cache, new FetchChain(List.of(failing, working, unused), List.of()).fetch(cache));
        verify(unused, never()).fetch(cache);
    }

    @Test
    void saysWhatItTriesAndWhyItFailed() {
        Path cache = tmp.resolve("cache");
        StringBuilder told = new StringBuilder();
        Fetcher failing = fetcher("download from X", null);
        Fetcher working = fetcher("apt-get", IdxTestFiles.completeFolder(cache));
        new FetchChain(List.of(failing, working), List.of(Path.of("/a"), Path.of("/b")), told::append).fetch(cache);

        assertEquals(List.of("Fashion-MNIST is not on this machine (looked in /a, /b); getting it into " + cache,
                "trying: download from X", "failed: no network", "trying: apt-get"), told.toString().lines().toList());
    }

    @Test
    void whenNothingWorksTheMessageSaysExactlyHowToGetTheData() {
        Path cache = tmp.resolve("cache");
        FetchChain chain = new FetchChain(List.of(fetcher("download from X", null), fetcher("apt-get (package p)", null)),
                List.of(cache, Path.of("/usr/share/datasets/fashion-mnist")));

        NnException e = assertThrows(NnException.class, () -> chain.fetch(cache));

        String m = e.getMessage();
        for (String expected : List.of(
                "Fashion-MNIST data not found. Looked in: " + cache + ", /usr/share/datasets/fashion-mnist.",
                "tried download from X: no network",
                "tried apt-get (package p): no network",
                "sudo apt-get install -y dataset-fashion-mnist",
                "NN_DATA_DIR=<folder>",
                "--data <folder>",
                "data_dir",
                "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz",
                "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz",
                "~/.nn/datasets/fashion-mnist")) {
            assertTrue(m.contains(expected), () -> "says '" + expected + "':\n" + m);
        }
    }

    @Test
    void aFetcherThatReturnsAnIncompleteFolderHasFailed() {
        Path cache = tmp.resolve("cache");
        Fetcher liar = fetcher("liar", cache);

        NnException e = assertThrows(NnException.class, () -> new FetchChain(List.of(liar), List.of()).fetch(cache));

        assertTrue(e.getMessage().contains("tried liar: " + cache + " still lacks train-images-idx3-ubyte.gz"), e.getMessage());
    }

    /** A fetcher that returns {@code result}, or fails with "no network" when it is null. */
    private static Fetcher fetcher(String description, Path result) {
        Fetcher f = mock(Fetcher.class);
        when(f.description()).thenReturn(description);
        if (result == null) {
            when(f.fetch(org.mockito.ArgumentMatchers.any())).thenThrow(new NnException("no network"));
        } else {
            when(f.fetch(org.mockito.ArgumentMatchers.any())).thenReturn(result);
        }
        return f;
    }
}
