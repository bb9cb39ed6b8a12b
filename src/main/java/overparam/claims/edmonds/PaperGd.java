package overparam.claims.edmonds;

import java.util.Arrays;

/**
 * Full-batch GD on Error(w) = sum_d (NN(x_d) - y_d)^2 with the paper's step (Assumption 3):
 * gamma_t = min([C0 (1 + c_aaah L) ||J||_F^2]^-1, 1), w_{t+1} = w_t - gamma_t grad Error, grad Error = 2 J^T r.
 * Records per iterate the Error, min_m |cos alpha_m| (over Dir_m != 0), kappa_t = |J^T r|^2 / (|r|^2 ||J||_F^2) (the norm-weighted cos^2 of Assumption 4 that
 * Lemma 1 uses), gamma_t, whether the cap 1 was active, ||J||_F^2 and the largest |r_d|.
 */
public final class PaperGd {
    private PaperGd() {}

    /** C0 and c_aaah of the step rule, the target Error eps (stop when Error <= eps; 0 = never) and the iteration cap. */
    public record Config(double c0, double caaah, double eps, int maxIterations) {
        public double constant(int layers) {
            return c0 * (1 + caaah * layers);
        }
    }

    /**
     * One run: arrays indexed by iterate t = 0..steps (kappa, gamma, capped, jf2, maxResidual describe the step taken
     * at t, and are NaN/false at the last iterate); {@code reached} is the first t with Error_t <= eps, or -1.
     */
    public record Run(double[] error, double[] kappa, double[] gamma, boolean[] capped, double[] jf2, double[] maxResidual,
                      double[] minAbsCos, int reached, double[] finalTheta) {
        public int steps() {
            return error.length - 1;
        }

        public double finalError() {
            return error[error.length - 1];
        }

        public int capCount() {
            int c = 0;
            for (boolean b : capped) if (b) c++;
            return c;
        }

        public double minKappa() {
            double m = Double.POSITIVE_INFINITY;
            for (int t = 0; t < steps(); t++) m = Math.min(m, kappa[t]);
            return m;
        }
    }

    /** Optional per-iterate hook (t, theta, residual); return false to stop. */
    @FunctionalInterface
    public interface Observer {
        boolean at(int t, double[] theta, double[] residual);
    }

    public static Run run(EdmondsNet net, double[] theta0, double[][] xs, double[] ys, Config cfg) {
        return run(net, theta0, xs, ys, cfg, null);
    }

    public static Run run(EdmondsNet net, double[] theta0, double[][] xs, double[] ys, Config cfg, Observer observer) {
        int p = net.parameterCount(), dCount = xs.length, max = cfg.maxIterations();
        double constant = cfg.constant(net.layers());
        double[] theta = theta0.clone(), g = new double[p], jtr = new double[p], col = new double[p], r = new double[dCount];
        double[] err = new double[max + 1], kap = new double[max + 1], gam = new double[max + 1], jf = new double[max + 1], maxR = new double[max + 1],
                cos = new double[max + 1];
        boolean[] cap = new boolean[max + 1];
        int reached = -1, t = 0;
        for (; ; t++) {
            Arrays.fill(jtr, 0);
            Arrays.fill(col, 0);
            double e = 0, jf2 = 0, mr = 0;
            for (int d = 0; d < dCount; d++) {
                double out = net.outputAndGradient(theta, xs[d], g);
                r[d] = out - ys[d];
                e += r[d] * r[d];
                mr = Math.max(mr, Math.abs(r[d]));
                for (int i = 0; i < p; i++) {
                    jf2 += g[i] * g[i];
                    jtr[i] += r[d] * g[i];
                    col[i] += g[i] * g[i];
                }
            }
            err[t] = e;
            maxR[t] = mr;
            if (reached < 0 && e <= cfg.eps()) reached = t;
            if (reached >= 0 || t == max || !Double.isFinite(e) || (observer != null && !observer.at(t, theta, r))) {
                kap[t] = gam[t] = jf[t] = cos[t] = Double.NaN;
                break;
            }
            double jtr2 = 0;
            for (double v : jtr) jtr2 += v * v;
            double uncapped = 1 / (constant * jf2);
            double step = Math.min(uncapped, 1);
            kap[t] = jtr2 / (e * jf2);
            double mc = Double.POSITIVE_INFINITY;
            for (int i = 0; i < p; i++) if (col[i] > 0) mc = Math.min(mc, Math.abs(jtr[i]) / Math.sqrt(e * col[i]));
            cos[t] = mc;
            gam[t] = step;
            cap[t] = uncapped > 1;
            jf[t] = jf2;
            for (int i = 0; i < p; i++) theta[i] -= step * 2 * jtr[i];
        }
        int n = t + 1;
        return new Run(Arrays.copyOf(err, n), Arrays.copyOf(kap, n), Arrays.copyOf(gam, n), Arrays.copyOf(cap, n), Arrays.copyOf(jf, n),
                Arrays.copyOf(maxR, n), Arrays.copyOf(cos, n), reached, theta);
    }
}
