package overparam.claims.critical;

import overparam.claims.Evidence;
import overparam.linalg.Linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent w <- w - eta grad_w Error on a machine, with Theorem 1's quantities logged at every iterate:
 * eps_t = |grad Error(w_t)|, q_t, r, max_d |res_d|, the bound ratio max|res| 2 q_t r / eps_t (<= 1 by C-07), and the
 * loss. The step is eta = 1/L with L = 2 sigma_max(x')^2 (sup|grad NN_3|^2 + sqrt(Error_0) sup||Hess NN_3||), a global
 * Lipschitz constant of grad Error on the sublevel set, so Error decreases monotonically (descent lemma).
 */
final class GdRuns {
    private GdRuns() {}

    /** One run: a log-spaced sample of the iterates and the worst bound evidence over all of them. */
    record Log(String label, double r, double eta, int steps, double[] t, double[] eps, double[] q, double[] maxRes, double[] ratio,
               double[] loss, Evidence worst, double[][] finalWeights, boolean monotone, double maxRatio) {
        double finalLoss() {
            return loss[loss.length - 1];
        }

        double initialLoss() {
            return loss[0];
        }
    }

    /** One GD step w - eta grad_w Error. */
    static Machine step(Machine m, Machine.Eval e, double eta) {
        double[][] w = new double[m.mPrime()][];
        for (int j = 0; j < w.length; j++) {
            w[j] = m.w()[j].clone();
            for (int k = 0; k < w[j].length; k++) w[j][k] -= eta * e.grad[j][k];
        }
        return m.withWeights(w);
    }

    /**
     * GD with eta = {@link #stepSize}: the worst violation of the geometric decay |res_t| <= rho^t |res_0| (compared in log
     * space, log rho given) over at most {@code maxSteps} iterates, until |res_t| reaches its rounding floor.
     */
    static Evidence geometricDecay(Machine m0, double logRho, int maxSteps) {
        double eta = stepSize(m0);
        Machine m = m0;
        Machine.Eval e = m.eval();
        double res0 = Linalg.norm(e.res);
        Evidence worst = null;
        for (int t = 0; t <= maxSteps; t++) {
            double res = Linalg.norm(e.res);
            double floor = 64 * Linalg.EPS * e.size() * e.residualScale() * Math.sqrt(m.dCount()) * (1 + t * Linalg.EPS * 8);
            double lhs = Math.log(Math.max(res, Double.MIN_NORMAL)), rhs = t * logRho + Math.log(Math.max(res0, Double.MIN_NORMAL));
            Evidence ev = res <= floor ? Evidence.le("|res_t| at the rounding floor", res, floor, 0).with("iterate", t)
                    : Evidence.le("log |res_t| <= t log rho + log |res_0|", lhs, rhs, 64 * Linalg.EPS * (t + 1) * (1 + Math.abs(rhs))).with("iterate", t);
            // iterate 0 holds with equality by construction: the tightest iterate is sought from t = 1 on
            if (worst == null || t == 1 || ev.slack() < worst.slack()) worst = ev;
            if (res <= floor) break;
            m = step(m, e, eta);
            e = m.eval();
        }
        return worst.with("log rho", logRho).with("eta", eta).with("final |res|", Linalg.norm(e.res));
    }

    static double stepSize(Machine m) {
        double smax = Linalg.spectralNorm(m.features());
        double e0 = m.eval().error;
        double l = 2 * smax * smax * (Math.pow(m.nn3().gradientBound(), 2) + Math.sqrt(e0) * m.nn3().hessianBound());
        return 1 / l;
    }

    /**
     * Runs at most {@code steps} iterations; stops early when the loss is below 1e-28 (1 + |y|^2) (interpolation up to
     * rounding). {@code checkBound}: evaluate Theorem 1's evidence at every iterate (needs r > 0).
     */
    static Log run(String label, Machine m0, int steps, boolean checkBound) {
        double r = m0.r();
        double cond = Bounds.cond(m0.features());
        double eta = stepSize(m0);
        double y2 = 0;
        for (double v : m0.y()) y2 += v * v;
        double stopLoss = 1e-28 * (1 + y2);
        Machine m = m0;
        List<double[]> rows = new ArrayList<>();
        Evidence worst = null;
        boolean monotone = true;
        double prevLoss = Double.POSITIVE_INFINITY, maxRatio = 0;
        int nextLog = 0, t = 0;
        Machine.Eval e = m.eval();
        for (; ; t++) {
            double ratio = e.eps > 0 ? e.maxRes * 2 * e.q * r / e.eps : (e.maxRes == 0 ? 0 : Double.POSITIVE_INFINITY);
            if (r > 0 && e.q > 0) maxRatio = Math.max(maxRatio, ratio);
            if (checkBound && r > 0 && e.q > 0) {
                Evidence ev = Bounds.theorem(e, r, cond).with("iterate", t);
                if (worst == null || ev.slack() < worst.slack()) worst = ev;
            }
            if (e.error > prevLoss + 1e-14 * (rows.isEmpty() ? e.error : rows.get(0)[5])) monotone = false; // rounding at convergence aside
            prevLoss = e.error;
            boolean last = t == steps || e.error <= stopLoss;
            if (t == nextLog || last) {
                rows.add(new double[] {t, e.eps, e.q, e.maxRes, ratio, e.error});
                nextLog = Math.max(t + 1, (int) Math.ceil(t * 1.05));
            }
            if (last) break;
            m = step(m, e, eta);
            e = m.eval();
        }
        double[][] cols = new double[6][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < 6; c++) cols[c][i] = rows.get(i)[c];
        return new Log(label, r, eta, t, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], worst, m.w(), monotone, maxRatio);
    }
}
