package overparam.claims.critical;

import overparam.claims.Level;
import overparam.claims.RunContext;
import overparam.report.Plots;

import java.nio.file.Path;
import java.util.*;

/**
 * The catalogue's suggested reproduction E1: gradient descent on machines A, B and C with M in {D-1, D, 2D}, logging
 * eps_t, q_t, r, max|res| and the bound ratio max|res| 2 q_t r / eps_t (<= 1 by Theorem 1). Expected: zero final
 * loss for M >= D, positive final loss for M = D - 1 with the identity NN_3 (machines B, C). Computed once per
 * (level, seed) and shared by critical/C-07 (ratio plot) and critical/C-13 (loss plot).
 */
final class E1 {
    private E1() {}

    record Result(List<GdRuns.Log> logs, List<Map<String, Object>> table, int[] dValues, int steps) {}

    private static final Map<String, Result> CACHE = new HashMap<>();

    static synchronized Result get(RunContext ctx) {
        return CACHE.computeIfAbsent(ctx.level() + "#" + ctx.seed(), k -> compute(ctx));
    }

    static int[] dValues(Level level) {
        return level == Level.CI ? new int[] {5, 10} : new int[] {5, 10, 20};
    }

    static int steps(Level level) {
        return level == Level.CI ? 20_000 : level == Level.FULL ? 100_000 : 400_000;
    }

    static Machine machine(String kind, int d, int m, long seed) {
        return switch (kind) {
            case "A" -> Machines.machineA(5, d, m, 2, 1, "full-range", 1.0, seed);
            case "B" -> Machines.machineB(d, m, 1.0, seed);
            default -> Machines.machineC(d, m, 1.0, seed);
        };
    }

    private static Result compute(RunContext ctx) {
        List<GdRuns.Log> logs = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        int steps = steps(ctx.level());
        for (int d : dValues(ctx.level()))
            for (String kind : List.of("A", "B", "C"))
                for (int m : new int[] {d - 1, d, 2 * d}) {
                    Machine mc = machine(kind, d, m, ctx.seedFor("critical/E1#" + kind + d + "," + m));
                    GdRuns.Log log = GdRuns.run(kind + " D=" + d + " M=" + m, mc, steps, m >= d);
                    logs.add(log);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("machine", kind);
                    row.put("D", d);
                    row.put("M", m);
                    row.put("M'", mc.mPrime());
                    row.put("r", log.r());
                    row.put("eta", log.eta());
                    row.put("steps", log.steps());
                    row.put("initial loss", log.initialLoss());
                    row.put("final loss", log.finalLoss());
                    row.put("final eps", log.eps()[log.eps().length - 1]);
                    row.put("final q", log.q()[log.q().length - 1]);
                    row.put("max bound ratio over all iterates", m >= d ? log.maxRatio() : "n/a (r = 0)");
                    row.put("loss monotone", log.monotone());
                    row.put("interpolates (loss <= 1e-20)", log.finalLoss() <= 1e-20);
                    table.add(row);
                }
        return new Result(logs, table, dValues(ctx.level()), steps);
    }

    /** Every logged iterate of every run: label, t, eps_t, q_t, max|res_t|, ratio, Error(w_t). */
    static Path csv(Result res, Path dir) {
        StringBuilder b = new StringBuilder("run,r,t,eps,q,max_abs_res,bound_ratio,error\n");
        for (GdRuns.Log l : res.logs())
            for (int i = 0; i < l.t().length; i++)
                b.append(String.format(java.util.Locale.ROOT, "%s,%.17g,%d,%.17g,%.17g,%.17g,%.17g,%.17g%n", l.label(), l.r(), (long) l.t()[i], l.eps()[i], l.q()[i],
                        l.maxRes()[i], l.ratio()[i], l.loss()[i]));
        Path f = dir.resolve("E1-trajectories.csv");
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(f, b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f;
    }

    /** Bound ratio against the iterate for the largest D, M in {D, 2D} (r > 0). */
    static Path ratioPlot(Result res, Path dir) {
        int d = res.dValues()[res.dValues().length - 1];
        List<Plots.Series> series = new ArrayList<>();
        for (GdRuns.Log log : res.logs()) {
            if (!log.label().contains("D=" + d + " ") || log.r() <= 0) continue;
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < log.t().length; i++) if (log.ratio()[i] > 0 && Double.isFinite(log.ratio()[i])) pts.add(new double[] {log.t()[i] + 1, log.ratio()[i]});
            if (pts.isEmpty()) continue;
            series.add(Plots.Series.line(log.label(), pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return Plots.save(dir.resolve("E1-bound-ratio.png"), "Theorem 1 bound ratio max|res| 2 q r / eps along GD (must stay <= 1)",
                "iterate t + 1", "max|res| * 2 q_t r / eps_t", true, true, series);
    }

    /** Loss against the iterate for the largest D, all three widths. */
    static Path lossPlot(Result res, Path dir) {
        int d = res.dValues()[res.dValues().length - 1];
        List<Plots.Series> series = new ArrayList<>();
        for (GdRuns.Log log : res.logs()) {
            if (!log.label().contains("D=" + d + " ")) continue;
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < log.t().length; i++) if (log.loss()[i] > 0) pts.add(new double[] {log.t()[i] + 1, log.loss()[i]});
            if (pts.isEmpty()) continue;
            series.add(Plots.Series.line(log.label(), pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return Plots.save(dir.resolve("E1-loss.png"), "Error(w_t) along GD: machines A/B/C, M in {D-1, D, 2D}", "iterate t + 1", "Error(w_t)",
                true, true, series);
    }
}
