package overparam.claims.boobLan;

import overparam.nn.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Algorithm 1 of boob-lan (SGD-GD), as the paper gives it:
 * <pre>
 * for k = 0..N_o:
 *     theta_bar_1 = theta_k
 *     for i = 1..N_i:  theta_bar_{i+1} = P_{theta_bar_i}(beta_i G_{W_k}(theta_bar_i, xi_i^k)) = Proj_R(theta_bar_i - beta_i (grad_theta f(W_k, theta_bar_i) + xi_i^k))
 *                      theta_av_{i+1}  = (sum_{tau<=i} beta_tau)^-1 sum_{tau<=i} beta_tau theta_bar_{tau+1}
 *     theta_{k+1} = theta_av_{N_i+1}
 *     W_{k+1} = W_k - gamma_k grad_W f(W_k, theta_{k+1})
 * </pre>
 * with R = the ball of radius R/2 (3.6) (radius +infinity: no projection) and the injected noise xi (3.4). With
 * {@code earlyExit} the inner loop stops at the first average with f(W_k, theta_av) <= f(W_k, theta_k) (3.8); if none
 * does within N_i steps, theta_{k+1} = theta_k (so every accepted theta_{k+1} satisfies (3.8)).
 * Every step records what Theorems 5.8/5.9 and Appendix A.1 need: theta*_{W_k} (exact, {@link BallQp}), the noise
 * terms of (A.5)/(5.22), and the function values.
 */
public final class SgdGd {
    private SgdGd() {}

    /** The noise xi_tau^k in R^n. */
    @FunctionalInterface
    public interface Noise {
        double[] draw(int k, int tau, double[] thetaBar, double[] thetaStar, Random rng);

        /** i.i.d. N(0, sigma^2/n) entries, so E||xi||^2 = sigma^2 (3.5). */
        static Noise gaussian(double sigma) {
            return (k, tau, t, star, rng) -> {
                double s = sigma / Math.sqrt(t.length);
                double[] xi = new double[t.length];
                for (int j = 0; j < xi.length; j++) xi[j] = s * rng.nextGaussian();
                return xi;
            };
        }

        /** Student-t entries with 3 degrees of freedom scaled to E||xi||^2 = sigma^2 (heavy tails). */
        static Noise studentT(double sigma) {
            return (k, tau, t, star, rng) -> {
                double s = sigma / Math.sqrt(t.length) / Math.sqrt(3.0);
                double[] xi = new double[t.length];
                for (int j = 0; j < xi.length; j++) {
                    double chi = 0;
                    for (int q = 0; q < 3; q++) {
                        double g = rng.nextGaussian();
                        chi += g * g;
                    }
                    xi[j] = s * rng.nextGaussian() / Math.sqrt(chi / 3);
                }
                return xi;
            };
        }

        /**
         * Adversarial for the bounds, not zero-mean: ||xi|| = sigma along theta_bar - theta*, which makes the noise term
         * beta <xi, theta* - theta_bar> of (A.4)/(A.5)/(5.22) as negative as a noise of that size can (the step -beta xi itself
         * moves toward theta*).
         */
        static Noise adversarial(double sigma) {
            return (k, tau, t, star, rng) -> {
                double[] xi = new double[t.length];
                double nrm = 0;
                for (int j = 0; j < xi.length; j++) {
                    xi[j] = star[j] - t[j];
                    nrm += xi[j] * xi[j];
                }
                nrm = Math.sqrt(nrm);
                for (int j = 0; j < xi.length; j++) xi[j] = nrm == 0 ? (j == 0 ? sigma : 0) : -sigma * xi[j] / nrm;
                return xi;
            };
        }
    }

    /**
     * radius = R/2 (+infinity: R^n), N_o + 1 outer and N_i inner iterations, constant inner step beta and outer step
     * gamma, lTheta = the L_theta used in the (A.4)/(5.22) denominators 2(1 - L_theta beta).
     */
    public record Settings(double radius, int outer, int inner, double beta, double gamma, boolean earlyExit, double lTheta, Noise noise) {}

    /** f(W, theta) = 1/2 theta^T A theta - b^T theta + c with A = (1/N) H^T H, b = (1/N) H^T v, c = ||v||^2 / (2N). */
    public record Quadratic(double[][] a, double[] b, double c) {
        public double f(double[] t) {
            double[] at = TwoLayer.matVec(a, t);
            return 0.5 * TwoLayer.dot(t, at) - TwoLayer.dot(b, t) + c;
        }

        public double[] grad(double[] t) {
            double[] g = TwoLayer.matVec(a, t);
            for (int i = 0; i < g.length; i++) g[i] -= b[i];
            return g;
        }

        public double lambdaMax() {
            return overparam.linalg.Linalg.lambdaMax(TwoLayer.matrix(a));
        }
    }

    public static Quadratic quadratic(Activation h, double[][] u, double[] v, double[][] w) {
        double[][] hz = TwoLayer.apply(h::phi, TwoLayer.preActivations(u, w));
        int nPts = u.length, n = w.length;
        double[][] a = new double[n][n];
        double[] b = new double[n];
        double c = 0;
        for (int i = 0; i < nPts; i++) {
            for (int j = 0; j < n; j++) {
                b[j] += hz[i][j] * v[i] / nPts;
                for (int l = 0; l < n; l++) a[j][l] += hz[i][j] * hz[i][l] / nPts;
            }
            c += v[i] * v[i] / (2 * nPts);
        }
        return new Quadratic(a, b, c);
    }

    /** One inner step tau of outer iteration k. */
    public record Inner(int k, int tau, double beta, double[] thetaBar, double[] xi, double[] next, double[] thetaStar) {}

    /** One outer iteration k, with the terms of (5.22). */
    public record Step(int k, double[][] w, double[] theta, double[] thetaNext, double[] thetaStar, double fK, double fKNext, double fStar,
                       double gradW2, double[][] wNext, double fNext, double betaSum, double startDist2, double noiseCross, double noiseSquare,
                       int innerSteps, double lossScale) {}

    @FunctionalInterface
    public interface Observer {
        void inner(Inner step, Quadratic q);

        Observer NONE = (s, q) -> {};
    }

    public record Trace(List<Step> steps, double[][] wFinal, double[] thetaFinal) {}

    public static Trace run(Activation h, double[][] u, double[] v, double[][] w0, double[] theta0, Settings s, Random rng, Observer obs) {
        double[][] w = TwoLayer.copy(w0);
        double[] theta = theta0.clone();
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k <= s.outer(); k++) {
            Quadratic q = quadratic(h, u, v, w);
            double[] star = BallQp.solve(q.a(), q.b(), s.radius());
            // f from the residuals (the quadratic form cancels to eps * ||v||^2 / N; the residual form stays accurate at tiny loss)
            double fK = TwoLayer.loss(h, u, v, w, theta), fStar = TwoLayer.loss(h, u, v, w, star);
            double[] bar = theta.clone(), avg = new double[theta.length];
            double betaSum = 0, cross = 0, square = 0;
            double[] accepted = null;
            int used = 0;
            for (int tau = 1; tau <= s.inner(); tau++) {
                double beta = s.beta();
                double[] xi = s.noise().draw(k, tau, bar, star, rng);
                double[] g = q.grad(bar);
                double[] y = new double[bar.length];
                for (int j = 0; j < y.length; j++) y[j] = bar[j] - beta * (g[j] + xi[j]);
                double[] next = BallQp.project(y, s.radius());
                obs.inner(new Inner(k, tau, beta, bar, xi, next, star), q);
                double dx = 0, xx = 0;
                for (int j = 0; j < xi.length; j++) {
                    dx += xi[j] * (star[j] - bar[j]);
                    xx += xi[j] * xi[j];
                }
                cross += beta * dx;
                square += beta * beta * xx / (2 * (1 - s.lTheta() * beta));
                for (int j = 0; j < avg.length; j++) avg[j] = (betaSum * avg[j] + beta * next[j]) / (betaSum + beta);
                betaSum += beta;
                bar = next;
                used = tau;
                if (s.earlyExit() && TwoLayer.loss(h, u, v, w, avg) <= fK) {
                    accepted = avg.clone();
                    break;
                }
            }
            double[] thetaNext = s.earlyExit() ? (accepted != null ? accepted : theta.clone()) : avg.clone();
            double[][] gw = TwoLayer.gradW(h, u, v, w, thetaNext);
            double g2 = TwoLayer.frob(gw);
            g2 *= g2;
            double[][] wNext = TwoLayer.plus(w, -s.gamma(), gw);
            double d2 = 0;
            for (int j = 0; j < theta.length; j++) d2 += (theta[j] - star[j]) * (theta[j] - star[j]);
            double fNext = TwoLayer.loss(h, u, v, wNext, thetaNext);
            steps.add(new Step(k, w, theta, thetaNext, star, fK, TwoLayer.loss(h, u, v, w, thetaNext), fStar, g2, wNext, fNext, betaSum, 0.5 * d2, cross,
                    square, used, Math.max(TwoLayer.lossScale(h, u, v, w, theta), TwoLayer.lossScale(h, u, v, wNext, thetaNext))));
            w = wNext;
            theta = thetaNext;
        }
        return new Trace(steps, w, theta);
    }

    /** L_R of the catalogue: Lemma 5.4's bound with theta_max, ||theta|| <= R/2: (R/(2N)) (L_h' sum ||u||^2 |v| + sqrt(2n) L_hh' (R/2) sum ||u||^2). */
    public static double lipschitzW(PaperActivation h, double[][] u, double[] v, int n, double radius) {
        return Lipschitz.bound(h, u, v, n, radius, radius);
    }

    /** Lemma 5.7: L_theta = n sup|h|^2. */
    public static double lipschitzTheta(PaperActivation h, int n) {
        return n * h.supAbs() * h.supAbs();
    }
}
