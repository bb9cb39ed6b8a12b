package overparam.claims.edmonds;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.math.BigDecimal;
import java.util.List;

/** edmonds Lemmas 6, 7, 8 (chain rule through a weight, two nodes, one sigmoid): L6-a..c, L7-a, L8-a, L8-b. */
final class LemmasSixToEight {
    private LemmasSixToEight() {}

    static final NetCase.Spec SPEC = NetCase.Spec.of().layers(1, 4).widths(1, 6).inputDim(1, 5).points(1, 3).scales(0.5, 1.0, 2.0, 4.0)
            .inputs("sphere", "gaussian", "positive");

    /** An instance and a constant c for the implications. */
    record WithConstant(NetCase net, double c) {}

    static Arbitrary<WithConstant> withConstant(NetCase.Spec s) {
        return Combinators.combine(NetCase.arbitrary(s), Arbitraries.doubles().between(0, 4).ofScale(3)).as(WithConstant::new);
    }

    /**
     * H^z_l and delta_l read off DeepNet's exact R-operator Hessian and backprop gradient through the bias parameters
     * (d/db_{l,j} = d/dz_{l,j}); a net without biases gets zero biases, which leaves the function unchanged.
     */
    static final class BiasView {
        final EdmondsNet net;
        final double[] theta;
        final double[] grad;
        final DMatrixRMaj hess;

        BiasView(NetCase c, double[] x) {
            EdmondsNet orig = c.net();
            net = new EdmondsNet(orig.inputDim(), orig.hidden(), true, orig.param(), orig.hiddenActivation(), orig.outputActivation());
            theta = new double[net.parameterCount()];
            for (int l = 0; l < orig.layers(); l++)
                for (int k = 0; k < orig.width(l - 1); k++)
                    for (int j = 0; j < orig.width(l); j++) theta[net.weightIndex(l, k, j)] = c.theta()[orig.weightIndex(l, k, j)];
            if (orig.bias()) for (int l = 0; l < orig.layers(); l++) for (int j = 0; j < orig.width(l); j++) theta[net.biasIndex(l, j)] = c.theta()[orig.biasIndex(l, j)];
            grad = net.gradient(theta, x);
            hess = net.hessian(theta, x);
        }

        double delta(int l, int j) {
            return grad[net.biasIndex(l, j)];
        }

        double hz(int l, int j, int jj) {
            return hess.get(net.biasIndex(l, j), net.biasIndex(l, jj));
        }

        /** H^x_{l+1} = W_{l+1} H^z_{l+1} W_{l+1}^T (0 at the output). */
        double hx(int l, int k, int kk) {
            if (l == net.layers()) return 0;
            double s = 0;
            for (int j = 0; j < net.width(l); j++)
                for (int jj = 0; jj < net.width(l); jj++) s += theta[net.weightIndex(l, k, j)] * hz(l, j, jj) * theta[net.weightIndex(l, kk, jj)];
            return s;
        }

        /** S_l = W_l delta_l (S_L = 1). */
        double s(int l, int k) {
            if (l == net.layers()) return 1;
            double s = 0;
            for (int j = 0; j < net.width(l); j++) s += theta[net.weightIndex(l, k, j)] * delta(l, j);
            return s;
        }

        double hMax() {
            double m = 0;
            for (double v : hess.data) m = Math.max(m, Math.abs(v));
            return m;
        }
    }

    static double tol(double scale, NetCase c) {
        return 256 * Linalg.EPS * Math.max(scale, Double.MIN_NORMAL) * c.parameterCount();
    }

    /** edmonds/L6-a, Lemma 6 (same layer): d2NN/dw_{l,k,j} dw_{l,k',j'} = (H^z_l)_{jj'} x_k x_k' and dNN/dw_{l,k,j} = delta_j x_k. */
    static final class SameLayer extends PropertyClaim {
        SameLayer() {
            super("edmonds/L6-a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("hessian-entries", NetCase.class)
                    .description("every same-layer weight pair: DeepNet's exact Hessian entry = the paper's recursion H^z_{jj'} x_k x_k' (so the ratio "
                            + "H^w/(g g') = H^z_{jj'}/(delta_j delta_j') where x_k x_k' != 0)")
                    .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(SameLayer::check).tries(60).build());
        }

        static Evidence check(NetCase c) {
            EdmondsNet net = c.net();
            double worst = 0, scale = 0;
            for (double[] x : c.x()) {
                DMatrixRMaj h = net.hessian(c.theta(), x);
                EdmondsNet.Point pt = net.point(c.theta(), x, true);
                for (int l = 0; l < net.layers(); l++)
                    for (int k = 0; k < net.width(l - 1); k++)
                        for (int kk = 0; kk < net.width(l - 1); kk++)
                            for (int j = 0; j < net.width(l); j++)
                                for (int jj = 0; jj < net.width(l); jj++) {
                                    double exact = h.get(net.weightIndex(l, k, j), net.weightIndex(l, kk, jj));
                                    double paper = pt.hz()[l][j][jj] * pt.x()[l][k] * pt.x()[l][kk];
                                    worst = Math.max(worst, Math.abs(exact - paper));
                                    scale = Math.max(scale, Math.abs(exact));
                                }
            }
            return Evidence.le("max |H^w - H^z x x'| (same layer)", worst, 0, tol(scale, c));
        }
    }

    /** edmonds/L6-b, Lemma 6 as used: H^z_{jj'} <= c delta_j delta_j' implies H^w <= c g^w g^w' (multiplying by x_k x_k'). */
    static final class InequalityVersion extends PropertyClaim {
        InequalityVersion() {
            super("edmonds/L6-b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("first-layer-implication", WithConstant.class)
                    .description("layer 0 (raw inputs, either sign), every pair with H^z_{jj'} <= c delta_j delta_j' (hypothesis): H^w_ab <= c g_a g_b "
                            + "(exact R-operator Hessian)")
                    .generator(SPEC.describe() + "; c ~ U[0,4]", withConstant(SPEC)).check(InequalityVersion::check)
                    .certify((wc, e) -> WeightPairs.certify(wc.net(), e)).tries(60).build());
        }

        static Evidence check(WithConstant wc) {
            NetCase c = wc.net();
            EdmondsNet net = c.net();
            double[][][] hz = new double[c.d()][][];
            double[][] delta = new double[c.d()][];
            for (int d = 0; d < c.d(); d++) {
                EdmondsNet.Point pt = net.point(c.theta(), c.x()[d], true);
                hz[d] = pt.hz()[0];
                delta[d] = pt.delta()[0];
            }
            Evidence e = WeightPairs.worst(c, "H^w_ab <= c g_a g_b given H^z_jj' <= c delta_j delta_j'", (d, a, b) -> {
                int[] pa = net.decode(a), pb = net.decode(b);
                if (pa[0] != 0 || pb[0] != 0 || pa[1] < 0 || pb[1] < 0) return Double.NaN;
                return wc.c() * delta[d][pa[2]] * delta[d][pb[2]] - hz[d][pa[2]][pb[2]] >= 0 ? wc.c() : Double.NaN;
            });
            if (e == null) return Evidence.fact("no first-layer pair meets the hypothesis", true);
            int d = ((Number) e.details().get("d")).intValue();
            int[] pa = net.decode(((Number) e.details().get("a")).intValue()), pb = net.decode(((Number) e.details().get("b")).intValue());
            return e.with("hypothesis margin c delta delta' - H^z", wc.c() * delta[d][pa[2]] * delta[d][pb[2]] - hz[d][pa[2]][pb[2]])
                    .with("x_k x_k'", c.x()[d][pa[1]] * c.x()[d][pb[1]]);
        }
    }

    /** d z_l / d z_{l'} (M_l x M_{l'}) by the chain rule z_{m,i} = sum_k w_{m,k,i} s_{m-1} act(z_{m-1,k}). */
    static double[][] zJacobian(EdmondsNet net, double[] theta, EdmondsNet.Point pt, int l, int lp) {
        double[][] j = new double[net.width(lp)][net.width(lp)];
        for (int i = 0; i < j.length; i++) j[i][i] = 1;
        for (int m = lp + 1; m <= l; m++) {
            double[][] next = new double[net.width(m)][net.width(lp)];
            for (int i = 0; i < net.width(m); i++)
                for (int q = 0; q < net.width(lp); q++) {
                    double s = 0;
                    for (int k = 0; k < net.width(m - 1); k++) s += theta[net.weightIndex(m, k, i)] * pt.sp()[m - 1][k] * j[k][q];
                    next[i][q] = s;
                }
            j = next;
        }
        return j;
    }

    /** edmonds/L6-c, Lemma 6 across layers: the z-level ratio carries over to the weight level also for l != l'. */
    static final class CrossLayer extends PropertyClaim {
        CrossLayer() {
            super("edmonds/L6-c");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec s = SPEC.layers(2, 4);
            return List.of(Property.of("proof-formula", NetCase.class)
                    .description("l' < l: d2NN/dw_{l,k,j} dw_{l',k',j'} = x_{l,k} x_{l',k'} d2NN/dz_{l,j} dz_{l',j'} (the proof's formula; d2NN/dz dz' = "
                            + "(H^z_l dz_l/dz_{l'})_{jj'}) against DeepNet's exact Hessian")
                    .generator(s.describe(), NetCase.arbitrary(s)).check(CrossLayer::check).certify(CrossLayer::certify).tries(40).build());
        }

        static Evidence check(NetCase c) {
            EdmondsNet net = c.net();
            Evidence worst = null;
            double worstSlack = Double.POSITIVE_INFINITY;
            for (int d = 0; d < c.d(); d++) {
                double[] x = c.x()[d];
                DMatrixRMaj h = net.hessian(c.theta(), x);
                EdmondsNet.Point pt = net.point(c.theta(), x, true);
                double scale = 0;
                for (double v : h.data) scale = Math.max(scale, Math.abs(v));
                for (int l = 1; l < net.layers(); l++)
                    for (int lp = 0; lp < l; lp++) {
                        double[][] jz = zJacobian(net, c.theta(), pt, l, lp);
                        for (int k = 0; k < net.width(l - 1); k++)
                            for (int j = 0; j < net.width(l); j++)
                                for (int kp = 0; kp < net.width(lp - 1); kp++)
                                    for (int jp = 0; jp < net.width(lp); jp++) {
                                        double mixed = 0;
                                        for (int i = 0; i < net.width(l); i++) mixed += pt.hz()[l][j][i] * jz[i][jp];
                                        double formula = pt.x()[l][k] * pt.x()[lp][kp] * mixed;
                                        int a = net.weightIndex(l, k, j), b = net.weightIndex(lp, kp, jp);
                                        Evidence e = Evidence.eq("H^w (exact) = x x' d2NN/dz dz' (proof)", h.get(a, b), formula, tol(scale, c));
                                        if (e.slack() < worstSlack) {
                                            worstSlack = e.slack();
                                            worst = e.with("d", d).with("a", a).with("b", b).with("l", l).with("k", k).with("j", j)
                                                    .with("pair", WeightPairs.describe(net, a) + " x " + WeightPairs.describe(net, b));
                                        }
                                    }
                    }
            }
            return worst;
        }

        /** The omitted term delta_{l,j} dx_{l,k}/dw_b in 60 digits (x_l by a central difference in w_b, h = 1e-22): the exact gap. */
        static Certificate certify(NetCase c, Evidence e) {
            int d = LemmaFive.num(e, "d"), b = LemmaFive.num(e, "b"), l = LemmaFive.num(e, "l"), k = LemmaFive.num(e, "k"), j = LemmaFive.num(e, "j");
            DfpNet dn = new DfpNet(c.net());
            Dfp[] th = dn.of(c.theta());
            Dfp h = dn.hp().of("1e-22");
            Dfp[] tp = th.clone(), tm = th.clone();
            tp[b] = th[b].add(h);
            tm[b] = th[b].subtract(h);
            Dfp dx = dn.activations(tp, c.x()[d], l)[k].subtract(dn.activations(tm, c.x()[d], l)[k]).divide(h.multiply(2));
            Dfp gap = dn.deltas(th, c.x()[d], l)[j].multiply(dx).abs();
            return Certificate.of("Dfp delta and central difference of x_l", dn.hp().digits(), HighPrecision.toBigDecimal(gap.negate()), new BigDecimal("1e-30"),
                    "-|delta_{l,j} dx_{l,k}/dw_b| (exact H^w minus the proof's formula)");
        }
    }

    /** edmonds/L7-a, Lemma 7: for j != j' in one layer, H^z_{jj'} = sigma'_j sigma'_j' H^y_{jj'} and delta_j = sigma'_j S_{l+1,j}. */
    static final class TwoNodes extends PropertyClaim {
        TwoNodes() {
            super("edmonds/L7-a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            NetCase.Spec s = SPEC.layers(2, 4).widths(2, 6);
            return List.of(Property.of("chain-through-two-sigmoids", WithConstant.class)
                    .description("H^z_l and H^z_{l+1}, delta from DeepNet's exact bias Hessian/gradient: H^z_{jj'} = sp_j sp_j' (W H^z_{l+1} W^T)_{jj'}, "
                            + "delta_j = sp_j S_{l+1,j}, and H^x_{jj'} <= c S_j S_j' implies H^z_{jj'} <= c delta_j delta_j'")
                    .generator(s.describe() + "; c ~ U[0,4]", withConstant(s)).check(TwoNodes::check).tries(50).build());
        }

        static Evidence check(WithConstant wc) {
            NetCase c = wc.net();
            EdmondsNet net = c.net();
            double worstEq = 0, worstImp = Double.POSITIVE_INFINITY, scale = 0;
            for (double[] x : c.x()) {
                BiasView v = new BiasView(c, x);
                EdmondsNet.Point pt = net.point(c.theta(), x, false);
                scale = Math.max(scale, v.hMax());
                for (int l = 0; l < net.layers() - 1; l++)
                    for (int j = 0; j < net.width(l); j++) {
                        worstEq = Math.max(worstEq, Math.abs(v.delta(l, j) - pt.sp()[l][j] * v.s(l + 1, j)));
                        for (int jj = 0; jj < net.width(l); jj++) {
                            if (jj == j) continue;
                            double hx = v.hx(l + 1, j, jj), hz = v.hz(l, j, jj);
                            worstEq = Math.max(worstEq, Math.abs(hz - pt.sp()[l][j] * pt.sp()[l][jj] * hx));
                            if (hx <= wc.c() * v.s(l + 1, j) * v.s(l + 1, jj))
                                worstImp = Math.min(worstImp, wc.c() * v.delta(l, j) * v.delta(l, jj) - hz);
                        }
                    }
            }
            double t = tol(scale, c);
            return Evidence.worst(Evidence.le("max |H^z_jj' - sp sp' H^x_jj'|, |delta_j - sp_j S_j|", worstEq, 0, t),
                    Evidence.ge("min over hypothesis-meeting pairs of c delta delta' - H^z", Double.isFinite(worstImp) ? worstImp : 0, 0, t));
        }
    }

    /** edmonds/L8-a, Lemma 8 identity: d2NN/dz_j^2 = sigma'(z_j)^2 d2NN/dy_j^2 + (1 - 2 y_j) dNN/dz_j. */
    static final class OneSigmoid extends PropertyClaim {
        OneSigmoid() {
            super("edmonds/L8-a");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("identity", NetCase.class)
                    .description("every node: H^z_jj (DeepNet bias Hessian) = sigma'^2 H^y_jj + (1 - 2y_j) delta_j with H^y = H^x_{l+1}/s^2 from the next layer's "
                            + "bias Hessian (y = sigma(z) unscaled; P2 scales x = y/sqrt M)")
                    .generator(SPEC.describe(), NetCase.arbitrary(SPEC)).check(OneSigmoid::check).tries(60).build());
        }

        static Evidence check(NetCase c) {
            EdmondsNet net = c.net();
            double worst = 0, scale = 0;
            for (double[] x : c.x()) {
                BiasView v = new BiasView(c, x);
                EdmondsNet.Point pt = net.point(c.theta(), x, false);
                scale = Math.max(scale, v.hMax());
                for (int l = 0; l < net.layers(); l++)
                    for (int j = 0; j < net.width(l); j++) {
                        double s = net.postScale(l), y = pt.y()[l][j], sig1 = y * (1 - y);
                        double hy = s * s * v.hx(l + 1, j, j);
                        double rhs = sig1 * sig1 * hy + (1 - 2 * y) * v.delta(l, j);
                        worst = Math.max(worst, Math.abs(v.hz(l, j, j) - rhs));
                    }
            }
            return Evidence.le("max |H^z_jj - (sigma'^2 H^y_jj + (1-2y) delta_j)|", worst, 0, tol(scale, c));
        }
    }

    /** edmonds/L8-b, Lemma 8: H^y_jj <= c (g^y_j)^2 implies H^z_jj <= c (g^z_j)^2 + (1 - 2y_j) g^z_j. */
    static final class OneSigmoidBound extends PropertyClaim {
        OneSigmoidBound() {
            super("edmonds/L8-b");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("implication", WithConstant.class)
                    .description("every node meeting the hypothesis (y-derivatives from the next layer, DeepNet exact): the conclusion holds")
                    .generator(SPEC.describe() + "; c ~ U[0,4]", withConstant(SPEC)).check(OneSigmoidBound::check).tries(60).build());
        }

        static Evidence check(WithConstant wc) {
            NetCase c = wc.net();
            EdmondsNet net = c.net();
            double worst = Double.POSITIVE_INFINITY, scale = 0;
            int met = 0;
            for (double[] x : c.x()) {
                BiasView v = new BiasView(c, x);
                EdmondsNet.Point pt = net.point(c.theta(), x, false);
                scale = Math.max(scale, v.hMax());
                for (int l = 0; l < net.layers(); l++)
                    for (int j = 0; j < net.width(l); j++) {
                        double s = net.postScale(l), y = pt.y()[l][j];
                        double hy = s * s * v.hx(l + 1, j, j), gy = s * v.s(l + 1, j), gz = v.delta(l, j);
                        if (hy > wc.c() * gy * gy) continue;
                        met++;
                        worst = Math.min(worst, wc.c() * gz * gz + (1 - 2 * y) * gz - v.hz(l, j, j));
                    }
            }
            if (met == 0) return Evidence.fact("no node meets the hypothesis", true);
            return Evidence.ge("min c (g^z)^2 + (1-2y) g^z - H^z_jj over hypothesis-meeting nodes", worst, 0, tol(scale, c)).with("nodes", met);
        }
    }
}
