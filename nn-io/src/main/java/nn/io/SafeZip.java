package nn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import nn.api.NnException;

/**
 * Reads every entry of a zip file that may be hostile or damaged: only the expected names (none
 * with {@code ..} or an absolute path), sizes bounded per entry and in total, never reading more
 * bytes than a header declares, and each entry's size and CRC checked against what was read.
 * Public for the format packages of this module (.keras); not meant as API.
 */
public final class SafeZip {
    /** The most bytes one entry, and all of them together, may hold once uncompressed. */
    public record Limits(long maxEntryBytes, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(1L << 30, 1L << 30);

        public Limits {
            if (maxEntryBytes < 0 || maxEntryBytes >= Integer.MAX_VALUE - 8 || maxTotalBytes < 0) {
                throw new IllegalArgumentException("limits must fit a Java array: " + maxEntryBytes + ", " + maxTotalBytes);
            }
        }
    }

    private SafeZip() {
    }

    /** The contents of the entries, by name; exactly {@code expected} must be there. */
    public static Map<String, byte[]> read(Path file, List<String> expected, Limits limits) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long total = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                checkName(file, name, expected);
                if (entries.containsKey(name)) {
                    throw new NnException(file + ": entry " + name + " appears twice");
                }
                long declared = entry.getSize();
                long room = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
                if (declared > room) {
                    throw tooBig(file, name, declared, limits);
                }
                byte[] content = readEntry(zip, entry, file);
                total += content.length;
                entries.put(name, content);
            }
        } catch (NoSuchFileException e) {
            throw new NnException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new NnException(file + ": not a zip archive, or truncated or corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new NnException(file + ": cannot read: " + e, e);
        }
        for (String name : expected) {
            if (!entries.containsKey(name)) {
                throw new NnException(file + ": entry " + name + " is missing; an archive holds " + String.join(", ", expected));
            }
        }
        return entries;
    }

    private static void checkName(Path file, String name, List<String> expected) {
        boolean absolute = name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*");
        boolean climbs = ("/" + name.replace('\\', '/') + "/").contains("/../");
        if (absolute || climbs) {
            throw new NnException(file + ": unsafe entry name '" + name + "' (absolute, or with '..')");
        }
        if (!expected.contains(name)) {
            throw new NnException(file + ": unexpected entry '" + name + "'; an archive holds " + String.join(", ", expected));
        }
    }

    /**
     * Reads the entry, never more than its header declares (already checked against the limits):
     * one byte more means the header lies, however much more the data would inflate to.
     */
    private static byte[] readEntry(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        long declared = entry.getSize();
        if (declared < 0) {
            throw corrupt(file, entry, "its header gives no size");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] content = in.readNBytes((int) declared + 1);
            if (content.length > declared) {
                throw corrupt(file, entry, "it holds more bytes than its header declares");
            }
            CRC32 crc = new CRC32();
            crc.update(content);
            if (content.length != declared || crc.getValue() != entry.getCrc()) {
                throw corrupt(file, entry, "its size or checksum does not match");
            }
            return content;
        } catch (ZipException e) {
            throw corrupt(file, entry, e.getMessage());
        }
    }

    private static NnException corrupt(Path file, ZipEntry entry, String why) {
        return new NnException(file + ": entry " + entry.getName() + " is corrupt (" + why + ")");
    }

    private static NnException tooBig(Path file, String name, long size, Limits limits) {
        return new NnException(file + ": entry " + name + " is too big (" + size + " bytes; at most "
                + limits.maxEntryBytes() + " bytes an entry and " + limits.maxTotalBytes() + " in all)");
    }
}
