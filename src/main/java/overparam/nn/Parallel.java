package overparam.nn;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Rows of a large kernel on all cores (the common fork-join pool). Each row is computed by the same arithmetic whatever
 * the thread, so results are bit-identical to the sequential loop.
 */
final class Parallel {
    /** Multiply-adds below which a kernel stays on the calling thread (forking costs more than it saves). */
    static final long MIN_WORK = 1 << 20;

    private Parallel() {}

    static void rows(int rows, long work, IntConsumer row) {
        if (work >= MIN_WORK && rows > 1) IntStream.range(0, rows).parallel().forEach(row);
        else for (int i = 0; i < rows; i++) row.accept(i);
    }
}
