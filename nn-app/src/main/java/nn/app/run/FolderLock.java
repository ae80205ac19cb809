package nn.app.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import nn.api.IoProblem;
import nn.api.NnException;

/**
 * One process's exclusive hold on a run folder: an OS lock on the folder's {@code .lock} file, which
 * the OS releases when the process ends, however it ends ({@code kill -9} included), so a lock is
 * never stale. The file itself stays: deleting it would let a waiting process lock a file that is gone.
 */
final class FolderLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final FileChannel channel;

    private FolderLock(FileChannel channel) {
        this.channel = channel;
    }

    /** @param source how errors name the folder, e.g. {@code --out runs/x} */
    static FolderLock take(Path folder, String source) {
        Path file = folder.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new NnException(source + ": cannot create the lock file " + file + ": " + IoProblem.describe(e), e);
        }
        try {
            if (channel.tryLock() != null) {
                return new FolderLock(channel);
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: another run in the same process (tests, compare)
        } catch (IOException e) {
            close(channel);
            throw new NnException(source + ": cannot lock " + file + ": " + IoProblem.describe(e), e);
        }
        close(channel);
        throw new NnException(source + ": another nn run is using this folder (it holds the lock on " + file
                + "); wait for it to end or choose another folder");
    }

    @Override
    public void close() {
        close(channel);
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process at the latest
        }
    }
}
