package overparam.claims.oymak;

import overparam.claims.ClaimResult;
import overparam.claims.RunContext;
import overparam.report.Plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Residual-versus-iteration plots (log scale) of a GD run against the claimed envelopes, attached to the claim's result. */
final class ConvergencePlots {
    private ConvergencePlots() {}

    /** One envelope rate^(t/power) ||r_0||: power 1 for an unsquared rate, 2 for a rate proven for ||r||^2. */
    record Envelope(String name, double rate, int power) {}

    static void residual(RunContext ctx, ClaimResult.Builder r, String file, String title, double[] residual, Envelope... envelopes) {
        residual(ctx, r, file, title, residual, residual[0], envelopes);
    }

    /** As above, with the envelopes starting at {@code start} instead of ||r_0||. */
    static void residual(RunContext ctx, ClaimResult.Builder r, String file, String title, double[] residual, double start, Envelope... envelopes) {
        int len = residual.length;
        double[] tau = new double[len], res = new double[len];
        for (int t = 0; t < len; t++) {
            tau[t] = t;
            res[t] = Math.max(residual[t], Double.MIN_NORMAL);
        }
        List<Plots.Series> series = new ArrayList<>();
        series.add(Plots.Series.line("||f(W_t) - y|| (GD)", tau, res));
        for (Envelope e : envelopes) {
            double[] env = new double[len];
            for (int t = 0; t < len; t++) env[t] = Math.max(Math.exp(Math.log(start) + t * Math.log(e.rate()) / e.power()), Double.MIN_NORMAL);
            series.add(Plots.Series.line(e.name(), tau, env));
        }
        Path out = Plots.save(ctx.attachmentsDir(r.id()).resolve(file), title, "iteration t", "residual norm", false, true, series);
        r.attachment(out.toString());
    }
}
