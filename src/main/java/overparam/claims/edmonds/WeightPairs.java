package overparam.claims.edmonds;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.Certificate;
import overparam.claims.Evidence;
import overparam.linalg.HighPrecision;

import java.math.BigDecimal;

/**
 * Entrywise bounds on the weight Hessian of NN(x_d) of the form d2NN/dw_a dw_b <= C_ab dNN/dw_a dNN/dw_b (Lemma 5(2),
 * Lemma 6, the linear-activation remark), checked against DeepNet's exact R-operator Hessian, with a 60-digit
 * certificate of the worst entry. A bias counts as the weight of the constant-1 coordinate (catalogue §1.1).
 */
final class WeightPairs {
    private WeightPairs() {}

    /** The constant C_ab for a pair (a, b) of flat indices at data point d; NaN skips the pair. */
    @FunctionalInterface
    interface Constant {
        double at(int d, int a, int b);
    }

    /** The pair (a, b) at data point d with the least margin C_ab g_a g_b - H_ab. */
    static Evidence worst(NetCase c, String label, Constant constant) {
        EdmondsNet net = c.net();
        int p = net.parameterCount();
        Evidence worst = null;
        double worstSlack = Double.POSITIVE_INFINITY;
        for (int d = 0; d < c.d(); d++) {
            double[] g = net.gradient(c.theta(), c.x()[d]);
            DMatrixRMaj h = net.hessian(c.theta(), c.x()[d]);
            double hMax = 0, gMax = 0;
            for (double v : h.data) hMax = Math.max(hMax, Math.abs(v));
            for (double v : g) gMax = Math.max(gMax, Math.abs(v));
            for (int a = 0; a < p; a++)
                for (int b = 0; b <= a; b++) {
                    double k = constant.at(d, a, b);
                    if (Double.isNaN(k)) continue;
                    double bound = k * g[a] * g[b], lhs = h.get(a, b);
                    double tol = 64 * overparam.linalg.Linalg.EPS * p * (hMax + Math.abs(k) * gMax * gMax);
                    double slack = (bound - lhs + tol) / Math.max(tol, Math.max(Math.abs(bound), Math.abs(lhs)));
                    if (slack < worstSlack) {
                        worstSlack = slack;
                        worst = Evidence.le(label, lhs, bound, tol).with("d", d).with("a", a).with("b", b).with("C", k)
                                .with("pair", describe(net, a) + " x " + describe(net, b)).with("g_a", g[a]).with("g_b", g[b]);
                    }
                }
        }
        return worst;
    }

    static String describe(EdmondsNet net, int p) {
        int[] lkj = net.decode(p);
        return lkj[1] < 0 ? "b(" + lkj[0] + "," + lkj[2] + ")" : "w(" + lkj[0] + "," + lkj[1] + "," + lkj[2] + ")";
    }

    /** Recomputes C g_a g_b - H_ab of the evidence's entry in 60 digits (exact gradient, Hessian by differences of it). */
    static Certificate certify(NetCase c, Evidence e) {
        int d = ((Number) e.details().get("d")).intValue(), a = ((Number) e.details().get("a")).intValue(), b = ((Number) e.details().get("b")).intValue();
        double k = ((Number) e.details().get("C")).doubleValue();
        DfpNet dn = new DfpNet(c.net());
        Dfp[] th = dn.of(c.theta());
        Dfp[] g = dn.gradient(th, c.x()[d]);
        Dfp h = dn.hessian(th, c.x()[d], a, b);
        Dfp margin = dn.hp().of(k).multiply(g[a]).multiply(g[b]).subtract(h);
        return Certificate.of("Dfp backprop gradient, Hessian entry by central differences (h = 1e-22)", dn.hp().digits(),
                HighPrecision.toBigDecimal(margin), new BigDecimal("1e-30"), "margin C g_a g_b - H_ab at " + e.details().get("pair"));
    }
}
