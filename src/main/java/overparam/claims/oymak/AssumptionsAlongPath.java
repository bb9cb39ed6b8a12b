package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import overparam.linalg.Linalg;
import overparam.nn.ShallowNet;

import java.util.ArrayList;
import java.util.List;

/**
 * Assumptions 2-4 of oymak Thm 6.13 along a GD trajectory of a ReLU network x -> v^T relu(Wx) (generalised derivative
 * 1{z >= 0}): A2 sigma_min(J(W0)) >= 2 alpha, A3 ||J(W)|| <= beta at every iterate, and A4 ||J(W) - J(W0)|| <= alpha/3
 * at every iterate AND on every linear piece of every segment [W_t, W_t+1]. Along a segment the pre-activations
 * z_il(s) = z_il(W_t) + s (z_il(W_t+1) - z_il(W_t)) are affine, so the activation pattern (hence J) is constant between
 * the kink crossings s = -z/dz; each piece is checked once. The proof of Thm 6.13 applies A4 only at such points
 * (the iterates and the average Jacobian of each step), so A4 along the path is what its argument needs.
 * ||J(W) - J(W0)||^2 = lambda_max(M o XX^T) with M = sum_l v_l^2 c_l c_l^T, c_l = 1{X w_l >= 0} - 1{X w_l^0 >= 0}, kept up
 * to date flip by flip (O(n) per flip, O(n^3) per piece), so J is never formed.
 */
final class AssumptionsAlongPath {
    private final ShallowNet net;
    private final double[] v;
    private final int n, k;
    private final boolean[] on0, on;
    private final DMatrixRMaj m, xGram;
    private double[] zPrev;
    private double maxDeviation;
    private int maxDeviationStep = 0;
    private long pieces;
    private int step;

    AssumptionsAlongPath(ShallowNet net, DMatrixRMaj w0) {
        if (!net.activation().base().name().equals("relu")) throw new IllegalArgumentException("the piece decomposition is for ReLU networks");
        this.net = net;
        this.v = net.outputWeights();
        this.n = net.n();
        this.k = net.k();
        this.zPrev = net.preActivations(w0).data.clone();
        this.on0 = new boolean[n * k];
        for (int q = 0; q < on0.length; q++) on0[q] = zPrev[q] >= 0;
        this.on = on0.clone();
        this.m = new DMatrixRMaj(n, n);
        this.xGram = Linalg.gram(net.data());
    }

    /** Advances along the segment from the last point to W (the next iterate), checking every piece. */
    void segment(DMatrixRMaj w) {
        step++;
        double[] zNext = net.preActivations(w).data;
        List<double[]> events = new ArrayList<>();
        for (int q = 0; q < zNext.length; q++) {
            double a = zPrev[q], b = zNext[q];
            boolean startOn = a >= 0, endOn = b >= 0;
            if (startOn == endOn) continue;
            double s = a / (a - b);
            events.add(new double[] {Math.min(1, Math.max(0, s)), q});
        }
        events.sort((x, y) -> Double.compare(x[0], y[0]));
        int e = 0;
        while (e < events.size()) {
            double s = events.get(e)[0];
            while (e < events.size() && events.get(e)[0] == s) flip((int) events.get(e++)[1]);
            record(); // the piece starting at s (for s = 1 this is the next iterate itself)
        }
        if (events.isEmpty()) record();
        zPrev = zNext.clone();
    }

    private void flip(int q) {
        int i = q / k, l = q % k;
        double v2 = v[l] * v[l];
        double delta = on[q] ? -1 : 1; // change of c_il = 1{on} - 1{on0}
        for (int j = 0; j < n; j++) {
            double cj = (on[j * k + l] ? 1 : 0) - (on0[j * k + l] ? 1 : 0);
            if (j == i) continue;
            m.add(i, j, v2 * delta * cj);
            m.add(j, i, v2 * delta * cj);
        }
        double ci = (on[q] ? 1 : 0) - (on0[q] ? 1 : 0);
        m.add(i, i, v2 * ((ci + delta) * (ci + delta) - ci * ci));
        on[q] = !on[q];
    }

    private void record() {
        pieces++;
        // Schur + Gershgorin: lambda_max(M o XX^T) <= max_i sum_j |M_ij| |<x_i, x_j>|; skip pieces that cannot raise the maximum
        double bound = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) row += Math.abs(m.get(i, j) * xGram.get(i, j));
            bound = Math.max(bound, row);
        }
        if (bound <= maxDeviation * maxDeviation) return;
        double dev = Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(m, xGram))));
        if (dev > maxDeviation) {
            maxDeviation = dev;
            maxDeviationStep = step;
        }
    }

    double maxDeviation() {
        return maxDeviation;
    }

    int maxDeviationStep() {
        return maxDeviationStep;
    }

    long pieces() {
        return pieces;
    }

    /** The outcome of one run: the constants, the three assumptions and the conclusions' inputs. */
    record Report(double alpha, double beta, double radius, double sigmaMinJ0, double maxJNorm, double maxDeviation, int maxDeviationStep,
                  long pieces, double maxSpectralDistance, double maxFrobeniusDistance) {
        boolean a3() {
            return maxJNorm <= beta * (1 + 1e-12);
        }

        boolean a4() {
            return maxDeviation <= alpha / 3;
        }
    }

    /** Recomputes c_l from scratch (a check of the flip-by-flip update). */
    DMatrixRMaj deviationGramFromScratch() {
        DMatrixRMaj c = new DMatrixRMaj(n, k);
        for (int q = 0; q < on.length; q++) c.data[q] = ((on[q] ? 1 : 0) - (on0[q] ? 1 : 0)) * v[q % k];
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(c, c, g);
        return g;
    }

    DMatrixRMaj deviationGram() {
        return m;
    }
}
