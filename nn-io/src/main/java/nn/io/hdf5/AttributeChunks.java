package nn.io.hdf5;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list of names into attribute chunks as Keras's {@code save_attributes_to_hdf5_group}
 * does: the fewest nearly equal parts ({@code np.array_split}) each under a byte limit, stored as
 * {@code name0}, {@code name1}, ... when there is more than one. Keras's limit is 64512 bytes
 * ({@code HDF5_OBJECT_HEADER_LIMIT}); jhdf writes a string array as fixed-length strings of the
 * longest length plus one, and writes unreadable files from about 59 kB, so ours is lower: readers
 * join however many chunks there are.
 */
public final class AttributeChunks {
    /** Bytes one chunk may hold as jhdf stores it: a third below where jhdf's files turn unreadable. */
    public static final int MAX_CHUNK_BYTES = 40_000;

    private AttributeChunks() {
    }

    /** The chunks (one when the list fits); an empty list gives no chunk at all. */
    public static List<List<String>> split(List<String> names, int maxChunkBytes) {
        if (names.isEmpty()) {
            return List.of();
        }
        for (String name : names) {
            if (storedBytes(name) > maxChunkBytes) {
                throw new IllegalArgumentException("a name of " + storedBytes(name) + " bytes cannot be stored in an "
                        + "attribute (at most " + maxChunkBytes + "): " + name.substring(0, Math.min(40, name.length())) + "...");
            }
        }
        for (int chunks = 1;; chunks++) {
            List<List<String>> parts = arraySplit(names, chunks);
            if (parts.stream().allMatch(part -> bytes(part) <= maxChunkBytes)) {
                return parts;
            }
        }
    }

    /** numpy's array_split: the first {@code n % chunks} parts get one more element. */
    static List<List<String>> arraySplit(List<String> names, int chunks) {
        List<List<String>> parts = new ArrayList<>();
        int base = names.size() / chunks;
        int extra = names.size() % chunks;
        int from = 0;
        for (int i = 0; i < chunks; i++) {
            int to = from + base + (i < extra ? 1 : 0);
            parts.add(names.subList(from, to));
            from = to;
        }
        return parts;
    }

    /** A fixed-length string array: every element as long as the longest, plus its terminating zero. */
    static long bytes(List<String> part) {
        int longest = 0;
        for (String name : part) {
            longest = Math.max(longest, storedBytes(name));
        }
        return (long) part.size() * longest;
    }

    private static int storedBytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length + 1;
    }
}
