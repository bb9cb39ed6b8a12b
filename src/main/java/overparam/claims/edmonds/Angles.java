package overparam.claims.edmonds;

import org.ejml.data.DMatrixRMaj;

/**
 * The vectors of Assumption 4 and Section 4: Loss = r = (NN(x_d) - y_d)_d, Dir_m = (dNN(x_d)/dw_m)_d (column m of the
 * D x M' Jacobian J = Dir^T), cos alpha_m, and kappa = |J^T r|^2 / (|r|^2 ||J||_F^2) = sum_m cos^2 alpha_m |Dir_m|^2 / sum_m |Dir_m|^2.
 */
final class Angles {
    private Angles() {}

    /** J (D x M'), row d = dNN(x_d)/dtheta. */
    static double[][] jacobian(EdmondsNet net, double[] theta, double[][] xs) {
        double[][] j = new double[xs.length][net.parameterCount()];
        for (int d = 0; d < xs.length; d++) net.outputAndGradient(theta, xs[d], j[d]);
        return j;
    }

    static DMatrixRMaj matrix(double[][] j) {
        return new DMatrixRMaj(j);
    }

    static double[] residual(EdmondsNet net, double[] theta, double[][] xs, double[] ys) {
        double[] r = new double[xs.length];
        for (int d = 0; d < xs.length; d++) r[d] = net.output(theta, xs[d]) - ys[d];
        return r;
    }

    /** cos alpha_m for every weight m; NaN where Dir_m = 0 (the angle is undefined). */
    static double[] cosines(double[][] j, double[] r) {
        int p = j[0].length;
        double rn = 0;
        for (double v : r) rn += v * v;
        rn = Math.sqrt(rn);
        double[] c = new double[p];
        for (int m = 0; m < p; m++) {
            double dot = 0, nn = 0;
            for (int d = 0; d < r.length; d++) {
                dot += r[d] * j[d][m];
                nn += j[d][m] * j[d][m];
            }
            c[m] = nn == 0 || rn == 0 ? Double.NaN : dot / (rn * Math.sqrt(nn));
        }
        return c;
    }

    static double[] cosines(EdmondsNet net, double[] theta, double[][] xs, double[] ys) {
        return cosines(jacobian(net, theta, xs), residual(net, theta, xs, ys));
    }

    /** J^T r. */
    static double[] jtr(double[][] j, double[] r) {
        double[] g = new double[j[0].length];
        for (int d = 0; d < r.length; d++) for (int m = 0; m < g.length; m++) g[m] += r[d] * j[d][m];
        return g;
    }

    static double frobenius2(double[][] j) {
        double s = 0;
        for (double[] row : j) for (double v : row) s += v * v;
        return s;
    }

    static double norm2(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return s;
    }

    static double kappa(double[][] j, double[] r) {
        return norm2(jtr(j, r)) / (norm2(r) * frobenius2(j));
    }
}
