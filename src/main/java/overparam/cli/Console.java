package overparam.cli;

import overparam.claims.RunContext;

/** Progress on one console line (stderr), throttled, so long runs show they are alive; silent when not on a terminal. */
final class Console {
    private static final boolean INTERACTIVE = System.console() != null;
    private static long last;

    private Console() {}

    static RunContext.Progress progress() {
        if (!INTERACTIVE) return RunContext.Progress.NONE;
        return (task, done, total) -> {
            synchronized (Console.class) {
                long now = System.currentTimeMillis();
                if (now - last < 250 && done < total) return;
                last = now;
                int width = 30, filled = (int) (width * done / Math.max(1, total));
                System.err.printf("\r%-40.40s [%s%s] %d/%d", task, "#".repeat(filled), " ".repeat(width - filled), done, total);
            }
        };
    }

    static void clearProgress() {
        if (INTERACTIVE) System.err.print("\r" + " ".repeat(90) + "\r");
    }
}
