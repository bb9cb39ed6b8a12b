package overparam.cli;

import overparam.claims.RunContext;

/** Progress on one console line (stderr), throttled, so long runs show they are alive. */
final class Console {
    private static long last;

    private Console() {}

    static RunContext.Progress progress() {
        return (task, done, total) -> {
            long now = System.currentTimeMillis();
            if (now - last < 250 && done < total) return;
            last = now;
            int width = 30, filled = (int) (width * done / Math.max(1, total));
            System.err.printf("\r%-40.40s [%s%s] %d/%d", task, "#".repeat(filled), " ".repeat(width - filled), done, total);
        };
    }

    static void clearProgress() {
        System.err.print("\r" + " ".repeat(90) + "\r");
    }
}
