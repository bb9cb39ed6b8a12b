package overparam.cli;

import overparam.claims.*;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a claim and turns a harness exception into an ERROR verdict instead of aborting a whole run. */
public final class Runs {
    private Runs() {}

    /** Bad user input (a {@link BadInput}) propagates when {@code rethrowBadInput}; anything else becomes ERROR. */
    public static ClaimResult runSafely(Claim c, RunContext ctx, boolean rethrowBadInput) {
        long start = System.currentTimeMillis();
        try {
            return c.run(ctx);
        } catch (BadInput e) {
            if (rethrowBadInput) throw e;
            return ClaimResult.builder(c.id()).verdict(Verdict.ERROR, "bad input: " + e.getMessage()).error(e.toString())
                    .millis(System.currentTimeMillis() - start).build();
        } catch (RuntimeException | AssertionError e) {
            StringWriter sw = new StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            return ClaimResult.builder(c.id()).verdict(Verdict.ERROR, "harness error: " + e).error(sw.toString())
                    .millis(System.currentTimeMillis() - start).build();
        }
    }
}
