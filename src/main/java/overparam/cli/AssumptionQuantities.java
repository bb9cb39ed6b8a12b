package overparam.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.util.CombinatoricsUtils;
import overparam.claims.BadInput;
import overparam.data.Generators;
import overparam.gauss.Kernels;
import overparam.linalg.Linalg;
import overparam.linalg.SmallestEigenvalue;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.NetworkCovariance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every assumption quantity of the oymak paper (sections 2-3 of resources/claims/oymak.md) for one dataset, and the
 * width k each theorem demands on it. Only smallest eigenvalues of n x n kernel matrices are needed, from EJML's
 * symmetric eigensolver without vectors (multi-threaded); sigma_min(X^{*r}) comes from (XX^T)^{o r}, never from the
 * d^r columns, and is exactly 0 by the rank bound rank(X^{*r}) <= C(d+r-1, r) when that is below n.
 */
public final class AssumptionQuantities {
    /** |‖x_i‖ - 1| below this counts as a unit row (the kernels' own check). */
    static final double UNIT_TOL = 1e-10;
    /** Thm 6.3's constant from the proof chain (catalogue): C = 24^2 * 2 * 200^3. */
    static final double C_THM_6_3 = 24.0 * 24 * 2 * 200 * 200 * 200;
    /** Thm 2.3's C^2 from the proof: C(6.3) * (2 pi)^4, since lambda >= sigma^2 / (2 pi). */
    static final double C2_THM_2_3 = C_THM_6_3 * Math.pow(2 * Math.PI, 4);
    /** Thm 2.5's C from the proof: C(6.3) * 100^4, since lambda >= delta / (100 n^2) (Cor I.2). */
    static final double C_THM_2_5 = C_THM_6_3 * 1e8;

    /** One measured quantity; value null when it cannot be computed on this data (the note says why). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quantity(String key, String name, Double value, String note) {}

    /** The width one theorem demands; k is +Infinity when the theorem is vacuous here, null when not applicable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Width(String theorem, String condition, Double k, String constants, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String source, int n, int d, String activation, boolean normalized, boolean unitRows, double slack,
                         Map<String, Double> values, List<Quantity> quantities, List<Width> widths, List<String> messages,
                         long millis) {}

    private final double[][] x;
    private final Activation act;
    private final double slack;
    private final int maxR;
    private final List<Quantity> quantities = new ArrayList<>();
    private final List<Width> widths = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();

    private AssumptionQuantities(double[][] x, Activation act, double slack, int maxR) {
        this.x = x;
        this.act = act;
        this.slack = slack;
        this.maxR = maxR;
    }

    /**
     * Measures {@code rows}. With {@code normalize}, each row is scaled to unit norm first; without it, rows that are not
     * unit norm get only the quantities that do not assume unit rows, and a message saying so.
     */
    public static Result measure(String source, double[][] rows, String activation, boolean normalize, double slack, int maxR) {
        long start = System.currentTimeMillis();
        Activation act;
        try {
            act = Activations.byName(activation);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        if (!(slack >= 0) || Double.isInfinite(slack)) throw new BadInput("--slack must be a finite number >= 0, got " + slack);
        if (maxR < 1 || maxR > 8) throw new BadInput("--max-r must be in 1..8, got " + maxR);
        double[][] x = rows;
        if (normalize) {
            x = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                double norm = Linalg.norm(rows[i]);
                if (norm == 0) throw new BadInput(source + ": row " + (i + 1) + " is zero and cannot be normalized");
                x[i] = rows[i].clone();
                for (int j = 0; j < x[i].length; j++) x[i][j] /= norm;
            }
        }
        AssumptionQuantities m = new AssumptionQuantities(x, act, slack, maxR);
        boolean unit = m.run(normalize);
        Map<String, Double> values = new LinkedHashMap<>();
        for (Quantity q : m.quantities) values.put(q.key(), q.value());
        return new Result(source, x.length, x[0].length, act.name(), normalize, unit, slack, values, m.quantities, m.widths, m.messages,
                System.currentTimeMillis() - start);
    }

    private void add(String key, String name, Double value, String note) {
        quantities.add(new Quantity(key, name, value, note));
    }

    private boolean run(boolean normalized) {
        int n = x.length, d = x[0].length;
        DMatrixRMaj xm = new DMatrixRMaj(x);
        double minNorm = Double.POSITIVE_INFINITY, maxNorm = 0, worstUnit = 0;
        for (double[] r : x) {
            double norm = Linalg.norm(r);
            minNorm = Math.min(minNorm, norm);
            maxNorm = Math.max(maxNorm, norm);
            worstUnit = Math.max(worstUnit, Math.abs(norm - 1));
        }
        boolean unit = worstUnit <= UNIT_TOL;
        // the n x n smallest eigenvalues are the expensive part: start them on every core, then do the cheap rest
        DMatrixRMaj gram = Linalg.gram(xm);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        try {
            return measureWith(pool, xm, gram, n, d, unit, minNorm, maxNorm, normalized);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean measureWith(ExecutorService pool, DMatrixRMaj xm, DMatrixRMaj gram, int n, int d, boolean unit, double minNorm,
                                double maxNorm, boolean normalized) {
        Map<Integer, Future<Double>> hadamardMin = new LinkedHashMap<>();
        for (int r = 2; r <= maxR; r++) {
            int rr = r;
            if (CombinatoricsUtils.binomialCoefficientDouble(d + r - 1, r) >= n)
                hadamardMin.put(r, pool.submit(() -> lambdaMin(Linalg.hadamardPower(gram, rr))));
        }
        boolean isRelu = act.base().name().equals("relu");
        Future<double[]> relu = null;
        Future<Double> sigmaTilde = null, sigmaAct = null;
        if (unit) {
            DMatrixRMaj unitGram = gram.copy();
            for (int i = 0; i < n; i++) unitGram.set(i, i, 1.0);
            relu = pool.submit(() -> {
                DMatrixRMaj k0 = Kernels.ofGram(xm, NetworkCovariance.derivativeKernel(Activations.RELU));
                return new double[] {lambdaMin(k0), lambdaMin(Linalg.hadamard(k0, unitGram))};
            });
            sigmaTilde = pool.submit(() -> lambdaMin(NetworkCovariance.sigmaTilde(xm, act)));
            if (!isRelu) sigmaAct = pool.submit(() -> lambdaMin(NetworkCovariance.sigma(xm, act)));
        }
        add("n", "n (points)", (double) n, null);
        add("d", "d (dimension)", (double) d, null);
        add("rowNormMin", "min row norm", minNorm, normalized ? "after --normalize" : null);
        add("rowNormMax", "max row norm", maxNorm, normalized ? "after --normalize" : null);
        double spec = Linalg.spectralNorm(xm);
        add("normX", "||X|| (spectral norm)", spec, "||X|| >= 1 for unit rows and ||X||^2 >= n/d");
        add("rank", "rank X (feature matrix)", (double) Linalg.rank(xm), "SVD, tolerance max(n,d) eps sigma_max");
        add("scalingFactor", "scaling factor of X", Linalg.scalingFactor(xm),
                "min_v |Xv|/|v| = d-th singular value (critical paper); 0 when n < d");
        if (!unit) {
            messages.add(String.format("rows are not unit norm (norms in [%.6g, %.6g]); the papers' quantities that assume unit rows "
                    + "(separation, lambda, lambda-tilde, kappa, the widths) are skipped: rerun with --normalize to scale each row to norm 1",
                    minNorm, maxNorm));
        }
        double sigma2 = Double.NaN;
        for (int r = 1; r <= maxR; r++) {
            String key = r == 1 ? "sigmaMinX" : r == 2 ? "sigmaMinXX" : "sigmaMinX" + r;
            String name = r == 1 ? "sigma_min(X)" : r == 2 ? "sigma_min(X*X)" : "sigma_min(X^{*" + r + "})";
            double cap = CombinatoricsUtils.binomialCoefficientDouble(d + r - 1, r);
            double s;
            String note;
            if (cap < n) {
                s = 0;
                note = String.format("exactly 0: rank X^{*%d} <= C(d+%d-1,%d) = %.0f < n", r, r, r, cap);
            } else if (r == 1) {
                s = Linalg.sigmaMin(xm);
                note = "n-th singular value of X (sqrt lambda_min(XX^T))";
            } else {
                double lmin = get(hadamardMin.get(r));
                s = Math.sqrt(Math.max(0, lmin));
                note = "sqrt(lambda_min((XX^T)^{o" + r + "}))" + (lmin < 0 ? String.format(" (lambda_min = %.3g < 0 by rounding)", lmin) : "");
            }
            if (r == 2) sigma2 = s * s;
            add(key, name, s, note);
        }
        if (!unit) return false;

        double sep = Generators.separation(x);
        add("separation", "separation delta (Assumption 1)", sep, n == 1 ? "n = 1: no pairs, any delta qualifies" : "min_{i<j} min(|x_i - x_j|, |x_i + x_j|)");

        double[] k0AndRelu = get(relu);
        add("lambdaMinK0", "lambda_min(E[I(Xw)I(Xw)^T]) (Thm I.1)", k0AndRelu[0], "exact ReLU indicator kernel (pi - theta)/(2 pi)");
        double lambdaRelu = k0AndRelu[1];
        double lambda = isRelu ? act.scale() * act.scale() * lambdaRelu : get(sigmaAct);
        double lambdaTilde = get(sigmaTilde);
        String how = switch (act.base().name()) {
            case "relu" -> "exact (arc-cosine kernels)";
            case "gausscdf" -> "exact Phi kernel for Sigma; Hermite series for Sigma-tilde";
            case "identity", "quadratic" -> "exact";
            default -> "Hermite series with quadrature coefficients";
        };
        add("lambda", "lambda(X), " + act.name(), lambda, "lambda_min(Sigma(X)), Def 6.1; " + how);
        add("lambdaTilde", "lambda-tilde(X), " + act.name(), lambdaTilde, "lambda_min(Sigma-tilde(X)), Def 3.1; " + how);
        if (!isRelu) add("lambdaRelu", "lambda(X), relu", lambdaRelu, "for the ReLU theorems 6.3; exact");
        double mu = act.mu(), b = act.bigB();
        boolean muZero = Math.abs(mu) <= 1e-12 * Math.max(1, b); // quadrature rounding: e.g. tanh, whose phi' is even
        if (muZero) mu = 0;
        add("B", "B of " + act.name(), b, act.smooth() ? "|phi'|, |phi''| <= B" : "|phi'| <= B (phi'' unbounded at the kink)");
        add("mu", "mu_phi = E[g phi'(g)], " + act.name(), mu, muZero ? "Lemma 6.4; 0 (|quadrature| < 1e-12): Thm 2.1 is vacuous" : "Lemma 6.4");
        add("muTilde", "mu-tilde_phi = E[phi'(g)], " + act.name(), act.muTilde(), null);
        double root = Math.sqrt((double) d / n);
        double kappa = root * spec / sigma2;
        double kappaTilde = root * spec / lambda;
        add("kappa", "kappa(X) = sqrt(d/n)||X||/sigma_min^2(X*X)", kappa, sigma2 == 0 ? "infinite: sigma_min(X*X) = 0" : "(2.2)");
        add("kappaTilde", "kappa-tilde(X) = sqrt(d/n)||X||/lambda(X)", kappaTilde, "(6.2), lambda of " + act.name());
        widths(n, spec, sep, sigma2, lambda, lambdaTilde, lambdaRelu, mu, b);
        return true;
    }

    private void widths(int n, double spec, double sep, double sigma2, double lambda, double lambdaTilde, double lambdaRelu, double mu, double b) {
        double logn = Math.log(n), x2 = spec * spec, x6 = x2 * x2 * x2, nu = 1 + slack;
        String a = act.name();
        double p1 = over(20 * logn * b * b * x2, lambda);
        widths.add(new Width("Lemma 6.7 (" + a + ")", "sqrt(k) >= sqrt(20 log n) ||X|| B / sqrt(lambda)", p1,
                "paper's constant 20", "paper's v: ||v||_2/||v||_inf = sqrt(k) (even k); P(sigma_min(J) >= ||v|| sqrt(lambda/2)) >= 1 - 1/n"));
        double c2 = Math.pow(32 * b * (1 + nu * b), 2);
        if (act.smooth()) {
            double p2 = over(c2 * n * x2, lambda * lambda);
            widths.add(new Width("Thm 6.2 (" + a + ")", "max(P1, P2): P1 k >= 20 log n B^2||X||^2/lambda; P2 sqrt(k) >= 32B(1+(1+delta)B) sqrt(n)||X||/lambda",
                    Math.max(p1, p2), "proof's explicit P1/P2 (the printed (6.2) leaves c unspecified)", String.format("P1 = %.4g, P2 = %.4g", p1, p2)));
            double lam21 = mu * mu * sigma2; // 0 when mu = 0 or sigma_min(X*X) = 0: infinite widths
            double q1 = over(20 * logn * b * b * x2, lam21), q2 = over(c2 * n * x2, lam21 * lam21);
            widths.add(new Width("Thm 2.1 (" + a + ")", "Thm 6.2's P1/P2 with lambda -> mu_phi^2 sigma_min^2(X*X) (Lemma 6.4)",
                    Math.max(q1, q2), "proof's explicit P1/P2",
                    mu == 0 ? "vacuous: mu_phi = 0" : sigma2 == 0 ? "vacuous: sigma_min(X*X) = 0" : String.format("P1 = %.4g, P2 = %.4g", q1, q2)));
        } else {
            widths.add(new Width("Thm 6.2 (" + a + ")", "needs smooth phi (|phi''| <= B)", null, null, "not applicable to " + a + "; try --activation softplus"));
            widths.add(new Width("Thm 2.1 (" + a + ")", "needs smooth phi (|phi''| <= B)", null, null, "not applicable to " + a + "; try --activation softplus"));
        }
        widths.add(new Width("Thm 6.3 (relu)", "k >= C (1+delta)^2 n ||X||^6 / lambda_relu^4", over(C_THM_6_3 * nu * nu * n * x6, Math.pow(lambdaRelu, 4)),
                "C = 9.216e9 from the proof chain (the paper leaves C unspecified)", null));
        widths.add(new Width("Thm 2.3 (relu)", "k >= C^2 (1+delta)^2 n ||X||^6 / sigma_min^8(X*X)", over(C2_THM_2_3 * nu * nu * n * x6, Math.pow(sigma2, 4)),
                "C^2 = 1.436e13 from the proof (paper: unspecified C)", sigma2 == 0 ? "vacuous: sigma_min(X*X) = 0" : null));
        widths.add(new Width("Thm 2.5 (relu)", "k >= C (1+nu)^2 n^9 ||X||^6 / delta^4", over(C_THM_2_5 * nu * nu * Math.pow(n, 9) * x6, Math.pow(sep, 4)),
                "C = 9.216e17 from the proof (paper: unspecified C)", sep == 0 ? "vacuous: separation delta = 0" : n == 1 ? "n = 1" : null));
        widths.add(new Width("Thm 3.2 (" + a + ")", "k >= C log^2(n) n / lambda-tilde; value shown is k / C", over(logn * logn * n, lambdaTilde),
                "C unspecified in the paper: this is k/C", "the statement also omits B^2 (catalogue E7)"));
    }

    /** A width num/den; a zero (or rounding-negative) denominator means the theorem cannot be met: +infinity. */
    static double over(double num, double den) {
        return den <= 0 ? Double.POSITIVE_INFINITY : num / den;
    }

    /** Smallest eigenvalue of a symmetric PSD matrix (Cholesky + Lanczos for large n, see {@link SmallestEigenvalue}). */
    static double lambdaMin(DMatrixRMaj s) {
        return SmallestEigenvalue.of(s);
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }
}
