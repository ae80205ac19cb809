package nn.io.zip;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A first look at a zip file, to tell formats apart: its signature and entry names, nothing read. Public for the format packages of this module. */
public final class ZipEntries {

    private ZipEntries() {
    }

    /** Whether a file whose first bytes are {@code head} is a zip that holds at least these entries. */
    public static boolean holds(Path file, byte[] head, List<String> entries) {
        return isZip(head) && names(file).containsAll(entries);
    }

    private static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** The entry names, or none when the file is not a readable zip (its reader then says why). */
    private static List<String> names(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            return Collections.emptyList();
        }
    }
}
