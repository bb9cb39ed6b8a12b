package overparam.claims.critical;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.Certificate;
import overparam.claims.Evidence;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;

/** Theorem 1's bound max_d |res_d| <= eps / (2 q r) and its variants, as evidence with rounding tolerances. */
final class Bounds {
    private Bounds() {}

    static final double EPS = Linalg.EPS;

    /** sigma_max / sigma_min of x' (infinite when r = 0). */
    static double cond(DMatrixRMaj xp) {
        double r = Linalg.scalingFactor(xp);
        return r > 0 ? Linalg.spectralNorm(xp) / r : Double.POSITIVE_INFINITY;
    }

    /**
     * Rounding tolerance of "lhs <= rhs" where rhs = eps / (2 q r): the error of eps (from the gradient's terms), the
     * relative errors of r (eps cond size) and of q (its rounding scale over q), and the error of the residuals.
     */
    static double tolerance(Machine.Eval e, double rhs, double qr, double cond) {
        double c = 32 * EPS * e.size();
        double dEps = c * e.gradientScale();
        double dq = e.q > 0 ? c * e.sensitivityScale() / e.q : 0;
        return dEps / (2 * qr) + rhs * (c * (1 + cond) + dq) + c * e.residualScale();
    }

    /** C-07 (Theorem 1 part 2): max_d |res_d| <= |grad_w Error| / (2 q r), q = min_d |grad NN_3(z_d)|, r = sigma_min(x'). */
    static Evidence theorem(Machine.Eval e, double r, double cond) {
        double rhs = e.eps / (2 * e.q * r);
        return Evidence.le("max_d |res_d| <= eps/(2 q r)", e.maxRes, rhs, tolerance(e, rhs, e.q * r, cond))
                .with("eps", e.eps).with("q", e.q).with("r", r).with("cond(x')", cond);
    }

    /** Same bound with an assumed sensitivity q0 instead of the true q (P7h: q = 1; P7g: ReLU slope 1). */
    static Evidence theoremAssumingQ(Machine.Eval e, double r, double cond, double q0, String label) {
        double rhs = e.eps / (2 * q0 * r);
        return Evidence.le(label, e.maxRes, rhs, tolerance(e, rhs, q0 * r, cond))
                .with("eps", e.eps).with("true q", e.q).with("assumed q", q0).with("r", r);
    }

    /** P7b [derived]: ||res||_2 <= eps / (2 q r). */
    static Evidence l2(Machine.Eval e, double r, double cond) {
        double n = 0;
        for (double x : e.res) n += x * x;
        n = Math.sqrt(n);
        double rhs = e.eps / (2 * e.q * r);
        return Evidence.le("||res||_2 <= eps/(2 q r)", n, rhs, tolerance(e, rhs, e.q * r, cond) * Math.sqrt(e.res.length))
                .with("eps", e.eps).with("q", e.q).with("r", r);
    }

    /** P7c [derived]: |res_d| <= eps ||row_d(x'^+)|| / (2 |g_d|) for every d. */
    static Evidence perD(Machine.Eval e, double cond) {
        DMatrixRMaj pinv = Linalg.pinv(e.m.features());
        return ProofSteps.worstOverD(e.m, d -> {
            double row = 0;
            for (int k = 0; k < pinv.numCols; k++) row += pinv.get(d, k) * pinv.get(d, k);
            row = Math.sqrt(row);
            double rhs = e.eps * row / (2 * e.gNorm[d]);
            return Evidence.le("|res_d| <= eps ||row_d(x'^+)|| / (2 |g_d|)", Math.abs(e.res[d]), rhs, tolerance(e, rhs, e.gNorm[d] / row, cond));
        });
    }

    /** Theorem 1's margin eps/(2 q0 r) - max|res| recomputed with Dfp (q0 = null: the true q). */
    static Certificate certify(Machine m, Double assumedQ) {
        HighPrecision hp = new HighPrecision(60);
        Machine.HpEval he = m.eval(hp);
        Dfp r = m.r(hp);
        Dfp q = assumedQ == null ? he.q : hp.of(assumedQ);
        Dfp margin = he.eps.divide(q.multiply(r).multiply(2)).subtract(he.maxRes);
        BigDecimal scale = Hp.big(he.maxRes.abs().add(hp.one()));
        return Certificate.of("Dfp 60 digits: residuals, gradient, q and r = sqrt(lambda_min(x'^T x')) by inertia bisection", hp.digits(),
                Hp.big(margin), scale.multiply(new BigDecimal("1e-40")),
                "eps = " + he.eps.toString() + ", q = " + q.toString() + ", r = " + r.toString() + ", max|res| = " + he.maxRes.toString());
    }
}
