package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import overparam.claims.*;
import overparam.gauss.Fits;
import overparam.report.Plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * critical/C-15, section 2.5 "Long Gradient Descent Path" [derived construction]: the spiral valley
 * f(x) = |x|^2 G(theta - k ln|x|), G(phi) = 1 + a (1 - cos phi), a = 4. Its only critical point is the global minimum 0
 * (grad f = 0 needs G' = 0 and 2G = k G', impossible as G >= 1); gradient descent from (1, 0) follows the logarithmic
 * spiral theta = k ln r, whose length from r = 1 to r_end is sqrt(1 + k^2) (1 - r_end): unbounded in k.
 */
final class LongPath {
    private LongPath() {}

    static final double A = 4, R_END = 0.01;

    public record Spiral(double k) {}

    static double g(double phi) {
        return 1 + A * (1 - Math.cos(phi));
    }

    static double g1(double phi) {
        return A * Math.sin(phi);
    }

    static double g2(double phi) {
        return A * Math.cos(phi);
    }

    /** |grad f| / r as a function of phi alone: sqrt((2G - k G')^2 + G'^2). */
    static double gradOverR(double k, double phi) {
        double a = 2 * g(phi) - k * g1(phi), b = g1(phi);
        return Math.sqrt(a * a + b * b);
    }

    /** sup over phi of the spectral norm of the Hessian (scale-free: depends on phi only), in the polar frame. */
    static double hessianBound(double k) {
        double best = 0;
        for (int i = 0; i < 20000; i++) {
            double phi = 2 * Math.PI * i / 20000;
            double hrr = 2 * g(phi) - 3 * k * g1(phi) + k * k * g2(phi);
            double hrt = g1(phi) - k * g2(phi);
            double htt = 2 * g(phi) - k * g1(phi) + g2(phi);
            double mean = (hrr + htt) / 2, dev = Math.sqrt((hrr - htt) * (hrr - htt) / 4 + hrt * hrt);
            best = Math.max(best, Math.abs(mean) + dev);
        }
        return best * 1.01; // grid slack: the entries are smooth in phi with derivatives <= (1 + k)^2 a
    }

    /**
     * Rigorous lower bound on min_phi |grad f|/r: grid minimum minus (Lipschitz constant) x (half spacing); F = |(2G - kG', G')| has
     * |F'| <= |(2G' - kG'', G'')| <= a sqrt((2 + k)^2 + 1).
     */
    static double gradLowerBound(double k) {
        int n = 200_000;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) min = Math.min(min, gradOverR(k, 2 * Math.PI * i / n));
        return min - A * Math.sqrt((2 + k) * (2 + k) + 1) * Math.PI / n;
    }

    record Path(double length, long steps, double finalR, boolean monotone, double[][] trace) {}

    private static final Map<Double, Path> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Path descend(double k) {
        return CACHE.computeIfAbsent(k, kk -> descend(kk, 0));
    }

    /** GD from (1, 0) with eta = 1 / sup||Hess f|| until |x| <= R_END; path length = sum of step lengths. */
    static Path descend(double k, int keepPoints) {
        double eta = 1 / hessianBound(k);
        double x = 1, y = 0, len = 0, f = value(k, x, y);
        boolean monotone = true;
        long steps = 0;
        List<double[]> trace = new ArrayList<>();
        while (Math.hypot(x, y) > R_END && steps < 2_000_000_000L) {
            double r = Math.hypot(x, y), th = Math.atan2(y, x), phi = th - k * Math.log(r);
            double fr = r * (2 * g(phi) - k * g1(phi)), ft = r * g1(phi); // df/dr, (1/r) df/dtheta
            double c = x / r, s = y / r;
            double gx = fr * c - ft * s, gy = fr * s + ft * c;
            x -= eta * gx;
            y -= eta * gy;
            len += eta * Math.hypot(gx, gy);
            double f2 = value(k, x, y);
            if (f2 > f) monotone = false;
            f = f2;
            if (keepPoints > 0 && steps % Math.max(1, (long) (keepPoints)) == 0) trace.add(new double[] {x, y});
            steps++;
        }
        return new Path(len, steps, Math.hypot(x, y), monotone, trace.toArray(new double[0][]));
    }

    static double value(double k, double x, double y) {
        double r2 = x * x + y * y;
        if (r2 == 0) return 0;
        return r2 * g(Math.atan2(y, x) - k * 0.5 * Math.log(r2));
    }

    static final class LongGradientPath extends ReportedClaim {
        LongGradientPath() {
            super("critical/C-15");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("kMax", 16, "largest winding parameter k (GD steps grow like k^4)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int kMax = p.integer("kMax");
            List<Spiral> ks = new ArrayList<>();
            for (int k = 1; k <= kMax; k *= 2) ks.add(new Spiral(k));
            return List.of(
                    Property.of("only-critical-point-is-the-minimum", Spiral.class)
                            .description("|grad f(x)| >= c |x| with c > 0 (rigorous grid + Lipschitz bound on a function of phi alone): no critical point but 0 = argmin f")
                            .generator("k in " + ks.stream().map(Spiral::k).toList(), Arbitraries.of(ks))
                            .check(s -> Evidence.ge("min_phi |grad f|/r (lower bound)", gradLowerBound(s.k()), 0, 0).with("k", s.k())).tries(ks.size() * 2).build(),
                    Property.of("path-length-unbounded", Spiral.class)
                            .description("GD from (1,0), eta = 1/sup||Hess f||, to |x| <= 0.01: path length >= k/2 (and f decreases monotonically), while |x_0 - x*| = 1")
                            .generator("k in " + ks.stream().map(Spiral::k).toList(), Arbitraries.of(ks))
                            .check(s -> {
                                Path path = descend(s.k());
                                return Evidence.worst(Evidence.ge("GD path length >= k/2", path.length(), s.k() / 2, 0),
                                        Evidence.fact("f decreases monotonically", path.monotone()))
                                        .with("steps", path.steps()).with("path length", path.length()).with("sqrt(1+k^2)(1-r_end)", Math.sqrt(1 + s.k() * s.k()) * (1 - R_END));
                            }).tries(ks.size() * 2).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            int kMax = ctx.level() == Level.CI ? p.integer("kMax") : Math.max(p.integer("kMax"), 32);
            List<double[]> pts = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int k = 1; k <= kMax; k *= 2) {
                Path path = descend((double) k);
                pts.add(new double[] {k, path.length()});
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("k", k);
                row.put("GD steps", path.steps());
                row.put("path length", path.length());
                row.put("log-spiral length sqrt(1+k^2)(1-r_end)", Math.sqrt(1.0 + k * k) * (1 - R_END));
                row.put("min |grad f|/r", gradLowerBound(k));
                rows.add(row);
            }
            r.number("gradient-descent path length from (1,0) to |x| <= 0.01", rows);
            double[] kx = pts.stream().mapToDouble(q -> q[0]).toArray(), ly = pts.stream().mapToDouble(q -> q[1]).toArray();
            if (pts.size() >= 3) {
                Fits.Line fit = Fits.powerLaw(kx, ly, 0.95);
                r.number("path length ~ c k^b", ReportedClaim.ordered("b", fit.slope(), "95% CI", new double[] {fit.slopeLow(), fit.slopeHigh()}));
            }
            r.attachment(Plots.save(ctx.attachmentsDir(id()).resolve("path-length-vs-k.png"), "Gradient-descent path length in the spiral valley",
                    "k (winding)", "path length from (1,0) to |x| = 0.01", true, true, List.of(Plots.Series.points("GD", kx, ly),
                            Plots.Series.line("sqrt(1+k^2) (1 - 0.01)", kx, java.util.Arrays.stream(kx).map(k -> Math.sqrt(1 + k * k) * 0.99).toArray()))));
            Path shown = descend(4, 20);
            double[][] tr = shown.trace();
            r.attachment(Plots.save(ctx.attachmentsDir(id()).resolve("spiral-path-k4.png"), "GD path in the spiral valley, k = 4", "x", "y", false, false,
                    List.of(Plots.Series.line("GD iterates", java.util.Arrays.stream(tr).mapToDouble(q -> q[0]).toArray(),
                            java.util.Arrays.stream(tr).mapToDouble(q -> q[1]).toArray()))));
        }
    }
}
