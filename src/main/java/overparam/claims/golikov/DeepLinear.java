package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.DeepNet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * l2 regression, deep linear nets and rank-constrained regression (golikov O1-O3, data as columns X in R^{d0 x m},
 * Y in R^{dH x m}, W_k in R^{d_k x d_{k-1}}), with the catalogue's constructions: K1 factorisation of a given R,
 * K2 descent curves at non-top critical points, K3 lifting of rank-preserving perturbations (H = 2), K4 data whose
 * least-squares solution has rank below the bottleneck.
 */
final class DeepLinear {
    private DeepLinear() {}

    static DMatrixRMaj gaussian(int rows, int cols, Random rng) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < a.data.length; i++) a.data[i] = rng.nextGaussian();
        return a;
    }

    static int bottleneck(int[] dims) {
        int p = Integer.MAX_VALUE;
        for (int d : dims) p = Math.min(p, d);
        return p;
    }

    /** W_H ... W_1 (ws.get(0) = W_1). */
    static DMatrixRMaj product(List<DMatrixRMaj> ws) {
        DMatrixRMaj r = ws.get(0).copy();
        for (int k = 1; k < ws.size(); k++) r = Linalg.mult(ws.get(k), r);
        return r;
    }

    /** 1/2 ||Y - R X||_F^2. */
    static double loss(DMatrixRMaj r, DMatrixRMaj x, DMatrixRMaj y) {
        double f = Linalg.frobenius(Linalg.minus(y, Linalg.mult(r, x)));
        return 0.5 * f * f;
    }

    static double loss(List<DMatrixRMaj> ws, DMatrixRMaj x, DMatrixRMaj y) {
        return loss(product(ws), x, y);
    }

    /** grad_R 1/2 ||Y - R X||^2 = (R X - Y) X^T. */
    static DMatrixRMaj gradient(DMatrixRMaj r, DMatrixRMaj x, DMatrixRMaj y) {
        return Linalg.mult(Linalg.minus(Linalg.mult(r, x), y), Linalg.transpose(x));
    }

    /** W* = Y X^T (X X^T)^{-1} by a linear solve (X of full row rank). */
    static DMatrixRMaj leastSquares(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj xxt = Linalg.gram(x);
        DMatrixRMaj xyt = Linalg.mult(x, Linalg.transpose(y));
        DMatrixRMaj sol = new DMatrixRMaj(x.numRows, y.numRows);
        if (!CommonOps_DDRM.solve(xxt, xyt, sol)) throw new ArithmeticException("X X^T is singular");
        return Linalg.transpose(sol);
    }

    /** X^T (X X^T)^{-1}, m x d0. */
    static DMatrixRMaj rightInverse(DMatrixRMaj x) {
        DMatrixRMaj inv = new DMatrixRMaj(x.numRows, x.numRows);
        if (!CommonOps_DDRM.invert(Linalg.gram(x), inv)) throw new ArithmeticException("X X^T is singular");
        return Linalg.mult(Linalg.transpose(x), inv);
    }

    /** A compact SVD A = U diag(s) V^T with descending singular values. */
    record Svd(DMatrixRMaj u, double[] s, DMatrixRMaj v) {
        double[] uCol(int i) {
            return col(u, i);
        }

        double[] vCol(int i) {
            return col(v, i);
        }

        /** Number of singular values above the scaled rounding threshold. */
        int rank(int rows, int cols) {
            if (s.length == 0) return 0;
            double tol = Math.max(rows, cols) * Linalg.EPS * s[0];
            int r = 0;
            for (double v : s) if (v > tol) r++;
            return r;
        }
    }

    static double[] col(DMatrixRMaj a, int j) {
        double[] c = new double[a.numRows];
        for (int i = 0; i < c.length; i++) c[i] = a.get(i, j);
        return c;
    }

    static Svd svd(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true, true, true);
        if (!d.decompose(a.copy())) throw new ArithmeticException("SVD failed");
        DMatrixRMaj u = d.getU(null, false), w = d.getW(null), v = d.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] s = new double[Math.min(w.numRows, w.numCols)];
        for (int i = 0; i < s.length; i++) s[i] = w.get(i, i);
        return new Svd(u, s, v);
    }

    static DMatrixRMaj outer(double[] a, double[] b) {
        DMatrixRMaj o = new DMatrixRMaj(a.length, b.length);
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < b.length; j++) o.set(i, j, a[i] * b[j]);
        return o;
    }

    /** Reduced-rank regression (O3): the SVD of Y-hat = W* X and the critical points R_S. */
    static final class RankConstrained {
        final DMatrixRMaj x, y, wStar, yHat, rightInv;
        final Svd svd;
        final int rankYHat;
        final double lossWStar;

        RankConstrained(DMatrixRMaj x, DMatrixRMaj y) {
            this.x = x;
            this.y = y;
            this.wStar = leastSquares(x, y);
            this.yHat = Linalg.mult(wStar, x);
            this.rightInv = rightInverse(x);
            this.svd = svd(yHat);
            this.rankYHat = svd.rank(yHat.numRows, yHat.numCols);
            this.lossWStar = loss(wStar, x, y);
        }

        /** Z_S = sum_{i in S} c_i u_i v_i^T (m-space), and R = Z X^T (X X^T)^{-1}. */
        DMatrixRMaj fromColumnSpace(DMatrixRMaj z) {
            return Linalg.mult(z, rightInv);
        }

        DMatrixRMaj critical(int[] subset) {
            DMatrixRMaj z = new DMatrixRMaj(yHat.numRows, yHat.numCols);
            for (int i : subset) CommonOps_DDRM.addEquals(z, svd.s[i], outer(svd.uCol(i), svd.vCol(i)));
            return fromColumnSpace(z);
        }

        /** min over rank <= r of the loss: L(W*) + 1/2 sum_{i > r} s_i^2. */
        double minimum(int r) {
            double tail = 0;
            for (int i = Math.min(r, svd.s.length); i < svd.s.length; i++) tail += svd.s[i] * svd.s[i];
            return lossWStar + 0.5 * tail;
        }

        DMatrixRMaj minimiser(int r) {
            int q = Math.min(r, rankYHat);
            int[] top = new int[q];
            for (int i = 0; i < q; i++) top[i] = i;
            return critical(top);
        }

        /**
         * K2: the descent curve at R_S through (i0 in S) -> (j0 not in S): rank stays |S| and
         * L(R(t)) = L(W*) + 1/2 (||Y-hat||^2 - sum_{S \ i0} s_i^2 - (s_i0 cos^2 t + s_j0 sin^2 t)^2).
         */
        DMatrixRMaj descentCurve(int[] subset, int i0, int j0, double t) {
            DMatrixRMaj z = new DMatrixRMaj(yHat.numRows, yHat.numCols);
            for (int i : subset) if (i != i0) CommonOps_DDRM.addEquals(z, svd.s[i], outer(svd.uCol(i), svd.vCol(i)));
            double c = Math.cos(t), s = Math.sin(t);
            double[] a = new double[yHat.numRows], b = new double[yHat.numCols];
            double[] ui = svd.uCol(i0), uj = svd.uCol(j0), vi = svd.vCol(i0), vj = svd.vCol(j0);
            for (int k = 0; k < a.length; k++) a[k] = c * ui[k] + s * uj[k];
            for (int k = 0; k < b.length; k++) b[k] = c * vi[k] + s * vj[k];
            CommonOps_DDRM.addEquals(z, svd.s[i0] * c * c + svd.s[j0] * s * s, outer(a, b));
            return fromColumnSpace(z);
        }

        double descentCurveLoss(int[] subset, int i0, int j0, double t) {
            double yHat2 = 0, kept = 0;
            for (double v : svd.s) yHat2 += v * v;
            for (int i : subset) if (i != i0) kept += svd.s[i] * svd.s[i];
            double c = Math.cos(t), s = Math.sin(t);
            double mix = svd.s[i0] * c * c + svd.s[j0] * s * s;
            return lossWStar + 0.5 * (yHat2 - kept - mix * mix);
        }
    }

    /**
     * K1: W_{1:H} with W_H ... W_1 = R for R of rank r <= min_k d_k: R = A B (A = U_r S_r^{1/2}, B = S_r^{1/2} V_r^T),
     * E_k = [I_r; 0], W_1 = E_1 B, W_k = E_k E_{k-1}^T, W_H = A E_{H-1}^T.
     */
    static List<DMatrixRMaj> factorise(DMatrixRMaj r, int[] dims) {
        Svd s = svd(r);
        int rank = s.rank(r.numRows, r.numCols);
        if (rank > bottleneck(dims)) throw new IllegalArgumentException("rank " + rank + " exceeds the bottleneck " + bottleneck(dims));
        int h = dims.length - 1;
        DMatrixRMaj a = new DMatrixRMaj(r.numRows, rank), b = new DMatrixRMaj(rank, r.numCols);
        for (int k = 0; k < rank; k++) {
            double sq = Math.sqrt(s.s[k]);
            for (int i = 0; i < r.numRows; i++) a.set(i, k, s.u.get(i, k) * sq);
            for (int j = 0; j < r.numCols; j++) b.set(k, j, s.v.get(j, k) * sq);
        }
        List<DMatrixRMaj> ws = new ArrayList<>();
        for (int k = 1; k <= h; k++) {
            DMatrixRMaj w = new DMatrixRMaj(dims[k], dims[k - 1]);
            if (k == 1 && h == 1) w = r.copy();
            else if (k == 1) {
                for (int i = 0; i < rank; i++) for (int j = 0; j < dims[0]; j++) w.set(i, j, b.get(i, j));
            } else if (k == h) {
                for (int i = 0; i < dims[h]; i++) for (int j = 0; j < rank; j++) w.set(i, j, a.get(i, j));
            } else for (int i = 0; i < rank; i++) w.set(i, i, 1.0);
            ws.add(w);
        }
        return ws;
    }

    /**
     * K3: lifts a perturbation R (rank <= d_p) of R-bar = W2bar W1bar with rk R-bar = d_p to (W1, W2) with W2 W1 = R,
     * choosing the case by the bottleneck: d_p = d1 (W2 = R W1bar^+, W1 = W2^+ R), d_p = d2 (W1 = W1bar + W2bar^+ (R - R-bar)),
     * d_p = d0 (W2 = W2bar + (R - R-bar) W1bar^+).
     */
    static DMatrixRMaj[] lift(DMatrixRMaj w1bar, DMatrixRMaj w2bar, DMatrixRMaj r) {
        int d0 = w1bar.numCols, d1 = w1bar.numRows, d2 = w2bar.numRows;
        int dp = Math.min(d1, Math.min(d0, d2));
        DMatrixRMaj rbar = Linalg.mult(w2bar, w1bar);
        if (dp == d1) {
            DMatrixRMaj w2 = Linalg.mult(r, Linalg.pinv(w1bar));
            return new DMatrixRMaj[] {Linalg.mult(Linalg.pinv(w2), r), w2};
        }
        if (dp == d2) return new DMatrixRMaj[] {Linalg.plus(w1bar, Linalg.mult(Linalg.pinv(w2bar), Linalg.minus(r, rbar))), w2bar.copy()};
        return new DMatrixRMaj[] {w1bar.copy(), Linalg.plus(w2bar, Linalg.mult(Linalg.minus(r, rbar), Linalg.pinv(w1bar)))};
    }

    /** K4: Y = W0 X with rank(W0) = r below the bottleneck (r = 0 gives Y = 0). */
    static DMatrixRMaj lowRankTargets(DMatrixRMaj x, int dOut, int r, Random rng) {
        DMatrixRMaj w0 = r == 0 ? new DMatrixRMaj(dOut, x.numRows) : Linalg.mult(gaussian(dOut, r, rng), gaussian(r, x.numRows, rng));
        return Linalg.mult(w0, x);
    }

    /** The deep linear net as a DeepNet (identity layers, no biases), parameters W_1, ..., W_H row-major. */
    static DeepNet net(int[] dims) {
        return new DeepNet(dims, Activations.IDENTITY, Activations.IDENTITY, false);
    }

    static List<DMatrixRMaj> weights(int[] dims, double[] theta) {
        List<DMatrixRMaj> ws = new ArrayList<>();
        int off = 0;
        for (int k = 1; k < dims.length; k++) {
            DMatrixRMaj w = new DMatrixRMaj(dims[k], dims[k - 1]);
            System.arraycopy(theta, off, w.data, 0, w.data.length);
            off += w.data.length;
            ws.add(w);
        }
        return ws;
    }

    static double[] theta(List<DMatrixRMaj> ws) {
        int p = ws.stream().mapToInt(w -> w.data.length).sum();
        double[] t = new double[p];
        int off = 0;
        for (DMatrixRMaj w : ws) {
            System.arraycopy(w.data, 0, t, off, w.data.length);
            off += w.data.length;
        }
        return t;
    }

    /** Columns of X as the samples of a DeepNet. */
    static double[][] samples(DMatrixRMaj x) {
        return Linalg.toArray(Linalg.transpose(x));
    }
}
