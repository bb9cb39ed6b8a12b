package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import overparam.linalg.Linalg;

import java.util.Random;

/**
 * Du et al.'s network (9) f(W, a, x) = m^{-1/2} sum_r a_r [w_r^T x]_+ on unit data, trained in W only (a fixed, a_r = +-1),
 * L(W) = 1/2 sum_i (u_i - y_i)^2. The state keeps the pre-activations, the activation pattern 1[w_r^T x_i >= 0], and
 * the co-activation counts C_ij = sum_r 1[i] 1[j], so the Gram matrix (12) H_ij = x_i^T x_j C_ij / m is updated in
 * O(n^2) per flipped neuron instead of being rebuilt.
 *
 * Two integrators: {@code flow} follows the gradient flow dw_r/dt = -dL/dw_r exactly while the pattern is fixed
 * (u is linear in W there, so r(t + h) = exp(-H h) r(t) and W moves by the integral of the residual); patterns are
 * re-evaluated after each step of length h. {@code euler} is discrete gradient descent with step h.
 */
final class DuNet {
    final double[][] x;
    final double[] y, a;
    final int n, d, m;
    final double[] w, w0, gram;
    final double invSqrtM;
    final double[] z, u, r;
    final boolean[] active;
    final int[] counts;

    DuNet(DuData.Data data, int m, long initSeed) {
        this.x = data.x();
        this.y = data.y();
        this.n = x.length;
        this.d = x[0].length;
        this.m = m;
        this.invSqrtM = 1 / Math.sqrt(m);
        Random rng = new Random(initSeed);
        w = new double[m * d];
        a = new double[m];
        for (int i = 0; i < w.length; i++) w[i] = rng.nextGaussian();
        for (int k = 0; k < m; k++) a[k] = rng.nextBoolean() ? 1 : -1;
        w0 = w.clone();
        gram = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) gram[i * n + j] = Linalg.dot(x[i], x[j]);
        z = new double[n * m];
        u = new double[n];
        r = new double[n];
        active = new boolean[n * m];
        counts = new int[n * n];
        eig = DecompositionFactory_DDRM.eig(n, true, true);
        work = new DMatrixRMaj(n, n);
        refresh(true);
    }

    /** Recomputes pre-activations, outputs, residual; updates the pattern and the co-activation counts. */
    void refresh(boolean recount) {
        java.util.Arrays.fill(u, 0);
        boolean[] was = new boolean[n];
        boolean[] now = new boolean[n];
        for (int k = 0; k < m; k++) {
            int off = k * d;
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                double s = 0;
                double[] xi = x[i];
                for (int j = 0; j < d; j++) s += w[off + j] * xi[j];
                z[i * m + k] = s;
                was[i] = active[i * m + k];
                now[i] = s >= 0;
                changed |= was[i] != now[i];
                active[i * m + k] = now[i];
                if (now[i]) u[i] += a[k] * s;
            }
            if (recount) {
                for (int i = 0; i < n; i++) if (now[i]) for (int j = 0; j < n; j++) if (now[j]) counts[i * n + j]++;
            } else if (changed) {
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++) counts[i * n + j] += (now[i] && now[j] ? 1 : 0) - (was[i] && was[j] ? 1 : 0);
            }
        }
        for (int i = 0; i < n; i++) {
            u[i] *= invSqrtM;
            r[i] = u[i] - y[i];
        }
    }

    /** H(W) from (12). */
    DMatrixRMaj gramMatrix() {
        DMatrixRMaj h = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) h.data[i] = gram[i] * counts[i] / m;
        return h;
    }

    double residualSquared() {
        return Linalg.dot(r, r);
    }

    /** Moves every w_r by -(a_r / sqrt m) sum_i c_i 1[w_r^T x_i >= 0] x_i (c = h r for GD; the residual integral for the flow). */
    void move(double[] c) {
        for (int k = 0; k < m; k++) {
            int off = k * d;
            double s = a[k] * invSqrtM;
            for (int i = 0; i < n; i++) {
                if (!active[i * m + k] || c[i] == 0) continue;
                double f = s * c[i];
                double[] xi = x[i];
                for (int j = 0; j < d; j++) w[off + j] -= f * xi[j];
            }
        }
        refresh(false);
    }

    /** dL/dw_r for all r, m x d row-major. */
    double[] gradient() {
        double[] g = new double[m * d];
        for (int k = 0; k < m; k++) {
            int off = k * d;
            double s = a[k] * invSqrtM;
            for (int i = 0; i < n; i++) {
                if (!active[i * m + k]) continue;
                double f = s * r[i];
                for (int j = 0; j < d; j++) g[off + j] += f * x[i][j];
            }
        }
        return g;
    }

    /** max_r ||w_r - w_r(0)||. */
    double maxMovement() {
        double best = 0;
        for (int k = 0; k < m; k++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double v = w[k * d + j] - w0[k * d + j];
                s += v * v;
            }
            best = Math.max(best, s);
        }
        return Math.sqrt(best);
    }

    private final EigenDecomposition_F64<DMatrixRMaj> eig;
    private final DMatrixRMaj work;

    /**
     * One step of length h: the exact flow for the current pattern (needs the spectrum of H), or a GD step (the spectrum
     * only when {@code spectrum}). Returns lambda_min(H) at the start of the step, NaN when not computed.
     */
    double step(boolean flow, double h, boolean spectrum) {
        double[] c = new double[n];
        double lambdaMin = Double.NaN;
        if (flow || spectrum) {
            for (int i = 0; i < n * n; i++) work.data[i] = gram[i] * counts[i] / m;
            if (!eig.decompose(work)) throw new ArithmeticException("eigen-decomposition of H failed");
            lambdaMin = Double.POSITIVE_INFINITY;
            for (int q = 0; q < n; q++) {
                double lam = eig.getEigenvalue(q).real;
                lambdaMin = Math.min(lambdaMin, lam);
                if (!flow) continue;
                DMatrixRMaj v = eig.getEigenVector(q);
                double norm2 = 0, dot = 0;
                for (int i = 0; i < n; i++) {
                    norm2 += v.data[i] * v.data[i];
                    dot += v.data[i] * r[i];
                }
                double phi = lam * h > 1e-12 ? -Math.expm1(-lam * h) / lam : h;
                double coef = phi * dot / norm2;
                for (int i = 0; i < n; i++) c[i] += coef * v.data[i];
            }
        }
        if (!flow) for (int i = 0; i < n; i++) c[i] = h * r[i];
        move(c);
        return lambdaMin;
    }

    /** A simulated run: times, squared residuals and lambda_min(H) at every iterate, largest neuron movement. */
    record Trajectory(double lambda0, double h, boolean flow, double[] time, double[] residual2, double[] lambdaMin,
                      double[] movement, int steps) {
        double r0() {
            return residual2[0];
        }

        /** min over iterates of lambda_min(H(t)) / lambda0. */
        double minRatio() {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < steps; k++) best = Math.min(best, lambdaMin[k]);
            return best / lambda0;
        }
    }

    /** The default step of the catalogue: h = min(0.1, 1 / tr H(0)). */
    double defaultStep() {
        double tr = 0;
        for (int i = 0; i < n; i++) tr += gram[i * n + i] * counts[i * n + i] / (double) m;
        return Math.min(0.1, 1 / tr);
    }

    /** Runs until ||r||^2 <= stopRelative ||r(0)||^2 or maxSteps; {@code observer} sees the net after every step. */
    Trajectory simulate(boolean flow, double h, double stopRelative, int maxSteps, double lambda0,
                        java.util.function.Consumer<DuNet> observer) {
        return simulate(flow, h, stopRelative, maxSteps, lambda0, true, observer);
    }

    Trajectory simulate(boolean flow, double h, double stopRelative, int maxSteps, double lambda0, boolean spectrum,
                        java.util.function.Consumer<DuNet> observer) {
        double[] time = new double[maxSteps + 1], res = new double[maxSteps + 1], lmin = new double[maxSteps + 1],
                move = new double[maxSteps + 1];
        res[0] = residualSquared();
        int k = 0;
        while (k < maxSteps && res[k] > stopRelative * res[0]) {
            lmin[k] = step(flow, h, spectrum);
            k++;
            time[k] = k * h;
            res[k] = residualSquared();
            move[k] = maxMovement();
            if (observer != null) observer.accept(this);
        }
        lmin[k] = spectrum ? Linalg.lambdaMin(gramMatrix()) : Double.NaN;
        return new Trajectory(lambda0, h, flow, java.util.Arrays.copyOf(time, k + 1), java.util.Arrays.copyOf(res, k + 1),
                java.util.Arrays.copyOf(lmin, k + 1), java.util.Arrays.copyOf(move, k + 1), k + 1);
    }
}
