package overparam.claims.boobLan;

import overparam.linalg.Linalg;

/**
 * theta* = argmin over ||theta|| <= r of q(theta) = 1/2 theta^T A theta - b^T theta with A symmetric PSD: the exact
 * minimiser of f(W, .) on the ball of boob-lan (3.6) (f(W, theta) = q(theta) + ||v||^2/(2N) with A = (1/N) H^T H,
 * b = (1/N) H^T v). From the eigen-decomposition A = Q diag(l) Q^T: the minimum-norm unconstrained minimiser if it lies
 * in the ball, else theta(mu) = sum_i (q_i^T b)/(l_i + mu) q_i with ||theta(mu)|| = r (bisection on mu > 0).
 * r = +infinity solves the unconstrained problem (minimum-norm solution).
 */
public final class BallQp {
    private BallQp() {}

    public static double[] solve(double[][] a, double[] b, double r) {
        int n = b.length;
        Linalg.EigenPairs e = Linalg.symmetricEigen(TwoLayer.matrix(a));
        double lmax = Math.max(Math.abs(e.values()[n - 1]), Double.MIN_NORMAL);
        double[] bt = new double[n];
        for (int i = 0; i < n; i++) bt[i] = TwoLayer.dot(e.vector(i), b);
        double zeroTol = 64 * Linalg.EPS * n * lmax;
        boolean inRange = true;
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            double l = e.values()[i];
            if (l > zeroTol) x0[i] = bt[i] / l;
            else if (Math.abs(bt[i]) > 1e-12 * Math.max(1, TwoLayer.norm(b))) inRange = false;
        }
        if (inRange && TwoLayer.norm(x0) <= r) return back(e, x0);
        if (Double.isInfinite(r)) return back(e, x0);
        double lo = 0, hi = Math.max(1e-300, TwoLayer.norm(b) / r);
        while (norm(e, bt, hi) > r) hi *= 2;
        for (int it = 0; it < 200 && hi - lo > 1e-16 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (norm(e, bt, mid) > r) lo = mid;
            else hi = mid;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = bt[i] / (Math.max(e.values()[i], 0) + hi);
        double[] theta = back(e, x);
        double nt = TwoLayer.norm(theta);
        if (nt > r) for (int i = 0; i < n; i++) theta[i] *= r / nt;
        return theta;
    }

    private static double norm(Linalg.EigenPairs e, double[] bt, double mu) {
        double s = 0;
        for (int i = 0; i < bt.length; i++) {
            double c = bt[i] / (Math.max(e.values()[i], 0) + mu);
            s += c * c;
        }
        return Math.sqrt(s);
    }

    private static double[] back(Linalg.EigenPairs e, double[] coords) {
        int n = coords.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double[] q = e.vector(i);
            for (int j = 0; j < n; j++) x[j] += coords[i] * q[j];
        }
        return x;
    }

    /** Projection onto the ball of radius r: y min(1, r/||y||) (the prox (3.7)). */
    public static double[] project(double[] y, double r) {
        double n = TwoLayer.norm(y);
        if (n <= r) return y.clone();
        double[] p = new double[y.length];
        for (int i = 0; i < y.length; i++) p[i] = y[i] * (r / n);
        return p;
    }
}
