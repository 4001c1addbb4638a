package dev.multinode.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latency histograms in nanoseconds, and their trip out of a node through a file: a node's body
 * gets its own copy of what it captures, so a histogram cannot come back through a shared object.
 */
final class Histograms {

    /** Anything slower is recorded as this; a benchmark that slow has failed anyway. */
    static final long HIGHEST_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    /** @return an empty histogram of 1 ns to one minute with three significant digits; never resizes */
    static Histogram create() {
        return new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /**
     * Records a latency, clamped to the histogram's range so that an outlier never throws.
     *
     * @param histogram where to record
     * @param nanos     the latency
     */
    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos, HIGHEST_NANOS)));
    }

    /**
     * Writes the histogram in HdrHistogram's compressed form, replacing the file.
     *
     * @param histogram the histogram
     * @param file      where
     * @throws IOException if the file cannot be written
     */
    static void write(Histogram histogram, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        Files.write(file, Arrays.copyOf(buffer.array(), length));
    }

    /**
     * Reads a histogram that {@link #write} wrote.
     *
     * @param file   the file
     * @param writer who should have written it, for the error message
     * @return the histogram
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException if the file is empty or not a histogram
     */
    static Histogram read(Path file, String writer) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new IllegalStateException(writer + " wrote no histogram to " + file);
        }
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (java.util.zip.DataFormatException | RuntimeException e) {
            throw new IllegalStateException("The file " + file + " written by " + writer
                    + " does not hold a compressed HdrHistogram: " + e, e);
        }
    }
}
