package overparam.claims.critical;

import overparam.claims.Level;
import overparam.claims.RunContext;
import overparam.gauss.Fits;
import overparam.linalg.Linalg;
import overparam.report.Plots;

import java.nio.file.Path;
import java.util.*;

/**
 * The catalogue's table E3: the scaling factor r = sigma_min(x') of the paper's constructions as a function of D.
 * Deterministic square constructions are decided in high precision (Features.hp: digits raised until sigma_min is
 * stable and the rank is certified); random features report the median over draws at M = D and M = 2D.
 * Computed once per (level, seed) and shared by critical/C-07.P7i, C-09.d, C-09.e, C-09.f and C-09.g.
 */
final class ScalingTable {
    private ScalingTable() {}

    static final List<String> HP_FAMILIES = List.of(Features.SIGMOID, Features.POWER, Features.SIN, Features.EXP);

    record Result(Map<String, List<Features.HpRow>> hp, List<Features.RandomRow> random, List<double[]> triangular, int dMaxHp,
                  Map<String, Object> fits) {
        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            for (var e : hp.entrySet()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Features.HpRow row : e.getValue()) rows.add(row.asMap());
                s.put(label(e.getKey()) + " (M = D)", rows);
            }
            List<Map<String, Object>> rnd = new ArrayList<>();
            for (Features.RandomRow row : random) {
                Map<String, Object> m = row.asMap();
                m.put("family", row.family());
                rnd.add(m);
            }
            s.put("random features (median over draws)", rnd);
            List<Map<String, Object>> tri = new ArrayList<>();
            for (double[] t : triangular) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("D", (int) t[0]);
                m.put("sigma_min (SVD)", t[1]);
                m.put("1/(2 cos(pi/(2D+1)))", t[2]);
                m.put("r / max column norm", t[3]);
                tri.add(m);
            }
            s.put("triangular step features (M = D)", tri);
            s.put("power-law fits", fits);
            return s;
        }
    }

    static String label(String family) {
        return switch (family) {
            case Features.SIGMOID -> "double Vandermonde [sig(d i)]";
            case Features.POWER -> "[i^d]";
            case Features.SIN -> "[sin(d i)]";
            case Features.EXP -> "[e^(d i)]";
            case Features.TRIANGULAR -> "triangular [i - d >= 0]";
            case Features.GAUSS -> "random N(0, 1/M)";
            case Features.TANH_LAYER -> "random layer tanh(Ax+b)/sqrt(M)";
            default -> family;
        };
    }

    /** The first D of the sweep whose double SVD rank is below D, or "none up to D = dMax". */
    static Object firstDoubleRankLoss(Result t, String family) {
        for (Features.HpRow row : t.hp().get(family)) if (row.rankDouble() < row.d()) return row.d();
        return "none up to D = " + t.dMaxHp();
    }

    /** The first D of the sweep whose high-precision sigma_min is below the threshold, or "none up to D = dMax". */
    static Object firstBelow(Result t, String family, double threshold) {
        for (Features.HpRow row : t.hp().get(family)) if (row.sigmaMinHp() < threshold) return row.d();
        return "none up to D = " + t.dMaxHp();
    }

    static int dMaxHp(Level level) {
        return level == Level.CI ? 10 : level == Level.FULL ? 15 : 20;
    }

    static int[] randomDs(Level level) {
        return level == Level.CI ? new int[] {5, 10, 20, 40} : new int[] {5, 10, 20, 50, 100, 200};
    }

    private static final Map<String, Result> CACHE = new HashMap<>();

    static synchronized Result get(RunContext ctx) {
        return CACHE.computeIfAbsent(ctx.level() + "#" + ctx.seed(), k -> compute(ctx));
    }

    private static Result compute(RunContext ctx) {
        int dMax = dMaxHp(ctx.level());
        Map<String, List<Features.HpRow>> hp = new LinkedHashMap<>();
        for (String f : HP_FAMILIES) {
            List<Features.HpRow> rows = new ArrayList<>();
            for (int d = 1; d <= dMax; d++) rows.add(Features.hp(f, d));
            hp.put(f, rows);
        }
        List<Features.RandomRow> random = new ArrayList<>();
        int draws = ctx.level() == Level.CI ? 15 : 41;
        Map<String, Object> fits = new LinkedHashMap<>();
        for (String f : List.of(Features.GAUSS, Features.TANH_LAYER))
            for (int factor : new int[] {1, 2}) {
                List<double[]> pts = new ArrayList<>();
                for (int d : randomDs(ctx.level())) {
                    Features.RandomRow row = Features.random(f, d, factor * d, draws, ctx.seedFor("critical/E3#" + f + factor + "," + d));
                    random.add(row);
                    pts.add(new double[] {d, row.median()});
                }
                Fits.Line fit = Fits.powerLaw(pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray(), 0.95);
                fits.put(label(f) + ", M = " + (factor == 1 ? "D" : "2D") + ": median r ~ c D^b",
                        ReportedClaim.ordered("b", fit.slope(), "95% CI", new double[] {fit.slopeLow(), fit.slopeHigh()}, "c", Math.exp(fit.intercept())));
            }
        List<double[]> tri = new ArrayList<>();
        for (int d : new int[] {1, 2, 3, 4, 5, 10, 20, 50, 100, 200}) {
            double[][] x = Features.matrix(Features.TRIANGULAR, d, d, 0);
            double s = Linalg.scalingFactor(Linalg.of(x));
            tri.add(new double[] {d, s, Features.triangularSigmaMin(d), s / Features.maxColumnNorm(x)});
        }
        return new Result(hp, random, tri, dMax, fits);
    }

    /** r(D) on a log scale: the deterministic constructions (high precision and double SVD), and the random features. */
    static List<Path> plots(Result t, Path dir) {
        List<Plots.Series> det = new ArrayList<>();
        for (var e : t.hp().entrySet()) {
            List<Features.HpRow> rows = e.getValue();
            det.add(Plots.Series.line(label(e.getKey()) + " (high precision)", rows.stream().mapToDouble(Features.HpRow::d).toArray(),
                    rows.stream().mapToDouble(Features.HpRow::sigmaMinHp).toArray()));
            List<double[]> dbl = new ArrayList<>();
            for (Features.HpRow row : rows) if (row.sigmaMinDouble() > 0) dbl.add(new double[] {row.d(), row.sigmaMinDouble()});
            det.add(Plots.Series.points(label(e.getKey()) + " (double SVD)", dbl.stream().mapToDouble(q -> q[0]).toArray(),
                    dbl.stream().mapToDouble(q -> q[1]).toArray()));
        }
        det.add(Plots.Series.line(label(Features.TRIANGULAR), t.triangular().stream().mapToDouble(q -> q[0]).toArray(),
                t.triangular().stream().mapToDouble(q -> q[1]).toArray()));
        List<Plots.Series> rnd = new ArrayList<>();
        for (String f : List.of(Features.GAUSS, Features.TANH_LAYER))
            for (int factor : new int[] {1, 2}) {
                List<Features.RandomRow> rows = t.random().stream().filter(r -> r.family().equals(f) && r.m() == factor * r.d()).toList();
                rnd.add(Plots.Series.line(label(f) + ", M = " + (factor == 1 ? "D" : "2D") + " (median)", rows.stream().mapToDouble(Features.RandomRow::d).toArray(),
                        rows.stream().mapToDouble(Features.RandomRow::median).toArray()));
            }
        double[] ds = t.random().stream().mapToDouble(Features.RandomRow::d).distinct().toArray();
        rnd.add(Plots.Series.points("0.63 / D (catalogue, N(0,1/M), M = D)", ds, java.util.Arrays.stream(ds).map(d -> 0.63 / d).toArray()));
        return List.of(
                Plots.save(dir.resolve("scaling-factor-constructions.png"), "r = sigma_min(x') of the paper's constructions (M = D): high precision vs double",
                        "D (number of training points)", "r", true, true, det),
                Plots.save(dir.resolve("scaling-factor-random-features.png"), "r = sigma_min(x') of random features (median over draws)",
                        "D (number of training points)", "r", true, true, rnd));
    }
}
