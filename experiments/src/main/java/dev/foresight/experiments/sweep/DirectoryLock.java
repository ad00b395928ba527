package dev.foresight.experiments.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sweep at a time per output directory: two would share the work directory and race to write the
 * same results. Held through an OS file lock, so a killed sweep never leaves the directory locked.
 */
final class DirectoryLock implements AutoCloseable {

    static final String FILE = ".sweep.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The directory this lock holds. */
    Path dir() {
        return dir;
    }

    /** @throws IllegalStateException when another sweep holds {@code dir} */
    static DirectoryLock acquire(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another sweep is running in " + dir + "; wait for it, or give this one another -o DIR");
        }
        return new DirectoryLock(dir, channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
