package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.FiniteDifferences;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/** edmonds Lemmas 1, 2 and 3 with their proof steps: L1-a..d, L2-a..d, L3-a..d. */
final class LemmasOneToThree {
    private LemmasOneToThree() {}

    static final NetCase.Spec GENERIC = NetCase.Spec.of().layers(1, 4).widths(1, 8).inputDim(1, 6).points(1, 8).scales(0.5, 1.0, 2.0, 4.0)
            .inputs("sphere", "gaussian", "antipodal", "duplicates").targets("interior", "binary");

    static double error(NetCase c) {
        return Angles.norm2(c.residual());
    }

    /** grad Error = 2 J^T r. */
    static double[] gradError(NetCase c) {
        double[] g = Angles.jtr(Angles.jacobian(c.net(), c.theta(), c.x()), c.residual());
        for (int i = 0; i < g.length; i++) g[i] *= 2;
        return g;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    /** edmonds/L1-a, Lemma 1 proof step: dError/dw_m = 2 Loss.Dir_m, i.e. grad Error = 2 J^T r (against finite differences). */
    static final class GradientFormula extends PropertyClaim {
        GradientFormula() {
            super("edmonds/L1-a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("against-finite-differences", NetCase.class)
                    .description("2 J^T r against 4th-order central differences of Error (relative 1e-6, the catalogue's FD tolerance)")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(c -> {
                        double[] g = gradError(c);
                        double[] fd = FiniteDifferences.gradient(t -> error(c.withTheta(t)), c.theta());
                        double diff = 0;
                        for (int i = 0; i < g.length; i++) diff = Math.max(diff, Math.abs(g[i] - fd[i]));
                        return Evidence.le("max |2 J^T r - grad_fd Error|", diff, 0, 1e-6 * (maxAbs(fd) + error(c)));
                    }).tries(40).build());
        }
    }

    /** edmonds/L1-b, Lemma 1 with Assumption 4: min_m cos^2 alpha_m >= c^2 implies |grad Error|^2 >= 4 c^2 Error ||J||_F^2. */
    static final class AngleBound extends PropertyClaim {
        AngleBound() {
            super("edmonds/L1-b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("tautology", NetCase.class)
                    .description("with c^2 = min over Dir_m != 0 of cos^2 alpha_m: |grad Error|^2 >= 4 c^2 Error ||J||_F^2")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(c -> {
                        // both sides are homogeneous in J and r, and cos_m in J's column m: exact power-of-two scalings keep the
                        // squares of tiny Jacobians (a saturated sigmoid, J ~ 1e-159) out of the subnormals, where rounding is absolute
                        double[][] jacobian = Angles.jacobian(c.net(), c.theta(), c.x());
                        double[] r = c.residual();
                        int jExp = binaryExponent(jacobian), rExp = binaryExponent(new double[][] {r});
                        double[][] j = scalb(jacobian, -jExp);
                        r = scalb(new double[][] {r}, -rExp)[0];
                        double c2 = Double.POSITIVE_INFINITY;
                        for (double v : Angles.cosines(columnsScaled(jacobian), r)) if (Double.isFinite(v)) c2 = Math.min(c2, v * v);
                        if (!Double.isFinite(c2)) c2 = 0;
                        double lhs = 4 * Angles.norm2(Angles.jtr(j, r)), rhs = 4 * c2 * Angles.norm2(r) * Angles.frobenius2(j);
                        return Evidence.ge("|grad E|^2 >= 4 c^2 Error ||J||_F^2 (J, r scaled by powers of 2)", lhs, rhs,
                                64 * Linalg.EPS * rhs * (j[0].length + r.length)).with("c^2", c2).with("J scaled by 2^", -jExp).with("r scaled by 2^", -rExp);
                    }).search(SearchSpace.<NetCase>coordinates().except("weightScale")).tries(60).build());
        }

        /** The binary exponent of the largest finite non-zero |entry| (0 if none). */
        static int binaryExponent(double[][] a) {
            double max = 0;
            for (double[] row : a) for (double v : row) if (Double.isFinite(v)) max = Math.max(max, Math.abs(v));
            return max == 0 ? 0 : Math.getExponent(max);
        }

        static double[][] scalb(double[][] a, int exponent) {
            double[][] b = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                b[i] = a[i].clone();
                for (int k = 0; k < b[i].length; k++) b[i][k] = Math.scalb(b[i][k], exponent);
            }
            return b;
        }

        /** Each column of J scaled by a power of 2 to a largest entry in [1, 2) (cosines do not change). */
        static double[][] columnsScaled(double[][] j) {
            double[][] b = scalb(j, 0);
            for (int m = 0; m < j[0].length; m++) {
                double[][] column = new double[j.length][1];
                for (int d = 0; d < j.length; d++) column[d][0] = j[d][m];
                int e = binaryExponent(column);
                for (int d = 0; d < j.length; d++) b[d][m] = Math.scalb(j[d][m], -e);
            }
            return b;
        }
    }

    /** edmonds/L1-c, Lemma 1: |grad E|^2 >= Omega(Error/((1 + c_aaah L) gamma)) via [C0(1+cL) gamma]^-1 = ||J||_F^2, gamma capped at 1. */
    static final class LemmaOneCap extends PropertyClaim {
        LemmaOneCap() {
            super("edmonds/L1-c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec spec = NetCase.Spec.of().layers(1, 3).widths(1, 6).inputDim(1, 4).points(1, 1).scales(1.0, 4.0, 16.0);
            return List.of(Property.of("proof-constant", GdCase.class)
                    .description("D = 1 (so Assumption 4 holds with c = |cos| = 1): |grad E|^2 >= 4 c^2 Error / (C0 (1 + c_aaah L) gamma), the proof's chain "
                            + "with its constant 4 c^2 and the paper's gamma (cap included)")
                    .generator(spec.describe() + "; C0 = 2, c_aaah = 1", GdCase.arbitrary(spec, List.of(2.0), List.of(1.0), 1))
                    .check(LemmaOneCap::check).certify(LemmaOneCap::certify).tries(40).build());
        }

        static Evidence check(GdCase g) {
            NetCase c = g.net();
            double[] grad = c.net().gradient(c.theta(), c.x()[0]);
            double r = c.residual()[0], jf2 = Angles.norm2(grad), k = g.c0() * (1 + g.caaah() * c.layers());
            double gamma = Math.min(1 / (k * jf2), 1);
            double lhs = 4 * r * r * jf2, rhs = 4 * r * r / (k * gamma);
            return Evidence.ge("|grad E|^2 >= 4 Error / (C0 (1 + cL) gamma)", lhs, rhs, 64 * Linalg.EPS * rhs).with("capped", 1 / (k * jf2) > 1)
                    .with("||J||_F^2", jf2);
        }

        static Certificate certify(GdCase g, Evidence e) {
            NetCase c = g.net();
            DfpNet dn = new DfpNet(c.net());
            Dfp[] th = dn.of(c.theta());
            Dfp jf2 = dn.hp().zero();
            for (Dfp v : dn.gradient(th, c.x()[0])) jf2 = jf2.add(v.multiply(v));
            Dfp r = dn.output(th, c.x()[0]).subtract(dn.hp().of(c.y()[0]));
            Dfp k = dn.hp().of(g.c0() * (1 + g.caaah() * c.layers()));
            Dfp gamma = dn.hp().one().divide(k.multiply(jf2));
            if (gamma.greaterThan(dn.hp().one())) gamma = dn.hp().one();
            Dfp e4 = r.multiply(r).multiply(4);
            Dfp margin = e4.multiply(jf2).subtract(e4.divide(k.multiply(gamma)));
            return Certificate.of("Dfp gradient and output", dn.hp().digits(), HighPrecision.toBigDecimal(margin), new BigDecimal("1e-40"),
                    "|grad E|^2 - 4 Error/(C0(1+cL) gamma)");
        }
    }

    /** edmonds/L1-d, Lemma 1 / Section 4: |grad Error| >= 2 sigma_min(J) |r| (sigma_min(J) = sqrt(lambda_min(J J^T)), the NTK Gram). */
    static final class GradientLowerBound extends PropertyClaim {
        GradientLowerBound() {
            super("edmonds/L1-d");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("sigma-min", NetCase.class)
                    .description("|grad Error| >= 2 sigma_min(J) |r| with J = Dir^T (D x M'); sigma_min = 0 when M' < D (DESIGN convention)")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(c -> {
                        double[][] j = Angles.jacobian(c.net(), c.theta(), c.x());
                        double[] r = c.residual();
                        double lhs = Math.sqrt(Angles.norm2(gradError(c))), smin = Linalg.sigmaMin(Angles.matrix(j)), rhs = 2 * smin * Math.sqrt(Angles.norm2(r));
                        double tol = 64 * Linalg.EPS * 2 * Math.sqrt(Angles.frobenius2(j) * Angles.norm2(r)) * (r.length + 1);
                        return Evidence.ge("|grad E| >= 2 sigma_min(J) |r|", lhs, rhs, tol).with("sigma_min", smin);
                    }).search(SearchSpace.<NetCase>coordinates().except("weightScale")).tries(60).build());
        }
    }

    /** edmonds/L2-a, Lemma 2 proof step: dNN/dw_{l,k,j} = delta_{d,l,j} x_{d,l,k} (against finite differences). */
    static final class WeightGradient extends PropertyClaim {
        WeightGradient() {
            super("edmonds/L2-a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("against-finite-differences", NetCase.class)
                    .description("the paper's delta_{d,l,j} x_{d,l,k} against 4th-order central differences of NN(x_d) (relative 1e-6)")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(c -> {
                        EdmondsNet net = c.net();
                        double diff = 0, scale = 0;
                        for (double[] x : c.x()) {
                            EdmondsNet.Point pt = net.point(c.theta(), x, false);
                            double[] fd = FiniteDifferences.gradient(t -> net.output(t, x), c.theta());
                            for (int l = 0; l < net.layers(); l++)
                                for (int k = 0; k < net.width(l - 1); k++)
                                    for (int j = 0; j < net.width(l); j++) {
                                        double v = fd[net.weightIndex(l, k, j)];
                                        diff = Math.max(diff, Math.abs(v - pt.delta()[l][j] * pt.x()[l][k]));
                                        scale = Math.max(scale, Math.abs(v));
                                    }
                        }
                        return Evidence.le("max |delta x - dNN/dw_fd|", diff, 0, 1e-6 * Math.max(scale, 1e-3));
                    }).tries(40).build());
        }
    }

    /** A_{dl} = |delta_{d,l}|^2 and B_{dl} = |x_{d,l}|^2 (bias coordinate included) of an instance. */
    static double[][][] ab(NetCase c) {
        EdmondsNet net = c.net();
        int L = net.layers();
        double[][] a = new double[c.d()][L], b = new double[c.d()][L];
        for (int d = 0; d < c.d(); d++) {
            EdmondsNet.Point pt = net.point(c.theta(), c.x()[d], false);
            for (int l = 0; l < L; l++) {
                a[d][l] = pt.deltaNorm2(l);
                b[d][l] = pt.xNorm2(l, net.bias());
            }
        }
        return new double[][][] {a, b};
    }

    /** edmonds/L2-b, Lemma 2 proof step: ||J||_F^2 = sum_{d,l} A_{dl} B_{dl}. */
    static final class FrobeniusSplit extends PropertyClaim {
        FrobeniusSplit() {
            super("edmonds/L2-b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("exact-split", NetCase.class).description("||J||_F^2 (DeepNet gradients) = sum_{d,l} |delta_{d,l}|^2 |x_{d,l}|^2 (paper objects)")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(c -> {
                        double jf2 = 0;
                        for (double[] x : c.x()) jf2 += Angles.norm2(c.net().gradient(c.theta(), x));
                        double[][][] ab = ab(c);
                        double s = 0;
                        for (int d = 0; d < c.d(); d++) for (int l = 0; l < c.layers(); l++) s += ab[0][d][l] * ab[1][d][l];
                        return Evidence.eq("||J||_F^2 = sum A B", jf2, s, 64 * Linalg.EPS * jf2 * c.parameterCount());
                    }).tries(60).build());
        }
    }

    /** edmonds/L2-c, Lemma 2: sum_{d,l} A_{dl} B_{dl} = c_z c_x D L. */
    static final class ProductOfAverages extends PropertyClaim {
        ProductOfAverages() {
            super("edmonds/L2-c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("equality", NetCase.class).description("sum_{d,l} A B = D L Avg(A) Avg(B); details give Q = sum A B / (D L c_x c_z)")
                    .generator(GENERIC.describe(), NetCase.arbitrary(GENERIC)).check(ProductOfAverages::check).certify(ProductOfAverages::certify).tries(40).build());
        }

        static Evidence check(NetCase c) {
            double[][][] ab = ab(c);
            int n = c.d() * c.layers();
            double s = 0, sa = 0, sb = 0;
            for (int d = 0; d < c.d(); d++)
                for (int l = 0; l < c.layers(); l++) {
                    s += ab[0][d][l] * ab[1][d][l];
                    sa += ab[0][d][l];
                    sb += ab[1][d][l];
                }
            double rhs = sa * sb / n;
            return Evidence.eq("sum A B = c_z c_x D L", s, rhs, 64 * Linalg.EPS * Math.max(s, rhs) * n).with("Q", s / rhs);
        }

        static Certificate certify(NetCase c, Evidence e) {
            EdmondsNet net = c.net();
            DfpNet dn = new DfpNet(net);
            Dfp[] th = dn.of(c.theta());
            Dfp s = dn.hp().zero(), sa = dn.hp().zero(), sb = dn.hp().zero();
            for (double[] x : c.x())
                for (int l = 0; l < net.layers(); l++) {
                    Dfp a = dn.hp().zero(), b = net.bias() ? dn.hp().one() : dn.hp().zero();
                    for (Dfp v : dn.deltas(th, x, l)) a = a.add(v.multiply(v));
                    for (Dfp v : (l == 0 ? dn.of(x) : dn.activations(th, x, l))) b = b.add(v.multiply(v));
                    s = s.add(a.multiply(b));
                    sa = sa.add(a);
                    sb = sb.add(b);
                }
            Dfp margin = s.subtract(sa.multiply(sb).divide(c.d() * net.layers())).abs().negate();
            return Certificate.of("Dfp activations and deltas", dn.hp().digits(), HighPrecision.toBigDecimal(margin), new BigDecimal("1e-40"),
                    "-|sum A B - c_x c_z D L|");
        }
    }

    /** edmonds/L2-d, Lemma 2: [C0 (1 + c_aaah L) gamma]^-1 = ||J||_F^2 with gamma as in Assumption 3 (capped at 1). */
    static final class CappedIdentity extends PropertyClaim {
        CappedIdentity() {
            super("edmonds/L2-d");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec spec = NetCase.Spec.of().layers(1, 3).widths(1, 6).inputDim(1, 4).points(1, 4).scales(1.0, 4.0, 16.0);
            return List.of(Property.of("identity", GdCase.class).description("[C0 (1 + c_aaah L) gamma]^-1 = ||J||_F^2 for gamma = min([C0(1+cL)||J||_F^2]^-1, 1)")
                    .generator(spec.describe() + "; C0 = 2, c_aaah = 1", GdCase.arbitrary(spec, List.of(2.0), List.of(1.0), 1)).check(g -> {
                        double jf2 = Angles.frobenius2(Angles.jacobian(g.net().net(), g.net().theta(), g.net().x()));
                        double k = g.c0() * (1 + g.caaah() * g.net().layers()), gamma = Math.min(1 / (k * jf2), 1);
                        return Evidence.eq("[C0(1+cL) gamma]^-1 = ||J||_F^2", 1 / (k * gamma), jf2, 64 * Linalg.EPS * Math.max(jf2, 1 / k));
                    }).certify((g, e) -> {
                        NetCase c = g.net();
                        DfpNet dn = new DfpNet(c.net());
                        Dfp[] th = dn.of(c.theta());
                        Dfp jf2 = dn.hp().zero();
                        for (double[] x : c.x()) for (Dfp v : dn.gradient(th, x)) jf2 = jf2.add(v.multiply(v));
                        Dfp k = dn.hp().of(g.c0() * (1 + g.caaah() * c.layers()));
                        Dfp gamma = dn.hp().one().divide(k.multiply(jf2));
                        if (gamma.greaterThan(dn.hp().one())) gamma = dn.hp().one();
                        Dfp margin = dn.hp().one().divide(k.multiply(gamma)).subtract(jf2).abs().negate();
                        return Certificate.of("Dfp gradients", dn.hp().digits(), HighPrecision.toBigDecimal(margin), new BigDecimal("1e-40"), "-|[C0(1+cL)gamma]^-1 - ||J||_F^2|");
                    }).tries(40).build());
        }
    }

    /** One of the paper's 1-D families: Error(w) = w^c ("power") or e^{cw} ("exp"). */
    record Family(String kind, int c, double w) {}

    /** E, E', E'', E''' of a family at w, in 60 digits. */
    static Dfp[] derivatives(Family f) {
        HighPrecision hp = Precise.HP;
        Dfp w = hp.of(f.w()), c = hp.of(f.c());
        if (f.kind().equals("exp")) {
            Dfp e = c.multiply(w).exp();
            return new Dfp[] {e, c.multiply(e), c.multiply(c).multiply(e), c.multiply(c).multiply(c).multiply(e)};
        }
        Dfp[] d = new Dfp[4];
        for (int n = 0; n < 4; n++) {
            Dfp coef = hp.one();
            for (int i = 0; i < n; i++) coef = coef.multiply(f.c() - i);
            d[n] = f.c() - n < 0 ? hp.zero() : coef.multiply(hp.pow(w, f.c() - n));
        }
        return d;
    }

    static Dfp value(Family f, Dfp w) {
        HighPrecision hp = Precise.HP;
        return f.kind().equals("exp") ? hp.of(f.c()).multiply(w).exp() : hp.pow(w, f.c());
    }

    /**
     * The step with gamma = E'/E'': the GD update w - gamma E' (Assumption 3 / Sec 3.2, as the catalogue reads it) or the
     * displacement gamma along the descent direction (the reading under which the proof's expansion -E' gamma + E'' gamma^2 / 2 holds).
     */
    static Evidence ruleStep(Family f, boolean gdUpdate) {
        Dfp[] d = derivatives(f);
        Dfp gamma = d[1].divide(d[2]);
        Dfp s = gdUpdate ? gamma.multiply(d[1]) : gamma.abs();
        Dfp sign = d[1].negativeOrNull() ? Precise.HP.one().negate() : Precise.HP.one();
        Dfp wNew = Precise.HP.of(f.w()).subtract(s.multiply(sign));
        Dfp eNew = value(f, wNew);
        Dfp first = d[1].abs().multiply(s), second = d[2].multiply(s).multiply(s).divide(2);
        double ratio = eNew.divide(d[0]).toDouble();
        return Evidence.worst(Evidence.fact("E(w_new) < E(w)", eNew.lessThan(d[0])).with("E(w_new)/E(w)", ratio),
                Evidence.le("E'' s^2 / 2 <= E' s", second.toDouble(), first.toDouble(), 0).with("second/first", second.divide(first).toDouble()));
    }

    /** edmonds/L3-a, Lemma 3 proof: setting gamma = E'/E'' avoids the second-order term and decreases Error (w^c and e^{cw}). */
    static final class RatioRule extends PropertyClaim {
        RatioRule() {
            super("edmonds/L3-a");
        }

        static Arbitrary<Family> families() {
            Arbitrary<Family> power = Combinators.combine(DataArbitraries.ints(2, 6), Arbitraries.doubles().between(0.01, 3).ofScale(4))
                    .as((c, w) -> new Family("power", c, w));
            Arbitrary<Family> exp = Combinators.combine(Arbitraries.of(-3, -2, -1, 1, 2, 3), Arbitraries.doubles().between(-2, 2).ofScale(4))
                    .as((c, w) -> new Family("exp", c, w));
            return Arbitraries.oneOf(power, exp);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec spec = NetCase.Spec.of().layers(1, 3).widths(1, 6).inputDim(1, 4).points(1, 5).scales(0.5, 1.0, 2.0);
            return List.of(
                    Property.of("gd-update", Family.class)
                            .description("w_new = w - gamma E'(w) with gamma = E'/E'' (the GD update of Assumption 3 / Sec 3.2): E(w_new) < E(w) and the realised "
                                    + "second-order term E'' s^2/2 <= the first-order term E' s, s = gamma |E'|")
                            .generator("Error = w^c (c in 2..6, w in (0,3]) or e^{cw} (c in +-{1,2,3}, w in [-2,2])", families())
                            .check(f -> ruleStep(f, true)).certify((f, e) -> certifyRule(f)).tries(60).build(),
                    Property.of("displacement", Family.class)
                            .description("informative: the reading under which the proof's expansion is consistent, a displacement of gamma = E'/E'' "
                                    + "along -sign(E') (a Newton step)")
                            .generator("same families", families()).check(f -> ruleStep(f, false)).informative().tries(60).build(),
                    Property.of("gd-update-network-losses", NetCase.class)
                            .description("network losses: E' = |grad Error|, E'' = ghat^T H_E ghat > 0 (exact R-operator Hessian), w_new = w - (E'/E'') grad Error: "
                                    + "Error decreases")
                            .generator(spec.describe(), NetCase.arbitrary(spec)).hypotheses(c -> curvature(c)[1] > 0 ? null : "E'' <= 0 along the gradient")
                            .check(RatioRule::network).tries(30).build());
        }

        /** {E', E''} along the gradient of a network loss. */
        static double[] curvature(NetCase c) {
            double[] g = gradError(c);
            double gn = Math.sqrt(Angles.norm2(g));
            double[][] ys = new double[c.d()][];
            for (int d = 0; d < c.d(); d++) ys[d] = new double[] {c.y()[d]};
            DMatrixRMaj h = c.net().deep().lossHessian(c.theta(), c.x(), ys);
            double q = 0;
            for (int a = 0; a < g.length; a++) for (int b = 0; b < g.length; b++) q += g[a] * 2 * h.get(a, b) * g[b];
            return new double[] {gn, gn == 0 ? 0 : q / (gn * gn)};
        }

        static Evidence network(NetCase c) {
            double[] ed = curvature(c);
            double gamma = ed[0] / ed[1];
            double[] g = gradError(c), w = c.theta().clone();
            for (int i = 0; i < w.length; i++) w[i] -= gamma * g[i];
            double e0 = error(c), e1 = error(c.withTheta(w));
            return Evidence.le("Error(w - (E'/E'') grad E) <= Error(w)", e1, e0, 64 * Linalg.EPS * e0 * c.d()).with("E'", ed[0]).with("E''", ed[1]);
        }

        /** The family's step is recomputed in 60 digits (the check already is); the sign of E_new - E is the certificate. */
        static Certificate certifyRule(Family f) {
            Dfp[] d = derivatives(f);
            Dfp gamma = d[1].divide(d[2]);
            Dfp sign = d[1].negativeOrNull() ? Precise.HP.one().negate() : Precise.HP.one();
            Dfp wNew = Precise.HP.of(f.w()).subtract(gamma.multiply(d[1]).multiply(sign));
            Dfp margin = d[0].subtract(value(f, wNew));
            Dfp s = gamma.multiply(d[1]).abs();
            Dfp termMargin = d[1].abs().multiply(s).subtract(d[2].multiply(s).multiply(s).divide(2));
            Dfp worst = margin.lessThan(termMargin) ? margin : termMargin;
            return Certificate.of("60-digit evaluation", Precise.HP.digits(), HighPrecision.toBigDecimal(worst), new BigDecimal("1e-40"),
                    "min(E(w) - E(w_new), E' s - E'' s^2/2)");
        }
    }

    /** edmonds/L3-b, Lemma 3 proof: with s = E'/E'' the Taylor terms decrease geometrically for e^{cw} (e^{cw}/n!) and w^c (C(c,n) w^c/(c-1)^n). */
    static final class GeometricTerms extends PropertyClaim {
        GeometricTerms() {
            super("edmonds/L3-b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<Family> power = Combinators.combine(DataArbitraries.ints(2, 12), Arbitraries.doubles().between(0.01, 5).ofScale(4))
                    .as((c, w) -> new Family("power", c, w));
            Arbitrary<Family> exp = Combinators.combine(Arbitraries.of(-3, -2, -1, 1, 2, 3), Arbitraries.doubles().between(-2, 2).ofScale(4))
                    .as((c, w) -> new Family("exp", c, w));
            return List.of(Property.of("ratio-at-most-half", Family.class)
                    .description("terms t_n = |E^(n)(w)| s^n / n! (n >= 1): t_{n+1} <= t_n / 2, and t_n equals the closed form (exact rationals for w^c, 60 digits for e^{cw})")
                    .generator("w^c: c in 2..12, w in (0,5]; e^{cw}: c in +-{1,2,3}, w in [-2,2]", Arbitraries.oneOf(power, exp))
                    .check(GeometricTerms::check).tries(80).build());
        }

        static Evidence check(Family f) {
            List<Evidence> parts = new ArrayList<>();
            if (f.kind().equals("power")) {
                BigDecimal w = new BigDecimal(f.w());
                int c = f.c();
                BigDecimal s = w.divide(BigDecimal.valueOf(c - 1), MathContext.DECIMAL128);
                BigDecimal prev = null;
                double worstRatio = 0, worstClosed = 0;
                for (int n = 1; n <= c; n++) {
                    BigInteger falling = BigInteger.ONE, fact = BigInteger.ONE;
                    for (int i = 0; i < n; i++) falling = falling.multiply(BigInteger.valueOf(c - i));
                    for (int i = 2; i <= n; i++) fact = fact.multiply(BigInteger.valueOf(i));
                    BigDecimal term = new BigDecimal(falling).multiply(w.pow(c - n)).multiply(s.pow(n)).divide(new BigDecimal(fact), MathContext.DECIMAL128);
                    BigDecimal closed = new BigDecimal(falling.divide(fact)).multiply(w.pow(c)).divide(BigDecimal.valueOf(c - 1).pow(n), MathContext.DECIMAL128);
                    worstClosed = Math.max(worstClosed, term.subtract(closed).abs().divide(closed, MathContext.DECIMAL64).doubleValue());
                    if (prev != null) worstRatio = Math.max(worstRatio, term.divide(prev, MathContext.DECIMAL64).doubleValue());
                    prev = term;
                }
                parts.add(Evidence.le("max_n t_{n+1}/t_n", worstRatio, 0.5, 1e-30));
                parts.add(Evidence.le("max_n |t_n - C(c,n) w^c/(c-1)^n| / t_n", worstClosed, 0, 1e-30));
            } else {
                Dfp[] d = derivatives(f);
                Dfp s = d[1].divide(d[2]).abs(), e = d[0], term = null;
                double worstRatio = 0, worstClosed = 0;
                Dfp cPow = Precise.HP.one(), sPow = Precise.HP.one(), fact = Precise.HP.one();
                for (int n = 1; n <= 20; n++) {
                    cPow = cPow.multiply(Math.abs(f.c()));
                    sPow = sPow.multiply(s);
                    fact = fact.multiply(n);
                    Dfp t = cPow.multiply(e).multiply(sPow).divide(fact);
                    worstClosed = Math.max(worstClosed, t.subtract(e.divide(fact)).abs().divide(t).toDouble());
                    if (term != null) worstRatio = Math.max(worstRatio, t.divide(term).toDouble());
                    term = t;
                }
                parts.add(Evidence.le("max_n t_{n+1}/t_n", worstRatio, 0.5, 1e-30));
                parts.add(Evidence.le("max_n |t_n - e^{cw}/n!| / t_n", worstClosed, 0, 1e-30));
            }
            return Evidence.worst(parts);
        }
    }

    /** edmonds/L3-c, Lemma 3: gamma = [C0(1+cL)||J||_F^2]^-1 avoids second-order curvature: R2 <= 1/2 for C0 >= 2 (and rho_curv reported). */
    static final class CurvatureControl extends PropertyClaim {
        CurvatureControl() {
            super("edmonds/L3-c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec spec = NetCase.Spec.of().layers(1, 4).widths(1, 8).inputDim(1, 6).points(1, 8).scales(0.5, 1.0, 2.0).targets("interior", "uniform");
            var gen = GdCase.arbitrary(spec, List.of(2.0, 4.0, 8.0), List.of(0.5, 1.0, 2.0), 1);
            return List.of(
                    Property.of("remainder-ratio", GdCase.class)
                            .description("R2 = [Error(w - gamma g) - Error(w) + gamma |g|^2] / (gamma |g|^2) <= 1/2 at random points (uncapped paper gamma, C0 >= 2)")
                            .generator(spec.describe() + "; C0 in {2,4,8}, c_aaah in {0.5,1,2}", gen)
                            .hypotheses(g -> g.c0() >= 2 ? TheoremOne.noCap(g) : "needs C0 >= 2")
                            .check(g -> {
                                PaperGd.Run run = g.run();
                                double e = run.error()[0], pred = 4 * run.gamma()[0] * run.kappa()[0] * e * run.jf2()[0];
                                double r2 = (run.error()[1] - e + pred) / pred;
                                return Evidence.le("R2 <= 1/2", r2, 0.5, 64 * Linalg.EPS * e * (g.net().d() + 1) / pred);
                            }).tries(60).build(),
                    Property.of("rho-curv", GdCase.class)
                            .description("informative: rho_curv = ghat^T H_E ghat / (2 ||J||_F^2) <= 1 + c_aaah L (C = 1)")
                            .generator(spec.describe(), gen).check(g -> {
                                double[] ed = RatioRule.curvature(g.net());
                                double jf2 = Angles.frobenius2(Angles.jacobian(g.net().net(), g.net().theta(), g.net().x()));
                                return Evidence.le("rho_curv <= 1 + c_aaah L", ed[1] / (2 * jf2), 1 + g.caaah() * g.net().layers(), 0);
                            }).informative().tries(40).build());
        }
    }

    /** A point of one of the Lemma 3 'problem cases'. */
    record ProblemCase(String kind, double c, double w) {}

    /** edmonds/L3-d, Lemma 3 proof: the problem cases cw, sigmoid(0), sin(0) have E'' = 0. */
    static final class ProblemCases extends PropertyClaim {
        ProblemCases() {
            super("edmonds/L3-d");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            Arbitrary<ProblemCase> gen = Combinators.combine(Arbitraries.of("linear", "sigmoid", "sin"), Arbitraries.doubles().between(-5, 5).ofScale(4),
                    Arbitraries.doubles().between(-5, 5).ofScale(4)).as((k, c, w) -> new ProblemCase(k, c, k.equals("linear") ? w : 0));
            return List.of(Property.of("zero-curvature", ProblemCase.class)
                    .description("E'' = 0 for E = c w (any w), c sigmoid(w) and c sin(w) at w = 0: the harness activations and a 60-digit second difference agree")
                    .generator("kind in {linear, sigmoid, sin}, c ~ U[-5,5], w ~ U[-5,5] (0 for sigmoid, sin)", gen).check(ProblemCases::check).tries(30).build());
        }

        static Evidence check(ProblemCase q) {
            double harness = switch (q.kind()) {
                case "sigmoid" -> q.c() * Activations.SIGMOID.d2(q.w());
                case "sin" -> q.c() * Activations.SIN.d2(q.w());
                default -> q.c() * Activations.IDENTITY.d2(q.w());
            };
            HighPrecision hp = Precise.HP;
            Dfp h = hp.of("1e-15"), w = hp.of(q.w()), c = hp.of(q.c());
            java.util.function.Function<Dfp, Dfp> e = x -> switch (q.kind()) {
                case "sigmoid" -> c.divide(hp.one().add(x.negate().exp()));
                case "sin" -> c.multiply(x.sin());
                default -> c.multiply(x);
            };
            double fd = e.apply(w.add(h)).add(e.apply(w.subtract(h))).subtract(e.apply(w).multiply(2)).divide(h.multiply(h)).toDouble();
            return Evidence.worst(Evidence.eq("E'' (harness activation)", harness, 0, 0), Evidence.le("|E''| (60-digit second difference)", Math.abs(fd), 0, 1e-25));
        }
    }
}
