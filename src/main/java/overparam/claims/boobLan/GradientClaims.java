package overparam.claims.boobLan;

import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.FiniteDifferences;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** boob-lan P002-01, P002-02, P002-07: the first-order condition D s = 0 of section 3 and what it implies. */
final class GradientClaims {
    private GradientClaims() {}

    static final List<String> SMOOTH = List.of("tanh", "sigmoid", "softplus", "gaussian", "gaussian-sym", "sigmoid-sym", "erf");

    static List<ParamSpec> sizes(int dMax, int nMax) {
        return List.of(ParamSpec.integer("dMax", dMax, "largest input dimension d"),
                ParamSpec.integer("nMax", nMax, "largest number of samples N"),
                ParamSpec.string("activations", String.join(",", SMOOTH), "comma-separated boob-lan activations"));
    }

    static List<String> activations(Params p) {
        List<String> a = Arrays.stream(p.string("activations").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String s : a) PaperActivations.byName(s);
        return a;
    }

    /** The full gradient (vec_rowmajor(grad_W f), grad_theta f). */
    static double[] gradient(NetCase c) {
        double[] gw = TwoLayer.vec(c.gradW()), gt = c.gradTheta();
        double[] g = Arrays.copyOf(gw, gw.length + gt.length);
        System.arraycopy(gt, 0, g, gw.length, gt.length);
        return g;
    }

    static double[] params(NetCase c) {
        double[] w = TwoLayer.vec(c.w());
        double[] x = Arrays.copyOf(w, w.length + c.theta().length);
        System.arraycopy(c.theta(), 0, x, w.length, c.theta().length);
        return x;
    }

    static NetCase at(NetCase c, double[] x) {
        int n = c.width(), d = c.d();
        return c.withW(TwoLayer.unvec(Arrays.copyOf(x, n * d), n, d)).withTheta(Arrays.copyOfRange(x, n * d, n * d + n));
    }

    /** max_i |a_i - fd_i| / error_i: at most 1 when a agrees with the finite differences within their error bound. */
    static double errorRatio(double[] a, double[] fd, double[] error) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double e = Math.abs(a[i] - fd[i]);
            worst = Math.max(worst, e == 0 ? 0 : e / error[i]);
        }
        return worst;
    }

    /** {FD gradient of f(W, theta) in (vec W, theta), its error bound}; f is accurate to about eps N times its terms' size. */
    static double[][] finiteDifferenceGradient(NetCase c) {
        double delta = Linalg.tolerance(TwoLayer.lossScale(c.act(), c.u(), c.v(), c.w(), c.theta()), c.nPoints());
        FiniteDifferences.Bounded r = FiniteDifferences.jacobianWithError(x -> new double[] {at(c, x).loss()}, params(c), delta);
        return new double[][] {r.value()[0], r.error()[0]};
    }

    /** boob-lan/P002-01, (3.1)-(3.3): grad_W f[j,k] = -(1/N) sum_i s_i h'(W[j,:]u^i) theta_j u^i_k, and vec(grad_W f) = -(1/N) D s. */
    static final class GradientFormulas extends BoobLanClaim {
        GradientFormulas() {
            super("boob-lan/P002-01");
        }

        @Override
        public List<ParamSpec> parameters() {
            return sizes(5, 30);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = NetCase.arbitrary(activations(p), p.integer("dMax"), false, p.integer("nMax"), 1, 1, 1);
            return List.of(
                    Property.of("finite-differences", NetCase.class)
                            .description("(W, theta)-gradient with the sign fixed against 4th-order central differences, within their Richardson + rounding error bound")
                            .generator("d in [1,dMax], n in [1,d], N in [1,nMax], U, v ~ N(0,1), W ~ N(0,1/d), theta ~ N(0,1)", gen)
                            .hypotheses(NetCase::wellFormed).check(GradientClaims::finiteDifferences).tries(40)
                            .search(SearchSpace.coordinates()).build(),
                    Property.of("D-identity", NetCase.class)
                            .description("vec_rowmajor(grad_W f) + D s / N = 0 (3.3), to rounding")
                            .generator("as finite-differences", gen)
                            .hypotheses(NetCase::wellFormed).check(GradientClaims::dIdentity).tries(60).search(SearchSpace.coordinates()).build(),
                    Property.of("control-literal-(3.1)", NetCase.class)
                            .description("negative control: (3.1) read literally as the gradient (no minus sign) against finite differences")
                            .generator("as finite-differences", gen)
                            .hypotheses(c -> TwoLayer.frob(c.gradW()) > 1e-6 * (1 + c.loss()) ? null : "grad_W f vanishes: the sign is invisible")
                            .check(GradientClaims::literal31).certify(GradientClaims::certifyLiteral31).expectRefuted().tries(20).build());
        }
    }

    static Evidence finiteDifferences(NetCase c) {
        double[][] fd = finiteDifferenceGradient(c);
        return Evidence.le("max_i |analytic - finite-difference gradient|_i / FD error bound_i", errorRatio(gradient(c), fd[0], fd[1]), 1, 0);
    }

    static Evidence dIdentity(NetCase c) {
        double[] s = c.residual(), gw = TwoLayer.vec(c.gradW());
        double[][] dm = c.matrixD();
        double err = 0, scale = 0;
        int nPts = c.nPoints();
        for (int r = 0; r < gw.length; r++) {
            double ds = 0, abs = 0;
            for (int i = 0; i < nPts; i++) {
                ds += dm[r][i] * s[i];
                abs += Math.abs(dm[r][i] * s[i]);
            }
            err = Math.max(err, Math.abs(gw[r] + ds / nPts));
            scale = Math.max(scale, abs / nPts);
        }
        return Evidence.eq("max |vec(grad_W f) + D s / N|", err, 0, Linalg.tolerance(scale, nPts));
    }

    /** The literal (3.1) right-hand side (1/N) sum_i s_i h' theta_j u_k = (1/N) D s (which is -grad_W f) against finite differences. */
    static Evidence literal31(NetCase c) {
        double[] lit = literal31Values(c);
        double[][] fd = finiteDifferenceGradient(c);
        return Evidence.le("max_i |literal (3.1) - finite-difference grad_W f|_i / FD error bound_i", errorRatio(lit, fd[0], fd[1]), 1, 0);
    }

    static double[] literal31Values(NetCase c) {
        double[] lit = TwoLayer.matVec(c.matrixD(), c.residual());
        for (int i = 0; i < lit.length; i++) lit[i] /= c.nPoints();
        return lit;
    }

    /** 60 digits: literal (3.1) + grad_W f = 0, so |literal - grad_W f| = 2 |grad_W f|, far outside the FD error bound. */
    static Certificate certifyLiteral31(NetCase c, Evidence e) {
        NetCase.Hp h = c.hp();
        Dfp[] lit = h.hp.multVec(h.matrixD(), h.net.residual(h.u, h.v, h.w, h.theta));
        Dfp[][] gw = h.net.gradW(h.u, h.v, h.w, h.theta);
        double[][] fd = finiteDifferenceGradient(c);
        Dfp sum = h.hp.zero();
        BigDecimal margin = null;
        int d = c.d();
        for (int j = 0; j < gw.length; j++)
            for (int k = 0; k < d; k++) {
                Dfp l = lit[j * d + k].divide(c.nPoints());
                Dfp a = l.add(gw[j][k]).abs();
                if (a.greaterThan(sum)) sum = a;
                // |literal - grad| - |grad - FD| - FD error bound: negative when the literal reading is off by more than FD can explain
                BigDecimal m = HighPrecision.toBigDecimal(l.subtract(gw[j][k]).abs()).negate()
                        .add(BigDecimal.valueOf(Math.abs(gw[j][k].toDouble() - fd[0][j * d + k]) + fd[1][j * d + k]));
                if (margin == null || m.compareTo(margin) < 0) margin = m;
            }
        return Certificate.of("Dfp analytic gradient", h.hp.digits(), margin, new BigDecimal("1e-40"),
                "60 digits: max|literal(3.1) + grad_W f| = " + sum.toDouble() + " (the literal reading is -grad_W f)");
    }

    /** boob-lan/P002-02, section 3: D of full column rank makes a stationary point global; f <= N ||grad_W f||^2 / (2 sigma_min(D)^2). */
    static final class FullRankDBound extends BoobLanClaim {
        FullRankDBound() {
            super("boob-lan/P002-02");
        }

        @Override
        public List<ParamSpec> parameters() {
            return sizes(5, 25);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = NetCase.arbitrary(activations(p), p.integer("dMax"), false, p.integer("nMax"), 1, 1, 1);
            var zeroTheta = gen.map(c -> c.withTheta(new double[c.width()]));
            return List.of(
                    Property.of("bound", NetCase.class)
                            .description("f <= N ||grad_W f||_F^2 / (2 sigma_min(D)^2) when N <= nd and D has full column rank")
                            .generator("d in [1,dMax], n in [1,d], N in [1,nMax] (N <= nd), Gaussian U, v, W, theta", gen)
                            .hypotheses(c -> c.wellFormed() != null ? c.wellFormed() : fullColumnRank(c))
                            .check(GradientClaims::fullRankBound).tries(120).search(SearchSpace.coordinates()).build(),
                    Property.of("tight", NetCase.class)
                            .description("the bound is attained: with s along the smallest right singular vector of D, f / bound = 1")
                            .generator("as bound, then v := h(U W^T) theta + s_min", gen.map(GradientClaims::alignResidual))
                            .hypotheses(GradientClaims::fullColumnRank)
                            .check(GradientClaims::tightness).tries(40).build(),
                    Property.of("control-rank-deficient-D", NetCase.class)
                            .description("negative control (rank hypothesis dropped): theta = 0 makes D = 0 and grad_W f = 0 while f > 0")
                            .generator("as bound with theta = 0", zeroTheta)
                            .check(GradientClaims::stationaryMeansZeroLoss).certify(GradientClaims::certifyPositiveLoss).expectRefuted().tries(10).build());
        }
    }

    static String fullColumnRank(NetCase c) {
        if (c.nPoints() > c.width() * c.d()) return "N > nd: D cannot have full column rank";
        Ranks.RankReport r = c.rankD();
        return r.rank() == c.nPoints() ? null : "D is rank deficient (rank " + r.rank() + " < N = " + c.nPoints() + ")";
    }

    static double sigmaMinD(NetCase c) {
        double[] sv = Linalg.singularValues(TwoLayer.matrix(c.matrixD()));
        return sv[c.nPoints() - 1];
    }

    static Evidence fullRankBound(NetCase c) {
        double[] sv = Linalg.singularValues(TwoLayer.matrix(c.matrixD()));
        double smin = sv[c.nPoints() - 1], kappa = sv[0] / smin;
        double g = TwoLayer.frob(c.gradW());
        double rhs = c.nPoints() * g * g / (2 * smin * smin), f = c.loss();
        // relative rounding of sigma_min^2 and ||grad||^2: ~ eps * kappa(D) * size
        double tol = 64 * Linalg.EPS * kappa * c.nPoints() * c.d() * Math.max(rhs, f);
        return Evidence.le("f <= N ||grad_W f||^2 / (2 sigma_min(D)^2)", f, rhs, tol).with("ratio f/bound", f / rhs).with("sigmaMinD", smin)
                .with("kappaD", kappa);
    }

    static NetCase alignResidual(NetCase c) {
        if (c.nPoints() > c.width() * c.d()) return c;
        org.ejml.data.DMatrixRMaj dm = TwoLayer.matrix(c.matrixD());
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(dm.numRows, dm.numCols, false, true, false);
        if (!svd.decompose(dm.copy())) return c;
        double[] sv = svd.getSingularValues();
        int k = 0;
        for (int i = 1; i < sv.length; i++) if (sv[i] < sv[k]) k = i;
        org.ejml.data.DMatrixRMaj vt = svd.getV(null, true);
        double[] s = new double[c.nPoints()];
        for (int i = 0; i < s.length; i++) s[i] = vt.get(k, i);
        double[] fit = TwoLayer.matVec(TwoLayer.apply(c.act()::phi, TwoLayer.preActivations(c.u(), c.w())), c.theta());
        double[] v = new double[s.length];
        for (int i = 0; i < s.length; i++) v[i] = fit[i] + s[i];
        return c.withV(v);
    }

    static Evidence tightness(NetCase c) {
        Evidence b = fullRankBound(c);
        double ratio = b.lhs() / b.rhs();
        // the smallest singular vector carries an extra factor kappa(D) of rounding
        double tol = b.tolerance() / Math.max(b.rhs(), Double.MIN_NORMAL) * (Double) b.details().get("kappaD");
        return Evidence.eq("f / (N ||grad_W f||^2 / (2 sigma_min(D)^2)) = 1 at s = smallest right singular vector", ratio, 1, tol);
    }

    /** The consequence "grad_W f = 0 => f = 0" (f <= N ||grad||^2 / (2 sigma_min^2) with grad = 0). */
    static Evidence stationaryMeansZeroLoss(NetCase c) {
        double g = TwoLayer.frob(c.gradW());
        double f = c.loss();
        return Evidence.le("grad_W f = 0 (||grad|| = " + g + ") => f = 0", f, 0, Linalg.tolerance(1, c.nPoints())).with("gradNorm", g);
    }

    static Certificate certifyPositiveLoss(NetCase c, Evidence e) {
        NetCase.Hp h = c.hp();
        Dfp f = h.loss();
        Dfp g = h.hp.zero();
        for (Dfp[] row : h.net.gradW(h.u, h.v, h.w, h.theta)) for (Dfp x : row) g = g.add(x.multiply(x));
        return Certificate.of("Dfp loss and gradient", h.hp.digits(), overparam.linalg.HighPrecision.toBigDecimal(f).negate(), new BigDecimal("1e-40"),
                "60 digits: ||grad_W f||^2 = " + g.toDouble() + ", f = " + f.toDouble());
    }

    /** boob-lan/P002-07, section 4: theta_j != 0 lets rows of D be rescaled without changing its rank (D ~ {h'(Wu)u^T}). */
    static final class ThetaRescaling extends BoobLanClaim {
        ThetaRescaling() {
            super("boob-lan/P002-07");
        }

        @Override
        public List<ParamSpec> parameters() {
            return sizes(4, 20);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = NetCase.arbitrary(activations(p), p.integer("dMax"), false, p.integer("nMax"), 1, 1, 1);
            var dups = gen.map(c -> {
                double[][] u = TwoLayer.copy(c.u());
                if (u.length >= 2) u[u.length - 1] = u[0].clone();
                return new NetCase(c.activation(), u, c.v(), c.w(), c.theta());
            });
            var zeros = net.jqwik.api.Combinators.combine(gen, overparam.data.DataArbitraries.ints(1, 4)).as((c, k) -> {
                double[] t = c.theta().clone();
                for (int j = 0; j < Math.min(k, t.length); j++) t[j] = 0;
                return c.withTheta(t);
            });
            return List.of(
                    Property.of("rescaling", NetCase.class)
                            .description("rank D(W, theta) = rank {h'(W u^i) u^iT} when every theta_j != 0 (generic data and duplicates)")
                            .generator("d in [1,dMax], n in [1,d], N in [1,nMax]; Gaussian U or U with a duplicated row", net.jqwik.api.Arbitraries.oneOf(gen, dups))
                            .hypotheses(c -> Arrays.stream(c.theta()).allMatch(t -> t != 0) ? null : "some theta_j = 0")
                            .check(GradientClaims::rescaledRank).tries(60).build(),
                    Property.of("zero-theta-blocks", NetCase.class)
                            .description("theta_j = 0 zeroes row-block j of D: rank D <= (n - #{j: theta_j = 0}) d")
                            .generator("as rescaling with the first k theta_j set to 0", zeros)
                            .check(GradientClaims::zeroBlocks).tries(40).build(),
                    Property.of("control-theta-zero-stationary", NetCase.class)
                            .description("negative control for 'W-stationary => global': theta = 0 gives grad_W f = 0 for every W while f = ||v||^2/(2N) > 0")
                            .generator("as rescaling with theta = 0", gen.map(c -> c.withTheta(new double[c.width()])))
                            .check(GradientClaims::stationaryMeansZeroLoss).certify(GradientClaims::certifyPositiveLoss).expectRefuted().tries(10).build());
        }
    }

    static Evidence rescaledRank(NetCase c) {
        Ranks.RankReport rd = c.rankD();
        Ranks.RankReport rc = Ranks.rank(TwoLayer.collection(c.act()::d1, c.u(), c.w()), () -> {
            NetCase.Hp h = c.hp();
            return h.net.collection(c.act()::d1, h.u, h.w);
        });
        return Ranks.equal("rank D(W, theta) == rank {h'(W u^i) u^iT}", rd, rc.rank()).with("collectionRank", rc.details());
    }

    static Evidence zeroBlocks(NetCase c) {
        int zeros = (int) Arrays.stream(c.theta()).filter(t -> t == 0).count();
        Ranks.RankReport rd = c.rankD();
        return Ranks.atMost("rank D <= (n - #zero theta_j) d", rd, (c.width() - zeros) * c.d());
    }
}
