package nn.io.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import nn.api.IoProblem;
import nn.api.NnException;

/**
 * A zip file that may be hostile or damaged, opened for reading: only the expected names (none
 * with {@code ..} or an absolute path), each once; sizes bounded per entry and in total by what
 * the headers declare, before anything is read; small entries (JSON) under their own cap; large
 * ones streamed, only after the caller has said how many bytes it expects; never more bytes read
 * than a header declares, and each entry's size and CRC checked against what was read.
 */
public final class SafeZip implements AutoCloseable {
    /**
     * The most bytes one entry, all of them together, and a text entry may hold once uncompressed.
     */
    public record Limits(long maxEntryBytes, long maxTotalBytes, long maxTextBytes) {
        public static final Limits DEFAULT = new Limits(1L << 30, 1L << 30, 16L << 20);

        public Limits {
            if (maxEntryBytes < 0 || maxTotalBytes < 0 || maxTextBytes < 0 || maxTextBytes >= Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("limits: " + maxEntryBytes + ", " + maxTotalBytes + ", " + maxTextBytes);
            }
        }

        public Limits(long maxEntryBytes, long maxTotalBytes) {
            this(maxEntryBytes, maxTotalBytes, Math.min(maxEntryBytes, DEFAULT.maxTextBytes()));
        }
    }

    /** Reads a streamed entry. */
    public interface EntryReader<T> {
        T read(InputStream in) throws IOException;
    }

    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final Limits limits;

    private SafeZip(Path file, ZipFile zip, Map<String, ZipEntry> entries, Limits limits) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
        this.limits = limits;
    }

    /** Opens the zip and checks its directory: exactly {@code expected} must be there, within the limits. */
    public static SafeZip open(Path file, List<String> expected, Limits limits) {
        ZipFile zip = null;
        try {
            zip = new ZipFile(file.toFile());
            Map<String, ZipEntry> entries = new HashMap<>();
            long total = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements();) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                checkName(file, name, expected);
                if (entries.put(name, entry) != null) {
                    throw new NnException(file + ": entry " + name + " appears twice");
                }
                long declared = entry.getSize();
                if (declared < 0) {
                    throw corrupt(file, entry, "its header gives no size");
                }
                if (declared > Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total)) {
                    throw new NnException(file + ": entry " + name + " is too big (" + declared + " bytes; at most "
                            + limits.maxEntryBytes() + " bytes an entry and " + limits.maxTotalBytes() + " in all)");
                }
                total += declared;
            }
            for (String name : expected) {
                if (!entries.containsKey(name)) {
                    throw new NnException(file + ": entry " + name + " is missing; an archive holds " + String.join(", ", expected));
                }
            }
            return new SafeZip(file, zip, entries, limits);
        } catch (NoSuchFileException e) {
            throw new NnException(file + ": no such file", e);
        } catch (ZipException e) {
            throw new NnException(file + ": not a zip archive, or truncated or corrupt (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new NnException(file + ": cannot read: " + IoProblem.describe(e), e);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** The bytes an entry declares it holds, from its header. */
    public long size(String name) {
        return entries.get(name).getSize();
    }

    /** A small entry (JSON), at most {@link Limits#maxTextBytes()}. */
    public byte[] bytes(String name) {
        ZipEntry entry = entries.get(name);
        if (entry.getSize() > limits.maxTextBytes()) {
            throw new NnException(file + ": entry " + name + " is too big (" + entry.getSize() + " bytes; at most "
                    + limits.maxTextBytes() + " for a text entry)");
        }
        return read(name, InputStream::readAllBytes);
    }

    /**
     * Streams an entry to {@code reader}, which must read it to its end; never more bytes than its
     * header declares are read, and its size and CRC are checked against what was read. Callers
     * check {@link #size} against what they expect before calling.
     */
    public <T> T read(String name, EntryReader<T> reader) {
        ZipEntry entry = entries.get(name);
        try (InputStream raw = zip.getInputStream(entry)) {
            BoundedInputStream bounded = new BoundedInputStream(raw, entry.getSize());
            CheckedInputStream in = new CheckedInputStream(bounded, new CRC32());
            T result = reader.read(in);
            if (bounded.count() != entry.getSize() || in.getChecksum().getValue() != entry.getCrc()) {
                throw corrupt(file, entry, "its size or checksum does not match");
            }
            if (raw.read() >= 0) {
                throw corrupt(file, entry, "it holds more bytes than its header declares");
            }
            return result;
        } catch (ZipException e) {
            throw corrupt(file, entry, e.getMessage());
        } catch (IOException e) {
            throw new NnException(file + ": entry " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            if (zip != null) {
                zip.close();
            }
        } catch (IOException e) {
            // reading is over; nothing was written
        }
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

    public static NnException corrupt(Path file, ZipEntry entry, String why) {
        return new NnException(file + ": entry " + entry.getName() + " is corrupt (" + why + ")");
    }
}
