package nn.io;

import nn.io.json.JsonValues;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reads and writes test zips entry by entry, to make damaged or hostile copies of a good archive. */
final class ZipFixtures {

    private ZipFixtures() {
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static Path write(Path zip, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** A copy of {@code good} named {@code name} (next to it), with its entries changed. */
    static Path copy(Path good, String name, Consumer<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = entries(good);
        change.accept(entries);
        return write(good.resolveSibling(name), entries);
    }

    /** Changes the text of one entry. */
    static Consumer<Map<String, byte[]>> text(String entry, UnaryOperator<String> change) {
        return entries -> entries.put(entry,
                change.apply(new String(entries.get(entry), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    /** Changes one JSON entry as Java values. */
    @SuppressWarnings("unchecked")
    static Consumer<Map<String, byte[]>> json(String entry, Consumer<Map<String, Object>> change) {
        return text(entry, s -> {
            Map<String, Object> root = (Map<String, Object>) JsonValues.toJava(JsonValues.parse(s, entry));
            change.accept(root);
            return JsonValues.write(root);
        });
    }

    /** Overwrites 4 bytes little-endian at {@code offset} of the central-directory header of {@code entry}. */
    static void patchCentralDirectory(Path zip, String entry, int offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                int nameLength = (bytes[i + 28] & 0xff) | (bytes[i + 29] & 0xff) << 8;
                if (nameLength == name.length
                        && java.util.Arrays.equals(bytes, i + 46, i + 46 + nameLength, name, 0, nameLength)) {
                    for (int b = 0; b < 4; b++) {
                        bytes[i + offset + b] = (byte) (value >>> (8 * b));
                    }
                    Files.write(zip, bytes);
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no central directory header for " + entry);
    }
}
