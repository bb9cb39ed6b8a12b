package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import overparam.linalg.Linalg;
import overparam.nn.ShallowNet;
import overparam.nn.Trace;
import overparam.nn.Trainer;

/**
 * Full-batch GD on the oymak network (Trainer, gradient mat(J^T r)) with per-iterate Jacobian probes that never form
 * J: sigma_min(J) and ||J|| from the Hadamard Gram identity, ||J(W) - J(W0)|| from ((D - D0)(D - D0)^T) o XX^T with
 * D = phi'(XW^T) diag(v), and the spectral distance ||W - W0|| from the d x d Gram of W - W0.
 */
final class PaperGd {
    private PaperGd() {}

    /** Which per-iterate quantities to record (each costs O(n^2 k) per iterate). */
    record Probes(boolean sigmaMin, boolean deviation, boolean spectralDistance) {
        static final Probes NONE = new Probes(false, false, false);
        static final Probes ALL = new Probes(true, true, true);
    }

    /** The trace plus, per iterate tau = 0..T, sigma_min(J(W_tau)), ||J(W_tau)||, ||J(W_tau) - J(W0)||, ||W_tau - W0||_2. */
    record Run(Trace trace, double[] sigmaMin, double[] jNorm, double[] deviation, double[] spectralDistance, double seconds) {
        int steps() {
            return trace.steps();
        }

        double[] residual() {
            return trace.residualNorm();
        }
    }

    static Run run(ShallowNet net, double[] y, DMatrixRMaj w0, double eta, int maxSteps, double relativeStop, Probes probes) {
        long start = System.nanoTime();
        int k = net.k(), d = net.d();
        double[] sMin = new double[maxSteps + 1], jNorm = new double[maxSteps + 1], dev = new double[maxSteps + 1],
                spec = new double[maxSteps + 1];
        DMatrixRMaj d0 = net.weightedDerivatives(w0);
        DMatrixRMaj xGram = Linalg.gram(net.data());
        Trainer.Observer probe = (tau, theta, r) -> {
            DMatrixRMaj w = DMatrixRMaj.wrap(k, d, theta);
            DMatrixRMaj dw = probes.sigmaMin() || probes.deviation() ? net.weightedDerivatives(w) : null;
            if (probes.sigmaMin()) {
                double[] ev = Linalg.symmetricEigenvalues(Linalg.hadamard(Linalg.gram(dw), xGram)); // J J^T (N5)
                sMin[tau] = Math.sqrt(Math.max(0, ev[0]));
                jNorm[tau] = Math.sqrt(Math.max(0, ev[ev.length - 1]));
            }
            if (probes.deviation()) dev[tau] = deviation(dw, d0, xGram);
            if (probes.spectralDistance()) spec[tau] = spectralDistance(w, w0);
            return true;
        };
        probe.after(0, w0.data.clone(), null);
        Trace t = Trainer.gradientDescent(net.model(y), w0.data, Trainer.StepSize.constant(eta), maxSteps, relativeStop, probe);
        int len = t.steps() + 1;
        return new Run(t, java.util.Arrays.copyOf(sMin, len), java.util.Arrays.copyOf(jNorm, len), java.util.Arrays.copyOf(dev, len),
                java.util.Arrays.copyOf(spec, len), (System.nanoTime() - start) / 1e9);
    }

    /** ||J(W) - J(W0)|| = sqrt(lambda_max(((D - D0)(D - D0)^T) o XX^T)), D = phi'(XW^T) diag(v) (n x k). */
    static double deviation(DMatrixRMaj dW, DMatrixRMaj d0, DMatrixRMaj xGram) {
        DMatrixRMaj diff = Linalg.minus(dW, d0);
        return Math.sqrt(Math.max(0, Linalg.lambdaMax(Linalg.hadamard(Linalg.gram(diff), xGram))));
    }

    /** ||W - W0||_2 (spectral) from the d x d Gram (W - W0)^T (W - W0). */
    static double spectralDistance(DMatrixRMaj w, DMatrixRMaj w0) {
        DMatrixRMaj diff = Linalg.minus(w, w0);
        DMatrixRMaj g = new DMatrixRMaj(diff.numCols, diff.numCols);
        org.ejml.dense.row.CommonOps_DDRM.multTransA(diff, diff, g);
        return Math.sqrt(Math.max(0, Linalg.lambdaMax(g)));
    }

    /** sigma_min(J(W)) from lambda_min of the Hadamard Gram (n x n). */
    static double sigmaMinJ(ShallowNet net, DMatrixRMaj w) {
        return Math.sqrt(Math.max(0, Linalg.lambdaMin(net.jacobianGram(w))));
    }
}
