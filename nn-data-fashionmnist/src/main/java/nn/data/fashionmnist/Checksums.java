package nn.data.fashionmnist;

import java.util.Map;
import java.util.Set;

/**
 * The accepted SHA-256 of each file. There are two sets of bytes with the same IDX content: the
 * files as published by Zalando Research, and those of the Debian package
 * {@code dataset-fashion-mnist} (recompressed: their gzip headers lack the original file name, so
 * they are 23-24 bytes shorter and hash differently).
 */
public final class Checksums {

    /** As published at the original location (and in the GitHub repository), for downloads. */
    public static final Map<String, String> ORIGINAL = Map.of(
            FashionMnist.TRAIN_IMAGES, "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            FashionMnist.TRAIN_LABELS, "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            FashionMnist.TEST_IMAGES, "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            FashionMnist.TEST_LABELS, "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5");

    /** As in /usr/share/datasets/fashion-mnist from dataset-fashion-mnist 0.0~git20200523.55506a9-1. */
    public static final Map<String, String> DEBIAN = Map.of(
            FashionMnist.TRAIN_IMAGES, "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            FashionMnist.TRAIN_LABELS, "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            FashionMnist.TEST_IMAGES, "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            FashionMnist.TEST_LABELS, "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    /** Either of the two, for every file. */
    public static final Map<String, Set<String>> KNOWN = Map.of(
            FashionMnist.TRAIN_IMAGES, Set.of(ORIGINAL.get(FashionMnist.TRAIN_IMAGES), DEBIAN.get(FashionMnist.TRAIN_IMAGES)),
            FashionMnist.TRAIN_LABELS, Set.of(ORIGINAL.get(FashionMnist.TRAIN_LABELS), DEBIAN.get(FashionMnist.TRAIN_LABELS)),
            FashionMnist.TEST_IMAGES, Set.of(ORIGINAL.get(FashionMnist.TEST_IMAGES), DEBIAN.get(FashionMnist.TEST_IMAGES)),
            FashionMnist.TEST_LABELS, Set.of(ORIGINAL.get(FashionMnist.TEST_LABELS), DEBIAN.get(FashionMnist.TEST_LABELS)));

    private Checksums() {
    }
}
