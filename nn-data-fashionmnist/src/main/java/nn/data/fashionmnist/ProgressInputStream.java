package nn.data.fashionmnist;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells the share of {@code total} bytes read so far, every 10%, as {@code  10% 20% ...} on one line. */
final class ProgressInputStream extends FilterInputStream {
    private final long total;
    private final FetchLog log;
    private long read;
    private int toldTenths;

    ProgressInputStream(InputStream in, long total, FetchLog log) {
        super(in);
        this.total = total;
        this.log = log;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        read += n;
        if (total <= 0) {
            return;
        }
        int tenths = (int) Math.min(10, read * 10 / total);
        while (toldTenths < tenths) {
            toldTenths++;
            log.text(" " + toldTenths * 10 + "%");
        }
    }
}
