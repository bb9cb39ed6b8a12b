package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import org.hipparchus.linear.*;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.report.Json;

import java.nio.file.Path;
import java.util.*;

/**
 * The catalogue's generator G6 for boob-lan P002-08 (the headline claim): first-order stationary points (grad_W f = 0
 * and grad_theta f = 0) with a nonsingular hidden layer and f > 0, i.e. not global optima.
 * <ol>
 * <li>Random data U (N = d^2 rows).</li>
 * <li>Levenberg-Marquardt (Hipparchus) on [D(W, theta) s; H(W) s; ||s||^2 - 1] = 0, H = [h(W u^1) ... h(W u^N)]. Two
 *     unknown sets: "catalogue" (W, theta, s all free: d^2 + d + N unknowns, d^2 + d + 1 equations) and "square"
 *     (theta with |theta_j| in [0.7, 2] and d^2 - d - 1 entries of W fixed: as many unknowns as equations).</li>
 * <li>The catalogue's filters: converged (residual <= 1e-12), sigma_min(W) > 0.5, min |theta_j| > 0.5.</li>
 * <li>v := h(U W^T) theta + s; then Newton on grad f = 0 (data fixed) polishes the point.</li>
 * </ol>
 * A point is certified in 60 digits by {@link #certify}: Newton in Dfp drives ||grad f|| below 1e-40 at a point within
 * 1e-12 of the double one, sigma_min(W) and f are re-evaluated there, and a point with a certified smaller loss (the
 * stationary point is a saddle: a step along the most negative Hessian direction, then gradient descent) shows it is
 * not a global minimum. Entry points: {@link #search} (a claim, the CLI) and {@link #main}.
 */
public final class BoobLanSearch {
    private BoobLanSearch() {}

    /**
     * What to search: activation, d (N = d^2), number of LM starts, the unknowns ("square" or "catalogue"), the
     * catalogue's filters (sigma_min(W), min |theta_j|) and the harness's: ||W||_2 <= maxNormW (pre-activations of order 1,
     * no saturated plateau where h' ~ 0 makes every gradient tiny) and a nondegenerate Hessian (smallest |eigenvalue| >=
     * minCurvature, so the point is isolated and Newton certifies it), and the seed.
     */
    public record Options(String activation, int d, int starts, String mode, double minSigmaW, double minTheta, double maxNormW,
                          double minCurvature, long seed) {
        public static Options defaults(long seed) {
            return new Options("tanh", 2, 200, "bounded", 0.5, 0.5, 4, 1e-3, seed);
        }
    }

    /** A point found: the problem and stationary point (as a {@link NetCase}), and how it was found. */
    public record Found(NetCase point, int start, int startsTried, int converged, double loss, double gradNorm, double sigmaMinW, double minAbsTheta,
                        double[] hessianEigenvalues) {}

    /** The 60-digit certificate of a stationary point. */
    public record Certified(boolean certified, double hpGradNorm, double shift, double hpLoss, double hpSigmaMinW, double minAbsTheta,
                            double lowerLoss, double hpLowerLoss, double[] hessianEigenvalues, String note) {}

    // ------------------------------------------------------------------ search

    public static Optional<Found> search(Options o) {
        PaperActivation h = PaperActivations.byName(o.activation());
        Random rng = new Random(o.seed());
        int d = o.d(), nPts = d * d, converged = 0;
        for (int start = 0; start < o.starts(); start++) {
            double[][] u = BoobLanData.points("gaussian", nPts, d, rng.nextLong());
            Optional<double[][][]> sol = switch (o.mode()) {
                case "catalogue" -> solveCatalogue(h, u, rng);
                case "square" -> solveSquare(h, u, rng);
                case "bounded" -> solveBounded(h, u, rng, o);
                default -> throw new overparam.claims.BadInput("unknown search mode '" + o.mode() + "'; bounded, square, catalogue");
            };
            if (sol.isEmpty()) continue;
            converged++;
            double[][] w = sol.get()[0];
            double[] theta = sol.get()[1][0], s = sol.get()[2][0];
            double[] fit = TwoLayer.matVec(TwoLayer.apply(h::phi, TwoLayer.preActivations(u, w)), theta);
            double[] v = new double[nPts];
            for (int i = 0; i < nPts; i++) v[i] = fit[i] + s[i];
            if (Linalg.spectralNorm(TwoLayer.matrix(w)) > o.maxNormW() || Linalg.sigmaMin(TwoLayer.matrix(w)) <= o.minSigmaW()) continue;
            NetCase c = polish(new NetCase(h.name(), u, v, w, theta));
            double smin = Linalg.sigmaMin(TwoLayer.matrix(c.w())), tmin = Arrays.stream(c.theta()).map(Math::abs).min().orElse(0);
            if (!(smin > o.minSigmaW() && tmin > o.minTheta() && gradNorm(c) < 1e-12 && Linalg.spectralNorm(TwoLayer.matrix(c.w())) <= o.maxNormW()))
                continue;
            double[] eig = Linalg.symmetricEigenvalues(TwoLayer.matrix(hessian(c, GradientClaims.params(c))));
            double curvature = Arrays.stream(eig).map(Math::abs).min().orElse(0);
            if (curvature >= o.minCurvature())
                return Optional.of(new Found(c, start, start + 1, converged, c.loss(), gradNorm(c), smin, tmin, eig));
        }
        return Optional.empty();
    }

    static double gradNorm(NetCase c) {
        return TwoLayer.norm(GradientClaims.gradient(c));
    }

    /** theta fixed (|theta_j| in [0.7, 2]), W fixed except d+1 random entries; unknowns: those entries and s. */
    static Optional<double[][][]> solveSquare(PaperActivation h, double[][] u, Random rng) {
        int d = u[0].length, nPts = u.length;
        double[] theta = new double[d];
        for (int j = 0; j < d; j++) theta[j] = (0.7 + 1.3 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
        double[][] w0 = new double[d][d];
        for (double[] r : w0) for (int k = 0; k < d; k++) r[k] = 1.5 * rng.nextGaussian() / Math.sqrt(d);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < d * d; i++) idx.add(i);
        Collections.shuffle(idx, rng);
        int[] free = idx.subList(0, d + 1).stream().mapToInt(Integer::intValue).toArray();
        double[] s0 = smallestRightSingular(h, u, w0, theta);
        double[] x0 = new double[free.length + nPts];
        for (int i = 0; i < free.length; i++) x0[i] = w0[free[i] / d][free[i] % d];
        System.arraycopy(s0, 0, x0, free.length, nPts);
        return lm(x0, x -> {
            double[][] w = TwoLayer.copy(w0);
            for (int i = 0; i < free.length; i++) w[free[i] / d][free[i] % d] = x[i];
            return new double[][][] {w, {theta}, {Arrays.copyOfRange(x, free.length, x.length)}};
        }, h, u, free, false);
    }

    /** All of W, theta, s unknown (the catalogue's system, underdetermined by N - 1). */
    static Optional<double[][][]> solveCatalogue(PaperActivation h, double[][] u, Random rng) {
        int d = u[0].length, nPts = u.length;
        double[] x0 = new double[d * d + d + nPts];
        for (int i = 0; i < d * d; i++) x0[i] = rng.nextGaussian();
        for (int j = 0; j < d; j++) x0[d * d + j] = 1.5 * rng.nextGaussian();
        double[][] w0 = TwoLayer.unvec(Arrays.copyOf(x0, d * d), d, d);
        double[] s0 = smallestRightSingular(h, u, w0, Arrays.copyOfRange(x0, d * d, d * d + d));
        System.arraycopy(s0, 0, x0, d * d + d, nPts);
        int[] all = new int[d * d];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return lm(x0, x -> new double[][][] {TwoLayer.unvec(Arrays.copyOf(x, d * d), d, d), {Arrays.copyOfRange(x, d * d, d * d + d)},
                {Arrays.copyOfRange(x, d * d + d, x.length)}}, h, u, all, true);
    }

    /**
     * The filters built into the unknowns: W = Q1 diag(sigma) Q2 with Q = Cayley(skew) and sigma_i = m + (M - m)
     * sigmoid(b_i) in (minSigmaW, maxNormW); theta_j = sign_j (minTheta + softplus(c_j)); s free. Every solution passes
     * the sigma_min(W), ||W|| and |theta_j| filters. Jacobian by central differences.
     */
    static Optional<double[][][]> solveBounded(PaperActivation h, double[][] u, Random rng, Options o) {
        int d = u[0].length, nPts = u.length, a = d * (d - 1) / 2;
        double[] sign = new double[d];
        for (int j = 0; j < d; j++) sign[j] = rng.nextBoolean() ? 1 : -1;
        Unpack un = x -> {
            double[][] q1 = cayley(Arrays.copyOfRange(x, 0, a), d), q2 = cayley(Arrays.copyOfRange(x, a, 2 * a), d);
            double[][] sig = new double[d][d];
            for (int j = 0; j < d; j++) sig[j][j] = o.minSigmaW() + (o.maxNormW() - o.minSigmaW()) / (1 + Math.exp(-x[2 * a + j]));
            double[] theta = new double[d];
            for (int j = 0; j < d; j++) {
                double c = x[2 * a + d + j];
                theta[j] = sign[j] * (o.minTheta() + (c > 30 ? c : Math.log1p(Math.exp(c))));
            }
            return new double[][][] {TwoLayer.mult(TwoLayer.mult(q1, sig), q2), {theta}, {Arrays.copyOfRange(x, 2 * a + 2 * d, x.length)}};
        };
        double[] x0 = new double[2 * a + 2 * d + nPts];
        for (int i = 0; i < 2 * a + 2 * d; i++) x0[i] = rng.nextGaussian();
        double[][][] p0 = un.at(x0);
        System.arraycopy(smallestRightSingular(h, u, p0[0], p0[1][0]), 0, x0, 2 * a + 2 * d, nPts);
        int rows = d * d + d + 1;
        LeastSquaresBuilder b = new LeastSquaresBuilder().start(x0).target(new double[rows]).maxEvaluations(150).maxIterations(150)
                .model(point -> {
                    double[] x = point.toArray();
                    double[] r = residual(h, u, un.at(x));
                    double[][] jac = new double[rows][x.length];
                    for (int i = 0; i < x.length; i++) {
                        double step = 1e-7 * Math.max(1, Math.abs(x[i]));
                        double[] xp = x.clone(), xm = x.clone();
                        xp[i] += step;
                        xm[i] -= step;
                        double[] rp = residual(h, u, un.at(xp)), rm = residual(h, u, un.at(xm));
                        for (int k = 0; k < rows; k++) jac[k][i] = (rp[k] - rm[k]) / (2 * step);
                    }
                    return new Pair<>(new ArrayRealVector(r, false), new Array2DRowRealMatrix(jac, false));
                });
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-15)
                    .withParameterRelativeTolerance(1e-15).withOrthoTolerance(1e-15).optimize(b.build());
            if (!(opt.getResiduals().getNorm() <= 1e-12)) return Optional.empty();
            return Optional.of(un.at(opt.getPoint().toArray()));
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            return Optional.empty();
        }
    }

    static double[] residual(PaperActivation h, double[][] u, double[][][] p) {
        return residualJacobian(h, u, p[0], p[1][0], p[2][0], new int[0], false).getFirst();
    }

    /** Cayley transform (I - A)^-1 (I + A) of the skew matrix with the given upper-triangle entries: orthogonal. */
    static double[][] cayley(double[] upper, int d) {
        double[][] a = new double[d][d];
        int t = 0;
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++) {
                a[i][j] = upper[t];
                a[j][i] = -upper[t++];
            }
        org.ejml.data.DMatrixRMaj ia = new org.ejml.data.DMatrixRMaj(d, d), ipa = new org.ejml.data.DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) {
                ia.set(i, j, (i == j ? 1 : 0) - a[i][j]);
                ipa.set(i, j, (i == j ? 1 : 0) + a[i][j]);
            }
        org.ejml.data.DMatrixRMaj q = new org.ejml.data.DMatrixRMaj(d, d);
        org.ejml.dense.row.CommonOps_DDRM.solve(ia, ipa, q);
        return Linalg.toArray(q);
    }

    interface Unpack {
        double[][][] at(double[] x);
    }

    /** r = [D s; H s; ||s||^2 - 1] with its analytic Jacobian in the free W entries (and theta if thetaFree) and s. */
    static Optional<double[][][]> lm(double[] x0, Unpack unpack, PaperActivation h, double[][] u, int[] freeW, boolean thetaFree) {
        int d = u[0].length, nPts = u.length, rows = d * d + d + 1;
        LeastSquaresBuilder b = new LeastSquaresBuilder().start(x0).target(new double[rows]).maxEvaluations(400).maxIterations(400)
                .model(point -> {
                    double[] x = point.toArray();
                    double[][][] p = unpack.at(x);
                    Pair<double[], double[][]> rj = residualJacobian(h, u, p[0], p[1][0], p[2][0], freeW, thetaFree);
                    return new Pair<>(new ArrayRealVector(rj.getFirst(), false), new Array2DRowRealMatrix(rj.getSecond(), false));
                });
        try {
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-15)
                    .withParameterRelativeTolerance(1e-15).withOrthoTolerance(1e-15).optimize(b.build());
            double[] x = opt.getPoint().toArray();
            if (!(opt.getResiduals().getNorm() <= 1e-12)) return Optional.empty();
            return Optional.of(unpack.at(x));
        } catch (org.hipparchus.exception.MathIllegalStateException e) {
            return Optional.empty();
        }
    }

    static Pair<double[], double[][]> residualJacobian(PaperActivation h, double[][] u, double[][] w, double[] theta, double[] s, int[] freeW,
                                                       boolean thetaFree) {
        int d = u[0].length, nPts = u.length, n = w.length;
        double[][] z = TwoLayer.preActivations(u, w);
        int cols = freeW.length + (thetaFree ? n : 0) + nPts, rows = n * d + n + 1;
        double[] r = new double[rows];
        double[][] jac = new double[rows][cols];
        int sOff = freeW.length + (thetaFree ? n : 0);
        for (int i = 0; i < nPts; i++)
            for (int j = 0; j < n; j++) {
                double h0 = h.phi(z[i][j]), h1 = h.d1(z[i][j]);
                for (int k = 0; k < d; k++) {
                    r[j * d + k] += h1 * theta[j] * u[i][k] * s[i];
                    jac[j * d + k][sOff + i] = h1 * theta[j] * u[i][k];
                }
                r[n * d + j] += h0 * s[i];
                jac[n * d + j][sOff + i] = h0;
            }
        r[rows - 1] = TwoLayer.dot(s, s) - 1;
        for (int i = 0; i < nPts; i++) jac[rows - 1][sOff + i] = 2 * s[i];
        for (int f = 0; f < freeW.length; f++) {
            int j = freeW[f] / d, kk = freeW[f] % d;
            for (int i = 0; i < nPts; i++) {
                double h1 = h.d1(z[i][j]), h2 = h.d2(z[i][j]);
                for (int k = 0; k < d; k++) jac[j * d + k][f] += h2 * u[i][kk] * theta[j] * u[i][k] * s[i];
                jac[n * d + j][f] += h1 * u[i][kk] * s[i];
            }
        }
        if (thetaFree)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < nPts; i++) {
                    double h1 = h.d1(z[i][j]);
                    for (int k = 0; k < d; k++) jac[j * d + k][freeW.length + j] += h1 * u[i][k] * s[i];
                }
        return new Pair<>(r, jac);
    }

    static double[] smallestRightSingular(PaperActivation h, double[][] u, double[][] w, double[] theta) {
        double[][] dm = TwoLayer.matrixD(h, u, w, theta), hm = TwoLayer.hiddenFeatures(h::phi, u, w);
        double[][] m = new double[dm.length + hm.length][];
        System.arraycopy(dm, 0, m, 0, dm.length);
        System.arraycopy(hm, 0, m, dm.length, hm.length);
        org.ejml.data.DMatrixRMaj a = TwoLayer.matrix(m);
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, true, false);
        svd.decompose(a.copy());
        double[] sv = svd.getSingularValues();
        int k = 0;
        for (int i = 1; i < sv.length; i++) if (sv[i] < sv[k]) k = i;
        org.ejml.data.DMatrixRMaj vt = svd.getV(null, true);
        double[] s = new double[u.length];
        for (int i = 0; i < s.length; i++) s[i] = vt.get(k, i);
        return s;
    }

    // ------------------------------------------------------------------ Newton on grad f = 0 (data fixed)

    /** Newton steps on grad f(W, theta) = 0 in double (central-difference Jacobian of the analytic gradient). */
    static NetCase polish(NetCase c) {
        double[] x = GradientClaims.params(c);
        for (int it = 0; it < 8; it++) {
            NetCase at = GradientClaims.at(c, x);
            double[] g = GradientClaims.gradient(at);
            if (TwoLayer.norm(g) < 1e-15) break;
            double[][] hess = hessian(c, x);
            DecompositionSolver solver = new SingularValueDecomposition(new Array2DRowRealMatrix(hess)).getSolver();
            double[] step = solver.solve(new ArrayRealVector(g)).toArray();
            for (int i = 0; i < x.length; i++) x[i] -= step[i];
        }
        return GradientClaims.at(c, x);
    }

    /** Hessian of f in (vec W, theta) by central differences of the analytic gradient (symmetrised). */
    static double[][] hessian(NetCase c, double[] x) {
        int p = x.length;
        double[][] hm = new double[p][p];
        for (int i = 0; i < p; i++) {
            double hstep = 1e-6 * Math.max(1, Math.abs(x[i]));
            double[] xp = x.clone(), xm = x.clone();
            xp[i] += hstep;
            xm[i] -= hstep;
            double[] gp = GradientClaims.gradient(GradientClaims.at(c, xp)), gm = GradientClaims.gradient(GradientClaims.at(c, xm));
            for (int j = 0; j < p; j++) hm[j][i] = (gp[j] - gm[j]) / (2 * hstep);
        }
        for (int i = 0; i < p; i++)
            for (int j = 0; j < i; j++) hm[i][j] = hm[j][i] = 0.5 * (hm[i][j] + hm[j][i]);
        return hm;
    }

    // ------------------------------------------------------------------ 60-digit certificate

    public static Certified certify(NetCase c) {
        HighPrecision hp = new HighPrecision();
        TwoLayerHp net = new TwoLayerHp(hp, c.act());
        Dfp[][] u = hp.of(c.u());
        Dfp[] v = hp.of(c.v());
        Dfp[] x = hp.of(GradientClaims.params(c));
        int n = c.width(), d = c.d(), p = x.length;
        Dfp[] x0 = x.clone();
        Dfp step = hp.of("1e-25");
        for (int it = 0; it < 6; it++) {
            Dfp[] g = hpGradient(net, u, v, x, n, d);
            if (net.norm(g).lessThan(hp.of("1e-45"))) break;
            Dfp[][] jac = new Dfp[p][p];
            for (int i = 0; i < p; i++) {
                Dfp[] xp = x.clone(), xm = x.clone();
                xp[i] = xp[i].add(step);
                xm[i] = xm[i].subtract(step);
                Dfp[] gp = hpGradient(net, u, v, xp, n, d), gm = hpGradient(net, u, v, xm, n, d);
                for (int j = 0; j < p; j++) jac[j][i] = gp[j].subtract(gm[j]).divide(step.multiply(2));
            }
            FieldVector<Dfp> delta = new FieldLUDecomposition<>(new Array2DRowFieldMatrix<>(jac, false)).getSolver().solve(new ArrayFieldVector<>(g, false));
            for (int i = 0; i < p; i++) x[i] = x[i].subtract(delta.getEntry(i));
        }
        Dfp gradNorm = net.norm(hpGradient(net, u, v, x, n, d));
        Dfp shift = hp.zero();
        for (int i = 0; i < p; i++) if (x[i].subtract(x0[i]).abs().greaterThan(shift)) shift = x[i].subtract(x0[i]).abs();
        Dfp[][] w = new Dfp[n][d];
        for (int j = 0; j < n; j++) for (int k = 0; k < d; k++) w[j][k] = x[j * d + k];
        Dfp[] theta = Arrays.copyOfRange(x, n * d, n * d + n);
        Dfp loss = net.loss(u, v, w, theta);
        Dfp sminW = hp.sigmaMin(w);
        double tmin = Double.POSITIVE_INFINITY;
        for (Dfp t : theta) tmin = Math.min(tmin, Math.abs(t.toDouble()));
        // a lower point: the most negative Hessian direction, then gradient descent (double), evaluated in 60 digits
        double[] xd = GradientClaims.params(c);
        Linalg.EigenPairs eig = Linalg.symmetricEigen(TwoLayer.matrix(hessian(c, xd)));
        double[] dir = eig.vector(0);
        double[] y = xd.clone();
        for (int i = 0; i < p; i++) y[i] += 0.05 * dir[i];
        NetCase lower = descend(GradientClaims.at(c, y), 3000);
        Dfp lowerLoss = lower.hp().loss();
        boolean ok = gradNorm.lessThan(hp.of("1e-40")) && shift.lessThan(hp.of("1e-10")) && sminW.toDouble() > 0.5 && tmin > 0.5
                && loss.greaterThan(lowerLoss) && loss.toDouble() > 0;
        return new Certified(ok, gradNorm.toDouble(), shift.toDouble(), loss.toDouble(), sminW.toDouble(), tmin, lower.loss(), lowerLoss.toDouble(),
                eig.values(), "60-digit Newton from the double point (central-difference Jacobian, step 1e-25); lower point by a step of 0.05 along the most negative Hessian eigenvector and 3000 GD steps");
    }

    static Dfp[] hpGradient(TwoLayerHp net, Dfp[][] u, Dfp[] v, Dfp[] x, int n, int d) {
        Dfp[][] w = new Dfp[n][d];
        for (int j = 0; j < n; j++) for (int k = 0; k < d; k++) w[j][k] = x[j * d + k];
        return net.gradient(u, v, w, Arrays.copyOfRange(x, n * d, n * d + n));
    }

    /** Gradient descent in (W, theta) with step 0.5/||Hessian estimate|| (Armijo backtracking). */
    static NetCase descend(NetCase c, int steps) {
        double[] x = GradientClaims.params(c);
        double f = c.loss(), lr = 0.5;
        for (int t = 0; t < steps; t++) {
            NetCase at = GradientClaims.at(c, x);
            double[] g = GradientClaims.gradient(at);
            double gg = TwoLayer.dot(g, g);
            if (gg < 1e-30) break;
            while (lr > 1e-12) {
                double[] y = x.clone();
                for (int i = 0; i < y.length; i++) y[i] -= lr * g[i];
                double fy = GradientClaims.at(c, y).loss();
                if (fy <= f - 0.5 * lr * gg) {
                    x = y;
                    f = fy;
                    lr *= 1.5;
                    break;
                }
                lr /= 2;
            }
        }
        return GradientClaims.at(c, x);
    }

    // ------------------------------------------------------------------ persistence of the point (positive measure)

    /** Perturbs U and v by eps (seeded) and re-solves grad f = 0 by Newton from the old point: {loss, sigma_min(W), gradNorm}. */
    public static double[] perturbed(NetCase c, double eps, long seed) {
        Random rng = new Random(seed);
        double[][] u = TwoLayer.copy(c.u());
        double[] v = c.v().clone();
        for (double[] r : u) for (int k = 0; k < r.length; k++) r[k] += eps * rng.nextGaussian();
        for (int i = 0; i < v.length; i++) v[i] += eps * rng.nextGaussian();
        // continuation: the data move in 10 steps, Newton from the previous solution at each
        NetCase p = c;
        for (int step = 1; step <= 10; step++) {
            double[][] us = TwoLayer.plus(c.u(), step / 10.0, TwoLayer.plus(u, -1, c.u()));
            double[] vs = c.v().clone();
            for (int i = 0; i < vs.length; i++) vs[i] += step / 10.0 * (v[i] - c.v()[i]);
            p = polish(new NetCase(c.activation(), us, vs, p.w(), p.theta()));
        }
        return new double[] {p.loss(), Linalg.sigmaMin(TwoLayer.matrix(p.w())), gradNorm(p),
                Arrays.stream(p.theta()).map(Math::abs).min().orElse(0)};
    }

    /** The catalogue's explicit counterexample (tanh, d = 2, N = 4): f = 0.125, grad f ~ 2e-16, sigma(W) = (2.28, 0.94). */
    public static NetCase cataloguePoint() {
        return new NetCase("tanh",
                new double[][] {{0.03419276725318417, 1.3597475403099617}, {1.2247210785859324, -0.5103070767876675},
                        {-0.2979695111064471, -0.5273841930334252}, {0.5697263575719601, -0.05606443904561759}},
                new double[] {-1.9624597310401846, 0.821540242409853, -0.17718763998882225, -0.2560501183790702},
                new double[][] {{0.9634424833645816, 0.8472007894761794}, {2.0647508384265176, -0.40850526906866025}},
                new double[] {-1.3613690092404536, 1.3573525335481962});
    }

    /**
     * Command line: {@code BoobLanSearch [activation] [d] [starts] [seed] [bounded|square|catalogue] [out.json]} (defaults
     * tanh 2 200 1 bounded): searches, certifies in 60 digits and prints (and saves) the point. Exit code 0 found and certified, 1
     * not found or not certified.
     */
    public static void main(String[] args) {
        String act = args.length > 0 ? args[0] : "tanh";
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 2, starts = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        String mode = args.length > 4 ? args[4] : "bounded";
        Optional<Found> f = search(new Options(act, d, starts, mode, 0.5, 0.5, 4, 1e-3, seed));
        if (f.isEmpty()) {
            System.out.println("no stationary point passing the filters in " + starts + " starts");
            System.exit(1);
        }
        Certified cert = certify(f.get().point());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("found", f.get());
        out.put("certificate", cert);
        String json = Json.write(out);
        System.out.println(json);
        if (args.length > 5) Json.write(Path.of(args[5]), out);
        System.exit(cert.certified() ? 0 : 1);
    }
}
