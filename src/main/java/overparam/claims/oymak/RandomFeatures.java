package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Dataset;
import overparam.data.Generators;
import overparam.data.RandomMatrices;
import overparam.gauss.GaussianExpectation;
import overparam.gauss.Normal;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;
import overparam.nn.ShallowNet;

import java.math.BigDecimal;
import java.util.*;

/** oymak/thm-3.2, oymak/thm-3.2.proof, oymak/IC-6, oymak/IC-7: training only the output layer (section 3, proof in section 6.8). */
final class RandomFeatures {
    private RandomFeatures() {}

    /** Phi = phi(X W^T), n x k. */
    static DMatrixRMaj features(double[][] x, double[][] w, Activation a) {
        DMatrixRMaj phi = new DMatrixRMaj(x.length, w.length);
        for (int i = 0; i < x.length; i++)
            for (int l = 0; l < w.length; l++) {
                double z = 0;
                for (int j = 0; j < x[i].length; j++) z += w[l][j] * x[i][j];
                phi.set(i, l, a.phi(z));
            }
        return phi;
    }

    /** Data, first-layer weights and the activation of one random-features instance, with the constant C of the k condition. */
    record FeatureInstance(String activation, double[][] x, double[][] w, double c) {
        Activation act() {
            return Activations.byName(activation);
        }
    }

    /** B for Theorem 3.2: |phi(0)| <= B and |phi'| <= B. */
    static double bigB32(Activation a) {
        return Math.max(a.supD1(), Math.abs(a.phi(0)));
    }

    /**
     * The E7 construction: phi = s ReLU with s^2 = C log^2(n) n / lambda~_1(X) (lambda~_1 for the unscaled ReLU), so that k = 1
     * meets k >= C log^2(n) n / lambda~(X) while Phi is n x 1.
     */
    static FeatureInstance scaledRelu(int n, int d, double c, long seed) {
        Random rng = new Random(seed);
        Dataset data = Generators.sphere(n, d, rng.nextLong());
        double lt1 = NetworkCovariance.lambdaTilde(data.matrix(), Activations.RELU);
        double s = Math.sqrt(c * Math.pow(Math.log(n), 2) * n / Math.max(lt1, 1e-300)) * (1 + 1e-9);
        if (!Double.isFinite(s) || s < 1) s = 1;
        return new FeatureInstance(s + "*relu", data.x(), RandomMatrices.gaussian(1, d, rng), c);
    }

    /** oymak/thm-3.2, Theorem 3.2: k >= C log^2(n) n / lambda~ gives full row rank Phi and lambda_min(Phi Phi^T) >= k (lambda~ - 6B/n^100) / 2. */
    static final class OutputLayer extends StatisticalPropertyClaim {
        OutputLayer() {
            super("oymak/thm-3.2");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("C", "1,1000,1000000", "constants C of the k condition to refute (comma-separated)"),
                    ParamSpec.integer("explorationDraws", 40, "draws per width in the exploratory random-features sweep (numbers only)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<Property<?>> out = new ArrayList<>();
            for (String cs : p.string("C").split(",")) {
                double c = Double.parseDouble(cs.trim());
                var gen = Combinators.combine(DataArbitraries.ints(2, 8), DataArbitraries.ints(1, 4), DataArbitraries.seeds())
                        .as((n, d, seed) -> scaledRelu(n, d, c, seed));
                out.add(Property.of("statement-E7-C=" + cs.trim(), FeatureInstance.class)
                        .description("the statement with C = " + cs.trim() + " on phi = s ReLU (B = s, lambda~ = s^2 lambda~_1), s^2 = C log^2(n) n / lambda~_1, k = 1 "
                                + "(catalogue E7): Phi is n x 1, so it cannot have full row rank and lambda_min(Phi Phi^T) = 0")
                        .generator("s ReLU, sphere n in [2,8], d in [1,4], k = 1, W ~ N(0,1)", gen)
                        .hypotheses(OutputLayer::hypotheses).check(OutputLayer::conclusion).certify(OutputLayer::certify).tries(20).build());
            }
            return out;
        }

        /** Unit rows, |phi(0)| <= B, |phi'| <= B, lambda~ > 0, and k >= C log^2(n) n / lambda~(X) (lambda~ exact). */
        static String hypotheses(FeatureInstance f) {
            DMatrixRMaj x = new DMatrixRMaj(f.x());
            int n = x.numRows, k = f.w().length;
            for (double[] xi : f.x()) if (Math.abs(Linalg.norm(xi) - 1) > 1e-12) return "rows are not unit";
            Activation a = f.act();
            double b = bigB32(a);
            if (Math.abs(a.phi(0)) > b || a.supD1() > b) return "|phi(0)| or |phi'| exceeds B";
            double lt = NetworkCovariance.lambdaTilde(x, a);
            if (!(lt > 0)) return "lambda~(X) = 0";
            return k >= f.c() * Math.pow(Math.log(n), 2) * n / lt ? null : "k < C log^2(n) n / lambda~(X)";
        }

        static Evidence conclusion(FeatureInstance f) {
            Activation a = f.act();
            DMatrixRMaj phi = features(f.x(), f.w(), a);
            DMatrixRMaj gram = Linalg.gram(phi);
            int n = phi.numRows, k = phi.numCols;
            double lt = NetworkCovariance.lambdaTilde(new DMatrixRMaj(f.x()), a), b = bigB32(a);
            double rhs = 0.5 * k * (lt - 6 * b / Math.pow(n, 100));
            return Evidence.worst(
                    Evidence.ge("lambda_min(Phi Phi^T) >= k (lambda~ - 6B/n^100) / 2", Linalg.lambdaMin(gram), rhs, Linalg.psdTolerance(gram)),
                    Evidence.fact("Phi has full row rank", Linalg.rank(phi) == n))
                    .with("n", n).with("k", k).with("B", b).with("lambda~(X)", lt).with("C", f.c());
        }

        /** 60 digits: Phi Phi^T from s relu(x_i^T w), lambda~ from the degree-1 arc-cosine kernel. */
        static Certificate certify(FeatureInstance f, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Activation a = f.act();
            Dfp s = hp.of(a.scale());
            Dfp[][] x = hp.of(f.x()), w = hp.of(f.w());
            int n = x.length, k = w.length;
            Dfp[][] phi = new Dfp[n][k];
            for (int i = 0; i < n; i++)
                for (int l = 0; l < k; l++) {
                    Dfp z = hp.dot(w[l], x[i]);
                    phi[i][l] = z.negativeOrNull() ? hp.zero() : z.multiply(s);
                }
            Dfp lhs = hp.lambdaMin(hp.gram(phi));
            Dfp[][] g = QuadraticReduction.unitGram(hp, x);
            Dfp twoPi = hp.pi().multiply(hp.of(2));
            Dfp[][] kt = new Dfp[n][n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) {
                    Dfp rho = g[i][j];
                    Dfp sin = hp.sqrt(hp.one().subtract(rho.multiply(rho)));
                    kt[i][j] = sin.add(rho.multiply(hp.pi().subtract(hp.acos(rho)))).divide(twoPi).multiply(s).multiply(s);
                }
            Dfp lt = hp.lambdaMin(kt);
            Dfp rhs = lt.subtract(s.multiply(hp.of(6)).divide(hp.pow(hp.of(n), 100))).multiply(hp.of(k)).divide(hp.of(2));
            return Certificate.of("Dfp features, arc-cosine kernel and inertia bisection", hp.digits(), HighPrecision.toBigDecimal(lhs.subtract(rhs)),
                    new BigDecimal("1e-30").multiply(HighPrecision.toBigDecimal(rhs.abs())), "lambda_min(Phi Phi^T) - k (lambda~ - 6B/n^100)/2 (rank(Phi) <= k = 1 < n)");
        }

        /** Exploratory (C unspecified): fraction of draws with lambda_min(Phi Phi^T) >= k lambda~/2 at k = c n ceil(log^2 n). */
        @Override
        protected void numbers(Params p, RunContext ctx, ClaimResult.Builder r) {
            r.number("E5", "the statement asserts full rank deterministically; the proof gives it with probability >= 1 - 1/n^100. The E7 failure is "
                    + "deterministic (every W), so it refutes both readings.");
            r.number("E6", String.format(Locale.ROOT, "the proof gives 6B^2/n^100, the text 6B/n^100: invisible in practice (n = 2: 6/2^100 = %.3g per unit of B or B^2)",
                    6 / Math.pow(2, 100)));
            int draws = p.integer("explorationDraws");
            int n = 6, d = 4;
            DMatrixRMaj x = Generators.sphere(n, d, ctx.seedFor(id() + "#explore")).matrix();
            int base = n * (int) Math.ceil(Math.pow(Math.log(n), 2));
            for (String name : new String[] {"relu", "softplus"}) {
                Activation a = Activations.byName(name);
                double lt = NetworkCovariance.lambdaTilde(x, a);
                Integer smallest = null;
                StringBuilder rates = new StringBuilder();
                for (int mult : new int[] {1, 2, 4, 8}) {
                    int k = mult * base, pass = 0;
                    Random rng = new Random(ctx.seedFor(id() + "#explore" + name + mult));
                    for (int t = 0; t < draws; t++) {
                        DMatrixRMaj phi = features(Linalg.toArray(x), RandomMatrices.gaussian(k, d, rng), a);
                        if (Linalg.lambdaMin(Linalg.gram(phi)) >= 0.5 * k * lt) pass++;
                    }
                    rates.append(String.format(Locale.ROOT, "k=%d: %d/%d; ", k, pass, draws));
                    if (pass == draws && smallest == null) smallest = k;
                }
                r.number("exploration " + name + " (sphere n=6, d=4, lambda~=" + String.format(Locale.ROOT, "%.4g", lt) + ")", rates.toString().trim());
                r.number("exploration " + name + ": smallest k (multiple of n ceil(log^2 n) = " + base + ") with all draws passing", smallest == null ? "none up to 8x" : smallest);
            }
        }
    }

    /** A scalar function in the hypothesis class of Theorem 3.2 (|phi(0)| <= B, |phi'| <= B): a library activation or a piecewise-linear one. */
    record ClassMember(String activation, double b, double phi0, double[] breaks, double[] slopes) {}

    /** E phi(g)^2 exactly for a piecewise-linear phi (slopes[j] on the j-th interval between sorted breaks), by partial Gaussian moments. */
    static double meanSquarePiecewise(ClassMember m) {
        double[] br = m.breaks();
        double total = 0;
        for (int j = 0; j <= br.length; j++) {
            double lo = j == 0 ? Double.NEGATIVE_INFINITY : br[j - 1], hi = j == br.length ? Double.POSITIVE_INFINITY : br[j];
            double s = m.slopes()[j], a = interceptOn(m, j);
            double m0 = (hi == Double.POSITIVE_INFINITY ? 1 : Normal.cdf(hi)) - (lo == Double.NEGATIVE_INFINITY ? 0 : Normal.cdf(lo));
            double pLo = lo == Double.NEGATIVE_INFINITY ? 0 : Normal.pdf(lo), pHi = hi == Double.POSITIVE_INFINITY ? 0 : Normal.pdf(hi);
            double m1 = pLo - pHi;
            double m2 = m0 + (lo == Double.NEGATIVE_INFINITY ? 0 : lo * pLo) - (hi == Double.POSITIVE_INFINITY ? 0 : hi * pHi);
            total += a * a * m0 + 2 * a * s * m1 + s * s * m2;
        }
        return total;
    }

    /** phi(z) = a_j + s_j z on interval j; phi continuous with phi(0) = phi0. */
    static double interceptOn(ClassMember m, int j) {
        double[] br = m.breaks();
        int zero = 0;
        while (zero < br.length && br[zero] <= 0) zero++;
        // interval "zero" contains 0: a = phi0; walk outwards keeping continuity at the breaks.
        double a = m.phi0();
        if (j == zero) return a;
        if (j > zero) {
            for (int q = zero; q < j; q++) a = a + (m.slopes()[q] - m.slopes()[q + 1]) * br[q];
        } else {
            for (int q = zero; q > j; q--) a = a + (m.slopes()[q] - m.slopes()[q - 1]) * br[q - 1];
        }
        return a;
    }

    static double meanSquare(ClassMember m) {
        if (m.activation().equals("piecewise")) return meanSquarePiecewise(m);
        Activation a = Activations.byName(m.activation());
        return GaussianExpectation.expect(z -> a.phi(z) * a.phi(z), a.kinks());
    }

    /** oymak/thm-3.2.proof, proof of Theorem 3.2: |phi(0)| <= B and |phi'| <= B give sqrt(E phi^2(g)) <= B sqrt 2. */
    static final class SecondMomentStep extends PropertyClaim {
        static final List<String> LIBRARY = List.of("softplus", "relu", "tanh", "gausscdf", "sigmoid", "sin", "3.0*softplus", "0.25*tanh", "2.0*relu");

        SecondMomentStep() {
            super("oymak/thm-3.2.proof");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<ClassMember> library = Arbitraries.of(LIBRARY).map(name -> {
                Activation a = Activations.byName(name);
                return new ClassMember(name, bigB32(a), a.phi(0), new double[0], new double[0]);
            });
            Arbitrary<Double> unit = Arbitraries.oneOf(Arbitraries.of(-1.0, -0.5, 0.0, 0.5, 1.0), Arbitraries.doubles().between(-1, 1));
            Arbitrary<ClassMember> piecewise = Combinators.combine(Arbitraries.of(0.5, 1.0, 3.0), unit, unit.list().ofMinSize(0).ofMaxSize(4),
                    unit.list().ofMinSize(5).ofMaxSize(5)).as((b, phi0, breaksRaw, slopesRaw) -> {
                        double[] breaks = breaksRaw.stream().mapToDouble(v -> 3 * v).sorted().distinct().toArray();
                        double[] slopes = new double[breaks.length + 1];
                        for (int j = 0; j < slopes.length; j++) slopes[j] = b * slopesRaw.get(j);
                        return new ClassMember("piecewise", b, b * phi0, breaks, slopes);
                    });
            return List.of(
                    Property.of("library", ClassMember.class)
                            .description("E phi(g)^2 <= 2 B^2 for the library activations (B = max(|phi(0)|, sup|phi'|)), composite quadrature split at kinks")
                            .generator("activations " + LIBRARY, library).check(SecondMomentStep::check).tries(30).build(),
                    Property.of("hypothesis-class", ClassMember.class)
                            .description("E phi(g)^2 <= 2 B^2 for continuous piecewise-linear phi with phi(0) in [-B, B] and slopes in [-B, B] (exact partial Gaussian moments)")
                            .generator("B in {0.5, 1, 3}, phi(0)/B and slopes/B in [-1, 1], 0-4 breaks in [-3, 3]", piecewise)
                            .hypotheses(SecondMomentStep::inClass).search(SearchSpace.coordinates())
                            .check(SecondMomentStep::check).certify(SecondMomentStep::certify).tries(200).build());
        }

        /** The theorem's hypothesis class as the piecewise-linear family states it: |phi(0)| <= B, every |slope| <= B, sorted breaks. */
        static String inClass(ClassMember m) {
            double[] br = m.breaks(), sl = m.slopes();
            if (!m.activation().equals("piecewise")) return "not a piecewise-linear member";
            if (!(m.b() > 0) || !Double.isFinite(m.b())) return "B must be positive";
            if (!(Math.abs(m.phi0()) <= m.b())) return "|phi(0)| > B";
            if (sl.length != br.length + 1) return "one slope per interval";
            for (double s : sl) if (!(Math.abs(s) <= m.b())) return "|phi'| > B";
            for (int j = 1; j < br.length; j++) if (!(br[j - 1] < br[j])) return "breaks not strictly increasing";
            for (double b : br) if (!Double.isFinite(b)) return "break not finite";
            return null;
        }

        static Evidence check(ClassMember m) {
            double e2 = meanSquare(m), b2 = m.b() * m.b();
            return Evidence.le("E phi(g)^2 <= 2 B^2", e2, 2 * b2, 1e-12 * b2).with("sqrt(E phi^2)/B", Math.sqrt(e2) / m.b())
                    .with("class supremum sqrt(2 + 2 sqrt(2/pi))", Math.sqrt(2 + 2 * Math.sqrt(2 / Math.PI)));
        }

        /** 60 digits: the same piecewise sum with the Dfp normal cdf series. */
        static Certificate certify(ClassMember m, Evidence e) {
            if (!m.activation().equals("piecewise")) return null;
            HighPrecision hp = new HighPrecision();
            GaussDfp gd = new GaussDfp(hp);
            double[] br = m.breaks();
            Dfp total = hp.zero();
            for (int j = 0; j <= br.length; j++) {
                Dfp lo = j == 0 ? null : hp.of(br[j - 1]), hi = j == br.length ? null : hp.of(br[j]);
                Dfp[] mo = gd.partialMoments(lo, hi);
                Dfp s = hp.of(m.slopes()[j]), a = interceptDfp(hp, m, j);
                total = total.add(a.multiply(a).multiply(mo[0])).add(a.multiply(s).multiply(mo[1]).multiply(hp.of(2))).add(s.multiply(s).multiply(mo[2]));
            }
            Dfp b = hp.of(m.b());
            return Certificate.of("Dfp partial Gaussian moments (normal cdf series)", hp.digits(),
                    HighPrecision.toBigDecimal(b.multiply(b).multiply(hp.of(2)).subtract(total)), new BigDecimal("1e-40"), "2 B^2 - E phi(g)^2");
        }

        static Dfp interceptDfp(HighPrecision hp, ClassMember m, int j) {
            double[] br = m.breaks();
            int zero = 0;
            while (zero < br.length && br[zero] <= 0) zero++;
            Dfp a = hp.of(m.phi0());
            if (j > zero) for (int q = zero; q < j; q++) a = a.add(hp.of(m.slopes()[q]).subtract(hp.of(m.slopes()[q + 1])).multiply(hp.of(br[q])));
            else for (int q = zero; q > j; q--) a = a.add(hp.of(m.slopes()[q]).subtract(hp.of(m.slopes()[q - 1])).multiply(hp.of(br[q - 1])));
            return a;
        }
    }

    /** oymak/IC-6, proof of Theorem 3.2: E||Xw||^4 = (tr XX^T)^2 + 2||XX^T||_F^2 = n^2 + 2||XX^T||_F^2 <= 3n^2 for unit rows. */
    static final class FourthMoment extends PropertyClaim {
        FourthMoment() {
            super("oymak/IC-6");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var unit = Combinators.combine(DataArbitraries.unitRows(1, 14, 1, 6), DataArbitraries.seeds())
                    .as((x, seed) -> new MonteCarloInstance("identity", x, 1, 4000, seed));
            var longRows = Combinators.combine(Arbitraries.of(1.5, 2.0), DataArbitraries.sphere(1, 6, 1, 4), DataArbitraries.seeds())
                    .as((s, x, seed) -> new MonteCarloInstance("identity", QuadraticReduction.scaledRows(x, s), 1, 4000, seed));
            return List.of(
                    Property.of("bound", MonteCarloInstance.class)
                            .description("n^2 + 2||XX^T||_F^2 <= 3 n^2, and the closed form against a Monte Carlo mean of ||Xw||^4 (4000 draws, z <= 5.5)")
                            .generator("unit-row families n in [1,14], d in [1,6]", unit).check(FourthMoment::check).tries(60).build(),
                    Property.of("control-non-unit-rows", MonteCarloInstance.class)
                            .description("negative control: rows of norm 1.5 or 2 (unit rows dropped): (tr XX^T)^2 alone exceeds 3n^2 once the norms pass 3^{1/4}")
                            .generator("sphere rows scaled to norm {1.5, 2}, n in [1,6], d in [1,4]", longRows).check(FourthMoment::check)
                            .expectRefuted().tries(10).build());
        }

        static Evidence check(MonteCarloInstance inst) {
            DMatrixRMaj x = inst.data().matrix(), g = Linalg.gram(x);
            int n = x.numRows;
            double tr = CommonOps_DDRM.trace(g), fro = Linalg.frobenius(g);
            double exact = tr * tr + 2 * fro * fro;
            Random rng = new Random(inst.mcSeed());
            double mean = 0, m2 = 0;
            for (int t = 1; t <= inst.draws(); t++) {
                double[] w = RandomMatrices.gaussianVector(x.numCols, rng);
                double s = Linalg.dot(Linalg.multVec(x, w), Linalg.multVec(x, w));
                double q = s * s, dl = q - mean;
                mean += dl / t;
                m2 += dl * (q - mean);
            }
            double se = Math.sqrt(m2 / (inst.draws() - 1) / inst.draws());
            return Evidence.worst(
                    Evidence.le("E||Xw||^4 = (tr XX^T)^2 + 2||XX^T||_F^2 <= 3n^2", exact, 3.0 * n * n, Linalg.tolerance(3.0 * n * n, n)),
                    Evidence.le("|MC mean of ||Xw||^4 - closed form| / SE", Math.abs(mean - exact) / Math.max(se, 1e-300), CovarianceClaims.Z_MAX, 0));
        }
    }

    /** oymak/IC-7, section 3: v^ = Phi^T (Phi Phi^T)^{-1} y interpolates when Phi = phi(XW^T) has full row rank. */
    static final class Interpolation extends PropertyClaim {
        static final List<String> ACTS = List.of("relu", "softplus", "tanh", "gausscdf", "sigmoid");

        Interpolation() {
            super("oymak/IC-7");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var wide = NetInstance.arbitrary(ACTS, 10, 6, 40, true, NetInstance.Outputs.RANDOM, 1.0);
            var narrow = Combinators.combine(Arbitraries.of(ACTS), DataArbitraries.ints(3, 10), DataArbitraries.ints(1, 6), DataArbitraries.ints(1, 9),
                    DataArbitraries.seeds()).as((a, n, d, k, seed) -> NetInstance.build(a, n, d, Math.min(k, n - 1), 1.0, seed, true, NetInstance.Outputs.RANDOM));
            return List.of(
                    Property.of("full-row-rank", NetInstance.class)
                            .description("Phi v^ = y for v^ = Phi^T (Phi Phi^T)^{-1} y (LU solve), when rank(Phi) = n; tolerance eps cond(Phi Phi^T) ||y||")
                            .generator("activations " + ACTS + ", unit rows n <= 10, d <= 6, k <= 40, W ~ N(0,1), y ~ N(0,1)", wide)
                            .hypotheses(Interpolation::fullRowRank).check(Interpolation::interpolates).tries(150).build(),
                    Property.of("control-k-below-n", NetInstance.class)
                            .description("negative control (full row rank dropped): k < n, the least-squares v (pseudo-inverse) leaves a residual for generic y")
                            .generator("activations " + ACTS + ", unit rows n in [3,10], d <= 6, k < n", narrow)
                            .check(Interpolation::interpolates).expectRefuted().tries(20).build());
        }

        static String fullRowRank(NetInstance inst) {
            DMatrixRMaj phi = features(inst.x(), inst.w(), inst.act());
            if (Linalg.rank(phi) < inst.n()) return "Phi is rank deficient";
            double[] s = Linalg.singularValues(phi);
            return s[inst.n() - 1] > 1e-6 * s[0] ? null : "Phi is numerically rank deficient (cond > 1e6)";
        }

        static Evidence interpolates(NetInstance inst) {
            DMatrixRMaj phi = features(inst.x(), inst.w(), inst.act());
            int n = inst.n();
            double[] y = inst.y();
            double[] vHat;
            DMatrixRMaj gram = Linalg.gram(phi);
            DMatrixRMaj a = new DMatrixRMaj(n, 1);
            if (phi.numCols >= n && CommonOps_DDRM.solve(gram, DMatrixRMaj.wrap(n, 1, y.clone()), a)) vHat = Linalg.multTransVec(phi, a.data);
            else vHat = Linalg.multVec(Linalg.pinv(phi), y);
            double[] fit = Linalg.multVec(phi, vHat);
            double err = 0;
            for (int i = 0; i < n; i++) err += (fit[i] - y[i]) * (fit[i] - y[i]);
            double[] s = Linalg.singularValues(phi);
            double cond = s.length >= n && s[n - 1] > 0 ? Math.pow(s[0] / s[n - 1], 2) : Double.POSITIVE_INFINITY;
            double tol = Double.isFinite(cond) ? 64 * Linalg.EPS * n * cond * Linalg.norm(y) : 0;
            return Evidence.eq("||Phi v^ - y||", Math.sqrt(err), 0, tol).with("cond(Phi Phi^T)", cond).with("k", phi.numCols).with("n", n);
        }
    }
}
