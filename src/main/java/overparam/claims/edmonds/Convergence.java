package overparam.claims.edmonds;

import overparam.claims.ClaimResult;
import overparam.claims.RunContext;
import overparam.report.Plots;

import java.util.ArrayList;
import java.util.List;

/**
 * Iterations-to-eps experiments of Theorem 1: one cell = (a varied value, an instance recipe, a seed); every cell is an
 * independent paper-GD run to Error <= eps, run on both cores. A run that hits the iteration cap is censored: its T is
 * the cap, a lower bound.
 */
final class Convergence {
    private Convergence() {}

    /** One run's recipe: N, hidden widths, bias, parameterisation, D, target law, seed, step constants. */
    record Cell(double x, int n, int[] hidden, boolean bias, String param, int d, String targets, long seed, PaperGd.Config config) {
        NetCase instance() {
            return NetCase.draw(n, hidden, bias, param, "sigmoid", "sigmoid", 1.0, "sphere", targets, d, seed);
        }
    }

    /**
     * T (or the iterations run when censored), the smallest kappa_t, the capped steps, Error_0 and a thinned kappa trace;
     * {@code passages} are the first t with Error_t <= each of the extra levels of {@link #run(List, double...)} (-1: not
     * reached, censored at {@code steps}).
     */
    record Outcome(Cell cell, int t, boolean censored, double minKappa, double minCos, double finalKappa, int capSteps, double error0,
                   double finalError, double[] traceT, double[] traceKappa, double relativeDistance, int steps, int[] passages) {
        /** This run read at extra level i: T = the first passage below it, censored (T = steps) when never reached. */
        Outcome atLevel(int i) {
            boolean c = passages[i] < 0;
            return new Outcome(cell, c ? steps : passages[i], c, minKappa, minCos, finalKappa, capSteps, error0, finalError, traceT, traceKappa,
                    relativeDistance, steps, passages);
        }
    }

    /**
     * Every cell's run, on both cores. {@code levels} (each >= the cells' eps, which is where a run stops) are read off the
     * same trajectories: one run to the smallest target serves every larger one.
     */
    static List<Outcome> run(List<Cell> cells, double... levels) {
        return Experiments.parallel(cells.size(), i -> one(cells.get(i), levels));
    }

    static Outcome one(Cell c, double... levels) {
        NetCase nc = c.instance();
        PaperGd.Run run = PaperGd.run(nc.net(), nc.theta(), nc.x(), nc.y(), c.config());
        int steps = run.steps();
        int stride = Math.max(1, steps / 1500);
        List<double[]> tr = new ArrayList<>();
        for (int t = 0; t < steps; t += stride) tr.add(new double[] {t, run.kappa()[t]});
        double[] tt = tr.stream().mapToDouble(a -> a[0]).toArray(), kk = tr.stream().mapToDouble(a -> a[1]).toArray();
        double dist = 0, norm0 = 0;
        for (int i = 0; i < nc.theta().length; i++) {
            double dd = run.finalTheta()[i] - nc.theta()[i];
            dist += dd * dd;
            norm0 += nc.theta()[i] * nc.theta()[i];
        }
        boolean censored = run.reached() < 0;
        double minCos = Double.POSITIVE_INFINITY;
        for (int t = 0; t < steps; t++) minCos = Math.min(minCos, run.minAbsCos()[t]);
        int[] passages = new int[levels.length];
        for (int i = 0; i < levels.length; i++) {
            passages[i] = -1;
            for (int t = 0; t <= steps && passages[i] < 0; t++) if (run.error()[t] <= levels[i]) passages[i] = t;
        }
        return new Outcome(c, censored ? steps : run.reached(), censored, run.minKappa(), minCos, steps > 0 ? run.kappa()[steps - 1] : Double.NaN,
                run.capCount(), run.error()[0], run.finalError(), tt, kk, Math.sqrt(dist / norm0), steps, passages);
    }

    static String describe(Outcome o) {
        return String.format("T=%d%s minKappa=%.3g capSteps=%d Error0=%.3g", o.t(), o.censored() ? " (censored)" : "", o.minKappa(), o.capSteps(),
                o.error0());
    }

    /** kappa_t along one run per value of x (the first seed), log-scale. */
    static void kappaPlot(RunContext ctx, ClaimResult.Builder r, String file, String title, String xName, List<Outcome> outs) {
        List<Plots.Series> s = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        for (Outcome o : outs) {
            if (seen.contains(o.cell().x())) continue;
            seen.add(o.cell().x());
            double[] t = o.traceT().clone(), k = o.traceKappa().clone();
            for (int i = 0; i < k.length; i++) k[i] = Math.max(k[i], 1e-300);
            for (int i = 0; i < t.length; i++) t[i] = t[i] + 1;
            if (t.length > 0) s.add(Plots.Series.line(xName + "=" + fmt(o.cell().x()) + (o.capSteps() > 0 ? " (cap active " + o.capSteps() + " steps)" : ""), t, k));
        }
        Experiments.plot(ctx, r, file, title, "iteration t + 1", "kappa_t", true, true, s);
    }

    static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
