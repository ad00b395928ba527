package dev.foresight.predictor.release;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops reading past a byte budget: a few kilobytes of gzip can inflate to gigabytes, and not every byte the object
 * stream reads passes its filter (strings and block data do not).
 */
final class CappedInput extends FilterInputStream {

    private final long budget;
    private long read;
    private boolean exceeded;

    CappedInput(InputStream in, long budget) {
        super(in);
        this.budget = budget;
    }

    /** Whether reading stopped because the budget was spent. */
    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        if (read >= budget) {
            return endOrRefuse();
        }
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (read >= budget) {
            return endOrRefuse();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, budget - read));
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (read >= budget) {
            endOrRefuse();
            return 0;
        }
        long skipped = super.skip(Math.min(n, budget - read));
        read += skipped;
        return skipped;
    }

    /** At the budget: fine if the stream ends here, refused if it goes on. */
    private int endOrRefuse() throws IOException {
        if (super.read() < 0) {
            return -1;
        }
        exceeded = true;
        throw new IOException("more than " + budget + " bytes");
    }
}
