package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.special.Erf;
import overparam.linalg.HighPrecision;
import java.math.BigDecimal;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Dataset;
import overparam.data.Generators;
import overparam.data.RandomMatrices;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.util.*;

/** oymak/lemma-6.9, lemma-C.1, lemma-C.2, lemma-C.3: how far ReLU activation patterns and the Jacobian move near W0 (App. C). */
final class ReluPerturbation {
    private ReluPerturbation() {}

    /** z = X W^T as rows z[i][l] = w_l^T x_i. */
    static double[][] preActivations(double[][] x, double[][] w) {
        double[][] z = new double[x.length][w.length];
        for (int i = 0; i < x.length; i++)
            for (int l = 0; l < w.length; l++) {
                double s = 0;
                for (int j = 0; j < x[i].length; j++) s += w[l][j] * x[i][j];
                z[i][l] = s;
            }
        return z;
    }

    static double relu1(double z) {
        return z >= 0 ? 1 : 0;
    }

    /** Pattern flips per sample: #{l : phi'(w_l^T x_i) != phi'(w0_l^T x_i)}, i.e. ||phi'(W x_i) - phi'(W0 x_i)||^2 for ReLU. */
    static int[] flips(double[][] z0, double[][] z) {
        int[] f = new int[z0.length];
        for (int i = 0; i < z0.length; i++)
            for (int l = 0; l < z0[i].length; l++) if (relu1(z0[i][l]) != relu1(z[i][l])) f[i]++;
        return f;
    }

    /** |a|_{m-}: the m-th smallest absolute entry. */
    static double mthSmallestAbs(double[] a, int m) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) s[i] = Math.abs(a[i]);
        Arrays.sort(s);
        return s[m - 1];
    }

    /** Spectral norm of a k x d matrix through its d x d Gram, scaled by the largest entry first so that tiny moves do not underflow. */
    static double spectralNorm(double[][] u) {
        int d = u[0].length;
        double m = 0;
        for (double[] row : u) for (double e : row) m = Math.max(m, Math.abs(e));
        if (m == 0) return 0;
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (double[] row : u)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++) g.add(a, b, (row[a] / m) * (row[b] / m));
        return m * Math.sqrt(Math.max(0, Linalg.lambdaMax(g)));
    }

    /**
     * The rank-one move u x_i^T that flips the t smallest |z_il| (each just past the ReLU switch, with relative overshoot
     * {@code over}); u as a k-vector. Its spectral norm is ||u|| ||x_i||. {@code cutoff} is the t-th smallest |z_il|.
     */
    static double[] flipSmallest(double[] zi, int t, double cutoff, double over) {
        double[] u = new double[zi.length];
        int taken = 0;
        for (int pass = 0; pass < 2 && taken < t; pass++)
            for (int l = 0; l < zi.length && taken < t; l++) {
                double a = Math.abs(zi[l]);
                // first the entries strictly below the cutoff, then ties at the cutoff
                if (pass == 0 ? a < cutoff : a == cutoff && u[l] == 0) {
                    // phi'(0) = 1: a negative entry flips on reaching 0; a non-negative one must become negative.
                    u[l] = zi[l] < 0 ? -zi[l] * (1 + over) : -zi[l] * (1 + over) - 1e-300;
                    taken++;
                }
            }
        return u;
    }

    /** The largest t whose flip move fits in the budget, and that move scaled up to just inside the budget. */
    static double[] greedyWithin(double[] zi, double budget, double over) {
        return greedyWithin(zi, budget, over, 1 - 1e-12);
    }

    /** As above; {@code fill} = 1 with {@code over} = 0 spends the budget exactly (the equality edge of Lemma C.2). */
    static double[] greedyWithin(double[] zi, double budget, double over, double fill) {
        double[] abs = new double[zi.length];
        for (int l = 0; l < zi.length; l++) abs[l] = Math.abs(zi[l]);
        Arrays.sort(abs);
        // costs in units of the budget, so that the 1e-300 nudge of an entry at exactly 0 is never free
        double cost2 = 0;
        int t = 0;
        while (t < abs.length && budget > 0) {
            double c = (abs[t] * (1 + over) + 1e-300) / budget;
            if (cost2 + c * c > 1) break;
            cost2 += c * c;
            t++;
        }
        double[] u = flipSmallest(zi, t, t == 0 ? 0 : abs[t - 1], over);
        double norm = Linalg.norm(u);
        if (norm > 0 && fill < 1) for (int l = 0; l < u.length; l++) u[l] *= budget / norm * fill;
        return u;
    }

    /** Pre-activations after W0 -> W0 + u x_i^T: z_j = z0_j + u (x_i^T x_j), without recomputing W x_j. */
    static double[][] movedPreActivations(double[][] z0, double[] u, double[][] x, int i) {
        double[][] z = new double[z0.length][];
        for (int j = 0; j < z0.length; j++) {
            double c = Linalg.dot(x[i], x[j]);
            z[j] = z0[j].clone();
            for (int l = 0; l < u.length; l++) z[j][l] += u[l] * c;
        }
        return z;
    }

    static double[][] plusOuter(double[][] w, double[] u, double[] x) {
        double[][] out = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            out[l] = w[l].clone();
            for (int j = 0; j < x.length; j++) out[l][j] += u[l] * x[j];
        }
        return out;
    }

    /** ||J(W) - J(W0)|| for ReLU: sqrt(lambda_max(((D diag v)(D diag v)^T) o XX^T)), D = phi'(XW^T) - phi'(XW0^T). */
    static double jacobianChange(double[][] z0, double[][] z, double[] v, DMatrixRMaj g) {
        int n = z0.length, k = v.length;
        DMatrixRMaj d = new DMatrixRMaj(n, k);
        for (int i = 0; i < n; i++)
            for (int l = 0; l < k; l++) d.set(i, l, (relu1(z[i][l]) - relu1(z0[i][l])) * v[l]);
        return Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(Linalg.gram(d), g))));
    }

    /** oymak/lemma-C.1, Lemma C.1: ||J(W) - J(W~)|| <= ||v||_inf ||X|| max_i ||phi'(W x_i) - phi'(W~ x_i)||_2. */
    static final class PatternBound extends PropertyClaim {
        static final List<String> ACTS = List.of("relu", "softplus", "tanh", "sin", "0.5*relu", "3.0*sigmoid");

        PatternBound() {
            super("oymak/lemma-C.1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var pairs = WeightPair.arbitrary(ACTS, 12, 6, 16, Arbitraries.of(0.5, 1.0, 2.0));
            var flipped = pairs.map(pr -> {
                double[][] neg = new double[pr.w().length][];
                for (int l = 0; l < neg.length; l++) {
                    neg[l] = pr.w()[l].clone();
                    for (int j = 0; j < neg[l].length; j++) neg[l][j] = -neg[l][j];
                }
                return new WeightPair(pr.activation(), pr.x(), pr.w(), neg, pr.v());
            });
            String g = "activations " + ACTS + ", rows of norm {0.5, 1, 2}, n <= 12, d <= 6, k <= 16, random v";
            return List.of(
                    Property.of("perturbed", WeightPair.class)
                            .description("W~ = W + t Delta, t in {1e-6, 1e-3, 1, 10}; any row norms (the proof does not need unit rows)")
                            .generator(g, pairs).check(PatternBound::bound).tries(200).search(SearchSpace.coordinates()).build(),
                    Property.of("all-flipped", WeightPair.class)
                            .description("W~ = -W: every ReLU pattern entry away from 0 flips")
                            .generator(g + ", W~ = -W", flipped).check(PatternBound::bound).tries(100).search(SearchSpace.coordinates()).build());
        }

        static Evidence bound(WeightPair pr) {
            ShallowNet net = pr.net();
            DMatrixRMaj d = Linalg.minus(net.weightedDerivatives(pr.wMatrix()), net.weightedDerivatives(pr.w2Matrix()));
            DMatrixRMaj x = new DMatrixRMaj(pr.x());
            double lhs = Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(Linalg.gram(d), Linalg.gram(x)))));
            double worstRow = 0;
            double[] v = pr.v();
            for (int i = 0; i < x.numRows; i++) {
                double s = 0;
                for (int l = 0; l < v.length; l++) {
                    // phi'(W x_i) - phi'(W~ x_i), unweighted (v_l = 0 gives no information about phi' there: recompute).
                    double dl = pr.act().d1(Linalg.dot(pr.w()[l], pr.x()[i])) - pr.act().d1(Linalg.dot(pr.w2()[l], pr.x()[i]));
                    s += dl * dl;
                }
                worstRow = Math.max(worstRow, Math.sqrt(s));
            }
            double rhs = JacobianBounds.maxAbs(v) * Linalg.spectralNorm(x) * worstRow;
            return Evidence.le("||J(W) - J(W~)|| <= ||v||_inf ||X|| max_i ||phi'(Wx_i) - phi'(W~x_i)||", lhs, rhs,
                    Linalg.tolerance(JacobianBounds.maxAbs(v) * Linalg.spectralNorm(x) * pr.act().supD1(), x.numRows * v.length))
                    .with("ratio", rhs == 0 ? 0 : lhs / rhs);
        }
    }

    /** Data, W0, the integer m, and the perturbed W of one Lemma C.2 instance, with the attack that built it. */
    record FlipInstance(String attack, double[][] x, double[][] w0, double[][] w, int m) {}

    static double budgetC2(double[][] x, double[][] w0, int m) {
        double[][] z0 = preActivations(x, w0);
        double b = Double.POSITIVE_INFINITY;
        for (double[] zi : z0) b = Math.min(b, Math.sqrt(m) * mthSmallestAbs(zi, m));
        return b;
    }

    static double[][] difference(double[][] a, double[][] b) {
        double[][] out = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            out[l] = a[l].clone();
            for (int j = 0; j < out[l].length; j++) out[l][j] -= b[l][j];
        }
        return out;
    }

    /** An attack on the budget sqrt(m) min_i |W0 x_i|_{m-}: greedy flips on one sample, on all samples, or a random direction. */
    static FlipInstance attack(String kind, double[][] x, double[][] w0, int m, long seed) {
        double budget = budgetC2(x, w0, m);
        double[][] z0 = preActivations(x, w0);
        Random rng = new Random(seed);
        int k = w0.length, d = x[0].length;
        double[][] w;
        switch (kind) {
            case "greedy-one" -> {
                int i = rng.nextInt(x.length);
                w = plusOuter(w0, greedyWithin(z0[i], budget, 1e-9), x[i]);
            }
            case "greedy-one-exact" -> {
                // negative entries moved exactly onto the switch (phi'(0) = 1 counts as a flip), budget spent to the last bit
                int i = rng.nextInt(x.length);
                w = plusOuter(w0, greedyWithin(z0[i], budget, 0, 1), x[i]);
            }
            case "greedy-all" -> {
                double[][] u = new double[k][d];
                for (int i = 0; i < x.length; i++) {
                    double[] ui = greedyWithin(z0[i], budget, 1e-9);
                    for (int l = 0; l < k; l++) for (int j = 0; j < d; j++) u[l][j] += ui[l] * x[i][j];
                }
                double s = spectralNorm(u);
                w = new double[k][];
                for (int l = 0; l < k; l++) {
                    w[l] = w0[l].clone();
                    for (int j = 0; j < d; j++) w[l][j] += s > 0 ? u[l][j] * budget / s * (1 - 1e-12) : 0;
                }
            }
            default -> {
                double[][] g = RandomMatrices.gaussian(k, d, rng);
                double s = spectralNorm(g);
                w = new double[k][];
                for (int l = 0; l < k; l++) {
                    w[l] = w0[l].clone();
                    for (int j = 0; j < d; j++) w[l][j] += g[l][j] * budget / s * (1 - 1e-12);
                }
            }
        }
        return new FlipInstance(kind, x, w0, w, m);
    }

    /** oymak/lemma-C.2, Lemma C.2: ||W - W0|| <= sqrt(m) |W0 x_i|_{m-} for all i implies at most 2m ReLU pattern flips per sample. */
    static final class SignFlips extends PropertyClaim {
        SignFlips() {
            super("oymak/lemma-C.2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<FlipInstance> random = Combinators.combine(Arbitraries.of("greedy-one", "greedy-all", "random"), DataArbitraries.ints(1, 6),
                    DataArbitraries.ints(1, 5), DataArbitraries.ints(2, 60), DataArbitraries.ints(1, 30), DataArbitraries.seeds())
                    .as((kind, n, d, k, mRaw, seed) -> {
                        Random rng = new Random(seed);
                        double[][] x = Generators.sphere(n, d, rng.nextLong()).x();
                        int m = Math.max(1, Math.min(mRaw, k / 2));
                        return attack(kind, x, RandomMatrices.gaussian(k, d, rng), m, rng.nextLong());
                    });
            // Ties: d = 1, x_i = +-1, W0 entries in {0, +-a, +-2a}: many equal |W0 x_i| and entries exactly at the switch.
            Arbitrary<FlipInstance> ties = Combinators.combine(Arbitraries.of("greedy-one", "greedy-one-exact", "greedy-all"), DataArbitraries.ints(1, 4),
                    DataArbitraries.ints(2, 40), DataArbitraries.ints(1, 20), Arbitraries.of(0.5, 1.0, 3.0), DataArbitraries.seeds())
                    .as((kind, n, k, mRaw, a, seed) -> {
                        Random rng = new Random(seed);
                        double[][] x = new double[n][1];
                        for (double[] xi : x) xi[0] = rng.nextBoolean() ? 1 : -1;
                        double[][] w0 = new double[k][1];
                        double[] levels = {0, a, -a, 2 * a, -2 * a, a, -a};
                        for (double[] wl : w0) wl[0] = levels[rng.nextInt(levels.length)];
                        int m = Math.max(1, Math.min(mRaw, k / 2));
                        return attack(kind, x, w0, m, rng.nextLong());
                    });
            return List.of(
                    Property.of("adversarial", FlipInstance.class)
                            .description("W = W0 + adversarial moves at the budget: greedy flips of the smallest |W0 x_i| on one sample or on all, or a random direction")
                            .generator("sphere n in [1,6], d in [1,5], k in [2,60], m in [1, k/2], W0 ~ N(0,1)", random)
                            .hypotheses(SignFlips::hypotheses).search(SearchSpace.<FlipInstance>coordinates().unitRows("x")).check(SignFlips::flipCount).tries(300).build(),
                    Property.of("ties", FlipInstance.class)
                            .description("tie cases: d = 1, W0 entries in {0, +-a, +-2a}, so many |W0 x_i| are equal and some sit exactly at the switch; "
                                    + "the exact attack spends the budget sqrt(m) |W0 x_i|_{m-} to the last bit (the equality edge)")
                            .generator("d = 1, x_i = +-1, n in [1,4], k in [2,40], m in [1, k/2], a in {0.5, 1, 3}", ties)
                            .hypotheses(SignFlips::hypotheses).search(SearchSpace.<FlipInstance>coordinates().unitRows("x")).check(SignFlips::flipCount).tries(200).build());
        }

        /** Unit rows (the proof uses ||(W - W0) x_i|| <= ||W - W0||), an integer m in [1, k], and the move within the budget. */
        static String hypotheses(FlipInstance f) {
            String unit = Structure.unitRows(f.x());
            if (unit != null) return unit;
            if (f.m() < 1 || f.m() > f.w0().length) return "m outside [1, k]";
            double move = spectralNorm(difference(f.w(), f.w0()));
            return move <= budgetC2(f.x(), f.w0(), f.m()) ? null : "||W - W0|| exceeds sqrt(m) min_i |W0 x_i|_{m-}";
        }

        static Evidence flipCount(FlipInstance f) {
            int[] fl = flips(preActivations(f.x(), f.w0()), preActivations(f.x(), f.w()));
            int worst = Arrays.stream(fl).max().orElse(0);
            return Evidence.le("max_i ||phi'(Wx_i) - phi'(W0x_i)||^2 (flips) <= 2m", worst, 2.0 * f.m(), 0)
                    .with("m", f.m()).with("attack", f.attack()).with("budget", budgetC2(f.x(), f.w0(), f.m()));
        }
    }

    /** A quantile level alpha in (0, 1), or a (k, m) pair: the instances of Lemma C.3's proof facts. */
    record QuantileLevel(double alpha) {}

    record BinomialCase(int k, int m) {}

    /** oymak/lemma-C.3, Lemma C.3: with probability >= 1 - n e^{-m/6}, |W0 x_i|_{m-} >= m/(2k) for all i. */
    static final class SmallEntries extends StatisticalPropertyClaim {
        SmallEntries() {
            super("oymak/lemma-C.3");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("d", 5, "dimension d"), ParamSpec.integer("maxTrials", 4000, "cap on trials per configuration at level CI"));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            int d = p.integer("d"), cap = p.integer("maxTrials");
            List<StatisticalClaim.Config> out = new ArrayList<>();
            for (int n : new int[] {2, 5})
                for (int k : new int[] {50, 500})
                    for (int m : new int[] {6, 12, 30}) {
                        double bound = n * Math.exp(-m / 6.0);
                        if (bound >= 1) continue; // n e^{-m/6} >= 1: the statement promises nothing, no rate could refute it
                        double[][] x = Generators.sphere(n, d, ctx.seedFor(id() + "#x" + n)).x();
                        double threshold = m / (2.0 * k);
                        Map<String, Object> details = Map.of("n", n, "d", d, "k", k, "m", m, "threshold m/(2k)", threshold);
                        out.add(new StatisticalClaim.Config("n=" + n + " k=" + k + " m=" + m, bound, InitialJacobian.trialsFor(bound, 30, cap), seed -> {
                            double[][] z = preActivations(x, RandomMatrices.gaussian(k, d, seed));
                            for (double[] zi : z) if (mthSmallestAbs(zi, m) < threshold) return true;
                            return false;
                        }, details));
                    }
            return out;
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<QuantileLevel> alphas = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1).ofScale(15).filter(a -> a > 0 && a < 1),
                    Arbitraries.of(1e-12, 1e-6, 0.5, 0.9, 0.999999)).map(QuantileLevel::new);
            Arbitrary<BinomialCase> cases = Combinators.combine(DataArbitraries.ints(1, 2000), DataArbitraries.ints(1, 2000))
                    .as((k, m) -> new BinomialCase(k, Math.min(m, k)));
            return List.of(
                    Property.of("quantile", QuantileLevel.class)
                            .description("gamma_alpha >= sqrt(pi/2) alpha, where P(|g| <= gamma_alpha) = alpha")
                            .generator("alpha in (0,1), including 1e-12 and 1 - 1e-6", alphas).check(SmallEntries::quantile)
                            .certify(SmallEntries::certifyQuantile).tries(200).build(),
                    Property.of("binomial-chernoff", BinomialCase.class)
                            .description("P(Bin(k, m/(2k)) >= m) <= e^{-m/6} for 1 <= m <= k (exact binomial tail)")
                            .generator("k in [1,2000], m in [1,k]", cases).check(SmallEntries::binomial).tries(200).build());
        }

        /**
         * gamma_alpha >= t := sqrt(pi/2) alpha  <=>  P(|g| <= t) = erf(t / sqrt 2) <= alpha, since P(|g| <= .) increases.
         * With x = t / sqrt 2 = sqrt(pi) alpha / 2, erf(x) = alpha S(x^2), S(y) = sum_n (-y)^n / (n! (2n+1)): the Taylor
         * series (x < 0.89 on (0,1)) keeps full relative accuracy down to alpha -> 0, where the margin is alpha pi alpha^2 / 12.
         */
        static Evidence quantile(QuantileLevel q) {
            double a = q.alpha(), y = Math.PI * a * a / 4, term = 1, s = 0;
            for (int n = 0; n < 60; n++) {
                s += term / (2 * n + 1);
                term *= -y / (n + 1);
            }
            double mass = a * s;
            return Evidence.le("P(|g| <= sqrt(pi/2) alpha) <= alpha", mass, a, 8 * Linalg.EPS * a)
                    .with("gamma_alpha", Math.sqrt(2) * Erf.erfInv(a)).with("sqrt(pi/2) alpha", Math.sqrt(Math.PI / 2) * a)
                    .with("library erf", Erf.erf(Math.sqrt(Math.PI) * a / 2));
        }

        static Certificate certifyQuantile(QuantileLevel q, Evidence e) {
            HighPrecision hp = new HighPrecision();
            GaussDfp gd = new GaussDfp(hp);
            Dfp alpha = hp.of(q.alpha());
            Dfp t = hp.sqrt(hp.pi().divide(hp.of(2))).multiply(alpha);
            Dfp mass = gd.cdf(t).multiply(hp.of(2)).subtract(hp.one());
            return Certificate.of("Dfp normal cdf series", hp.digits(), HighPrecision.toBigDecimal(alpha.subtract(mass)), new BigDecimal("1e-45"),
                    "alpha - P(|g| <= sqrt(pi/2) alpha)");
        }

        static Evidence binomial(BinomialCase c) {
            double tail = 1 - new BinomialDistribution(c.k(), c.m() / (2.0 * c.k())).cumulativeProbability(c.m() - 1);
            double bound = Math.exp(-c.m() / 6.0);
            return Evidence.le("P(Bin(k, m/(2k)) >= m) <= e^{-m/6}", Math.max(0, tail), bound, 1e-12 * bound + 1e-15);
        }
    }

    /** oymak/lemma-6.9, Lemma 6.9: for all ||W - W0|| <= m0^3/(2k), ||J(W) - J(W0)|| <= ||v|| sqrt(lambda)/(6 sqrt 2) w.p. >= 1 - n e^{-m0^2/(6n)}. */
    static final class JacobianPerturbation extends StatisticalPropertyClaim {
        JacobianPerturbation() {
            super("oymak/lemma-6.9");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.real("targetBound", 0.2, "k is chosen so that the statement's bound n e^{-m0^2/(6n)} is about this"),
                    ParamSpec.integer("maxTrials", 400, "cap on trials per configuration at level CI"));
        }

        @Override
        protected List<StatisticalClaim.Config> configs(Params p, RunContext ctx) {
            double target = p.real("targetBound");
            int cap = p.integer("maxTrials");
            // Run time is linear in k; the sphere data needs k ~ 5e4 and runs at FULL and DEEP.
            List<Dataset> sets = ctx.level() == Level.CI ? List.of(Generators.orthonormal(3, 3))
                    : List.of(Generators.orthonormal(3, 3), Generators.sphere(3, 8, ctx.seedFor(id() + "#sphere")));
            List<StatisticalClaim.Config> out = new ArrayList<>();
            for (Dataset data : sets) {
                DMatrixRMaj x = data.matrix();
                int n = x.numRows, d = x.numCols;
                double lambda = NetworkCovariance.lambda(x, Activations.RELU), xNorm = Linalg.spectralNorm(x);
                // Paper's v (even k): ||v||_2/||v||_inf = sqrt k, so m0^2 = k lambda / (200 ||X||^2).
                double m0Squared = 6 * n * Math.log(n / target);
                int k = InitialJacobian.MatrixChernoff.evenAtLeast(200 * m0Squared * xNorm * xNorm / lambda);
                double m0 = Math.sqrt(k * lambda / (200 * xNorm * xNorm));
                double radius = m0 * m0 * m0 / (2 * k);
                double bound = Math.min(1, n * Math.exp(-m0 * m0 / (6 * n)));
                double[] v = ShallowNet.paperOutputWeights(k, Math.sqrt(n), n);
                double limit = Linalg.norm(v) * Math.sqrt(lambda) / (6 * Math.sqrt(2));
                DMatrixRMaj g = Linalg.gram(x);
                double[][] xs = data.x();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("data", data.spec());
                details.put("k", k);
                details.put("m0^2", m0 * m0);
                details.put("spectral radius m0^3/(2k)", radius);
                details.put("limit ||v|| sqrt(lambda)/(6 sqrt 2)", limit);
                details.put("proof's probability n e^{-m0^2/6}", n * Math.exp(-m0 * m0 / 6));
                details.put("attacks", "greedy flips of the smallest |w_l^T x_i| per sample, on all samples at once, and a random direction, each at the full radius");
                out.add(new StatisticalClaim.Config(data.generator() + " n=" + n + " d=" + d + " k=" + k, bound, InitialJacobian.trialsFor(bound, 20, cap),
                        seed -> worstChange(xs, RandomMatrices.gaussian(k, d, seed), v, g, radius, seed) > limit, details));
            }
            return out;
        }

        /** The largest ||J(W) - J(W0)|| over the attacks inside the spectral ball of the given radius. */
        static double worstChange(double[][] x, double[][] w0, double[] v, DMatrixRMaj g, double radius, long seed) {
            double[][] z0 = preActivations(x, w0);
            double worst = 0;
            int k = w0.length, d = x[0].length;
            double[][] all = new double[k][d];
            for (int i = 0; i < x.length; i++) {
                double[] ui = greedyWithin(z0[i], radius, 1e-9);
                worst = Math.max(worst, jacobianChange(z0, movedPreActivations(z0, ui, x, i), v, g));
                for (int l = 0; l < k; l++) for (int j = 0; j < d; j++) all[l][j] += ui[l] * x[i][j];
            }
            double s = spectralNorm(all);
            if (s > 0) {
                double[][] w = new double[k][];
                for (int l = 0; l < k; l++) {
                    w[l] = w0[l].clone();
                    for (int j = 0; j < d; j++) w[l][j] += all[l][j] * radius / s * (1 - 1e-12);
                }
                worst = Math.max(worst, jacobianChange(z0, preActivations(x, w), v, g));
            }
            double[][] r = RandomMatrices.gaussian(k, d, new Random(seed ^ 0x5DEECE66DL));
            double sr = spectralNorm(r);
            for (int l = 0; l < k; l++) for (int j = 0; j < d; j++) r[l][j] = w0[l][j] + r[l][j] * radius / sr * (1 - 1e-12);
            return Math.max(worst, jacobianChange(z0, preActivations(x, r), v, g));
        }

        @Override
        protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {
            r.number("note", "statement probability 1 - n e^{-m0^2/(6n)}; the proof gives the stronger 1 - n e^{-m0^2/6} (catalogue E8), reported per configuration");
        }
    }
}
