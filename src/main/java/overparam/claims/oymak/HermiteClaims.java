package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Dataset;
import overparam.data.Generators;
import overparam.gauss.GaussianExpectation;
import overparam.gauss.Hermite;
import overparam.gauss.Kernels;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** oymak/lemma-H.1, oymak/lemma-H.2, oymak/def-3.1: the Hermite expansions of Sigma and Sigma-tilde (App. H, section 3). */
final class HermiteClaims {
    private HermiteClaims() {}

    static final List<String> ACTS = List.of("relu", "softplus", "gausscdf", "tanh", "sigmoid", "2.0*softplus", "0.5*relu");
    static final List<String> CLOSED_FORM = List.of("relu", "gausscdf", "0.5*relu");
    static final int SERIES_DEGREE = 40;

    /** A correlation rho and an activation: the instance of the kernel-level series identities. */
    record KernelPoint(String activation, double rho) {
        Activation act() {
            return Activations.byName(activation);
        }
    }

    /** Correlations in [-1, 1], with the ends and 0 drawn often. */
    static Arbitrary<Double> correlations() {
        return Arbitraries.oneOf(Arbitraries.of(-1.0, -0.5, 0.0, 0.5, 1.0), Arbitraries.doubles().between(-1, 1));
    }

    /** mu_0(f), ..., mu_R(f) by composite quadrature split at the kinks. */
    static double[] coefficients(DoubleUnaryOperator f, Activation a, int degree) {
        return Hermite.coefficients(f, degree, a.kinks());
    }

    /** sum_{r <= R} c_r^2 rho^r, and the rigorous tail bound |rho|^{R+1} (E f^2 - sum_{r <= R} c_r^2). */
    static double[] truncatedSeries(double[] c, double secondMoment, double rho) {
        double s = 0, captured = 0, pow = 1;
        for (double cr : c) {
            s += cr * cr * pow;
            captured += cr * cr;
            pow *= rho;
        }
        double tail = Math.max(0, secondMoment - captured) * Math.pow(Math.abs(rho), c.length);
        return new double[] {s, tail};
    }

    /**
     * E[f(u) f(v)] for unit-variance (u, v) with correlation rho, v = rho u + sqrt(1 - rho^2) z, by the product of the
     * composite Gauss-Legendre rule of {@link GaussianExpectation} (nodes with weight below 1e-20 skipped): accurate to
     * about 1e-15 for smooth f, and independent of the Hermite series.
     */
    static double bivariate(DoubleUnaryOperator f, double rho) {
        if (Math.abs(rho) == 1.0) return GaussianExpectation.expect(u -> f.applyAsDouble(u) * f.applyAsDouble(rho * u));
        GaussianExpectation.Rule rule = GaussianExpectation.rule();
        double s = Math.sqrt(Math.max(0, 1 - rho * rho));
        double[] z = rule.nodes(), w = rule.weights();
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            if (w[i] < 1e-20) continue;
            double fu = f.applyAsDouble(z[i]), inner = 0;
            for (int j = 0; j < z.length; j++) if (w[j] >= 1e-20) inner += w[j] * f.applyAsDouble(rho * z[i] + s * z[j]);
            total += w[i] * fu * inner;
        }
        return total;
    }

    /** The exact E[phi'(u) phi'(v)] (closed form or product quadrature), independent of the Hermite series. */
    static double exactDerivativeKernel(Activation a, double rho) {
        double s2 = a.scale() * a.scale();
        return switch (a.base().name()) {
            case "relu" -> s2 * Kernels.reluDerivative(rho);
            case "gausscdf" -> s2 * Kernels.gaussCdf(rho);
            default -> bivariate(a::d1, rho);
        };
    }

    static double exactOutputKernel(Activation a, double rho) {
        double s2 = a.scale() * a.scale();
        return switch (a.base().name()) {
            case "relu" -> s2 * Kernels.relu(rho);
            default -> bivariate(a::phi, rho);
        };
    }

    /** |truncated series - exact| <= the rigorous tail bound; the tolerance covers rounding and the 1e-13 quadrature error of the coefficients. */
    static Evidence seriesAgainstKernel(String label, double[] c, double secondMoment, double exact, double rho) {
        double[] st = truncatedSeries(c, secondMoment, rho);
        double tol = 64 * Linalg.EPS * Math.max(1, secondMoment) * c.length + 1e-13 * Math.max(1, secondMoment);
        return Evidence.le(label + " <= |rho|^{R+1} (E f^2 - sum_{r<=R} mu_r^2)", Math.abs(st[0] - exact), st[1], tol)
                .with("series", st[0]).with("exact", exact);
    }

    static Arbitrary<DataInstance> dataWithPower(List<String> acts, int rMin, int rMax) {
        Arbitrary<Dataset> data = Arbitraries.oneOf(DataArbitraries.unitRows(1, 14, 1, 6),
                Combinators.combine(DataArbitraries.ints(1, 4), DataArbitraries.ints(1, 6), DataArbitraries.seeds())
                        .as((d, extra, seed) -> Generators.krDeficient(d * (d + 1) / 2 + extra, d, seed)));
        return Combinators.combine(Arbitraries.of(acts), DataArbitraries.ints(rMin, rMax), data).as(DataInstance::new);
    }

    static final String DATA = "unit-row families n in [1,14], d in [1,6] and kr-deficient n > d(d+1)/2";

    /** oymak/lemma-H.1, Lemma H.1: Sigma = (sum_r mu_r^2(phi') (XX^T)^{o r}) o XX^T >= mu_r^2(phi') (XX^T)^{o(r+1)}; (H.2). */
    static final class SigmaExpansion extends PropertyClaim {
        SigmaExpansion() {
            super("oymak/lemma-H.1");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("activations", String.join(",", ACTS), "activations drawn"),
                    ParamSpec.range("r", 0, 6, "Hermite degree r of (H.1)/(H.2)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> acts = List.of(p.string("activations").split(","));
            int[] r = p.range("r");
            var points = Combinators.combine(Arbitraries.of(acts), correlations()).as(KernelPoint::new);
            var withR = dataWithPower(acts, r[0], r[1]);
            var krDeficient = Combinators.combine(Arbitraries.of(List.of("relu", "softplus", "gausscdf", "tanh")), DataArbitraries.ints(2, 4),
                    DataArbitraries.seeds()).as((a, d, seed) -> {
                        int low = d * (d + 1) / 2 + 1, high = binomial(d + 3, 4);
                        int n = low + (int) Math.floorMod(seed, Math.max(1, high - low + 1));
                        return new DataInstance(a, 3, Generators.krDeficient(n, d, seed));
                    });
            var tall = Combinators.combine(DataArbitraries.ints(1, 3), DataArbitraries.ints(0, 10), DataArbitraries.seeds())
                    .as((d, extra, seed) -> new DataInstance("relu", 0, Generators.sphere(8 * d + extra, d, seed)));
            String g = "activations " + acts + ", r in [" + r[0] + "," + r[1] + "], " + DATA;
            return List.of(
                    Property.of("series-identity", KernelPoint.class)
                            .description("E[phi'(u)phi'(v)] = sum_r mu_r^2(phi') rho^r: truncated at R = " + SERIES_DEGREE
                                    + " against the closed form (ReLU, Phi) or a product composite Gauss-Legendre rule, within the rigorous tail |rho|^{R+1}(E phi'^2 - sum mu_r^2)")
                            .generator("activations " + acts + ", rho in [-1,1] (ends and 0 included)", points)
                            .check(inst -> seriesAgainstKernel("|sum_r mu_r^2(phi') rho^r - E[phi'(u)phi'(v)]|",
                                    coefficients(inst.act()::d1, inst.act(), SERIES_DEGREE), inst.act().meanSquareD1(),
                                    exactDerivativeKernel(inst.act(), inst.rho()), inst.rho())).tries(40).build(),
                    Property.of("psd-H1", DataInstance.class)
                            .description("(H.1): lambda_min(Sigma - mu_r^2(phi') (XX^T)^{o(r+1)}) >= 0")
                            .generator(g, withR).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(SigmaExpansion::psd).tries(100).build(),
                    Property.of("bound-H2", DataInstance.class)
                            .description("(H.2): lambda(X) >= mu_r^2(phi') sigma_min^2(X^{*(r+1)}) = mu_r^2(phi') lambda_min((XX^T)^{o(r+1)})")
                            .generator(g, withR).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(SigmaExpansion::bound).tries(100).build(),
                    Property.of("kr-deficient-r3", DataInstance.class)
                            .description("regime test: n > d(d+1)/2 (sigma_min(X*X) = 0) but n <= C(d+3,4); (H.2) with r = 3 (X^{*4}) holds")
                            .generator("relu, softplus, gausscdf, tanh; kr-deficient d in [2,4], n in (d(d+1)/2, C(d+3,4)]", krDeficient)
                            .hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(SigmaExpansion::bound).tries(30).build(),
                    Property.of("kr-deficient-r3-positive", DataInstance.class)
                            .description("the remark after Thm 2.1: there the r = 3 bound mu_3^2(phi') lambda_min((XX^T)^{o4}) is positive while (6.5) gives 0")
                            .generator("relu, softplus, gausscdf, tanh; kr-deficient d in [2,4], n in (d(d+1)/2, C(d+3,4)]", krDeficient)
                            .check(SigmaExpansion::positiveR3).informative().tries(30).build(),
                    Property.of("printed-mu-r-phi", DataInstance.class)
                            .description("the printed (H.1) with mu_r^2(phi) (not phi') in the sum (catalogue E11): reported, the typo is expected to break the identity")
                            .generator("relu, softplus; sphere n in [2,6], d in [2,4]", Combinators.combine(Arbitraries.of("relu", "softplus"),
                                    DataArbitraries.sphere(2, 6, 2, 4)).as((a, x) -> new DataInstance(a, 0, x)))
                            .check(SigmaExpansion::printedForm).informative().tries(10).build(),
                    Property.of("control-thin-svd-r0", DataInstance.class)
                            .description("negative control (section 2.5): (H.2) at r = 0 with sigma_min(X) read as the smallest thin-SVD value of the tall X (n >= 8d) fails")
                            .generator("relu, sphere n in [8d, 8d+10], d in [1,3]", tall)
                            .check(SigmaExpansion::thinSvdR0).certify(SigmaExpansion::certifyThinSvdR0).expectRefuted().tries(40).build());
        }

        static double muR2(Activation a, int r) {
            double[] c = coefficients(a::d1, a, r);
            return c[r] * c[r];
        }

        static Evidence psd(DataInstance inst) {
            DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
            Activation a = inst.act();
            DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
            DMatrixRMaj term = Linalg.scale(muR2(a, inst.r()), Linalg.hadamardPower(g, inst.r() + 1));
            return Evidence.ge("lambda_min(Sigma - mu_r^2(phi') (XX^T)^{o(r+1)})", Linalg.lambdaMin(Linalg.minus(sigma, term)), 0,
                    QuadraticReduction.sigmaTolerance(sigma, a)).with("r", inst.r()).with("mu_r^2(phi')", muR2(a, inst.r()));
        }

        static Evidence bound(DataInstance inst) {
            DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
            Activation a = inst.act();
            DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
            double s2 = Math.max(0, Linalg.lambdaMin(Linalg.hadamardPower(g, inst.r() + 1)));
            return Evidence.ge("lambda(X) >= mu_r^2(phi') sigma_min^2(X^{*(r+1)})", Linalg.lambdaMin(sigma), muR2(a, inst.r()) * s2,
                    QuadraticReduction.sigmaTolerance(sigma, a)).with("r", inst.r()).with("sigma_min^2(X^{*(r+1)})", s2)
                    .with("sigma_min^2(X*X)", Math.max(0, Linalg.lambdaMin(Linalg.hadamardPower(g, 2))));
        }

        static Evidence positiveR3(DataInstance inst) {
            DMatrixRMaj g = Linalg.gram(inst.x());
            DMatrixRMaj g4 = Linalg.hadamardPower(g, 4);
            double b3 = muR2(inst.act(), 3) * Linalg.lambdaMin(g4);
            return Evidence.ge("mu_3^2(phi') lambda_min((XX^T)^{o4}) > 0", b3, 0, 0).with("rounding level", Linalg.psdTolerance(g4))
                    .with("(6.5) sigma_min^2(X*X)", Linalg.lambdaMin(Linalg.hadamardPower(g, 2)));
        }

        /** Entrywise max |printed series - Sigma| with mu_r(phi) for r >= 1 and mu_0(phi') (the printed form). */
        static Evidence printedForm(DataInstance inst) {
            DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
            Activation a = inst.act();
            double[] cPhi = coefficients(a::phi, a, SERIES_DEGREE), cD1 = coefficients(a::d1, a, 0);
            DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
            double worst = 0;
            for (int i = 0; i < g.numRows; i++)
                for (int j = 0; j < g.numCols; j++) {
                    if (i == j) continue;
                    double rho = g.get(i, j), s = cD1[0] * cD1[0], pow = 1;
                    for (int r = 1; r <= SERIES_DEGREE; r++) {
                        pow *= rho;
                        s += cPhi[r] * cPhi[r] * pow;
                    }
                    worst = Math.max(worst, Math.abs(s * rho - sigma.get(i, j)));
                }
            return Evidence.eq("max off-diagonal |printed (H.1) series - Sigma|", worst, 0, 1e-10);
        }

        static Evidence thinSvdR0(DataInstance inst) {
            DMatrixRMaj x = inst.x();
            Activation a = inst.act();
            double[] s = Linalg.singularValues(x);
            double smallest = s[s.length - 1];
            DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
            return Evidence.ge("lambda(X) >= mu_0^2(phi') (smallest thin-SVD value of X)^2", Linalg.lambdaMin(sigma),
                    muR2(a, 0) * smallest * smallest, QuadraticReduction.sigmaTolerance(sigma, a)).with("thin-SVD smallest", smallest);
        }

        static Certificate certifyThinSvdR0(DataInstance inst, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp[][] x = hp.of(inst.data().x());
            Dfp smallest2 = hp.lambdaMin(hp.gram(hp.transpose(x)));
            Dfp margin = hp.lambdaMin(QuadraticReduction.reluSigma(hp, x)).subtract(smallest2.divide(hp.of(4)));
            return Certificate.of("Dfp arc-cosine kernel and inertia bisection (mu_0(1{z>=0}) = 1/2)", hp.digits(),
                    HighPrecision.toBigDecimal(margin), new BigDecimal("1e-40"), "lambda(X) - (1/4) sigma_d(X)^2");
        }
    }

    static int binomial(int n, int k) {
        long b = 1;
        for (int i = 1; i <= k; i++) b = b * (n - k + i) / i;
        return (int) b;
    }

    /** oymak/lemma-H.2, Lemma H.2: Sigma~ = sum_r mu_r^2(phi) (XX^T)^{o r} >= mu_r^2(phi)(XX^T)^{o r} (H.3), (H.4), section 3 gamma bound. */
    static final class SigmaTildeExpansion extends PropertyClaim {
        static final List<String> ACTS = List.of("relu", "softplus", "tanh", "gausscdf", "sigmoid", "2.0*relu", "0.5*softplus");

        SigmaTildeExpansion() {
            super("oymak/lemma-H.2");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.string("activations", String.join(",", ACTS), "activations drawn"),
                    ParamSpec.range("r", 1, 6, "Hermite degree r of (H.3)/(H.4)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            List<String> acts = List.of(p.string("activations").split(","));
            int[] r = p.range("r");
            var points = Combinators.combine(Arbitraries.of(acts), correlations()).as(KernelPoint::new);
            var withR = dataWithPower(acts, r[0], r[1]);
            var plain = dataWithPower(acts, 2, 2);
            String g = "activations " + acts + ", r in [" + r[0] + "," + r[1] + "], " + DATA;
            return List.of(
                    Property.of("series-identity", KernelPoint.class)
                            .description("E[phi(u)phi(v)] = sum_r mu_r^2(phi) rho^r: truncated at R = " + SERIES_DEGREE
                                    + " against the arc-cosine kernel (ReLU) or a product composite Gauss-Legendre rule, within the rigorous tail")
                            .generator("activations " + acts + ", rho in [-1,1]", points)
                            .check(inst -> seriesAgainstKernel("|sum_r mu_r^2(phi) rho^r - E[phi(u)phi(v)]|",
                                    coefficients(inst.act()::phi, inst.act(), SERIES_DEGREE), inst.act().meanSquare(),
                                    exactOutputKernel(inst.act(), inst.rho()), inst.rho())).tries(40).build(),
                    Property.of("psd-H3", DataInstance.class)
                            .description("(H.3): lambda_min(Sigma~ - mu_r^2(phi) (XX^T)^{o r}) >= 0")
                            .generator(g, withR).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(SigmaTildeExpansion::psd).tries(100).build(),
                    Property.of("bound-H4", DataInstance.class)
                            .description("(H.4): lambda~(X) >= mu_r^2(phi) sigma_min^2(X^{*r}) = mu_r^2(phi) lambda_min((XX^T)^{o r})")
                            .generator(g, withR).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(SigmaTildeExpansion::bound).tries(100).build(),
                    Property.of("gamma-bound", DataInstance.class)
                            .description("section 3: lambda~(X) >= gamma^2 sigma_min^2(X*X), gamma = (1/sqrt 2) E[phi(g)(g^2 - 1)], and gamma = mu_2(phi) (ReLU 1/(2 sqrt pi))")
                            .generator("activations " + acts + ", " + DATA, plain).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(SigmaTildeExpansion::gammaBound).tries(80).build());
        }

        static double muR2(Activation a, int r) {
            double[] c = coefficients(a::phi, a, r);
            return c[r] * c[r];
        }

        static double tol(DMatrixRMaj s, Activation a) {
            return Linalg.psdTolerance(s) + 1e-14 * a.scale() * a.scale() * s.numRows;
        }

        static Evidence psd(DataInstance inst) {
            DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
            Activation a = inst.act();
            DMatrixRMaj st = NetworkCovariance.sigmaTilde(x, a);
            DMatrixRMaj term = Linalg.scale(muR2(a, inst.r()), Linalg.hadamardPower(g, inst.r()));
            return Evidence.ge("lambda_min(Sigma~ - mu_r^2(phi) (XX^T)^{o r})", Linalg.lambdaMin(Linalg.minus(st, term)), 0, tol(st, a))
                    .with("r", inst.r());
        }

        static Evidence bound(DataInstance inst) {
            DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
            Activation a = inst.act();
            DMatrixRMaj st = NetworkCovariance.sigmaTilde(x, a);
            double s2 = Math.max(0, Linalg.lambdaMin(Linalg.hadamardPower(g, inst.r())));
            return Evidence.ge("lambda~(X) >= mu_r^2(phi) sigma_min^2(X^{*r})", Linalg.lambdaMin(st), muR2(a, inst.r()) * s2, tol(st, a))
                    .with("r", inst.r()).with("sigma_min^2(X^{*r})", s2);
        }

        static Evidence gammaBound(DataInstance inst) {
            DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
            Activation a = inst.act();
            double gamma = GaussianExpectation.expect(z -> a.phi(z) * (z * z - 1), a.kinks()) / Math.sqrt(2);
            double mu2 = coefficients(a::phi, a, 2)[2];
            DMatrixRMaj st = NetworkCovariance.sigmaTilde(x, a);
            double s2 = Math.max(0, Linalg.lambdaMin(Linalg.hadamardPower(g, 2)));
            Evidence bound = Evidence.ge("lambda~(X) >= gamma^2 sigma_min^2(X*X)", Linalg.lambdaMin(st), gamma * gamma * s2, tol(st, a))
                    .with("gamma", gamma);
            Evidence same = Evidence.eq("|gamma - mu_2(phi)|", Math.abs(gamma - mu2), 0, 1e-13 * Math.max(1, Math.abs(a.scale())));
            Evidence parts = Evidence.worst(bound, same);
            if (a.base().name().equals("relu")) {
                Evidence relu = Evidence.eq("|gamma_ReLU - s/(2 sqrt pi)|", Math.abs(gamma - a.scale() / (2 * Math.sqrt(Math.PI))), 0,
                        1e-13 * Math.abs(a.scale()));
                parts = Evidence.worst(bound, same, relu);
            }
            return parts;
        }
    }

    /** oymak/def-3.1, Definition 3.1: Sigma~ = E[phi(Xw)phi(Xw)^T] is PSD with diagonal E phi(g)^2; duplicates give lambda~ = 0. */
    static final class OutputCovarianceDefinition extends PropertyClaim {
        static final List<String> ACTS = List.of("softplus", "relu", "tanh", "gausscdf", "sigmoid", "2.0*softplus", "0.5*relu");

        OutputCovarianceDefinition() {
            super("oymak/def-3.1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var general = Combinators.combine(Arbitraries.of(ACTS), DataArbitraries.unitRows(1, 14, 1, 6)).as((a, x) -> new DataInstance(a, 0, x));
            var dups = Combinators.combine(Arbitraries.of(ACTS), Combinators.combine(DataArbitraries.ints(2, 10), DataArbitraries.ints(1, 6),
                    DataArbitraries.seeds()).as(Generators::duplicates)).as((a, x) -> new DataInstance(a, 0, x));
            var ortho = Combinators.combine(Arbitraries.of(ACTS), DataArbitraries.ints(1, 8).flatMap(d -> DataArbitraries.ints(1, d)
                    .map(n -> Generators.orthonormal(n, d)))).as((a, x) -> new DataInstance(a, 0, x));
            String acts = "activations " + ACTS;
            return List.of(
                    Property.of("psd-diagonal", DataInstance.class)
                            .description("lambda_min(Sigma~) >= 0 and Sigma~_ii = E phi(g)^2 (second route: a composite rule with extra half-integer breaks)")
                            .generator(acts + ", unit-row families n in [1,14], d in [1,6]", general)
                            .check(OutputCovarianceDefinition::psdDiagonal).tries(80).build(),
                    Property.of("duplicates-zero", DataInstance.class)
                            .description("duplicated rows give lambda~(X) = 0")
                            .generator(acts + ", duplicates n in [2,10], d in [1,6]", dups)
                            .check(OutputCovarianceDefinition::duplicatesZero).tries(40).build(),
                    Property.of("orthonormal", DataInstance.class)
                            .description("orthonormal rows: Sigma~ = E phi^2 I + (E phi)^2 (11^T - I) (section 6 generator note)")
                            .generator(acts + ", orthonormal n <= d <= 8", ortho)
                            .check(OutputCovarianceDefinition::orthonormal).tries(40).build());
        }

        /** E phi(g)^2 on a second composite rule with extra breaks at the half-integers (other nodes than NetworkCovariance's). */
        static double meanSquareSecondRoute(Activation a) {
            double[] kinks = a.kinks();
            double[] shifted = new double[kinks.length + 80];
            System.arraycopy(kinks, 0, shifted, 0, kinks.length);
            for (int i = 0; i < 80; i++) shifted[kinks.length + i] = -39.5 + i;
            return GaussianExpectation.expect(z -> a.phi(z) * a.phi(z), shifted);
        }

        static Evidence psdDiagonal(DataInstance inst) {
            DMatrixRMaj s = NetworkCovariance.sigmaTilde(inst.x(), inst.act());
            double diag = meanSquareSecondRoute(inst.act());
            double err = 0;
            for (int i = 0; i < s.numRows; i++) err = Math.max(err, Math.abs(s.get(i, i) - diag));
            return Evidence.worst(
                    Evidence.ge("lambda_min(Sigma~)", Linalg.lambdaMin(s), 0, SigmaTildeExpansion.tol(s, inst.act())),
                    Evidence.eq("max |Sigma~_ii - E phi(g)^2|", err, 0, 1e-10 * Math.max(1, diag)));
        }

        static Evidence duplicatesZero(DataInstance inst) {
            DMatrixRMaj s = NetworkCovariance.sigmaTilde(inst.x(), inst.act());
            return Evidence.le("|lambda~(X)| for duplicated rows", Math.abs(Linalg.lambdaMin(s)), 0, SigmaTildeExpansion.tol(s, inst.act()));
        }

        static Evidence orthonormal(DataInstance inst) {
            Activation a = inst.act();
            DMatrixRMaj s = NetworkCovariance.sigmaTilde(inst.x(), a);
            double m = GaussianExpectation.expect(a::phi, a.kinks()), m2 = meanSquareSecondRoute(a);
            int n = s.numRows;
            DMatrixRMaj expected = Linalg.plus(Linalg.scale(m2 - m * m, Linalg.identity(n)), Linalg.scale(m * m, Linalg.ones(n, n)));
            return Evidence.eq("||Sigma~ - (E phi^2 I + (E phi)^2 (11^T - I))||_F", Linalg.frobenius(Linalg.minus(s, expected)), 0, 1e-10 * n * Math.max(1, m2));
        }
    }
}
