package nn.io.tfjs;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The shards of a weight group read as one stream, each file opened when the previous one ends. */
final class ShardStream extends SequenceInputStream {

    ShardStream(List<Path> shards) {
        super(new Opener(shards.iterator()));
    }

    private record Opener(Iterator<Path> shards) implements Enumeration<InputStream> {
        @Override
        public boolean hasMoreElements() {
            return shards.hasNext();
        }

        @Override
        public InputStream nextElement() {
            if (!shards.hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                return Files.newInputStream(shards.next());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
