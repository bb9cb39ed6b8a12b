package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import overparam.claims.BadInput;
import overparam.claims.golikov.Instances.SplitUnit;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activation;
import overparam.nn.Activations;
import overparam.nn.DeepNet;

import java.util.Random;

/**
 * Bad local minima of the bias-free one-hidden-layer net (7) at any width k >= m, by unit splitting (Fukumizu and Amari
 * 2000): take the optimum (a*, w*) of the one-unit net a phi(w x) on scalar data with positive loss, and split the unit
 * into k copies w_j = w*, a_j = lambda_j a* with sum lambda_j = 1. Every point of the (k-1)-dimensional affine set
 * M = {w_j = w*, sum a_j = a*} is critical. With B = a* sum_i r_i phi''(w* x_i) x_i^2 (r = residual), the Hessian on the
 * normal space of M is positive definite when all lambda_j > 0 and B > 0, or lambda_1 = 1 + (k-1)/2, lambda_j = -1/2
 * and B < 0; M is then a non-degenerate critical manifold of minima (Morse-Bott), i.e. local minima with the loss of
 * the one-unit net, while k >= m distinct inputs can be fitted exactly. The certificate recomputes everything in 60
 * digits: w* by a secant solve, the gradient, the Hessian on the normal space (lambda_min by inertia bisection) and on
 * the tangent space (H t = 0).
 */
final class UnitSplitting {
    private UnitSplitting() {}

    /** The analysed embedding: one-unit optimum, split weights, loss, the local-minimum certificate in double. */
    record Embedding(double wStar, double aStar, double curvature, double[] lambdas, double[] theta, double loss,
                     double gradientNorm, double normalLambdaMin, double hessianNorm, double tangentResidual, double zeroLossFit,
                     double rankF1, int hessianKernel, boolean interior) {
        /** A local minimum in double: stationary, Hessian kernel = tangent space of M, normal block positive definite. */
        boolean localMinimum() {
            double scale = Math.max(hessianNorm, 1e-300);
            return interior && gradientNorm <= 1e-9 * Math.max(1, Math.sqrt(2 * loss)) * scale
                    && tangentResidual <= 1e-9 * scale && normalLambdaMin >= 1e-8 * scale;
        }
    }

    /** sigmoid, tanh or softplus (the analytic activations of the claims). */
    static Activation activation(String name) {
        if (!name.equals("sigmoid") && !name.equals("tanh") && !name.equals("softplus"))
            throw new BadInput("unit splitting supports sigmoid, tanh, softplus; got " + name);
        return Activations.byName(name);
    }

    /** Scalar inputs in [-3, 3] (sorted, distinct) and Gaussian targets for m points, from a seed. */
    static SplitUnit draw(String activation, int m, int width, long seed) {
        Random rng = new Random(seed);
        double[] x = new double[m], y = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = Math.round((rng.nextDouble() * 6 - 3) * 1e6) / 1e6;
            y[i] = Math.round(rng.nextGaussian() * 1e6) / 1e6;
        }
        java.util.Arrays.sort(x);
        return new SplitUnit(x, y, activation, width);
    }

    static Embedding analyse(SplitUnit u) {
        Activation phi = activation(u.activation());
        double[] x = u.x(), y = u.y();
        int m = x.length, k = u.width();
        // the one-unit optimum: maximise (y.s)^2 / |s|^2 over w (profile of the loss over a)
        double bestW = 0, bestG = -1;
        for (int g = -400; g <= 400; g++) {
            double w = g * 0.05, v = profile(phi, x, y, w);
            if (v > bestG) {
                bestG = v;
                bestW = w;
            }
        }
        UnivariatePointValuePair opt = new BrentOptimizer(1e-15, 1e-300).optimize(new MaxEval(10_000),
                new UnivariateObjectiveFunction(w -> profile(phi, x, y, w)), GoalType.MAXIMIZE,
                new SearchInterval(bestW - 0.05, bestW + 0.05, bestW));
        double w = refine(phi, x, y, opt.getPoint());
        boolean interior = Math.abs(w) < 19;
        double[] s = new double[m];
        for (int i = 0; i < m; i++) s[i] = phi.phi(w * x[i]);
        double a = Linalg.dot(y, s) / Linalg.dot(s, s);
        double curvature = 0;
        for (int i = 0; i < m; i++) curvature += (a * s[i] - y[i]) * phi.d2(w * x[i]) * x[i] * x[i];
        curvature *= a;
        double[] lambdas = new double[k];
        for (int j = 0; j < k; j++) lambdas[j] = curvature > 0 ? 1.0 / k : j == 0 ? 1 + (k - 1) / 2.0 : -0.5;
        double[] theta = new double[2 * k];
        for (int j = 0; j < k; j++) {
            theta[j] = w;
            theta[k + j] = lambdas[j] * a;
        }
        DeepNet net = net(phi, k);
        double[][] xs = new double[m][1], ys = new double[m][1];
        for (int i = 0; i < m; i++) {
            xs[i][0] = x[i];
            ys[i][0] = y[i];
        }
        var model = net.model(xs, ys);
        double[] r = model.residual(theta);
        double loss = 0.5 * Linalg.dot(r, r);
        double grad = Linalg.norm(model.gradient(theta, r));
        DMatrixRMaj h = net.lossHessian(theta, xs, ys);
        DMatrixRMaj p = normalBasis(k);
        double[] normal = Linalg.symmetricEigenvalues(Linalg.mult(Linalg.transpose(p), Linalg.mult(h, p)));
        double tangent = 0;
        for (int j = 1; j < k; j++) {
            double[] t = new double[2 * k];
            t[k] = 1;
            t[k + j] = -1;
            tangent = Math.max(tangent, Linalg.norm(Linalg.multVec(h, t)));
        }
        double[] spectrum = Linalg.symmetricEigenvalues(h);
        double hn = Math.max(Math.abs(spectrum[0]), Math.abs(spectrum[spectrum.length - 1]));
        // eigenvalues at the rounding level of an exact-arithmetic zero: ~ eps ||H|| per accumulated term
        int kernel = 0;
        for (double v : spectrum) if (Math.abs(v) <= Checks.tol(hn, 2 * k * m)) kernel++;
        return new Embedding(w, a, curvature, lambdas, theta, loss, grad, normal[0], hn, tangent, zeroLossFit(phi, x, y, k, u),
                Checks.rank(features(phi, theta, x, k)), kernel, interior);
    }

    /** Secant steps on the profile's stationarity condition (y.s')(s.s) - (y.s)(s.s') = 0: w* to rounding. */
    static double refine(Activation phi, double[] x, double[] y, double w) {
        double w0 = w, w1 = w + 1e-7, h0 = slope(phi, x, y, w0), h1 = slope(phi, x, y, w1);
        for (int it = 0; it < 50 && h1 != 0 && h1 != h0; it++) {
            double w2 = w1 - h1 * (w1 - w0) / (h1 - h0);
            w0 = w1;
            h0 = h1;
            w1 = w2;
            h1 = slope(phi, x, y, w1);
            if (Math.abs(w1 - w0) <= 1e-16 * Math.max(1, Math.abs(w1))) break;
        }
        return Double.isFinite(w1) && Math.abs(w1 - w) < 0.1 ? w1 : w;
    }

    static double slope(Activation phi, double[] x, double[] y, double w) {
        double ys = 0, yd = 0, ss = 0, sd = 0;
        for (int i = 0; i < x.length; i++) {
            double f = phi.phi(w * x[i]), d = phi.d1(w * x[i]) * x[i];
            ys += y[i] * f;
            yd += y[i] * d;
            ss += f * f;
            sd += f * d;
        }
        return yd * ss - ys * sd;
    }

    static double profile(Activation phi, double[] x, double[] y, double w) {
        double sy = 0, ss = 0;
        for (int i = 0; i < x.length; i++) {
            double s = phi.phi(w * x[i]);
            sy += s * y[i];
            ss += s * s;
        }
        return ss == 0 ? 0 : sy * sy / ss;
    }

    static DeepNet net(Activation phi, int k) {
        return new DeepNet(new int[] {1, k, 1}, phi, Activations.IDENTITY, false);
    }

    /** F1 = phi(W1 X) at the embedded point (k x m). */
    static DMatrixRMaj features(Activation phi, double[] theta, double[] x, int k) {
        DMatrixRMaj f = new DMatrixRMaj(k, x.length);
        for (int j = 0; j < k; j++) for (int i = 0; i < x.length; i++) f.set(j, i, phi.phi(theta[j] * x[i]));
        return f;
    }

    /** Columns: e_{w_j} (j = 1..k) and the a-sum direction; the tangent space of M is the a-differences. */
    static DMatrixRMaj normalBasis(int k) {
        DMatrixRMaj p = new DMatrixRMaj(2 * k, k + 1);
        for (int j = 0; j < k; j++) {
            p.set(j, j, 1);
            p.set(k + j, k, 1 / Math.sqrt(k));
        }
        return p;
    }

    /** The first-layer weights of the exhibited zero-loss fit (a fixed generic draw). */
    static double[] fitWeights(int k) {
        Random rng = new Random(17);
        double[] theta = new double[2 * k];
        for (int j = 0; j < k; j++) theta[j] = rng.nextGaussian() * 2;
        return theta;
    }

    /** The global minimum value 0 exhibited: generic W1 (k >= m distinct inputs) and W2 = Y F1^+; returns the loss. */
    static double zeroLossFit(Activation phi, double[] x, double[] y, int k, SplitUnit u) {
        DMatrixRMaj f = features(phi, fitWeights(k), x, k);
        DMatrixRMaj w2 = Linalg.mult(Linalg.of(new double[][] {y}), Linalg.pinv(f));
        double[] fit = Linalg.mult(w2, f).data;
        double l = 0;
        for (int i = 0; i < y.length; i++) l += 0.5 * (fit[i] - y[i]) * (fit[i] - y[i]);
        return l;
    }

    // ---- 60-digit certificate ----

    /** phi, phi', phi'' in Dfp. */
    static Dfp[] dfp(HighPrecision hp, String name, Dfp z) {
        Dfp one = hp.one();
        switch (name) {
            case "sigmoid" -> {
                Dfp s = one.divide(one.add(hp.exp(z.negate())));
                Dfp d1 = s.multiply(one.subtract(s));
                return new Dfp[] {s, d1, d1.multiply(one.subtract(s.multiply(2)))};
            }
            case "tanh" -> {
                Dfp e = hp.exp(z.multiply(2));
                Dfp t = e.subtract(one).divide(e.add(one));
                Dfp d1 = one.subtract(t.multiply(t));
                return new Dfp[] {t, d1, t.multiply(-2).multiply(d1)};
            }
            case "softplus" -> {
                Dfp s = one.divide(one.add(hp.exp(z.negate())));
                return new Dfp[] {hp.log(one.add(hp.exp(z))), s, s.multiply(one.subtract(s))};
            }
            default -> throw new BadInput("no high-precision route for " + name);
        }
    }

    /** The outcome of the 60-digit recomputation. */
    record HighPrecisionCheck(Dfp loss, Dfp gradientNorm, Dfp normalLambdaMin, Dfp tangentResidual, Dfp wStar, Dfp fitMinor) {
        boolean localMinimum() {
            Dfp tiny = loss.getField().newDfp("1e-45");
            return gradientNorm.lessThan(tiny) && tangentResidual.lessThan(tiny) && normalLambdaMin.greaterThan(tiny);
        }

        /** det of the first m rows of F1 at the exhibited W1 is non-zero: some W2 fits the data exactly (global minimum 0). */
        boolean zeroLossExists() {
            return fitMinor.abs().greaterThan(loss.getField().newDfp("1e-45"));
        }
    }

    static HighPrecisionCheck certify(SplitUnit u, Embedding e) {
        HighPrecision hp = new HighPrecision();
        String name = u.activation();
        Dfp[] x = hp.of(u.x()), y = hp.of(u.y());
        int m = x.length, k = u.width();
        // w*: root of h(w) = (y.s')(s.s) - (y.s)(s.s'), the stationarity of the profile, by secant steps
        Dfp w0 = hp.of(e.wStar()), w1 = hp.of(e.wStar() + 1e-9);
        Dfp h0 = profileSlope(hp, name, x, y, w0), h1 = profileSlope(hp, name, x, y, w1);
        for (int it = 0; it < 60 && !h1.isZero(); it++) {
            Dfp den = h1.subtract(h0);
            if (den.isZero()) break;
            Dfp w2 = w1.subtract(h1.multiply(w1.subtract(w0)).divide(den));
            w0 = w1;
            h0 = h1;
            w1 = w2;
            h1 = profileSlope(hp, name, x, y, w1);
            if (w1.subtract(w0).abs().lessThan(hp.of("1e-58"))) break;
        }
        Dfp w = w1;
        Dfp[][] f = new Dfp[m][];
        Dfp sy = hp.zero(), ss = hp.zero();
        for (int i = 0; i < m; i++) {
            f[i] = dfp(hp, name, w.multiply(x[i]));
            sy = sy.add(f[i][0].multiply(y[i]));
            ss = ss.add(f[i][0].multiply(f[i][0]));
        }
        Dfp a = sy.divide(ss);
        Dfp[] lam = new Dfp[k];
        for (int j = 0; j < k; j++) lam[j] = e.curvature() > 0 ? hp.one().divide(hp.of(k)) : j == 0 ? hp.one().add(hp.of(k - 1).divide(hp.of(2))) : hp.of(-0.5);
        Dfp[] aj = new Dfp[k];
        for (int j = 0; j < k; j++) aj[j] = lam[j].multiply(a);
        Dfp[] r = new Dfp[m];
        Dfp loss = hp.zero();
        for (int i = 0; i < m; i++) {
            Dfp u_i = hp.zero();
            for (int j = 0; j < k; j++) u_i = u_i.add(aj[j].multiply(f[i][0]));
            r[i] = u_i.subtract(y[i]);
            loss = loss.add(r[i].multiply(r[i]).divide(hp.of(2)));
        }
        // gradient and Hessian in the DeepNet order (w_1..w_k, a_1..a_k)
        Dfp[] g = new Dfp[2 * k];
        Dfp[][] h = new Dfp[2 * k][2 * k];
        for (int j = 0; j < k; j++) {
            Dfp gw = hp.zero(), ga = hp.zero();
            for (int i = 0; i < m; i++) {
                gw = gw.add(r[i].multiply(aj[j]).multiply(f[i][1]).multiply(x[i]));
                ga = ga.add(r[i].multiply(f[i][0]));
            }
            g[j] = gw;
            g[k + j] = ga;
        }
        for (int j = 0; j < k; j++)
            for (int l = 0; l < k; l++) {
                Dfp aa = hp.zero(), aw = hp.zero(), ww = hp.zero();
                for (int i = 0; i < m; i++) {
                    Dfp dj = aj[j].multiply(f[i][1]).multiply(x[i]), dl = aj[l].multiply(f[i][1]).multiply(x[i]);
                    aa = aa.add(f[i][0].multiply(f[i][0]));
                    aw = aw.add(f[i][0].multiply(dl));
                    ww = ww.add(dj.multiply(dl));
                    if (j == l) {
                        aw = aw.add(r[i].multiply(f[i][1]).multiply(x[i]));
                        ww = ww.add(r[i].multiply(aj[j]).multiply(f[i][2]).multiply(x[i]).multiply(x[i]));
                    }
                }
                h[k + j][k + l] = aa;
                h[k + j][l] = aw;
                h[l][k + j] = aw;
                h[j][l] = ww;
            }
        Dfp gn = hp.zero();
        for (Dfp v : g) gn = gn.add(v.multiply(v));
        // normal block: rows/cols w_1..w_k and the a-sum direction (1/sqrt k) sum e_{a_j}
        Dfp[][] nb = new Dfp[k + 1][k + 1];
        Dfp invSqrt = hp.one().divide(hp.sqrt(hp.of(k)));
        for (int p = 0; p <= k; p++)
            for (int q = 0; q <= k; q++) {
                Dfp v = hp.zero();
                for (int s1 = 0; s1 < 2 * k; s1++) {
                    Dfp ps = basis(hp, p, s1, k, invSqrt);
                    if (ps.isZero()) continue;
                    for (int s2 = 0; s2 < 2 * k; s2++) {
                        Dfp qs = basis(hp, q, s2, k, invSqrt);
                        if (!qs.isZero()) v = v.add(ps.multiply(h[s1][s2]).multiply(qs));
                    }
                }
                nb[p][q] = v;
            }
        Dfp tangent = hp.zero();
        for (int j = 1; j < k; j++)
            for (int s1 = 0; s1 < 2 * k; s1++) {
                Dfp v = h[s1][k].subtract(h[s1][k + j]).abs();
                if (v.greaterThan(tangent)) tangent = v;
            }
        double[] fitW = fitWeights(k);
        Dfp[][] minor = new Dfp[m][m];
        for (int j = 0; j < m; j++) for (int i = 0; i < m; i++) minor[j][i] = dfp(hp, name, hp.of(fitW[j]).multiply(x[i]))[0];
        return new HighPrecisionCheck(loss, gn.sqrt(), hp.lambdaMin(nb), tangent, w, hp.determinant(minor));
    }

    private static Dfp basis(HighPrecision hp, int col, int row, int k, Dfp invSqrt) {
        if (col < k) return row == col ? hp.one() : hp.zero();
        return row >= k ? invSqrt : hp.zero();
    }

    private static Dfp profileSlope(HighPrecision hp, String name, Dfp[] x, Dfp[] y, Dfp w) {
        Dfp ys = hp.zero(), yd = hp.zero(), ss = hp.zero(), sd = hp.zero();
        for (int i = 0; i < x.length; i++) {
            Dfp[] f = dfp(hp, name, w.multiply(x[i]));
            Dfp d = f[1].multiply(x[i]);
            ys = ys.add(y[i].multiply(f[0]));
            yd = yd.add(y[i].multiply(d));
            ss = ss.add(f[0].multiply(f[0]));
            sd = sd.add(f[0].multiply(d));
        }
        return yd.multiply(ss).subtract(ys.multiply(sd));
    }
}
