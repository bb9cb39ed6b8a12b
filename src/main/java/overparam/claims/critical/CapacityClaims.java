package overparam.claims.critical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.*;

/** critical/C-14.a .. C-14.d: the capacity claims of sections 1.1 and 2.6. */
final class CapacityClaims {
    private CapacityClaims() {}

    // ------------------------------------------------------------------------------------------------ C-14.a

    /** NN_w(x) = sin(w x) (P = 1) on inputs x_d, scanned over w = 0, h, 2h, ..., wMax; targets in [-a, a]^D cut into cells of side c. */
    public record Scan(double[] x, double wMax, double h, double a, double c) {}

    /** Number of cells of side c covering [-a, a]^D that no point (sin(w x_d))_d of the scan falls into (strictly inside by 1e-9). */
    static long uncoveredCells(Scan s) {
        int dn = s.x().length, per = (int) Math.round(2 * s.a() / s.c());
        long total = 1;
        for (int d = 0; d < dn; d++) total *= per;
        BitSet hit = new BitSet((int) total);
        long steps = (long) (s.wMax() / s.h());
        for (long t = 0; t <= steps; t++) {
            double w = t * s.h();
            long idx = 0;
            boolean inside = true;
            for (int d = 0; d < dn && inside; d++) {
                double v = (Math.sin(w * s.x()[d]) + s.a()) / s.c();
                int cell = (int) Math.floor(v);
                if (cell < 0 || cell >= per || v - cell < 1e-9 || cell + 1 - v < 1e-9) inside = false;
                idx = idx * per + cell;
            }
            if (inside) hit.set((int) idx);
        }
        return total - hit.cardinality();
    }

    /** critical/C-14.a: 'if P < D then, by simple counting, there are training outputs no setting w in R^P computes'. */
    static final class Counting extends ReportedClaim {
        Counting() {
            super("critical/C-14.a");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("tau", 0.1, "'cannot be computed' read as 'no w computes it to within tau' (sup norm): the cell side of the "
                            + "target grid; the exact reading tau = 0 cannot be tested numerically"),
                    ParamSpec.real("wMax", 1e5, "largest w of the scan (step 0.05); smaller tau needs a longer scan"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            double tau = p.real("tau"), wMax = p.real("wMax");
            Scan scan = new Scan(new double[] {1, Math.sqrt(2), Math.sqrt(3)}, wMax, 0.05, 0.9, tau);
            String reading = "'cannot be computed' read as 'no w in R^P computes it to within tau = " + tau + "' (sup norm)";
            return List.of(Property.of("counting-leaves-unfit-targets", Scan.class)
                    .description(reading + ": a counting argument would leave such targets for P = 1 < D = 3; but every cell of side tau of [-0.9, 0.9]^3 "
                            + "contains a point (sin(w), sin(sqrt2 w), sin(sqrt3 w)), w = 0.05 k <= " + wMax + ", so every target is fit to within tau. The same "
                            + "holds for every tau > 0 (Kronecker density); only the exact reading (tau = 0) is true, for every locally Lipschitz network, by "
                            + "dimension (the image of R^1 in R^3 is null), not by counting")
                    .generator("x = (1, sqrt 2, sqrt 3), w = 0 .. " + wMax + " step 0.05, cells of side " + tau, Arbitraries.just(scan))
                    .noSearch("one fixed scan: its numbers are the scan's definition, not coordinates of an instance")
                    .check(s -> Evidence.ge("cells of side tau = " + s.c() + " of [-0.9,0.9]^3 with no sin(w x) point (" + reading + " needs >= 1)",
                            uncoveredCells(s), 1, 0).with("reading", reading).with("cells", Math.round(Math.pow(2 * s.a() / s.c(), s.x().length))))
                    .certify((s, e) -> {
                        long u = uncoveredCells(s);
                        return Certificate.of("recount with a 1e-9 margin inside each cell (sin to 1 ulp)", 16, BigDecimal.valueOf(u - 1), BigDecimal.ZERO,
                                u + " uncovered cells of " + Math.round(Math.pow(2 * s.a() / s.c(), s.x().length)));
                    }).tries(1).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            // the catalogue's demonstration: random targets, best w on a grid
            Random rng = new Random(ctx.seedFor(id() + "#targets"));
            double[] x = {1, Math.sqrt(2), Math.sqrt(3)};
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                double[] y = new double[3];
                for (int d = 0; d < 3; d++) y[d] = -0.9 + 1.8 * rng.nextDouble();
                double best = Double.POSITIVE_INFINITY, bestW = 0;
                for (long k = 0; k <= 2_000_000L; k++) {
                    double w = k * 0.05, e = 0;
                    for (int d = 0; d < 3 && e < best; d++) e = Math.max(e, Math.abs(Math.sin(w * x[d]) - y[d]));
                    if (e < best) {
                        best = e;
                        bestW = w;
                    }
                }
                rows.add(ReportedClaim.ordered("targets", y, "best w in [0, 1e5]", bestW, "max error", best));
            }
            r.number("random targets fit with P = 1 (grid search, step 0.05)", rows);
        }
    }

    // ------------------------------------------------------------------------------------------------ C-14.b / C-14.c

    /** D distinct binary inputs in {0,1}^N (rows) with real targets. */
    public record Table(int n, int[][] x, double[] y) {}

    static Arbitrary<Table> tables() {
        return Combinators.combine(DataArbitraries.ints(1, 10), DataArbitraries.ints(1, 40), DataArbitraries.seeds()).as((n, dWant, seed) -> {
            Random rng = new Random(seed);
            int d = Math.min(dWant, 1 << n);
            Set<Integer> codes = new LinkedHashSet<>();
            while (codes.size() < d) codes.add(rng.nextInt(1 << n));
            int[][] x = new int[d][n];
            int i = 0;
            for (int c : codes) {
                for (int k = 0; k < n; k++) x[i][k] = (c >> k) & 1;
                i++;
            }
            double[] y = new double[d];
            for (int j = 0; j < d; j++) y[j] = rng.nextGaussian();
            return new Table(n, x, y);
        });
    }

    /** The look-up table network: h_j(x) = step(sum_k (2 x_jk - 1) x_k - |x_j|_1 + 1/2) fires iff x = x_j; output sum_j y_j h_j(x). */
    static double lookup(Table t, int[] x) {
        double out = 0;
        for (int j = 0; j < t.x().length; j++) {
            double s = 0.5;
            for (int k = 0; k < t.n(); k++) s += (2 * t.x()[j][k] - 1) * x[k] - t.x()[j][k];
            if (s >= 0) out += t.y()[j];
        }
        return out;
    }

    static int[] bits(int code, int n) {
        int[] b = new int[n];
        for (int k = 0; k < n; k++) b[k] = (code >> k) & 1;
        return b;
    }

    static int code(int[] x) {
        int c = 0;
        for (int k = 0; k < x.length; k++) c |= x[k] << k;
        return c;
    }

    /** critical/C-14.b: the look-up table network (M = D hidden nodes) computes the training outputs exactly. */
    static final class LookupTable extends PropertyClaim {
        LookupTable() {
            super("critical/C-14.b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("exact-on-training-zero-elsewhere", Table.class)
                    .description("exact outputs on the D training inputs, 0 on the other cube points; M = D, N M input weights (+ M thresholds + M output weights)")
                    .generator("distinct binary inputs, N in [1,10], D in [1, min(40, 2^N)], y ~ N(0,1)", tables())
                    .check(t -> {
                        double worstTrain = 0, worstOther = 0;
                        Set<Integer> train = new HashSet<>();
                        for (int j = 0; j < t.x().length; j++) {
                            train.add(code(t.x()[j]));
                            worstTrain = Math.max(worstTrain, Math.abs(lookup(t, t.x()[j]) - t.y()[j]));
                        }
                        for (int c = 0; c < (1 << t.n()); c++) if (!train.contains(c)) worstOther = Math.max(worstOther, Math.abs(lookup(t, bits(c, t.n()))));
                        int m = t.x().length;
                        return Evidence.worst(Evidence.eq("max |NN(x_d) - y*_d| (training)", worstTrain, 0, 0),
                                Evidence.eq("max |NN(x)| (other cube points)", worstOther, 0, 0))
                                .with("M", m).with("paper's count N M", t.n() * m).with("with thresholds and output weights", t.n() * m + 2 * m);
                    }).tries(60).build());
        }
    }

    /** The binary-tree encoding: u = sum_k 2^(k-1) x_k, D step nodes on the sorted codes, telescoping output. */
    static double treeNet(Table t, int[] x) {
        int d = t.x().length;
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) order[j] = j;
        Arrays.sort(order, Comparator.comparingInt(j -> code(t.x()[j])));
        double u = code(x), out = 0, prev = 0;
        for (int i = 0; i < d; i++) {
            int j = order[i];
            if (u - code(t.x()[j]) >= 0) out += t.y()[j] - prev;
            prev = t.y()[j];
        }
        return out;
    }

    /** critical/C-14.c: '(N + D) parameters by building a binary tree ... that converts each input into a unique value'. */
    static final class BinaryTree extends PropertyClaim {
        BinaryTree() {
            super("critical/C-14.c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("unique-code-network", Table.class)
                    .description("u = sum_k 2^(k-1) x_k (N weights), D nodes step(u - u_(i)), output sum_i (y_(i) - y_(i-1)) step(...): exact on the training "
                            + "inputs; N + 2D parameters (N + D with hard-wired thresholds)")
                    .generator("distinct binary inputs, N in [1,10], D in [1, min(40, 2^N)], y ~ N(0,1)", tables())
                    .check(t -> {
                        double worst = 0, scale = 0;
                        for (int j = 0; j < t.x().length; j++) {
                            worst = Math.max(worst, Math.abs(treeNet(t, t.x()[j]) - t.y()[j]));
                            scale += 2 * Math.abs(t.y()[j]);
                        }
                        return Evidence.eq("max |NN(x_d) - y*_d|", worst, 0, 4 * Linalg.EPS * scale * t.x().length)
                                .with("parameters", t.n() + 2 * t.x().length).with("paper's count N + D", t.n() + t.x().length);
                    }).tries(60).build());
        }
    }

    // ------------------------------------------------------------------------------------------------ C-14.d

    /** L fully connected layers of M nodes on scalar input (N = 1), monotone activation, scalar output; data x_1 < ... < x_D. */
    public record DeepNarrow(int layers, int width, String act, double[] x, double[] y) {}

    /**
     * Exact lower bound on min_w max_d |NN_w(x_d) - y*_d| for every width-1 network with monotone activations: such a network
     * is monotone in x, so the error is at least the best monotone (increasing or decreasing) sup-norm fit:
     * min(max_{i<j} (y_i - y_j)_+, max_{i<j} (y_j - y_i)_+) / 2.
     */
    static double monotoneLowerBound(double[] x, double[] y) {
        Integer[] o = new Integer[x.length];
        for (int i = 0; i < o.length; i++) o[i] = i;
        Arrays.sort(o, Comparator.comparingDouble(i -> x[i]));
        double inc = 0, dec = 0;
        for (int i = 0; i < o.length; i++)
            for (int j = i + 1; j < o.length; j++) {
                inc = Math.max(inc, y[o[i]] - y[o[j]]);
                dec = Math.max(dec, y[o[j]] - y[o[i]]);
            }
        return Math.min(inc, dec) / 2;
    }

    /** Best max error over GD restarts (an upper bound on the min, for comparison). */
    static double bestTrained(DeepNarrow n, int restarts, int steps, long seed) {
        Random rng = new Random(seed);
        double best = Double.POSITIVE_INFINITY;
        int l = n.layers(), m = n.width();
        for (int r = 0; r < restarts; r++) {
            // parameters: first layer m x (1 + 1), hidden layers m x (m + 1), output (m + 1)
            int pCount = m * 2 + (l - 1) * m * (m + 1) + m + 1;
            double[] th = new double[pCount];
            for (int i = 0; i < pCount; i++) th[i] = rng.nextGaussian() * 0.8;
            double eta = 0.01;
            for (int s = 0; s < steps; s++) {
                double[] g = gradient(n, th);
                for (int i = 0; i < pCount; i++) th[i] -= eta * g[i];
            }
            double e = 0;
            for (int d = 0; d < n.x().length; d++) e = Math.max(e, Math.abs(forward(n, th, n.x()[d]) - n.y()[d]));
            best = Math.min(best, e);
        }
        return best;
    }

    static double loss(DeepNarrow n, double[] th) {
        double s = 0;
        for (int d = 0; d < n.x().length; d++) {
            double e = forward(n, th, n.x()[d]) - n.y()[d];
            s += e * e;
        }
        return s;
    }

    /** Gradient of the squared loss by backpropagation (tanh / sigmoid / relu layers, linear output). */
    static double[] gradient(DeepNarrow n, double[] th) {
        int m = n.width(), layers = n.layers();
        double[] g = new double[th.length];
        for (int d = 0; d < n.x().length; d++) {
            double[][] pre = new double[layers][m], h = new double[layers][m];
            int k = 0;
            for (int i = 0; i < m; i++) {
                pre[0][i] = th[k] * n.x()[d] + th[k + 1];
                k += 2;
                h[0][i] = act(n.act(), pre[0][i]);
            }
            int[] start = new int[layers];
            for (int l = 1; l < layers; l++) {
                start[l] = k;
                for (int i = 0; i < m; i++) {
                    double s = 0;
                    for (int j = 0; j < m; j++) s += th[k++] * h[l - 1][j];
                    pre[l][i] = s + th[k++];
                    h[l][i] = act(n.act(), pre[l][i]);
                }
            }
            int outStart = k;
            double out = th[outStart + m];
            for (int j = 0; j < m; j++) out += th[outStart + j] * h[layers - 1][j];
            double e = 2 * (out - n.y()[d]);
            double[] delta = new double[m];
            for (int j = 0; j < m; j++) {
                g[outStart + j] += e * h[layers - 1][j];
                delta[j] = e * th[outStart + j] * actD(n.act(), pre[layers - 1][j]);
            }
            g[outStart + m] += e;
            for (int l = layers - 1; l >= 1; l--) {
                double[] prev = new double[m];
                int kk = start[l];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        g[kk] += delta[i] * h[l - 1][j];
                        prev[j] += delta[i] * th[kk];
                        kk++;
                    }
                    g[kk++] += delta[i];
                }
                for (int j = 0; j < m; j++) prev[j] *= actD(n.act(), pre[l - 1][j]);
                delta = prev;
            }
            for (int i = 0; i < m; i++) {
                g[2 * i] += delta[i] * n.x()[d];
                g[2 * i + 1] += delta[i];
            }
        }
        return g;
    }

    static double actD(String a, double t) {
        if (a.equals("relu")) return t > 0 ? 1 : 0;
        if (a.equals("sigmoid")) return Stage3.sig(t) * Stage3.sig(-t);
        double c = Math.cosh(t);
        return 1 / (c * c);
    }

    static double forward(DeepNarrow n, double[] th, double x) {
        int m = n.width(), k = 0;
        double[] h = new double[m];
        for (int i = 0; i < m; i++) h[i] = act(n.act(), th[k++] * x + th[k++]);
        for (int l = 1; l < n.layers(); l++) {
            double[] h2 = new double[m];
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int j = 0; j < m; j++) s += th[k++] * h[j];
                h2[i] = act(n.act(), s + th[k++]);
            }
            h = h2;
        }
        double out = 0;
        for (int j = 0; j < m; j++) out += th[k++] * h[j];
        return out + th[k];
    }

    static double act(String a, double t) {
        return a.equals("relu") ? Math.max(0, t) : a.equals("sigmoid") ? Stage3.sig(t) : Math.tanh(t);
    }

    /** critical/C-14.d: 'if L M^2 >> D, there are sufficiently many parameters for the architecture to compute any training outputs'. */
    static final class ManyParameters extends ReportedClaim {
        ManyParameters() {
            super("critical/C-14.d");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("much", 10, "'>>' read as 'at least this factor', for both L M^2 >> D (the claim's hypothesis) and D >> M "
                    + "(the regime the paper calls open, excluded): counterexamples need D >= 3, so every factor > 3 applies"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int much = p.integer("much");
            Arbitrary<DeepNarrow> gen = Combinators.combine(DataArbitraries.ints(0, 100), Arbitraries.of("tanh", "sigmoid", "relu"), DataArbitraries.ints(3, 9),
                    DataArbitraries.seeds()).as((extra, a, d, seed) -> {
                double[] x = new double[d], y = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = j;
                    y[j] = j % 2; // alternating labels: not monotone
                }
                return new DeepNarrow(much * d + extra, 1, a, x, y);
            });
            String reading = "'>>' read as a factor >= " + much;
            return List.of(Property.of("width-one-deep-network", DeepNarrow.class)
                    .description(reading + ": L M^2 >= " + much + " D, and D < " + much + " M (outside 'D >> M', which the paper leaves open). With M = 1 every "
                            + "net with monotone activations is monotone in x, so alternating labels (0,1,0,...) have min_w max_d error >= 1/2 (exact isotonic "
                            + "bound); the claim says error 0 is achievable")
                    .generator("M = 1, L = " + much + " D + [0,100], act in {tanh, sigmoid, relu}, x_d = d, y*_d = d mod 2, D in [3,9]", gen)
                    .hypotheses(n -> (long) n.layers() * n.width() * n.width() < (long) much * n.x().length ? "L M^2 < " + much + " D (not L M^2 >> D)"
                            : n.x().length >= (long) much * n.width() ? "D >= " + much + " M (the open regime D >> M)" : null)
                    .check(n -> Evidence.le("min_w max_d |NN_w(x_d) - y*_d| (>= the monotone lower bound)", monotoneLowerBound(n.x(), n.y()), 0, 0)
                            .with("reading", reading).with("P = L M^2", n.layers() * n.width() * n.width()).with("D", n.x().length).with("M", n.width()))
                    .certify((n, e) -> Certificate.of("exact: isotonic sup-norm bound on 0/1 labels (rational arithmetic)", 0,
                            BigDecimal.valueOf(-monotoneLowerBound(n.x(), n.y())), BigDecimal.ZERO, "every width-1 net is monotone in its scalar input"))
                    .tries(10).build());
        }

        @Override
        protected void report(Params p, RunContext ctx, Report r) {
            // the catalogue's exploratory test: L = 3, M = 3 (P = 27 weights + biases), random data, GD restarts
            Random rng = new Random(ctx.seedFor(id() + "#explore"));
            List<Map<String, Object>> rows = new ArrayList<>();
            int restarts = ctx.level() == Level.CI ? 3 : 5, steps = ctx.level() == Level.CI ? 2000 : 8000;
            for (int d : new int[] {10, 20}) {
                double[] x = new double[d], y = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = -2 + 4 * rng.nextDouble();
                    y[j] = rng.nextGaussian();
                }
                DeepNarrow n = new DeepNarrow(3, 3, "tanh", x, y);
                rows.add(ReportedClaim.ordered("D", d, "L", 3, "M", 3, "restarts", restarts, "GD steps", steps,
                        "best max error", bestTrained(n, restarts, steps, rng.nextLong())));
            }
            // width 1 trained: stays above the bound
            DeepNarrow w1 = new DeepNarrow(30, 1, "tanh", new double[] {0, 1, 2}, new double[] {0, 1, 0});
            rows.add(ReportedClaim.ordered("D", 3, "L", 30, "M", 1, "best max error (GD)", bestTrained(w1, restarts, steps, rng.nextLong()), "proved lower bound", 0.5));
            r.number("exploratory GD fits (not asserted)", rows);
        }
    }
}
