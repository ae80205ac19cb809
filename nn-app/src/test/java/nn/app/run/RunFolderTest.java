package nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nn.api.NnException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run owns its folder: a name of its own, a lock while it runs, no mixing with what was there. */
class RunFolderTest {
    @TempDir
    Path home;

    @Test
    void runsStartedInTheSameSecondGetFoldersOfTheirOwn() {
        Path runs = home.resolve("runs");
        assertEquals(runs.resolve("2026-01-31T10-15-00"), RunFolder.createUnique(runs, "2026-01-31T10-15-00"));
        assertEquals(runs.resolve("2026-01-31T10-15-00-2"), RunFolder.createUnique(runs, "2026-01-31T10-15-00"));
        assertEquals(runs.resolve("2026-01-31T10-15-00-3"), RunFolder.createUnique(runs, "2026-01-31T10-15-00"));
    }

    @Test
    void aSecondClaimWhileTheFirstRunsIsRefusedAndTheFolderIsFreeAfterwards() {
        Path out = home.resolve("run");
        try (RunFolder first = RunFolder.claimNew(Optional.of(out), false, Training.OUTPUTS)) {
            NnException e = assertThrows(NnException.class, () -> RunFolder.claimExisting(out, "--resume " + out));
            assertEquals("--resume " + out + ": another nn run is using this folder (it holds the lock on "
                    + out.resolve(FolderLock.FILE) + "); wait for it to end or choose another folder", e.getMessage());
        }
        RunFolder.claimExisting(out, "--resume " + out).close();
    }

    @Test
    void aFolderHoldingOnlyTheLockOfARunThatFailedEarlyIsEmpty() {
        Path out = home.resolve("failed-early");
        RunFolder.claimNew(Optional.of(out), false, Training.OUTPUTS).close();
        RunFolder.claimNew(Optional.of(out), false, Training.OUTPUTS).close();
    }

    @Test
    void aNonEmptyFolderIsRefusedUnlessOverwritten() throws IOException {
        Path out = Files.createDirectories(home.resolve("old").resolve("checkpoints"));
        Path old = out.getParent();
        Files.writeString(old.resolve("run.json"), "{}");
        Files.writeString(out.resolve("best.zip"), "an old best");
        Files.writeString(old.resolve(".model.zip123.tmp"), "half");
        Files.writeString(old.resolve("notes.txt"), "mine");
        NnException e = assertThrows(NnException.class, () -> RunFolder.claimNew(Optional.of(old), false, Training.OUTPUTS));
        assertEquals("--out " + old + ": the folder already holds .model.zip123.tmp, checkpoints, notes.txt, run.json; choose another"
                + " --out, continue the run in it with --resume, or replace it with --overwrite", e.getMessage());
        assertTrue(Files.exists(old.resolve("run.json")));

        RunFolder.claimNew(Optional.of(old), true, Training.OUTPUTS).close();
        try (var left = Files.list(old)) {
            assertEquals(List.of(FolderLock.FILE, "notes.txt"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFileIsNotAFolder() throws IOException {
        Path file = Files.writeString(home.resolve("file"), "x");
        NnException e = assertThrows(NnException.class, () -> RunFolder.claimNew(Optional.of(file), false, Training.OUTPUTS));
        assertEquals("--out " + file + ": is a file, not a folder", e.getMessage());
        assertFalse(Files.isDirectory(file));
    }
}
