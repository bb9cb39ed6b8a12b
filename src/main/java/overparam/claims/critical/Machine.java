package overparam.claims.critical;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

/**
 * The critical paper's machine NN_w(x_d) = NN_3(w x'_d) at one weight point: features x' (M x D, column d is
 * x'_d = NN_1(x_d)), trainable w (M' x M), the fixed third stage, and targets y*. Error(w) = sum_d (NN_w(x_d) - y*_d)^2
 * (no 1/2). {@code kind} names the generator (machine A, B, C, prescribed-r, ...).
 */
public record Machine(String kind, double[][] xp, double[][] w, Stage3 nn3, double[] y) {

    public int m() {
        return xp.length;
    }

    public int dCount() {
        return y.length;
    }

    public int mPrime() {
        return w.length;
    }

    public DMatrixRMaj features() {
        return new DMatrixRMaj(xp);
    }

    public Machine withWeights(double[][] w2) {
        return new Machine(kind, xp, w2, nn3, y);
    }

    public Machine withTargets(double[] y2) {
        return new Machine(kind, xp, w, nn3, y2);
    }

    /** Column d of x'. */
    public double[] column(int d) {
        double[] c = new double[xp.length];
        for (int k = 0; k < c.length; k++) c[k] = xp[k][d];
        return c;
    }

    /** The scaling factor r = sigma_min(x') = min_v |x'v|/|v| (0 when M < D). */
    public double r() {
        return Linalg.scalingFactor(features());
    }

    /** Everything Theorem 1 talks about at the current weights. */
    public Eval eval() {
        return new Eval(this);
    }

    /** Values at the current weights, in double. */
    public static final class Eval {
        public final Machine m;
        public final double[][] z;      // D x M': z_d = w x'_d
        public final double[] out, res; // NN_w(x_d), NN_w(x_d) - y*_d
        public final double[][] g;      // D x M': grad NN_3(z_d)
        public final double[] gNorm;
        public final double[][] grad;   // M' x M: grad_w Error = 2 sum_d res_d g_d x'_d^T
        public final double eps, q, maxRes, error;

        Eval(Machine m) {
            this.m = m;
            int dn = m.dCount(), mp = m.mPrime(), mm = m.m();
            z = new double[dn][mp];
            out = new double[dn];
            res = new double[dn];
            g = new double[dn][];
            gNorm = new double[dn];
            grad = new double[mp][mm];
            double q0 = Double.POSITIVE_INFINITY, mr = 0, e = 0;
            for (int d = 0; d < dn; d++) {
                for (int j = 0; j < mp; j++) {
                    double s = 0;
                    for (int k = 0; k < mm; k++) s += m.w[j][k] * m.xp[k][d];
                    z[d][j] = s;
                }
                out[d] = m.nn3.value(z[d]);
                res[d] = out[d] - m.y[d];
                g[d] = m.nn3.gradient(z[d]);
                gNorm[d] = Stage3.norm(g[d]);
                q0 = Math.min(q0, gNorm[d]);
                mr = Math.max(mr, Math.abs(res[d]));
                e += res[d] * res[d];
                for (int j = 0; j < mp; j++) {
                    double a = 2 * res[d] * g[d][j];
                    for (int k = 0; k < mm; k++) grad[j][k] += a * m.xp[k][d];
                }
            }
            eps = Linalg.frobenius(new DMatrixRMaj(grad)); // scaled: the entries of a saturated machine's gradient square to subnormals
            q = dn == 0 ? 0 : q0;
            maxRes = mr;
            error = e;
        }

        /** Dir (P x D, P = M' M, row index j*M + k): column d is vec(g_d x'_d^T), row-major like w. */
        public DMatrixRMaj dir() {
            int mp = m.mPrime(), mm = m.m(), dn = m.dCount();
            DMatrixRMaj dir = new DMatrixRMaj(mp * mm, dn);
            for (int d = 0; d < dn; d++)
                for (int j = 0; j < mp; j++)
                    for (int k = 0; k < mm; k++) dir.set(j * mm + k, d, g[d][j] * m.xp[k][d]);
            return dir;
        }

        /**
         * Rounding scale of the gradient entries 2 sum_d res_d g_d x'_d^T: each term's magnitude with the rounding of res_d
         * and of g_d carried along, 2 sum_d (|res_d| gScale_d + resScale_d |g_d|) |x'_d|.
         */
        public double gradientScale() {
            double s = 0;
            for (int d = 0; d < m.dCount(); d++) s += 2 * (Math.abs(res[d]) * gScale(d) + resScale(d) * gNorm[d]) * Stage3.norm(m.column(d));
            return s;
        }

        /** Rounding scale of the residuals: max_d resScale_d. */
        public double residualScale() {
            double s = 0;
            for (int d = 0; d < m.dCount(); d++) s = Math.max(s, resScale(d));
            return s;
        }

        /** Rounding scale of res_d: |y_d|, NN_3's terms, and z_d's error (|w| |x'_d| eps) through grad NN_3. */
        public double resScale(int d) {
            return Math.abs(m.y[d]) + m.nn3.magnitude(z[d]) + gNorm[d] * Linalg.frobenius(new DMatrixRMaj(m.w)) * Stage3.norm(m.column(d));
        }

        /** Rounding scale of g_d = grad NN_3(z_d): its terms, and z_d's error through the Hessian (relu: 0 away from the kink). */
        public double gScale(int d) {
            double h = m.nn3.hessianBound();
            return m.nn3.gradientMagnitude(z[d]) + (Double.isFinite(h) ? h : 0) * Linalg.frobenius(new DMatrixRMaj(m.w)) * Stage3.norm(m.column(d));
        }

        /** max_d gScale_d: the rounding scale of q = min_d |g_d|. */
        public double sensitivityScale() {
            double s = 0;
            for (int d = 0; d < m.dCount(); d++) s = Math.max(s, gScale(d));
            return s;
        }

        /** Number of floating-point terms behind one computed quantity, for rounding tolerances. */
        public int size() {
            return m.dCount() * m.m() * m.mPrime() * Math.max(1, m.nn3.width());
        }
    }

    /** The same quantities with Dfp arithmetic (inputs converted exactly), for certification. */
    public HpEval eval(HighPrecision hp) {
        return new HpEval(this, hp, null, null, true);
    }

    /** Weights w + gamma V in high precision (for directional derivatives). */
    public HpEval eval(HighPrecision hp, double[][] direction, Dfp gamma) {
        return new HpEval(this, hp, direction, gamma, true);
    }

    /** Outputs and Error only (no gradient), at w + gamma V: the cheap evaluation behind central differences. */
    public HpEval outputs(HighPrecision hp, double[][] direction, Dfp gamma) {
        return new HpEval(this, hp, direction, gamma, false);
    }

    public static final class HpEval {
        public final Dfp[] res, gNorm;
        public final Dfp eps, q, maxRes, error;
        public final Dfp[] out;
        public final Dfp[][] grad;

        HpEval(Machine m, HighPrecision hp, double[][] v, Dfp gamma, boolean withGradient) {
            int dn = m.dCount(), mp = m.mPrime(), mm = m.m();
            Dfp[][] w = hp.of(m.w);
            if (v != null) {
                for (int j = 0; j < mp; j++)
                    for (int k = 0; k < mm; k++) w[j][k] = w[j][k].add(gamma.multiply(hp.of(v[j][k])));
            }
            Dfp[][] x = hp.of(m.xp);
            res = new Dfp[dn];
            out = new Dfp[dn];
            gNorm = new Dfp[dn];
            grad = new Dfp[mp][mm];
            for (Dfp[] row : grad) java.util.Arrays.fill(row, hp.zero());
            Dfp q0 = null, mr = hp.zero(), e = hp.zero();
            for (int d = 0; d < dn; d++) {
                Dfp[] z = new Dfp[mp];
                for (int j = 0; j < mp; j++) {
                    Dfp s = hp.zero();
                    for (int k = 0; k < mm; k++) s = s.add(w[j][k].multiply(x[k][d]));
                    z[j] = s;
                }
                Dfp[] vg = m.nn3.valueAndGradient(hp, z, withGradient);
                out[d] = vg[0];
                res[d] = out[d].subtract(hp.of(m.y[d]));
                if (res[d].abs().greaterThan(mr)) mr = res[d].abs();
                e = e.add(res[d].multiply(res[d]));
                if (!withGradient) continue;
                Dfp[] g = java.util.Arrays.copyOfRange(vg, 1, vg.length);
                gNorm[d] = Stage3.dot(hp, g, g).sqrt();
                if (q0 == null || gNorm[d].lessThan(q0)) q0 = gNorm[d];
                for (int j = 0; j < mp; j++) {
                    Dfp a = res[d].multiply(g[j]).multiply(2);
                    for (int k = 0; k < mm; k++) grad[j][k] = grad[j][k].add(a.multiply(x[k][d]));
                }
            }
            Dfp gs = hp.zero();
            for (Dfp[] row : grad) for (Dfp t : row) gs = gs.add(t.multiply(t));
            eps = gs.sqrt();
            q = q0 == null ? hp.zero() : q0;
            maxRes = mr;
            error = e;
        }
    }

    /** r in high precision: sqrt(lambda_min(x'^T x')) by inertia bisection. */
    public Dfp r(HighPrecision hp) {
        return hp.sigmaMin(hp.transpose(hp.of(xp)));
    }
}
