package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.linalg.Linalg;
import overparam.nn.FiniteDifferences;

import java.util.*;

/** boob-lan P002-18, P002-19, P002-20: Lemma 5.4 (grad_W f Lipschitz in W), the descent lemma (5.20), Lemma 5.7. */
final class SmoothnessClaims {
    private SmoothnessClaims() {}

    static final List<String> BOUNDED = RankLemma.names(PaperActivations.BOUNDED);

    /** Two hidden layers W1, W2 at one theta, with data (u, v). */
    /** 2^52 times the smallest normal double (~1e-292). */
    static final double NEAR_SUBNORMAL = Math.scalb(Double.MIN_NORMAL, 52);

    public record PairCase(String activation, double[][] u, double[] v, double[][] w1, double[][] w2, double[] theta) {
        PaperActivation act() {
            return PaperActivations.byName(activation);
        }

        double bound() {
            return Lipschitz.bound(act(), u, v, theta);
        }

        /** Shapes and finite values ({@link NetCase#shapes}), W2 of W1's shape, W1 != W2 (the ratio divides by ||W1 - W2||). */
        String wellFormed() {
            String s = NetCase.shapes(u, v, w1, theta);
            if (s != null) return s;
            if (w2.length != w1.length) return "W1 and W2 differ in shape";
            double diff = 0;
            for (int j = 0; j < w1.length; j++) {
                if (w2[j].length != w1[j].length) return "W1 and W2 differ in shape";
                for (int k = 0; k < w1[j].length; k++) {
                    if (!Double.isFinite(w2[j][k])) return "non-finite entry";
                    diff = Math.max(diff, Math.abs(w1[j][k] - w2[j][k]));
                }
            }
            if (!(diff > 0)) return "W1 = W2";
            if (!Double.isFinite(bound())) return "the bound overflows in double";
            // values within 2^52 of the subnormal range carry absolute, not relative, precision: no rounding model covers them
            for (double[][] w : new double[][][] {w1, w2}) {
                for (double[] row : TwoLayer.gradW(act(), u, v, w, theta)) for (double x : row) if (x != 0 && Math.abs(x) < NEAR_SUBNORMAL) return "gradient underflows";
                for (double[] row : TwoLayer.preActivations(u, w))
                    for (double z : row) {
                        double a = Math.abs(act().d1(z)), b = Math.abs(act().phi(z));
                        if ((a != 0 && a < NEAR_SUBNORMAL) || (b != 0 && b < NEAR_SUBNORMAL)) return "h or h' underflows";
                    }
            }
            return null;
        }
    }

    /**
     * d in [1,4], n in [1,d] (flat W allowed: the bound's sqrt(2n)), N in [1, d^2], data scale in {0.1, 1, 5}, theta scale
     * in {0.1, 1, 3}, ||W1|| scale in {0.3, 1, 10, 1000}, ||W2 - W1|| = 10^L, L in [-4, 0.5].
     */
    static Arbitrary<PairCase> pairs(List<String> acts) {
        return Combinators.combine(Arbitraries.of(acts), DataArbitraries.ints(1, 4), DataArbitraries.ints(1, 4), DataArbitraries.ints(1, 16),
                Arbitraries.doubles().between(-4, 0.5), DataArbitraries.seeds()).as((a, d, n0, nPts, logDelta, seed) -> {
            int n = Math.min(n0, d);
            Random rng = new Random(seed);
            double ds = new double[] {0.1, 1, 5}[rng.nextInt(3)], ts = new double[] {0.1, 1, 3}[rng.nextInt(3)],
                    ws = new double[] {0.3, 1, 10, 1000}[rng.nextInt(4)];
            NetCase c = NetCase.random(a, Math.min(nPts, d * d), d, n, rng.nextLong(), ds, ws, ts);
            double[][] dir = BoobLanData.gaussianW(n, d, rng);
            double[][] w2 = TwoLayer.plus(c.w(), Math.pow(10, logDelta) / TwoLayer.frob(dir), dir);
            return new PairCase(a, c.u(), c.v(), c.w(), w2, c.theta());
        });
    }

    static Evidence lipschitz(PairCase c) {
        PaperActivation h = c.act();
        double[] rt = Lipschitz.ratioAndTolerance(h, c.u(), c.v(), c.w1(), c.w2(), c.theta());
        double ratio = rt[0], tol = rt[1];
        return Evidence.le("||grad_W f(W1) - grad_W f(W2)||_F / ||W1 - W2||_F <= L (Lemma 5.4 bound)", ratio, c.bound(), tol)
                .with("ratio/bound", ratio / c.bound()).with("L_h'", h.supD2()).with("L_hh'", h.lipHHPrime());
    }

    /** The proof's steps (5.12), (5.13) and (5.16) with a^i[j] = theta_j h'(W[j,:]u^i)(v^i - theta^T h(W u^i)). */
    static Evidence proofSteps(PairCase c) {
        PaperActivation h = c.act();
        double[][] u = c.u();
        int nPts = u.length, n = c.theta().length;
        double[][] dwm = TwoLayer.plus(c.w1(), -1, c.w2());
        double dw = TwoLayer.frob(dwm);
        double[][] z1 = TwoLayer.preActivations(u, c.w1()), z2 = TwoLayer.preActivations(u, c.w2());
        double[] s1 = TwoLayer.residual(h, u, c.v(), c.w1(), c.theta()), s2 = TwoLayer.residual(h, u, c.v(), c.w2(), c.theta());
        double rhs512 = 0, worst513 = Double.POSITIVE_INFINITY, worst516 = Double.POSITIVE_INFINITY, scale = 0, scale513 = 0, scale516 = 0;
        for (int i = 0; i < nPts; i++) {
            double ui = TwoLayer.norm(u[i]), zi = 0;
            for (int j = 0; j < n; j++)
                for (int k = 0; k < u[i].length; k++) zi = Math.max(zi, (Math.abs(c.w1()[j][k]) + Math.abs(c.w2()[j][k])) * Math.abs(u[i][k]) * u[i].length);
            // differences as vectors, their norms scale-safe (squares of 1e-155 would underflow)
            double[] da = new double[n], dhp = new double[n], dz = new double[n], dm = new double[n * n];
            for (int j = 0; j < n; j++) {
                double a1 = c.theta()[j] * h.d1(z1[i][j]) * s1[i], a2 = c.theta()[j] * h.d1(z2[i][j]) * s2[i];
                da[j] = a1 - a2;
                dhp[j] = h.d1(z1[i][j]) - h.d1(z2[i][j]);
                dz[j] = z1[i][j] - z2[i][j];
                for (int l = 0; l < n; l++) {
                    dm[j * n + l] = h.d1(z1[i][j]) * h.phi(z1[i][l]) - h.d1(z2[i][j]) * h.phi(z2[i][l]);
                    scale516 = Math.max(scale516, Math.abs(h.d1(z1[i][j]) * h.phi(z1[i][l])) + Math.abs(h.d1(z2[i][j]) * h.phi(z2[i][l])));
                }
                scale = Math.max(scale, Math.abs(a1) + Math.abs(a2));
                scale513 = Math.max(scale513, Math.abs(h.d1(z1[i][j])) + Math.abs(h.d1(z2[i][j])));
            }
            // the pre-activations z = W u are exact to eps sum_k |w_jk u_ik|: h' and h h' move by L times that
            scale513 = Math.max(scale513, h.supD2() * (zi + ui * dw));
            scale516 = Math.max(scale516, h.lipHHPrime() * Math.sqrt(2.0 * n) * zi);
            rhs512 += ui * TwoLayer.norm(da) / nPts;
            worst513 = Math.min(worst513, h.supD2() * ui * dw - TwoLayer.norm(dhp));
            worst516 = Math.min(worst516, Math.sqrt(2.0 * n) * h.lipHHPrime() * TwoLayer.norm(dz) - TwoLayer.norm(dm));
        }
        double[][] g1 = TwoLayer.gradW(h, u, c.v(), c.w1(), c.theta()), g2 = TwoLayer.gradW(h, u, c.v(), c.w2(), c.theta());
        double lhs512 = TwoLayer.frob(TwoLayer.plus(g1, -1, g2));
        double tol = Linalg.tolerance(scale * (1 + TwoLayer.maxAbs(u)), nPts * n);
        return Evidence.worst(Evidence.le("(5.12) ||grad f(W1) - grad f(W2)||_F <= (1/N) sum ||u^i|| ||a1^i - a2^i||", lhs512, rhs512, tol),
                Evidence.ge("(5.13) min_i L_h' ||u^i|| ||W1-W2||_F - ||h'(W1u^i) - h'(W2u^i)||", worst513, 0, Linalg.tolerance(scale513, n * u[0].length)),
                Evidence.ge("(5.16) min_i sqrt(2n) L_hh' ||v-u|| - ||h'(v)h(v)^T - h'(u)h(u)^T||_F", worst516, 0, Linalg.tolerance(scale516, n * n * u[0].length)));
    }

    /** 60-digit ||grad_W f(W1) - grad_W f(W2)||_F / ||W1 - W2||_F. */
    static org.hipparchus.dfp.Dfp hpRatio(PairCase c) {
        overparam.linalg.HighPrecision hp = new overparam.linalg.HighPrecision();
        TwoLayerHp net = new TwoLayerHp(hp, c.act());
        org.hipparchus.dfp.Dfp[][] u = hp.of(c.u()), w1 = hp.of(c.w1()), w2 = hp.of(c.w2());
        org.hipparchus.dfp.Dfp[] v = hp.of(c.v()), t = hp.of(c.theta());
        org.hipparchus.dfp.Dfp[][] g1 = net.gradW(u, v, w1, t), g2 = net.gradW(u, v, w2, t);
        org.hipparchus.dfp.Dfp num = hp.zero(), den = hp.zero();
        for (int j = 0; j < g1.length; j++)
            for (int k = 0; k < g1[0].length; k++) {
                org.hipparchus.dfp.Dfp a = g1[j][k].subtract(g2[j][k]), b = w1[j][k].subtract(w2[j][k]);
                num = num.add(a.multiply(a));
                den = den.add(b.multiply(b));
            }
        return num.sqrt().divide(den.sqrt());
    }

    /** Negative-control pairs for ReLU: W1 puts z_ij at +eps, W2 at -eps (a kink crossed by ||W2 - W1|| = 2 eps / ||u^i||). */
    static Arbitrary<PairCase> kinkPairs() {
        return Combinators.combine(DataArbitraries.ints(1, 3), DataArbitraries.ints(1, 9), Arbitraries.doubles().between(-9, -3), DataArbitraries.seeds())
                .as((d, nPts, logEps, seed) -> {
                    NetCase c = NetCase.random("relu", Math.min(nPts, d * d), d, d, seed, 1, 1, 1);
                    double[][] w1 = TwoLayer.copy(c.w());
                    double[] ui = c.u()[0];
                    double uu = TwoLayer.dot(ui, ui), eps = Math.pow(10, logEps);
                    double z = TwoLayer.dot(w1[0], ui);
                    for (int k = 0; k < d; k++) w1[0][k] -= (z - eps) * ui[k] / uu;
                    double[][] w2 = TwoLayer.copy(w1);
                    for (int k = 0; k < d; k++) w2[0][k] -= 2 * eps * ui[k] / uu;
                    return new PairCase("relu", c.u(), c.v(), w1, w2, c.theta());
                });
    }

    /** boob-lan/P002-18, Lemma 5.4: grad_W f is Lipschitz in W with the explicit bound L (exact suprema of the catalogue's table). */
    static final class Lemma54 extends BoobLanClaim {
        Lemma54() {
            super("boob-lan/P002-18");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("cmaEvaluations", 1500, "CMA-ES evaluations per activation at level CI"),
                    ParamSpec.string("activations", String.join(",", BOUNDED), "bounded activations (Remark 5.5)"));
        }

        List<String> acts(Params p) {
            return GradientClaims.activations(p);
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("bound", PairCase.class)
                            .description("ratio ||grad_W f(W1) - grad_W f(W2)||_F / ||W1 - W2||_F <= (theta_max/N)(L_h' sum ||u||^2 |v| + sqrt(2n) L_hh' ||theta|| sum ||u||^2), exact suprema")
                            .generator("Remark 5.5 activations; d in [1,4], n in [1,d], N in [1,d^2]; data scale {0.1,1,5}, theta {0.1,1,3}, ||W1|| up to 1e3, ||W2-W1|| = 10^[-4,0.5]", pairs(acts(p)))
                            .hypotheses(PairCase::wellFormed).check(SmoothnessClaims::lipschitz).tries(150).search(SearchSpace.coordinates()).build(),
                    Property.of("proof-steps", PairCase.class)
                            .description("(5.12) Cauchy-Schwarz step, (5.13) ||h'(W1u) - h'(W2u)|| <= L_h' ||u|| ||W1 - W2||_F, (5.16) ||h'(v)h(v)^T - h'(u)h(u)^T||_F^2 <= 2n L_hh'^2 ||v - u||^2")
                            .generator("as bound", pairs(acts(p)))
                            .hypotheses(PairCase::wellFormed).check(SmoothnessClaims::proofSteps).tries(80).search(SearchSpace.coordinates()).build(),
                    Property.of("adversarial", Lipschitz.Worst.class)
                            .description("CMA-ES (Hipparchus) over (W1, W2 - W1 direction and size, theta, data) per activation: the worst ratio / bound stays <= 1")
                            .generator("per activation: (n, d, N) = (1, 1, 1) and (2, 2, 2); the search moves W1, W2, theta and the data within a box, 2 restarts each", Arbitraries.just(new Lipschitz.Worst("tanh", 0, 0, 0, 0, null, null, null, null, null, 0)))
                            .check(w -> Evidence.le("worst ratio <= bound", w.ratio(), w.bound(), w.tolerance())).build(),
                    Property.of("control-relu-kink", PairCase.class)
                            .description("negative control: ReLU (h' jumps, no finite L_h'), W1 -> W2 crossing a kink by 2 eps, checked against the bound with tanh's constants L_h' = 4/(3 sqrt 3), L_hh' = 1")
                            .generator("relu, d in [1,3], N in [1,d^2], eps = 10^[-9,-3]", kinkPairs())
                            .check(c -> {
                                Evidence e = lipschitz(c);
                                double b = Lipschitz.bound(PaperActivations.TANH.supD2(), 1, c.u(), c.v(), c.theta().length, TwoLayer.maxAbs(c.theta()), TwoLayer.norm(c.theta()));
                                return Evidence.le("ReLU ratio <= bound with finite constants", e.lhs(), b, e.tolerance());
                            }).certify((c, e) -> Certificate.of("60-digit gradients", 60,
                                    new java.math.BigDecimal(e.rhs()).subtract(overparam.linalg.HighPrecision.toBigDecimal(hpRatio(c))), new java.math.BigDecimal("1e-40"),
                                    "60-digit ratio " + hpRatio(c).toDouble() + " vs " + e.rhs()))
                            .expectRefuted().tries(10).build());
        }

        @Override
        protected Set<String> manualProperties() {
            return Set.of("adversarial");
        }

        @Override
        protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
            long start = System.currentTimeMillis();
            Property<?> prop = property(p, "adversarial");
            int evals = ctx.tries(p.integer("cmaEvaluations"));
            Evidence worst = null;
            Lipschitz.Worst worstCase = null;
            int total = 0;
            for (String a : acts(p)) {
                PaperActivation h = PaperActivations.byName(a);
                Lipschitz.Worst w1 = Lipschitz.adversarial(h, 1, 1, 1, evals / 2, 2, ctx.seedFor(id() + "#cma1-" + a));
                Lipschitz.Worst w2 = Lipschitz.adversarial(h, 2, 2, 2, evals / 2, 2, ctx.seedFor(id() + "#cma2-" + a));
                Lipschitz.Worst w = w1.ratioOverBound() >= w2.ratioOverBound() ? w1 : w2;
                total += w1.evaluations() + w2.evaluations() - w.evaluations();
                total += w.evaluations();
                r.number("worstRatioOverBound." + a, w.ratioOverBound());
                r.number("worstRatio." + a, w.ratio());
                Evidence e = Evidence.le("worst ratio <= bound (" + a + ", CMA-ES " + w.evaluations() + " evaluations)", w.ratio(), w.bound(), w.tolerance())
                        .with("ratio/bound", w.ratioOverBound());
                if (worst == null || e.slack() < worst.slack()) {
                    worst = e;
                    worstCase = w;
                }
            }
            Counterexample cx = null;
            if (worst != null && !worst.holds())
                cx = new Counterexample(prop.name(), prop.generator(), ctx.seedFor(id() + "#cma"), overparam.report.Json.tree(worstCase),
                        overparam.report.Json.tree(worstCase), 0, 0, 0, worst, worst, null, null, "CMA-ES over (W, theta) pairs", Counterexample.NO_ROUTE);
            return List.of(BoobLanClaim.outcome(prop, total, worst, worstCase, cx, ctx.seedFor(id() + "#cma"), System.currentTimeMillis() - start));
        }
    }

    /** boob-lan/P002-19, (5.20): |f(W2) - f(W1) - <grad f(W1), W2 - W1>| <= (L/2)||W1 - W2||^2, and the step form used in Theorem 5.9. */
    static final class DescentLemma extends BoobLanClaim {
        DescentLemma() {
            super("boob-lan/P002-19");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var steps = Combinators.combine(pairs(BOUNDED), Arbitraries.doubles().between(0, 3)).as(StepCase::new);
            return List.of(
                    Property.of("two-sided", PairCase.class)
                            .description("|f(W2) - f(W1) - <grad_W f(W1), W2 - W1>| <= (L/2) ||W1 - W2||_F^2 with L the Lemma 5.4 bound")
                            .generator("as P002-18 bound", pairs(BOUNDED))
                            .hypotheses(PairCase::wellFormed).check(c -> descent(c, c.bound())).tries(120).search(SearchSpace.coordinates()).build(),
                    Property.of("step", StepCase.class)
                            .description("W' = W - gamma grad_W f: f(W') <= f(W) - (gamma - L gamma^2/2) ||grad_W f||^2 for gamma in [0, 3/L]")
                            .generator("as two-sided; gamma = g/L, g in [0,3]", steps)
                            .hypotheses(sc -> sc.pair().wellFormed() != null ? sc.pair().wellFormed() : sc.g() >= 0 ? null : "negative step")
                            .check(SmoothnessClaims::stepForm).tries(120).search(SearchSpace.coordinates()).build(),
                    Property.of("control-L-zero", PairCase.class)
                            .description("negative control: L = 0 (a linear model of f) must fail")
                            .generator("as two-sided", pairs(List.of("tanh", "sigmoid")))
                            .check(c -> descent(c, 0)).certify(SmoothnessClaims::certifyLinearModel).expectRefuted().tries(10).build());
        }
    }

    public record StepCase(PairCase pair, double g) {}

    static Evidence descent(PairCase c, double l) {
        PaperActivation h = c.act();
        double f1 = TwoLayer.loss(h, c.u(), c.v(), c.w1(), c.theta()), f2 = TwoLayer.loss(h, c.u(), c.v(), c.w2(), c.theta());
        double[][] g = TwoLayer.gradW(h, c.u(), c.v(), c.w1(), c.theta());
        double[][] dw = TwoLayer.plus(c.w2(), -1, c.w1());
        double inner = TwoLayer.dot(TwoLayer.vec(g), TwoLayer.vec(dw));
        double lhs = Math.abs(f2 - f1 - inner), rhs = l / 2 * Math.pow(TwoLayer.frob(dw), 2);
        // the losses are exact to eps times their terms before cancellation (lossScale), not to eps |f|
        double tol = Linalg.tolerance(TwoLayer.lossScale(h, c.u(), c.v(), c.w1(), c.theta()) + TwoLayer.lossScale(h, c.u(), c.v(), c.w2(), c.theta())
                + Math.abs(inner), c.u().length);
        return Evidence.le("|f(W2) - f(W1) - <grad f(W1), W2 - W1>| <= (L/2) ||W2 - W1||^2", lhs, rhs, tol).with("L", l);
    }

    /** 60 digits: |f(W2) - f(W1) - <grad f(W1), W2 - W1>| > 0 = (L/2)||W2 - W1||^2 at L = 0. */
    static Certificate certifyLinearModel(PairCase c, Evidence e) {
        NetCase a = new NetCase(c.activation(), c.u(), c.v(), c.w1(), c.theta()), b = a.withW(c.w2());
        NetCase.Hp ha = a.hp(), hb = b.hp();
        org.hipparchus.dfp.Dfp[][] g = ha.net.gradW(ha.u, ha.v, ha.w, ha.theta);
        org.hipparchus.dfp.Dfp inner = ha.hp.zero();
        for (int j = 0; j < g.length; j++) for (int k = 0; k < g[0].length; k++) inner = inner.add(g[j][k].multiply(hb.w[j][k].subtract(ha.w[j][k])));
        org.hipparchus.dfp.Dfp gap = hb.loss().subtract(ha.loss()).subtract(inner).abs();
        return Certificate.of("60-digit losses and gradient", 60, overparam.linalg.HighPrecision.toBigDecimal(gap).negate(), new java.math.BigDecimal("1e-40"),
                "60-digit |f(W2) - f(W1) - <grad, dW>| = " + gap.toDouble());
    }

    static Evidence stepForm(StepCase s) {
        PairCase c = s.pair();
        PaperActivation h = c.act();
        double l = c.bound(), gamma = s.g() / l;
        double[][] g = TwoLayer.gradW(h, c.u(), c.v(), c.w1(), c.theta());
        double g2 = Math.pow(TwoLayer.frob(g), 2);
        double f = TwoLayer.loss(h, c.u(), c.v(), c.w1(), c.theta());
        double[][] wNew = TwoLayer.plus(c.w1(), -gamma, g);
        double fNew = TwoLayer.loss(h, c.u(), c.v(), wNew, c.theta());
        double rhs = f - (gamma - l * gamma * gamma / 2) * g2;
        double scale = TwoLayer.lossScale(h, c.u(), c.v(), c.w1(), c.theta()) + TwoLayer.lossScale(h, c.u(), c.v(), wNew, c.theta()) + Math.abs(rhs);
        return Evidence.le("f(W - gamma grad) <= f(W) - (gamma - L gamma^2/2) ||grad||^2", fNew, rhs, Linalg.tolerance(scale, c.u().length))
                .with("gamma*L", s.g());
    }

    // ---------------------------------------------------------------- P002-20

    /** Two output layers at one W. */
    public record ThetaPair(NetCase net, double[] theta2) {}

    static Arbitrary<ThetaPair> thetaPairs(List<String> acts, double weightScale) {
        return Combinators.combine(NetCase.arbitrary(acts, 4, false, 16, 1, weightScale, 1), DataArbitraries.seeds())
                .as((c, s) -> new ThetaPair(c, BoobLanData.gaussian(c.width(), 2, new Random(s))));
    }

    static Evidence lemma57(ThetaPair t) {
        NetCase c = t.net();
        PaperActivation h = c.act();
        int n = c.width();
        double[][] a = TwoLayer.hessTheta(h, c.u(), c.w());
        double[] g1 = c.gradTheta(), g2 = c.withTheta(t.theta2()).gradTheta();
        double[] dt = new double[n];
        for (int j = 0; j < n; j++) dt[j] = c.theta()[j] - t.theta2()[j];
        double[] adt = TwoLayer.matVec(a, dt);
        double affine = 0, dg = 0;
        for (int j = 0; j < n; j++) {
            affine = Math.max(affine, Math.abs(g1[j] - g2[j] - adt[j]));
            dg += (g1[j] - g2[j]) * (g1[j] - g2[j]);
        }
        dg = Math.sqrt(dg);
        double lmax = Linalg.lambdaMax(TwoLayer.matrix(a)), lmin = Linalg.lambdaMin(TwoLayer.matrix(a));
        double[][] hz = TwoLayer.apply(h::phi, TwoLayer.preActivations(c.u(), c.w()));
        double trace = 0;
        for (double[] row : hz) trace += TwoLayer.dot(row, row) / c.nPoints();
        double lTheta = SgdGd.lipschitzTheta(h, n);
        // the gradients are exact to eps times their terms (1/N) sum_i (|v^i| + |theta^T h|) |h|, not to eps |grad|
        double gscale = gradThetaTerms(c) + gradThetaTerms(c.withTheta(t.theta2())) + Math.abs(lmax) * (TwoLayer.norm(c.theta()) + TwoLayer.norm(t.theta2()));
        double tol = Linalg.tolerance(gscale, n * c.nPoints());
        return Evidence.worst(
                Evidence.le("||grad_theta f(theta1) - grad_theta f(theta2)|| <= L_theta ||theta1 - theta2||, L_theta = n sup|h|^2", dg, lTheta * TwoLayer.norm(dt), tol),
                Evidence.eq("max |grad_theta f(theta1) - grad_theta f(theta2) - A (theta1 - theta2)| (A = (1/N) sum h h^T)", affine, 0, tol),
                Evidence.ge("lambda_min(A) >= 0 (convexity in theta)", lmin, 0, Linalg.tolerance(lmax, n)),
                Evidence.le("lambda_max(A) <= (1/N) sum ||h(W u^i)||^2", lmax, trace, Linalg.tolerance(trace, n)),
                Evidence.le("(1/N) sum ||h(W u^i)||^2 <= n sup|h|^2", trace, lTheta, Linalg.tolerance(lTheta, n)));
    }

    /** max_j (1/N) sum_i (|v^i| + sum_l |theta_l h_il|) |h_ij|: the size of the terms of grad_theta f = -(1/N) sum_i s_i h(W u^i). */
    static double gradThetaTerms(NetCase c) {
        double[][] hz = TwoLayer.apply(c.act()::phi, TwoLayer.preActivations(c.u(), c.w()));
        double terms = 0;
        for (int j = 0; j < c.width(); j++) {
            double t = 0;
            for (int i = 0; i < c.nPoints(); i++) {
                double si = Math.abs(c.v()[i]);
                for (int l = 0; l < c.width(); l++) si += Math.abs(c.theta()[l] * hz[i][l]);
                t += si * Math.abs(hz[i][j]) / c.nPoints();
            }
            terms = Math.max(terms, t);
        }
        return terms;
    }

    /** The Hessian formula against finite differences of grad_theta f, within their Richardson + rounding error bound. */
    static Evidence hessianFd(NetCase c) {
        double[][] a = TwoLayer.hessTheta(c.act(), c.u(), c.w());
        FiniteDifferences.Bounded fd = FiniteDifferences.jacobianWithError(t -> c.withTheta(t).gradTheta(), c.theta(), Linalg.tolerance(gradThetaTerms(c), c.nPoints()));
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, GradientClaims.errorRatio(a[i], fd.value()[i], fd.error()[i]));
        return Evidence.le("max |(1/N) sum h h^T - finite-difference Hessian in theta| / FD error bound", worst, 1, 0);
    }

    /** boob-lan/P002-20, Lemma 5.7: grad_theta f is L_theta = n sup|h|^2 Lipschitz for any W and data; f(W, .) is convex. */
    static final class Lemma57 extends BoobLanClaim {
        Lemma57() {
            super("boob-lan/P002-20");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("lemma-5.7", ThetaPair.class)
                            .description("bounded h: the Lipschitz bound with L_theta = n sup|h|^2, the affine gradient, convexity, and the proof's chain lambda_max <= (1/N) sum ||h||^2 <= n sup|h|^2")
                            .generator("Remark 5.5 activations, d in [1,4], n in [1,d], N in [1,16], W scale in {1, 30}", Arbitraries.oneOf(thetaPairs(BOUNDED, 1), thetaPairs(BOUNDED, 30)))
                            .hypotheses(t -> t.net().wellFormed() != null ? t.net().wellFormed()
                                    : t.theta2().length == t.net().width() && java.util.Arrays.stream(t.theta2()).allMatch(Double::isFinite) ? null : "bad theta2")
                            .check(SmoothnessClaims::lemma57).tries(120).search(SearchSpace.coordinates()).build(),
                    Property.of("hessian", NetCase.class)
                            .description("the Hessian in theta is (1/N) sum h(Wu^i) h(Wu^i)^T (finite differences of the gradient)")
                            .generator("Remark 5.5 activations, d in [1,4], n in [1,d], N in [1,16]", NetCase.arbitrary(BOUNDED, 4, false, 16, 1, 1, 1))
                            .hypotheses(NetCase::wellFormed).check(SmoothnessClaims::hessianFd).tries(40).search(SearchSpace.coordinates()).build(),
                    Property.of("control-softplus-unbounded", ThetaPair.class)
                            .description("negative control: softplus is unbounded, so no L_theta holds uniformly in W: lambda_max((1/N) sum h h^T) <= 100 n fails for large W")
                            .generator("softplus, W scale 30", thetaPairs(List.of("softplus"), 30))
                            .check(t -> Evidence.le("lambda_max((1/N) sum h h^T) <= 100 n", Linalg.lambdaMax(TwoLayer.matrix(TwoLayer.hessTheta(t.net().act(), t.net().u(), t.net().w()))),
                                    100.0 * t.net().width(), 0))
                            .certify((t, e) -> {
                                overparam.linalg.HighPrecision hp = new overparam.linalg.HighPrecision();
                                TwoLayerHp net = new TwoLayerHp(hp, t.net().act());
                                org.hipparchus.dfp.Dfp[][] z = net.preActivations(hp.of(t.net().u()), hp.of(t.net().w()));
                                int n = t.net().width(), nPts = t.net().nPoints();
                                org.hipparchus.dfp.Dfp[][] a = new org.hipparchus.dfp.Dfp[n][n];
                                for (int j = 0; j < n; j++) for (int l = 0; l < n; l++) a[j][l] = hp.zero();
                                for (int i = 0; i < nPts; i++)
                                    for (int j = 0; j < n; j++)
                                        for (int l = 0; l < n; l++) a[j][l] = a[j][l].add(t.net().act().phi(z[i][j]).multiply(t.net().act().phi(z[i][l])).divide(nPts));
                                org.hipparchus.dfp.Dfp lmax = hp.lambdaMax(a);
                                return Certificate.of("60-digit inertia bisection", 60, new java.math.BigDecimal(100.0 * n).subtract(overparam.linalg.HighPrecision.toBigDecimal(lmax)),
                                        new java.math.BigDecimal("1e-30"), "60-digit lambda_max = " + lmax.toDouble());
                            })
                            .expectRefuted().tries(20).build());
        }
    }
}
