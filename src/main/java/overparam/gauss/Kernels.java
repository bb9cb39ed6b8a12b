package overparam.gauss;

import org.ejml.data.DMatrixRMaj;
import overparam.linalg.Linalg;

import java.util.function.DoubleUnaryOperator;

/**
 * Closed-form Gaussian kernels for unit vectors x_i, x_j with rho = x_i^T x_j, w ~ N(0, I) (oymak section 2.8).
 * The matrices act entrywise on the Gram matrix X X^T; Sigma(X) = K'(X X^T) odot X X^T (Definition 6.1).
 */
public final class Kernels {
    private Kernels() {}

    /**
     * A kernel of a pair of unit vectors given both rho = x_i^T x_j and the angle theta between them. The arc-cosine
     * kernels need theta: arccos(rho) loses half the digits near rho = 1 (its slope is infinite there), so the angle
     * comes from 2 atan2(||x_i - x_j||, ||x_i + x_j||), accurate for nearly parallel and nearly antipodal pairs.
     */
    @FunctionalInterface
    public interface PairKernel {
        double at(double rho, double theta);

        /** False when the kernel ignores theta (then the angle of a pair is not computed). */
        default boolean usesAngle() {
            return true;
        }

        static PairKernel ofRho(DoubleUnaryOperator k) {
            return new PairKernel() {
                public double at(double rho, double theta) {
                    return k.applyAsDouble(rho);
                }

                public boolean usesAngle() {
                    return false;
                }
            };
        }
    }

    /** E[1(u >= 0) 1(v >= 0)] = (pi - arccos rho) / (2 pi): the ReLU-derivative (arc-cosine degree 0) kernel. */
    public static double reluDerivative(double rho) {
        return reluDerivativeAngle(rho, Math.acos(clip(rho)));
    }

    public static double reluDerivativeAngle(double rho, double theta) {
        return (Math.PI - theta) / (2 * Math.PI);
    }

    /** E[relu(u) relu(v)] = (sqrt(1 - rho^2) + rho (pi - arccos rho)) / (2 pi): arc-cosine degree 1 (Sigma-tilde of ReLU). */
    public static double relu(double rho) {
        return reluAngle(clip(rho), Math.acos(clip(rho)));
    }

    public static double reluAngle(double rho, double theta) {
        return (Math.sin(theta) + Math.cos(theta) * (Math.PI - theta)) / (2 * Math.PI);
    }

    /** The angle between two vectors, accurate near 0 and pi. */
    public static double angle(double[] a, double[] b) {
        double minus = 0, plus = 0;
        for (int k = 0; k < a.length; k++) {
            minus += (a[k] - b[k]) * (a[k] - b[k]);
            plus += (a[k] + b[k]) * (a[k] + b[k]);
        }
        return 2 * Math.atan2(Math.sqrt(minus), Math.sqrt(plus));
    }

    /** E[Phi(u) Phi(v)] = 1/4 + arcsin(rho / 2) / (2 pi): the kernel of phi' = Phi (phi = z Phi(z) + pdf(z)). */
    public static double gaussCdf(double rho) {
        return 0.25 + Math.asin(clip(rho) / 2) / (2 * Math.PI);
    }

    /** Entrywise kernel of the Gram matrix of X (rows must be unit norm). */
    public static DMatrixRMaj ofGram(DMatrixRMaj x, DoubleUnaryOperator kernel) {
        return ofGram(x, PairKernel.ofRho(kernel));
    }

    /**
     * The kernel of every pair of rows. From {@link #PARALLEL_FROM} rows on, rows are computed on all cores (each entry
     * by the same arithmetic, so the result does not depend on the threads): kernels must be pure functions.
     */
    public static DMatrixRMaj ofGram(DMatrixRMaj x, PairKernel kernel) {
        requireUnitRows(x);
        return ofGram(x, Linalg.gram(x), kernel, false);
    }

    static final int PARALLEL_FROM = 200;

    /**
     * Below this |rho|, large matrices (from {@link #PARALLEL_FROM} rows) take the angle as arccos(rho) of the Gram entry:
     * there arccos is well conditioned (relative condition number below 0.6), so the angle is as accurate as from the
     * rows, at one transcendental call instead of a pass over both rows and an atan2. Small matrices keep the rows'
     * angle for every pair, bit for bit as before.
     */
    static final double ARCCOS_BELOW = 0.5;

    /** The kernel matrix, times the Gram matrix entrywise (with its exact unit diagonal) when {@code timesGram}. */
    private static DMatrixRMaj ofGram(DMatrixRMaj x, DMatrixRMaj g, PairKernel kernel, boolean timesGram) {
        double[][] rows = Linalg.toArray(x);
        int n = g.numRows;
        boolean large = n >= PARALLEL_FROM, angles = kernel.usesAngle();
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        double[] o = out.data, gd = g.data;
        java.util.function.IntConsumer row = i -> {
            for (int j = i; j < n; j++) {
                if (i == j) {
                    o[i * n + i] = kernel.at(1.0, 0.0);
                    continue;
                }
                double rho = clip(gd[i * n + j]);
                double theta = !angles ? 0.0 : large && Math.abs(rho) < ARCCOS_BELOW ? Math.acos(rho) : angle(rows[i], rows[j]);
                double v = kernel.at(rho, theta);
                o[i * n + j] = timesGram ? v * gd[i * n + j] : v;
                o[j * n + i] = timesGram ? v * gd[j * n + i] : v;
            }
        };
        if (large) java.util.stream.IntStream.range(0, n).parallel().forEach(row);
        else for (int i = 0; i < n; i++) row.accept(i);
        return out;
    }

    /** Sigma(X) = K'(X X^T) odot X X^T for a derivative kernel K' (Definition 6.1). */
    public static DMatrixRMaj sigma(DMatrixRMaj x, DoubleUnaryOperator derivativeKernel) {
        return sigma(x, PairKernel.ofRho(derivativeKernel));
    }

    public static DMatrixRMaj sigma(DMatrixRMaj x, PairKernel derivativeKernel) {
        requireUnitRows(x);
        // K'(X X^T) odot X X^T with the exact unit diagonal of X X^T: K'(1) * 1, the same bits as K'(1)
        return ofGram(x, Linalg.gram(x), derivativeKernel, true);
    }

    public static void requireUnitRows(DMatrixRMaj x) {
        for (int i = 0; i < x.numRows; i++) {
            double s = 0;
            for (int j = 0; j < x.numCols; j++) s += x.get(i, j) * x.get(i, j);
            if (Math.abs(Math.sqrt(s) - 1) > 1e-10)
                throw new IllegalArgumentException("row " + i + " has norm " + Math.sqrt(s) + "; this kernel needs unit-norm rows (use --normalize)");
        }
    }

    static double clip(double rho) {
        if (Double.isNaN(rho)) throw new IllegalArgumentException("correlation is NaN");
        return Math.max(-1, Math.min(1, rho));
    }
}
