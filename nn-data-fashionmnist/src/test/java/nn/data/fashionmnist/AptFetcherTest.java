package nn.data.fashionmnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nn.api.NnException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptFetcherTest {
    static final CommandRunner.Result OK = new CommandRunner.Result(0, "");

    @TempDir
    Path tmp;
    Path packaged;
    Path system;
    Path cache;
    final Map<String, Set<String>> checksums = new HashMap<>();
    final CommandRunner runner = mock(CommandRunner.class);

    @BeforeEach
    void setUp() {
        packaged = IdxTestFiles.completeFolder(tmp.resolve("package-content"));
        for (String name : FashionMnist.FILES) {
            checksums.put(name, Set.of(VerifiedFiles.sha256(packaged.resolve(name))));
        }
        system = tmp.resolve("usr-share");
        cache = tmp.resolve("cache");
        when(runner.onPath(anyString())).thenReturn(true);
    }

    private AptFetcher fetcher() {
        return new AptFetcher(runner, system, checksums);
    }

    private void user(String uid) {
        when(runner.run(eq(List.of("id", "-u")), any())).thenReturn(new CommandRunner.Result(0, uid + "\n"));
    }

    @Test
    void asRootInstallsThePackage() {
        user("0");
        when(runner.run(eq(List.of("apt-get", "install", "-y", "dataset-fashion-mnist")), any())).thenAnswer(call -> {
            IdxTestFiles.completeFolder(system);
            return OK;
        });

        StringBuilder told = new StringBuilder();
        assertEquals(system, new AptFetcher(runner, system, checksums, told::append).fetch(cache));
        assertFalse(Files.exists(cache), "the installed files are used where they are");
        assertEquals("running: apt-get install -y dataset-fashion-mnist" + System.lineSeparator(), told.toString());
    }

    @Test
    void asUserDownloadsAndUnpacksTheDebIntoTheCache() {
        user("1000");
        when(runner.run(eq(List.of("apt-get", "download", "dataset-fashion-mnist")), any())).thenAnswer(call -> {
            Path workDir = call.getArgument(1);
            Files.write(workDir.resolve("dataset-fashion-mnist_0.0_all.deb"), new byte[] {1});
            return OK;
        });
        when(runner.run(argThat(c -> c.get(0).equals("dpkg-deb")), any())).thenAnswer(call -> {
            List<String> command = call.getArgument(0);
            assertTrue(command.get(2).endsWith(".deb"), command.toString());
            copyTree(packaged, Path.of(command.get(3)).resolve("usr/share/datasets/fashion-mnist"));
            return OK;
        });

        assertEquals(cache, fetcher().fetch(cache));

        assertEquals(List.of(), FashionMnist.missingIn(cache));
        verify(runner, never()).run(eq(List.of("apt-get", "install", "-y", "dataset-fashion-mnist")), any());
    }

    @Test
    void unpackedFileWithAWrongChecksumIsNotCopied() {
        checksums.put(FashionMnist.TRAIN_LABELS, Set.of("f".repeat(64)));
        user("1000");
        when(runner.run(eq(List.of("apt-get", "download", "dataset-fashion-mnist")), any())).thenAnswer(call -> {
            Files.write(((Path) call.getArgument(1)).resolve("p.deb"), new byte[] {1});
            return OK;
        });
        when(runner.run(argThat(c -> c.get(0).equals("dpkg-deb")), any())).thenAnswer(call -> {
            List<String> command = call.getArgument(0);
            copyTree(packaged, Path.of(command.get(3)).resolve("usr/share/datasets/fashion-mnist"));
            return OK;
        });

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(cache));

        assertTrue(e.getMessage().contains("SHA-256 mismatch for " + FashionMnist.TRAIN_LABELS), e.getMessage());
        assertFalse(Files.exists(cache.resolve(FashionMnist.TRAIN_LABELS)));
    }

    @Test
    void failedCommandReportsItsExitCodeAndOutput() {
        user("0");
        when(runner.run(eq(List.of("apt-get", "install", "-y", "dataset-fashion-mnist")), any()))
                .thenReturn(new CommandRunner.Result(100, "Reading package lists...\nE: Unable to locate package dataset-fashion-mnist\n"));

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(cache));

        assertTrue(e.getMessage().contains("apt-get install -y dataset-fashion-mnist failed with exit code 100"), e.getMessage());
        assertTrue(e.getMessage().contains("E: Unable to locate package"), e.getMessage());
    }

    @Test
    void withoutAptGetItSaysSo() {
        when(runner.onPath("apt-get")).thenReturn(false);

        NnException e = assertThrows(NnException.class, () -> fetcher().fetch(cache));

        assertEquals("apt-get is not available on this machine", e.getMessage());
        verify(runner, never()).run(any(), any());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : FashionMnist.FILES) {
            Files.copy(from.resolve(name), to.resolve(name));
        }
    }
}
