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
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.NetworkCovariance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * oymak/lemma-6.4, Lemma 6.4 (reduction to quadratic activations): Sigma(X) >= (mu~^2 11^T + mu^2 XX^T) o XX^T >=
 * mu^2 (XX^T)^{o2} (6.4) and lambda(X) >= mu^2 sigma_min^2(X*X) (6.5), with the Stein step (B.1) of App. B.
 */
final class QuadraticReduction extends PropertyClaim {
    static final List<String> ACTS = List.of("softplus", "relu", "gausscdf", "tanh", "sigmoid", "2.0*softplus", "0.5*relu");

    QuadraticReduction() {
        super("oymak/lemma-6.4");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.string("activations", String.join(",", ACTS), "activations drawn (comma-separated names or s*name)"),
                ParamSpec.range("n", 1, 14, "points n"), ParamSpec.range("d", 1, 6, "dimension d"));
    }

    @Override
    public List<Property<?>> properties(Params p) {
        List<String> acts = List.of(p.string("activations").split(","));
        int[] n = p.range("n"), d = p.range("d");
        Arbitrary<Dataset> data = Arbitraries.oneOf(DataArbitraries.unitRows(n[0], n[1], d[0], d[1]),
                Combinators.combine(DataArbitraries.ints(Math.max(1, d[0]), Math.min(4, d[1])), DataArbitraries.ints(1, 6), DataArbitraries.seeds())
                        .as((dd, extra, seed) -> Generators.krDeficient(dd * (dd + 1) / 2 + extra, dd, seed)));
        Arbitrary<DataInstance> inst = Combinators.combine(Arbitraries.of(acts), data).as((a, x) -> new DataInstance(a, 0, x));
        String gen = "activations " + acts + ", unit-row families (sphere, half circle, cluster, antipodal, duplicates, orthonormal) n in ["
                + n[0] + "," + n[1] + "], d in [" + d[0] + "," + d[1] + "], and kr-deficient n > d(d+1)/2";
        Arbitrary<DataInstance> steinUnit = Combinators.combine(Arbitraries.of(acts), DataArbitraries.sphere(1, 5, 1, 5))
                .as((a, x) -> new DataInstance(a, 0, x));
        Arbitrary<DataInstance> steinLong = Combinators.combine(Arbitraries.of(1.5, 2.0, 3.0), DataArbitraries.sphere(1, 5, 1, 5))
                .as((s, x) -> new DataInstance("softplus", 0, scaledRows(x, s)));
        Arbitrary<DataInstance> tall = Combinators.combine(DataArbitraries.ints(1, 3), DataArbitraries.ints(1, 8), DataArbitraries.seeds())
                .as((dd, extra, seed) -> new DataInstance("relu", 0, Generators.sphere(dd * dd + extra, dd, seed)));
        Arbitrary<DataInstance> ortho = Combinators.combine(Arbitraries.of(acts), DataArbitraries.ints(1, 8))
                .as((a, dd) -> new DataInstance(a, 0, Generators.orthonormal(dd, dd)));
        return List.of(
                Property.of("chain-sigma-ge-middle", DataInstance.class)
                        .description("(6.4) first step: lambda_min(Sigma - (mu~^2 11^T + mu^2 XX^T) o XX^T) >= 0, Sigma exact (closed form or Hermite series)")
                        .generator(gen, inst).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(QuadraticReduction::firstStep).tries(80).build(),
                Property.of("chain-middle-ge-quadratic", DataInstance.class)
                        .description("(6.4) second step: lambda_min((mu~^2 11^T + mu^2 XX^T) o XX^T - mu^2 (XX^T)^{o2}) >= 0")
                        .generator(gen, inst).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(QuadraticReduction::secondStep).tries(60).build(),
                Property.of("bound-6.5", DataInstance.class)
                        .description("(6.5): lambda(X) >= mu^2 sigma_min^2(X*X), sigma_min^2(X*X) = lambda_min((XX^T)^{o2}) (section 2.5 convention)")
                        .generator(gen, inst).hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(QuadraticReduction::bound65).tries(120).build(),
                Property.of("stein-B1", DataInstance.class)
                        .description("(B.1): E[Xw phi'(Xw)^T] = mu XX^T for unit rows, the expectation by quadrature over the joint Gaussian (no Stein identity used)")
                        .generator("activations " + acts + ", sphere n in [1,5], d in [1,5]", steinUnit)
                        .hypotheses(Structure::unitRows).search(Structure.UNIT_ROW_SEARCH).check(QuadraticReduction::stein).tries(30).build(),
                Property.of("control-stein-non-unit-rows", DataInstance.class)
                        .description("negative control: rows of norm s in {1.5, 2, 3} with softplus (unit rows dropped); (B.1) must fail")
                        .generator("softplus, sphere rows scaled to norm s in {1.5, 2, 3}, n in [1,5], d in [1,5]", steinLong)
                        .check(QuadraticReduction::stein).certify(QuadraticReduction::certifyStein).expectRefuted().tries(20).build(),
                Property.of("control-thin-svd-convention", DataInstance.class)
                        .description("negative control (section 2.5): sigma_min(X*X) read as the smallest value of a thin SVD of the tall X*X (n > d^2) breaks (6.5) for ReLU; "
                                + "for d >= 2 the d^2 columns of X*X carry structural zero singular values, so the failure shows at d = 1")
                        .generator("relu, sphere n in [d^2+1, d^2+8], d in [1,3]", tall)
                        .check(QuadraticReduction::thinSvd).certify(QuadraticReduction::certifyThinSvd).expectRefuted().tries(60).build(),
                Property.of("orthonormal-tightness", DataInstance.class)
                        .description("tightness on orthonormal rows: mu^2 (bound) against lambda = E phi'(g)^2 (catalogue: softplus 0.29269 vs 0.29338, ReLU 0.40915 vs 0.5 for the middle term)")
                        .generator("activations " + acts + ", orthonormal n = d in [1,8]", ortho)
                        .check(QuadraticReduction::firstStep).informative().tries(10).build());
    }

    static Dataset scaledRows(Dataset x, double s) {
        double[][] rows = new double[x.n()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = x.x()[i].clone();
            for (int j = 0; j < rows[i].length; j++) rows[i][j] *= s;
        }
        return new Dataset("sphere-rows-scaled", Map.of("n", x.n(), "d", x.d(), "rowNorm", s), x.seed(), rows);
    }

    /** Entry-level accuracy of Sigma: closed forms are exact to rounding; Hermite-series kernels cut their tail at 1e-15. */
    static double sigmaTolerance(DMatrixRMaj sigma, Activation a) {
        double s2 = a.scale() * a.scale();
        return Linalg.psdTolerance(sigma) + 1e-14 * s2 * sigma.numRows;
    }

    static DMatrixRMaj middle(DMatrixRMaj g, Activation a) {
        double mt = a.muTilde(), mu = a.mu();
        DMatrixRMaj inner = Linalg.plus(Linalg.scale(mt * mt, Linalg.ones(g.numRows, g.numRows)), Linalg.scale(mu * mu, g));
        return Linalg.hadamard(inner, g);
    }

    static Evidence firstStep(DataInstance inst) {
        DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
        Activation a = inst.act();
        DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
        double gap = Linalg.lambdaMin(Linalg.minus(sigma, middle(g, a)));
        return Evidence.ge("lambda_min(Sigma - (mu~^2 11^T + mu^2 XX^T) o XX^T)", gap, 0, sigmaTolerance(sigma, a))
                .with("lambda(X)", Linalg.lambdaMin(sigma)).with("lambda_min(middle)", Linalg.lambdaMin(middle(g, a)))
                .with("mu", a.mu()).with("muTilde", a.muTilde());
    }

    static Evidence secondStep(DataInstance inst) {
        DMatrixRMaj g = Linalg.gram(inst.x());
        Activation a = inst.act();
        DMatrixRMaj m = middle(g, a);
        DMatrixRMaj quad = Linalg.scale(a.mu() * a.mu(), Linalg.hadamardPower(g, 2));
        return Evidence.ge("lambda_min((mu~^2 11^T + mu^2 XX^T) o XX^T - mu^2 (XX^T)^{o2})", Linalg.lambdaMin(Linalg.minus(m, quad)), 0,
                Linalg.psdTolerance(m));
    }

    static Evidence bound65(DataInstance inst) {
        DMatrixRMaj x = inst.x(), g = Linalg.gram(x);
        Activation a = inst.act();
        DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
        double sigma2 = Math.max(0, Linalg.lambdaMin(Linalg.hadamardPower(g, 2)));
        double mu2 = a.mu() * a.mu();
        Evidence e = Evidence.ge("lambda(X) >= mu^2 sigma_min^2(X*X)", Linalg.lambdaMin(sigma), mu2 * sigma2, sigmaTolerance(sigma, a))
                .with("sigma_min^2(X*X)", sigma2);
        if (x.numCols <= 4) {
            double explicit = Linalg.sigmaMin(Linalg.khatriRaoRows(x, x));
            e = e.with("explicit sigma_min(X*X)^2", explicit * explicit);
        }
        return e;
    }

    /**
     * max_ij |E[(x_i^T w) phi'(x_j^T w)] - mu x_i^T x_j|, the expectation by nested quadrature over (g1, g2) with
     * x_j^T w = a_j g1 and x_i^T w = (c/a_j) g1 + s g2: composite Gauss-Legendre in g1 (split at phi's kinks), Gauss-Hermite in g2.
     */
    static Evidence stein(DataInstance inst) {
        DMatrixRMaj x = inst.x();
        Activation a = inst.act();
        int n = x.numRows;
        double mu = a.mu();
        double worst = 0, scale = 0;
        double[][] rows = inst.data().x();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double c = Linalg.dot(rows[i], rows[j]);
                double e = steinEntry(a, Linalg.norm(rows[i]), Linalg.norm(rows[j]), c);
                worst = Math.max(worst, Math.abs(e - mu * c));
                scale = Math.max(scale, Math.abs(c));
            }
        return Evidence.eq("max_ij |E[Xw phi'(Xw)^T] - mu XX^T|_ij", worst, 0, 1e-12 * Math.max(1, scale) * a.bigB());
    }

    /** The g2-integrand is linear in g2, so a 4-node Gauss-Hermite rule is exact. */
    static final int HERMITE_NODES = 4;

    static double steinEntry(Activation a, double normI, double normJ, double c) {
        double[] kinks = a.kinks().clone();
        for (int q = 0; q < kinks.length; q++) kinks[q] /= normJ;
        GaussianExpectation.Rule outer = GaussianExpectation.rule(kinks);
        double s = Math.sqrt(Math.max(0, normI * normI - c * c / (normJ * normJ)));
        double total = 0;
        for (int q = 0; q < outer.nodes().length; q++) {
            double w = outer.weights()[q];
            if (w < 1e-300) continue;
            double g1 = outer.nodes()[q];
            double d1 = a.d1(normJ * g1);
            double base = c / normJ * g1;
            total += w * GaussianExpectation.gaussHermite(g2 -> (base + s * g2) * d1, HERMITE_NODES);
        }
        return total;
    }

    /** 60-digit recheck for softplus: E_ij = c_ij E[g sigmoid(a_j g)] / a_j by the trapezoid rule against mu c_ij. */
    static Certificate certifyStein(DataInstance inst, Evidence e) {
        if (!inst.act().name().equals("softplus")) return null;
        HighPrecision hp = new HighPrecision();
        GaussDfp gd = new GaussDfp(hp);
        double[][] rows = inst.data().x();
        Dfp mu = gd.expectAnalytic(z -> z.multiply(gd.sigmoid(z)), 0.1, 14);
        Dfp worst = hp.zero();
        java.util.Map<Double, Dfp> byNorm = new java.util.HashMap<>();
        for (int i = 0; i < rows.length; i++)
            for (int j = 0; j < rows.length; j++) {
                Dfp[] xi = hp.of(rows[i]), xj = hp.of(rows[j]);
                Dfp c = hp.dot(xi, xj), a = hp.dot(xj, xj).sqrt();
                Dfp m = byNorm.computeIfAbsent(Linalg.norm(rows[j]), k -> gd.expectAnalytic(z -> z.multiply(gd.sigmoid(z.multiply(a))), 0.1, 14));
                Dfp diff = c.multiply(m).divide(a).subtract(mu.multiply(c)).abs();
                if (diff.greaterThan(worst)) worst = diff;
            }
        double scale = 0;
        for (double[] xi : rows) for (double[] xj : rows) scale = Math.max(scale, Math.abs(Linalg.dot(xi, xj)));
        BigDecimal tol = BigDecimal.valueOf(1e-12 * Math.max(1, scale) * inst.act().bigB());
        return Certificate.of("Dfp trapezoid (h = 0.1 on [-14, 14]: discretisation error ~exp(-2 pi (pi/3)/h) < 1e-28 for sigmoid poles at distance >= pi/3, tail < 1e-40)", hp.digits(),
                HighPrecision.toBigDecimal(worst.negate()), tol, "-max_ij |E[Xw phi'(Xw)^T] - mu XX^T|_ij against the double tolerance");
    }

    /** The misreading: the smallest value a thin SVD of the explicit n x d^2 matrix X*X returns. */
    static Evidence thinSvd(DataInstance inst) {
        DMatrixRMaj x = inst.x();
        Activation a = inst.act();
        double[] s = Linalg.singularValues(Linalg.khatriRaoRows(x, x));
        double smallest = s[s.length - 1];
        DMatrixRMaj sigma = NetworkCovariance.sigma(x, a);
        double mu2 = a.mu() * a.mu();
        return Evidence.ge("lambda(X) >= mu^2 (smallest thin-SVD value of X*X)^2", Linalg.lambdaMin(sigma), mu2 * smallest * smallest,
                sigmaTolerance(sigma, a)).with("thin-SVD smallest", smallest).with("convention sigma_min^2", Math.max(0, Linalg.lambdaMin(Linalg.hadamardPower(Linalg.gram(x), 2))));
    }

    /** 60 digits: Sigma_ReLU = ((pi - arccos XX^T)/(2 pi)) o XX^T and the thin-SVD value from the d^2 x d^2 Gram (X*X)^T(X*X). */
    static Certificate certifyThinSvd(DataInstance inst, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(inst.data().x());
        Dfp[][] sigma = reluSigma(hp, x);
        int n = x.length, d = x[0].length;
        Dfp[][] kr = new Dfp[n][d * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                for (int k = 0; k < d; k++) kr[i][j * d + k] = x[i][j].multiply(x[i][k]);
        Dfp smallest2 = hp.lambdaMin(hp.gram(hp.transpose(kr)));
        Dfp mu2 = hp.one().divide(hp.pi().multiply(hp.of(2)));
        Dfp margin = hp.lambdaMin(sigma).subtract(mu2.multiply(smallest2));
        return Certificate.of("Dfp arc-cosine kernel and inertia bisection", hp.digits(), HighPrecision.toBigDecimal(margin),
                new BigDecimal("1e-40"), "lambda(X) - mu^2 (thin-SVD smallest)^2");
    }

    /** Sigma for ReLU in 60 digits: ((pi - arccos rho)/(2 pi)) rho entrywise, rows normalised in Dfp. */
    static Dfp[][] reluSigma(HighPrecision hp, Dfp[][] x) {
        Dfp[][] k0 = reluK0(hp, x);
        Dfp[][] g = unitGram(hp, x);
        return hp.hadamard(k0, g);
    }

    static Dfp[][] unitGram(HighPrecision hp, Dfp[][] x) {
        int n = x.length;
        Dfp[] norms = new Dfp[n];
        for (int i = 0; i < n; i++) norms[i] = hp.dot(x[i], x[i]).sqrt();
        Dfp[][] g = new Dfp[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                Dfp c = i == j ? hp.one() : hp.dot(x[i], x[j]).divide(norms[i].multiply(norms[j]));
                if (c.greaterThan(hp.one())) c = hp.one();
                if (c.lessThan(hp.one().negate())) c = hp.one().negate();
                g[i][j] = c;
            }
        return g;
    }

    /** K0 = E[1(Xw >= 0) 1(Xw >= 0)^T] = (pi - arccos rho)/(2 pi) in 60 digits. */
    static Dfp[][] reluK0(HighPrecision hp, Dfp[][] x) {
        Dfp[][] g = unitGram(hp, x);
        int n = g.length;
        Dfp twoPi = hp.pi().multiply(hp.of(2));
        Dfp[][] k = new Dfp[n][n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) k[i][j] = hp.pi().subtract(hp.acos(g[i][j])).divide(twoPi);
        return k;
    }
}
