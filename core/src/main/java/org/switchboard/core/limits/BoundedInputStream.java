package org.switchboard.core.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most {@code limit} bytes through; the first byte over throws the 413 problem naming the limit. */
public final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final String name;
    private long count;

    public BoundedInputStream(InputStream in, long limit, String name) {
        super(in);
        this.limit = limit;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // ask for one byte more than the limit allows, so that a body of exactly the limit is not refused
        int wanted = (int) Math.min(length, Math.max(1, limit - count + 1));
        int n = super.read(buffer, offset, wanted);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, Math.max(1, limit - count + 1)));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw Limits.tooLarge(name, limit);
        }
    }
}
