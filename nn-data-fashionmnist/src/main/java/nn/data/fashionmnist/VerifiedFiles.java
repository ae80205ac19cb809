package nn.data.fashionmnist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import nn.api.IoProblem;
import nn.api.NnException;

/**
 * Writes a file so that it is either complete and checked or absent: the bytes go to a temporary
 * file in the target's folder, their SHA-256 is checked, and only then is the file renamed into
 * place (an atomic rename within one folder). An interrupted or rejected write leaves nothing.
 */
public final class VerifiedFiles {

    private VerifiedFiles() {
    }

    /**
     * @param source how errors name where the bytes come from, e.g. a URL
     * @param acceptedSha256 lower-case hex digests, any one of which is accepted
     */
    public static void install(InputStream in, Path target, Set<String> acceptedSha256, String source) {
        if (acceptedSha256 == null || acceptedSha256.isEmpty()) {
            throw new NnException(source + ": no known SHA-256 for " + target.getFileName() + ", refusing it");
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel);
                    DigestInputStream digesting = new DigestInputStream(in, sha256)) {
                digesting.transferTo(out);
                channel.force(true);
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!acceptedSha256.contains(actual)) {
                throw new NnException(source + ": SHA-256 mismatch for " + target.getFileName() + ": got " + actual
                        + ", expected " + String.join(" or ", acceptedSha256) + "; the file was rejected");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException e) {
            throw new NnException(source + ": cannot write " + target + ": " + IoProblem.describe(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Lower-case hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new NnException(file + ": cannot read: " + IoProblem.describe(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort: a leftover *.part file is never mistaken for data
            }
        }
    }
}
