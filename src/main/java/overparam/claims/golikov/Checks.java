package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.Certificate;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.DeepNet;
import overparam.nn.LeastSquaresModel;

import java.math.BigDecimal;

/** Small shared checks: rounding tolerances, local-minimum certificates of fitted points, certificate helpers. */
final class Checks {
    private Checks() {}

    /** Rounding tolerance for a quantity of magnitude {@code scale} computed through {@code size} operations. */
    static double tol(double scale, int size) {
        return Linalg.tolerance(Math.abs(scale), size);
    }

    /** The catalogue's numerical rank: singular values above 1e-10 sigma_1. */
    static int rank(DMatrixRMaj a) {
        double[] s = Linalg.singularValues(a);
        int r = 0;
        for (double v : s) if (v > 1e-10 * s[0]) r++;
        return r;
    }

    /** sigma_1 / sigma_min over the min(rows, cols) singular values. */
    static double cond(DMatrixRMaj a) {
        double[] s = Linalg.singularValues(a);
        return s[0] / s[s.length - 1];
    }

    static double fro(DMatrixRMaj a) {
        return Linalg.frobenius(a);
    }

    /**
     * Second-order certificate of a fitted point of 1/2 sum ||f(x) - y||^2 for a DeepNet: the gradient norm relative to
     * ||J|| ||r|| + ||Y||, and lambda_min of the exact Hessian relative to its norm.
     */
    record SecondOrder(double gradientNorm, double gradientScale, double lambdaMin, double hessianNorm) {
        boolean stationary(double relative) {
            return gradientNorm <= relative * Math.max(gradientScale, Double.MIN_NORMAL);
        }

        boolean psd(double relative) {
            return lambdaMin >= -relative * Math.max(hessianNorm, Double.MIN_NORMAL);
        }
    }

    static SecondOrder secondOrder(DeepNet net, double[] theta, double[][] xs, double[][] ys) {
        LeastSquaresModel model = net.model(xs, ys);
        double[] r = model.residual(theta);
        double g = Linalg.norm(model.gradient(theta, r));
        DMatrixRMaj j = model.jacobian(theta);
        double yNorm = 0;
        for (double[] y : ys) for (double v : y) yNorm += v * v;
        double scale = Linalg.frobenius(j) * (Linalg.norm(r) + Math.sqrt(yNorm));
        DMatrixRMaj h = net.lossHessian(theta, xs, ys);
        double[] ev = Linalg.symmetricEigenvalues(h);
        double hn = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
        return new SecondOrder(g, scale, ev[0], hn);
    }

    /** A certificate whose margin is an exact small integer or rational recomputed in high precision. */
    static Certificate exact(String method, double margin, String note) {
        HighPrecision hp = new HighPrecision();
        return Certificate.of(method, hp.digits(), BigDecimal.valueOf(margin), new BigDecimal("1e-40"), note);
    }

    /** Details of a rate or a number in the given order (Map.of iterates in an order that changes from run to run). */
    static java.util.Map<String, Object> orderedDetails(Object... keyValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    static Certificate of(HighPrecision hp, String method, Dfp margin, String note) {
        return Certificate.of(method, hp.digits(), HighPrecision.toBigDecimal(margin), new BigDecimal("1e-40"), note);
    }
}
