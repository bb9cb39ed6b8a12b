package overparam.claims.boobLan;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

import java.util.Arrays;
import java.util.Random;

/**
 * Lemma 5.4 of boob-lan: ||grad_W f(W1, theta) - grad_W f(W2, theta)||_F <= L ||W1 - W2||_F with
 * L <= (theta_max / N) (L_h' sum_i ||u^i||^2 |v^i| + sqrt(2n) L_hh' ||theta||_2 sum_i ||u^i||^2) (n rows of W; the
 * paper's sqrt(2d) for square W), with the exact suprema L_h' = sup|h''|, L_hh' = sup ||grad h(x1) h'(x2)|| of the
 * catalogue's table. Also the worst ratio found by CMA-ES (Hipparchus) over (W1, W2, theta).
 */
public final class Lipschitz {
    private Lipschitz() {}

    public static double bound(PaperActivation h, double[][] u, double[] v, int n, double thetaMax, double thetaNorm) {
        return bound(h.supD2(), h.lipHHPrime(), u, v, n, thetaMax, thetaNorm);
    }

    public static double bound(double lhPrime, double lhh, double[][] u, double[] v, int n, double thetaMax, double thetaNorm) {
        double su2v = 0, su2 = 0;
        for (int i = 0; i < u.length; i++) {
            double q = TwoLayer.dot(u[i], u[i]);
            su2v += q * Math.abs(v[i]);
            su2 += q;
        }
        return thetaMax / u.length * (lhPrime * su2v + Math.sqrt(2.0 * n) * lhh * thetaNorm * su2);
    }

    public static double bound(PaperActivation h, double[][] u, double[] v, double[] theta) {
        return bound(h, u, v, theta.length, TwoLayer.maxAbs(theta), TwoLayer.norm(theta));
    }

    /** ||grad_W f(W1) - grad_W f(W2)||_F / ||W1 - W2||_F. */
    public static double ratio(PaperActivation h, double[][] u, double[] v, double[][] w1, double[][] w2, double[] theta) {
        return ratioAndTolerance(h, u, v, w1, w2, theta)[0];
    }

    /**
     * {ratio, its rounding tolerance}: the gradients are sums of terms of size (1/N)|s_i h' theta_j u_ik| with s_i computed
     * from |v_i| + |theta^T h|, so their difference is exact to about eps times those sizes, divided by ||W1 - W2||_F.
     */
    public static double[] ratioAndTolerance(PaperActivation h, double[][] u, double[] v, double[][] w1, double[][] w2, double[] theta) {
        double[][] g1 = TwoLayer.gradW(h, u, v, w1, theta), g2 = TwoLayer.gradW(h, u, v, w2, theta);
        double dw = TwoLayer.frob(TwoLayer.plus(w1, -1, w2));
        double terms = 0;
        for (double[][] w : new double[][][] {w1, w2}) {
            double[][] z = TwoLayer.preActivations(u, w);
            for (int i = 0; i < u.length; i++) {
                double si = Math.abs(v[i]);
                for (int j = 0; j < theta.length; j++) si += Math.abs(theta[j] * h.phi(z[i][j]));
                for (int j = 0; j < theta.length; j++) terms += si * Math.abs(h.d1(z[i][j]) * theta[j]) * TwoLayer.norm(u[i]) / u.length;
            }
        }
        double tol = overparam.linalg.Linalg.tolerance(terms, u.length * u[0].length) / dw;
        return new double[] {TwoLayer.frob(TwoLayer.plus(g1, -1, g2)) / dw, tol};
    }

    /** The worst ratio / bound found and where (data included: the lemma holds for all data). */
    public record Worst(String activation, double ratioOverBound, double ratio, double tolerance, double bound, double[][] u, double[] v, double[][] w1,
                        double[][] w2, double[] theta, int evaluations) {}

    /** Layout of the search vector: W1 (n d), direction (n d), log10 ||W2 - W1||, theta (n), U (N d), v (N). */
    record Layout(int n, int d, int nPts) {
        int dim() {
            return 2 * n * d + 1 + n + nPts * d + nPts;
        }

        double[][] w1(double[] x) {
            return TwoLayer.unvec(Arrays.copyOfRange(x, 0, n * d), n, d);
        }

        double[][] w2(double[] x) {
            int m = n * d;
            double[] dir = Arrays.copyOfRange(x, m, 2 * m);
            double nd = TwoLayer.norm(dir);
            if (nd == 0) {
                dir[0] = 1;
                nd = 1;
            }
            return TwoLayer.plus(w1(x), Math.pow(10, x[2 * m]) / nd, TwoLayer.unvec(dir, n, d));
        }

        double[] theta(double[] x) {
            int o = 2 * n * d + 1;
            return Arrays.copyOfRange(x, o, o + n);
        }

        double[][] u(double[] x) {
            int o = 2 * n * d + 1 + n;
            return TwoLayer.unvec(Arrays.copyOfRange(x, o, o + nPts * d), nPts, d);
        }

        double[] v(double[] x) {
            int o = 2 * n * d + 1 + n + nPts * d;
            return Arrays.copyOfRange(x, o, o + nPts);
        }

        /** Box: |W1| <= 4, |direction| <= 1, log10 size in [-6, 0], |theta| <= 3, |U|, |v| <= 3. */
        double[][] box() {
            int dim = dim(), m = n * d;
            double[] lo = new double[dim], hi = new double[dim];
            for (int i = 0; i < dim; i++) {
                double b = i < m ? 4 : i < 2 * m ? 1 : 3;
                lo[i] = -b;
                hi[i] = b;
            }
            lo[2 * m] = -6;
            hi[2 * m] = 0;
            return new double[][] {lo, hi};
        }
    }

    static double objective(PaperActivation h, Layout l, double[] x) {
        double[] theta = l.theta(x);
        double[][] u = l.u(x);
        double[] v = l.v(x);
        double b = bound(h, u, v, theta);
        if (!(b > 0) || !Double.isFinite(b)) return 0;
        // the search maximises what rounding cannot explain: (ratio - tolerance) / bound
        double[] rt = ratioAndTolerance(h, u, v, l.w1(x), l.w2(x), theta);
        double r = (rt[0] - rt[1]) / b;
        return Double.isFinite(r) ? r : 0;
    }

    /**
     * CMA-ES (Hipparchus) over (W1, W2, theta, U, v) with W n x d and N points: maximise ratio / bound, from
     * {@code restarts} random starts sharing the evaluation budget.
     */
    public static Worst adversarial(PaperActivation h, int n, int d, int nPts, int maxEval, int restarts, long seed) {
        Layout l = new Layout(n, d, nPts);
        int dim = l.dim();
        double[][] box = l.box();
        double[] sigma = new double[dim];
        for (int i = 0; i < dim; i++) sigma[i] = (box[1][i] - box[0][i]) / 6;
        Random rng = new Random(seed);
        int[] evals = {0};
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        double[][] bestX = {null};
        int pop = 4 + (int) (3 * Math.log(dim));
        for (int r = 0; r < restarts; r++) {
            double[] start = new double[dim];
            for (int i = 0; i < dim; i++) start[i] = box[0][i] + (box[1][i] - box[0][i]) * (0.2 + 0.6 * rng.nextDouble());
            if (bestX[0] == null) bestX[0] = start.clone();
            ObjectiveFunction obj = new ObjectiveFunction(x -> {
                evals[0]++;
                double v = objective(h, l, x);
                if (v > bestValue[0]) {
                    bestValue[0] = v;
                    bestX[0] = x.clone();
                }
                return v;
            });
            int budget = maxEval / restarts;
            // stopFitness 2: a ratio above twice the bound ends the search (a violation, reported as found)
            CMAESOptimizer cma = new CMAESOptimizer(Math.max(1, budget / pop), 2.0, true, 0, 0, new Well19937c(rng.nextLong()), false, null);
            try {
                cma.optimize(new MaxEval(budget + 2 * pop), obj, GoalType.MAXIMIZE, new InitialGuess(start), new SimpleBounds(box[0], box[1]),
                        new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(pop));
            } catch (org.hipparchus.exception.MathIllegalStateException e) {
                // budget exhausted: keep the best point seen
            }
        }
        double[] x = bestX[0];
        double[] theta = l.theta(x);
        double[] rt = ratioAndTolerance(h, l.u(x), l.v(x), l.w1(x), l.w2(x), theta);
        double bound = bound(h, l.u(x), l.v(x), theta);
        return new Worst(h.name(), rt[0] / bound, rt[0], rt[1], bound, l.u(x), l.v(x), l.w1(x), l.w2(x), theta, evals[0]);
    }
}
