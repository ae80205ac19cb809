package nn.api;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What an I/O failure means, in words for an error message: the JDK's exceptions carry the problem
 * in their class name ({@code AccessDeniedException: /x}), which users must not be shown.
 */
public final class IoProblem {

    private IoProblem() {
    }

    /** E.g. {@code permission denied}, {@code No space left on device}, {@code no such file or folder: /x/y}. */
    public static String describe(IOException e) {
        String what = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof FileAlreadyExistsException ? "already exists"
                : e instanceof NotDirectoryException ? "not a folder"
                : e instanceof DirectoryNotEmptyException ? "folder not empty"
                : null;
        if (e instanceof FileSystemException fs) {
            String problem = what != null ? what : fs.getReason() != null ? fs.getReason() : "file system error";
            return fs.getFile() == null ? problem : problem + ": " + fs.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
    }
}
