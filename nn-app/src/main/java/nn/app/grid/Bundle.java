package nn.app.grid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nn.api.NnException;

/**
 * Named byte arrays in one zip: how a run travels to where it trains ({@link RunPackage}) and what
 * comes back ({@link RunOutcome}). Entries are stored, not deflated (model files do not shrink), and
 * reading refuses names that climb out of a folder and more than {@link #MAX_BYTES} in all.
 */
final class Bundle {
    /** Far above a run's outputs (a model file, a checkpoint, a chart), far below the heap. */
    static final long MAX_BYTES = 1L << 30;

    private Bundle() {
    }

    static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @param what names the bytes in errors, e.g. "run package" */
    static Map<String, byte[]> read(byte[] bundle, String what) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || name.equals("..") || name.startsWith("../")
                        || name.contains("/../") || name.endsWith("/..")) {
                    throw new NnException(what + ": entry '" + name + "' names a place outside its folder");
                }
                byte[] content = readAtMost(zip, MAX_BYTES - total, what);
                total += content.length;
                entries.put(name, content);
            }
        } catch (IOException e) {
            throw new NnException(what + ": not a readable bundle: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new NnException(what + ": empty, or not a bundle");
        }
        return entries;
    }

    private static byte[] readAtMost(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + (long) n > limit) {
                throw new NnException(what + ": more than " + MAX_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
