package overparam.claims.golikov;

import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import overparam.claims.*;
import overparam.claims.golikov.Instances.LinearNet;
import overparam.claims.golikov.Instances.LowRankTargets;
import overparam.claims.golikov.Instances.Regression;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.DeepNet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** golikov/C3 (l2 regression) and the deep linear claims of section 2.1.1: C4, C5, C6, C7, C8, C9, C10. */
final class LinearClaims {
    private LinearClaims() {}

    /** golikov/C3, eq. (2): all local minima of l2 regression are global; unique when X X^T is non-degenerate. */
    static final class L2Regression extends PropertyClaim {
        L2Regression() {
            super("golikov/C3");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.range("d0", 1, 6, "input dimension"), ParamSpec.range("dy", 1, 4, "output dimension"),
                    ParamSpec.integer("extra", 10, "m - d0 ranges over [0, extra]"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int[] d0 = p.range("d0"), dy = p.range("dy");
            int extra = p.integer("extra");
            var full = Combinators.combine(Gen.ints(d0[0], d0[1]), Gen.ints(dy[0], dy[1]), Gen.ints(0, extra), Gen.seeds())
                    .as((a, b, e, s) -> new Regression(a, b, a + e, false, s));
            var degenerate = Combinators.combine(Gen.ints(Math.max(2, d0[0]), Math.max(2, d0[1])), Gen.ints(dy[0], dy[1]),
                    Gen.ints(0, extra), Gen.seeds()).as((a, b, e, s) -> new Regression(a, b, a + e, true, s));
            return List.of(
                    Property.of("normal-equations-identity-uniqueness", Regression.class)
                            .description("W* = Y X^T (X X^T)^-1 solves the normal equations; L(W) - L(W*) = 1/2 ||(W - W*) X||^2 "
                                    + ">= 1/2 sigma_min(X)^2 ||W - W*||^2 (so every local minimum is global and W* is the only one)")
                            .generator("Gaussian X (d0 x m, m in [d0, d0+extra]), Y, random W", full)
                            .hypotheses(r -> Linalg.sigmaMin(r.x()) > Linalg.rankTolerance(r.x()) ? null : "X X^T singular")
                            .check(L2Regression::regression).tries(150).build(),
                    Property.of("control-degenerate-covariance", Regression.class)
                            .description("negative control: X with a duplicated row (X X^T singular); W* + g (e_1 - e_d0)^T is a "
                                    + "second minimiser, so the minimiser is not unique")
                            .generator("Gaussian X with row d0 = row 1, d0 in [2,6]", degenerate)
                            .check(L2Regression::secondMinimiser).certify(L2Regression::certifySecond).expectRefuted().tries(20).build());
        }

        static Evidence regression(Regression r) {
            DMatrixRMaj x = r.x(), y = r.y();
            DMatrixRMaj wStar = DeepLinear.leastSquares(x, y);
            DMatrixRMaj w = Linalg.plus(wStar, DeepLinear.gaussian(r.dy(), r.d0(), new Random(r.seed() + 7)));
            double nx = Checks.fro(x), ny = Checks.fro(y), nw = Checks.fro(wStar);
            int size = r.m() * (r.d0() + r.dy());
            double normalScale = nx * nx * nw + ny * nx;
            double normal = Checks.fro(DeepLinear.gradient(wStar, x, y));
            double lw = DeepLinear.loss(w, x, y), ls = DeepLinear.loss(wStar, x, y);
            DMatrixRMaj diff = Linalg.minus(w, wStar);
            double dx = Checks.fro(Linalg.mult(diff, x));
            double sMin = Linalg.sigmaMin(x), nd = Checks.fro(diff);
            double idTol = Checks.tol(lw + ls + nd * normalScale, size);
            return Evidence.worst(
                    Evidence.le("||(W* X - Y) X^T||_F (normal equations)", normal, 0, Checks.tol(normalScale, size)),
                    Evidence.eq("L(W) - L(W*) vs 1/2 ||(W - W*) X||^2", lw - ls, 0.5 * dx * dx, idTol),
                    Evidence.ge("L(W) - L(W*) >= 1/2 sigma_min(X)^2 ||W - W*||^2", lw - ls, 0.5 * sMin * sMin * nd * nd, idTol));
        }

        /** W2 = W* + g c^T with c = e_1 - e_d0, c^T X = 0 exactly: both minimise, ||W2 - W*|| > 0. */
        static Evidence secondMinimiser(Regression r) {
            DMatrixRMaj x = r.x(), y = r.y();
            DMatrixRMaj wStar = Linalg.mult(y, Linalg.pinv(x));
            DMatrixRMaj n = nullDirection(r);
            DMatrixRMaj w2 = Linalg.plus(wStar, n);
            double l1 = DeepLinear.loss(wStar, x, y), l2 = DeepLinear.loss(w2, x, y);
            boolean bothMinimal = Math.abs(l2 - l1) <= Checks.tol(l1 + Checks.fro(y) * Checks.fro(y), r.m() * r.d0());
            return Evidence.le("||W2 - W*||_F for a second minimiser W2 (L(W2) = L(W*))", bothMinimal ? Checks.fro(n) : 0, 0,
                    Checks.tol(Checks.fro(wStar), r.d0())).with("L(W*)", l1).with("L(W2)", l2);
        }

        static DMatrixRMaj nullDirection(Regression r) {
            Random rng = new Random(r.seed() + 11);
            DMatrixRMaj n = new DMatrixRMaj(r.dy(), r.d0());
            for (int i = 0; i < r.dy(); i++) {
                double g = 1 + rng.nextDouble();
                n.set(i, 0, g);
                n.set(i, r.d0() - 1, -g);
            }
            return n;
        }

        /** In 60 digits (W2 - W*) X = g (row_1(X) - row_d0(X)) is exactly 0, so the losses agree and ||W2 - W*|| > 0. */
        static Certificate certifySecond(Regression r, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp[][] x = hp.of(r.x()), n = hp.of(nullDirection(r));
            Dfp[][] nx = hp.mult(n, x);
            Dfp worst = hp.zero(), norm = hp.zero();
            for (Dfp[] row : nx) for (Dfp v : row) if (v.abs().greaterThan(worst)) worst = v.abs();
            for (Dfp[] row : n) for (Dfp v : row) norm = norm.add(v.multiply(v));
            if (!worst.isZero()) return Checks.of(hp, "Dfp (W2 - W*) X", hp.zero(), "(W2 - W*) X != 0 in high precision");
            return Checks.of(hp, "Dfp: (W2 - W*) X = 0 exactly, margin -||W2 - W*||", norm.sqrt().negate(), "second minimiser certified");
        }
    }

    /** golikov/C4: deep linear = rank-restricted shallow; the product map is many-to-one onto {rk R <= d_p}; equal minima. */
    static final class DeepEqualsShallow extends PropertyClaim {
        DeepEqualsShallow() {
            super("golikov/C4");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.range("H", 2, 4, "depth"), ParamSpec.integer("dmax", 6, "largest width"),
                    ParamSpec.integer("restarts", 4, "Levenberg-Marquardt restarts per instance (P4c)"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int[] h = p.range("H");
            int dmax = p.integer("dmax"), restarts = p.integer("restarts");
            var nets = Gen.linearNets(h[0], h[1], dmax, 2, 6);
            return List.of(
                    Property.of("rank-of-product", LinearNet.class)
                            .description("P4a: rank(W_H ... W_1) <= d_p = min_k d_k for random weights")
                            .generator("widths in [1," + dmax + "], H in " + h[0] + ".." + h[1], nets)
                            .check(DeepEqualsShallow::rankOfProduct).tries(100).build(),
                    Property.of("factorisation-K1", LinearNet.class)
                            .description("P4b (K1): every R with rank r <= d_p is a product W_H ... W_1 (surjectivity)")
                            .generator("R = G1 G2 with inner dimension r in [0, d_p]", nets)
                            .check(DeepEqualsShallow::factorisation).tries(100).build(),
                    Property.of("equal-minima", LinearNet.class)
                            .description("P4c: min over W of L_deep (Levenberg-Marquardt, " + restarts + " random starts) equals "
                                    + "the reduced-rank closed form L(W*) + 1/2 sum_{i > d_p} s_i^2")
                            .generator("Gaussian X (m in [d0+2, d0+6]), Y; starts N(0, 0.5^2)", nets)
                            .check(n -> equalMinima(n, restarts)).tries(12).build(),
                    Property.of("many-to-one", LinearNet.class)
                            .description("P4d: (A W_k, W_{k+1} A^-1) with A = I + 0.5 G/||G|| leaves the product unchanged")
                            .generator("random weights and layer k", nets)
                            .check(DeepEqualsShallow::manyToOne).tries(100).build());
        }

        static List<DMatrixRMaj> randomWeights(int[] dims, Random rng) {
            List<DMatrixRMaj> ws = new ArrayList<>();
            for (int k = 1; k < dims.length; k++) ws.add(DeepLinear.gaussian(dims[k], dims[k - 1], rng));
            return ws;
        }

        static Evidence rankOfProduct(LinearNet n) {
            DMatrixRMaj r = DeepLinear.product(randomWeights(n.dims(), n.rng()));
            return Evidence.le("rank(W_H...W_1) <= d_p", Checks.rank(r), n.bottleneck(), 0);
        }

        static Evidence factorisation(LinearNet n) {
            Random rng = n.rng();
            int d0 = n.dims()[0], dh = n.dims()[n.depth()];
            int r = rng.nextInt(n.bottleneck() + 1);
            DMatrixRMaj target = r == 0 ? new DMatrixRMaj(dh, d0) : Linalg.mult(DeepLinear.gaussian(dh, r, rng), DeepLinear.gaussian(r, d0, rng));
            DMatrixRMaj prod = DeepLinear.product(DeepLinear.factorise(target, n.dims()));
            double scale = Checks.fro(target);
            return Evidence.le("||W_H...W_1 - R||_F (K1)", Checks.fro(Linalg.minus(prod, target)), 0,
                    Checks.tol(scale, n.depth() * (d0 + dh))).with("rank R", r);
        }

        static Evidence equalMinima(LinearNet n, int restarts) {
            DMatrixRMaj x = n.x(), y = n.y();
            double closed = new DeepLinear.RankConstrained(x, y).minimum(n.bottleneck());
            Random rng = n.rng();
            double best = Double.POSITIVE_INFINITY;
            for (int s = 0; s < restarts; s++) best = Math.min(best, fitDeep(n, rng, 0.5).loss());
            double ny = Checks.fro(y);
            return Evidence.eq("min L_deep (LM) vs min_{rk R <= d_p} L_shallow", best, closed, lossTolerance(n, closed, ny))
                    .with("restarts", restarts);
        }

        static Evidence manyToOne(LinearNet n) {
            Random rng = n.rng();
            List<DMatrixRMaj> ws = randomWeights(n.dims(), rng);
            if (ws.size() < 2) return Evidence.fact("depth >= 2", true);
            int k = rng.nextInt(ws.size() - 1);
            int dk = n.dims()[k + 1];
            DMatrixRMaj g = DeepLinear.gaussian(dk, dk, rng);
            DMatrixRMaj a = Linalg.plus(Linalg.identity(dk), Linalg.scale(0.5 / Linalg.spectralNorm(g), g));
            DMatrixRMaj aInv = new DMatrixRMaj(dk, dk);
            CommonOps_DDRM.invert(a, aInv);
            List<DMatrixRMaj> moved = new ArrayList<>(ws);
            moved.set(k, Linalg.mult(a, ws.get(k)));
            moved.set(k + 1, Linalg.mult(ws.get(k + 1), aInv));
            DMatrixRMaj r = DeepLinear.product(ws), r2 = DeepLinear.product(moved);
            double cond = Linalg.spectralNorm(a) * Linalg.spectralNorm(aInv);
            double scale = 1;
            for (DMatrixRMaj w : ws) scale *= Linalg.spectralNorm(w);
            return Evidence.le("||product after (A W_k, W_{k+1} A^-1) - product||", Checks.fro(Linalg.minus(r, r2)), 0,
                    Checks.tol(scale * cond, n.depth() * 6 * 6)).with("cond(A)", cond);
        }
    }

    /** Levenberg-Marquardt on the deep linear loss from N(0, scale^2) weights. */
    static Fitting.Fit fitDeep(LinearNet n, Random rng, double scale) {
        DeepNet net = DeepLinear.net(n.dims());
        double[] theta0 = net.initStandard(rng, scale);
        return Fitting.levenbergMarquardt(net.model(DeepLinear.samples(n.x()), DeepLinear.samples(n.y())), theta0, 400);
    }

    /** Loss comparisons after an optimiser run to convergence: rounding of the loss at the residual scale ||Y||^2. */
    static double lossTolerance(LinearNet n, double loss, double yNorm) {
        return Checks.tol(loss + yNorm * yNorm, n.m() * n.dims().length * 36);
    }

    /** golikov/C5: both problems are non-convex (rank domain; weight-space symmetries). */
    static final class NonConvex extends PropertyClaim {
        NonConvex() {
            super("golikov/C5");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var nets = Gen.linearNets(2, 4, 6, 2, 6);
            var nets2 = Gen.linearNets(2, 2, 6, 2, 6);
            return List.of(
                    Property.of("rank-domain", LinearNet.class)
                            .description("P5a: d_p < min(d0, dH); R1, R2 of rank d_p, their midpoint has rank min(2 d_p, d0, dH) > d_p")
                            .generator("R_i = U_i V_i^T, Gaussian U_i (dH x d_p), V_i (d0 x d_p)", nets)
                            .hypotheses(n -> n.bottleneck() < Math.min(n.dims()[0], n.dims()[n.depth()]) ? null : "rank constraint is vacuous")
                            .check(NonConvex::midpointRank).tries(100).build(),
                    Property.of("control-vacuous-rank-constraint", LinearNet.class)
                            .description("negative control: d_p >= min(d0, dH), the constraint is vacuous and the domain convex")
                            .generator("same, restricted to d_p = min(d0, dH)", nets)
                            .hypotheses(n -> n.bottleneck() >= Math.min(n.dims()[0], n.dims()[n.depth()]) ? null : "non-trivial constraint")
                            .check(NonConvex::midpointRank).expectRefuted().tries(30).build(),
                    Property.of("rescaling-symmetry", LinearNet.class)
                            .description("P5b: L(c W_1, W_2 / c, ...) = L(W) for c != 0")
                            .generator("random weights, c in [0.1, 10] or negative", nets)
                            .check(NonConvex::rescaling).tries(100).build(),
                    Property.of("sign-symmetric-minima", LinearNet.class)
                            .description("P5c: (W1, W2) a global minimiser (K1 of R*) with Y X^T != 0; (-W1, -W2) is one too, "
                                    + "and the midpoint 0 has loss 1/2 ||Y||^2 above the common value")
                            .generator("H = 2, Gaussian X (m in [d0+2, d0+6]), Y", nets2)
                            .check(NonConvex::signMidpoint).tries(100).build());
        }

        static Evidence midpointRank(LinearNet n) {
            Random rng = n.rng();
            int dp = n.bottleneck(), d0 = n.dims()[0], dh = n.dims()[n.depth()];
            DMatrixRMaj r1 = Linalg.mult(DeepLinear.gaussian(dh, dp, rng), Linalg.transpose(DeepLinear.gaussian(d0, dp, rng)));
            DMatrixRMaj r2 = Linalg.mult(DeepLinear.gaussian(dh, dp, rng), Linalg.transpose(DeepLinear.gaussian(d0, dp, rng)));
            DMatrixRMaj mid = Linalg.scale(0.5, Linalg.plus(r1, r2));
            return Evidence.ge("rank((R1 + R2)/2) > d_p", Checks.rank(mid), dp + 1, 0)
                    .with("ranks R1, R2", Checks.rank(r1) + ", " + Checks.rank(r2));
        }

        static Evidence rescaling(LinearNet n) {
            Random rng = n.rng();
            List<DMatrixRMaj> ws = DeepEqualsShallow.randomWeights(n.dims(), rng);
            double c = (rng.nextBoolean() ? 1 : -1) * Math.exp(Math.log(10) * (2 * rng.nextDouble() - 1));
            List<DMatrixRMaj> moved = new ArrayList<>(ws);
            moved.set(0, Linalg.scale(c, ws.get(0)));
            moved.set(1, Linalg.scale(1 / c, ws.get(1)));
            DMatrixRMaj x = n.x(), y = n.y();
            double l = DeepLinear.loss(ws, x, y), l2 = DeepLinear.loss(moved, x, y);
            double prod = 1;
            for (DMatrixRMaj w : ws) prod *= Linalg.spectralNorm(w);
            double scale = Math.pow(Checks.fro(y) + prod * Checks.fro(x), 2);
            return Evidence.eq("L(c W1, W2/c, ...) vs L(W)", l2, l, Checks.tol(scale, n.m() * 6 * n.depth())).with("c", c);
        }

        static Evidence signMidpoint(LinearNet n) {
            DMatrixRMaj x = n.x(), y = n.y();
            DeepLinear.RankConstrained rc = new DeepLinear.RankConstrained(x, y);
            List<DMatrixRMaj> ws = DeepLinear.factorise(rc.minimiser(n.bottleneck()), n.dims());
            List<DMatrixRMaj> neg = List.of(Linalg.scale(-1, ws.get(0)), Linalg.scale(-1, ws.get(1)));
            double l1 = DeepLinear.loss(ws, x, y), l2 = DeepLinear.loss(neg, x, y);
            double mid = DeepLinear.loss(new DMatrixRMaj(y.numRows, x.numRows), x, y);
            double ny = Checks.fro(y);
            double tol = Checks.tol(ny * ny, n.m() * 36);
            return Evidence.worst(
                    Evidence.eq("L(-W1, -W2) vs L(W1, W2)", l2, l1, tol),
                    Evidence.eq("L(W1, W2) vs closed-form minimum", l1, rc.minimum(n.bottleneck()), lossTolerance(n, l1, ny)),
                    Evidence.ge("L(midpoint 0) - L(W1, W2) (convexity would need <= 0)", mid - l1, 0, 0)
                            .with("needs > rounding", tol));
        }
    }

    /** golikov/C6, Lu & Kawaguchi Thm 2.1: a local minimum W of L_deep maps to a local minimum R = W_H...W_1 of L_shallow. */
    static final class LocalMinMapsToLocalMin extends PropertyClaim {
        LocalMinMapsToLocalMin() {
            super("golikov/C6");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("perturbations", 200, "rank-<= d_p perturbations of R-bar per instance"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            int perturbations = p.integer("perturbations");
            return List.of(Property.of("perturbations-of-R-bar", LinearNet.class)
                    .description("W-bar from Levenberg-Marquardt (second-order certificate: gradient ~ 0, Hessian PSD); "
                            + perturbations + " perturbations R = (U + eps A)(V + eps B)^T of R-bar = U V^T, eps in {1e-2, 1e-3}: "
                            + "L_shallow(R) >= L_shallow(R-bar)")
                    .generator("H in [2,4], widths in [1,6], Gaussian X (m in [d0+2, d0+6]), Y", Gen.linearNets(2, 4, 6, 2, 6))
                    .check(n -> perturb(n, perturbations)).tries(10).build());
        }

        static Evidence perturb(LinearNet n, int count) {
            DMatrixRMaj x = n.x(), y = n.y();
            Fitting.Fit fit = fitDeep(n, n.rng(), 0.5);
            DeepNet net = DeepLinear.net(n.dims());
            Checks.SecondOrder so = Checks.secondOrder(net, fit.theta(), DeepLinear.samples(x), DeepLinear.samples(y));
            DMatrixRMaj rbar = DeepLinear.product(DeepLinear.weights(n.dims(), fit.theta()));
            double lbar = DeepLinear.loss(rbar, x, y);
            DeepLinear.Svd s = DeepLinear.svd(rbar);
            int dp = n.bottleneck(), d0 = x.numRows, dh = y.numRows;
            DMatrixRMaj u = new DMatrixRMaj(dh, dp), v = new DMatrixRMaj(d0, dp);
            for (int k = 0; k < Math.min(dp, s.s().length); k++) {
                for (int i = 0; i < dh; i++) u.set(i, k, s.u().get(i, k) * s.s()[k]);
                for (int j = 0; j < d0; j++) v.set(j, k, s.v().get(j, k));
            }
            Random rng = new Random(n.seed() + 5);
            double worst = Double.POSITIVE_INFINITY;
            DMatrixRMaj g = DeepLinear.gradient(rbar, x, y);
            // the end point is critical only to the optimiser's accuracy: its tangential gradient on the rank stratum
            // bounds the first-order loss it can concede along a feasible perturbation
            double tangential = RankConstrainedMinimaGlobal.stratumGradient(rbar, g, Math.min(Checks.rank(rbar), dp));
            double tol = Double.POSITIVE_INFINITY;
            for (int t = 0; t < count; t++) {
                double eps = t % 2 == 0 ? 1e-2 : 1e-3;
                DMatrixRMaj r = Linalg.mult(Linalg.plus(u, Linalg.scale(eps, DeepLinear.gaussian(dh, dp, rng))),
                        Linalg.transpose(Linalg.plus(v, Linalg.scale(eps, DeepLinear.gaussian(d0, dp, rng)))));
                double gap = DeepLinear.loss(r, x, y) - lbar;
                if (gap < worst) {
                    worst = gap;
                    tol = tangential * Checks.fro(Linalg.minus(r, rbar)) + Checks.tol(lbar + Checks.fro(y) * Checks.fro(y), n.m() * 36);
                }
            }
            return Evidence.ge("min over perturbations of L_shallow(R) - L_shallow(R-bar)", worst, 0, tol)
                    .with("gradient norm at W-bar", so.gradientNorm()).with("lambda_min Hessian", so.lambdaMin())
                    .with("tangential ||grad_R L(R-bar)||", tangential);
        }
    }

    /** golikov/C7, Lu & Kawaguchi Thm 2.2: every local minimum of the rank-constrained L_shallow(R) is global. */
    static final class RankConstrainedMinimaGlobal extends PropertyClaim {
        RankConstrainedMinimaGlobal() {
            super("golikov/C7");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var nets = Gen.linearNets(2, 3, 6, 0, 6);
            return List.of(
                    Property.of("critical-point-enumeration", LinearNet.class)
                            .description("every R_S (|S| <= r = d_p among the non-zero s_i of Y-hat) is critical on its rank "
                                    + "stratum; every S but the top one has a rank-preserving descent curve (K2, or adding a "
                                    + "component for |S| < r), matching the closed-form loss; so the only local minimum is global")
                            .generator("Gaussian X (m in [d0, d0+6]), Y; r = bottleneck of widths in [1,6]", nets)
                            .hypotheses(n -> Linalg.sigmaMin(n.x()) > Linalg.rankTolerance(n.x()) ? null : "X X^T singular")
                            .check(RankConstrainedMinimaGlobal::enumerate).tries(100).build(),
                    Property.of("footnote-1-population-version", LinearNet.class)
                            .description("G2 (footnote 1): 1/2 E||y - R x||^2 - 1/2 ||Y~ - R X~||^2 is constant in R for "
                                    + "X~ = Sxx^(1/2), Y~ = Syx Sxx^(-1/2) (Gaussian-mixture moments), so Thm 2.2 transfers")
                            .generator("3-component Gaussian mixture of (x, y), 20 random R", nets)
                            .check(RankConstrainedMinimaGlobal::population).informative().tries(30).build());
        }

        static Evidence enumerate(LinearNet n) {
            DMatrixRMaj x = n.x(), y = n.y();
            DeepLinear.RankConstrained rc = new DeepLinear.RankConstrained(x, y);
            int q = rc.rankYHat, r = Math.min(n.bottleneck(), q);
            double ny = Checks.fro(y), nx = Checks.fro(x);
            double gradTol = Checks.tol(ny * nx * (1 + nx * Checks.fro(rc.rightInv)), n.m() * 36);
            // losses of R = Z X^T (X X^T)^-1 go through the inverse of X X^T: R X = Z P is off by ~ eps cond(X)^2 ||Z||
            double cond = Checks.cond(x), lossTol = Checks.tol(ny * ny * cond * cond, n.m() * 36);
            List<Evidence> parts = new ArrayList<>();
            int withoutDescent = 0;
            double worstCrit = 0, worstFormula = 0;
            double worstDescent = Double.POSITIVE_INFINITY, worstDescentTol = 0;
            for (int size = 0; size <= r; size++) {
                for (int[] subset : subsets(q, size)) {
                    DMatrixRMaj rs = rc.critical(subset);
                    DMatrixRMaj g = DeepLinear.gradient(rs, x, y);
                    worstCrit = Math.max(worstCrit, stratumGradient(rs, g, size));
                    double l = DeepLinear.loss(rs, x, y);
                    DMatrixRMaj next = descentPoint(rc, subset, r);
                    if (next == null) withoutDescent++;
                    else {
                        double decrease = l - DeepLinear.loss(next, x, y);
                        // both losses use the same computed (X X^T)^-1: its eps cond(X)^2 error enters the difference only
                        // through (R' - R_S) X; each product's own rounding is eps cond(X) ||Z|| <= eps cond(X) ||Y||
                        double moved = Checks.fro(Linalg.mult(Linalg.minus(next, rs), x));
                        double decreaseTol = Checks.tol(ny * (cond * cond * moved + 2 * cond * ny) + ny * ny, n.m() * 36);
                        if (worstDescent == Double.POSITIVE_INFINITY || decrease * worstDescentTol < worstDescent * decreaseTol) {
                            worstDescent = decrease;
                            worstDescentTol = decreaseTol;
                        }
                        if (size == r) {
                            int[] pair = swapPair(rc, subset);
                            double t = 0.05;
                            double formula = rc.descentCurveLoss(subset, pair[0], pair[1], t);
                            worstFormula = Math.max(worstFormula, Math.abs(DeepLinear.loss(rc.descentCurve(subset, pair[0], pair[1], t), x, y) - formula));
                        }
                    }
                }
            }
            parts.add(Evidence.le("max ||P_T grad L(R_S)|| over critical points (projected on the rank stratum)", worstCrit, 0, gradTol));
            parts.add(Evidence.eq("critical points without a rank-preserving descent curve", withoutDescent, 1, 0));
            if (worstDescent < Double.POSITIVE_INFINITY)
                parts.add(Evidence.ge("least resolved loss decrease along a descent curve (must exceed its rounding)", worstDescent, worstDescentTol, 0));
            parts.add(Evidence.le("|L(R(t)) - closed-form K2 loss|", worstFormula, 0, lossTol));
            return Evidence.worst(parts).with("rank Y-hat", q).with("r", r);
        }

        /** ||U^T G|| + ||G P_row|| (the tangent part of the gradient on the rank-|S| manifold), 0 for R = 0 when size 0. */
        static double stratumGradient(DMatrixRMaj rs, DMatrixRMaj g, int size) {
            if (size == 0) return 0;
            DeepLinear.Svd s = DeepLinear.svd(rs);
            DMatrixRMaj u = new DMatrixRMaj(rs.numRows, size), v = new DMatrixRMaj(rs.numCols, size);
            for (int k = 0; k < size; k++) {
                for (int i = 0; i < rs.numRows; i++) u.set(i, k, s.u().get(i, k));
                for (int j = 0; j < rs.numCols; j++) v.set(j, k, s.v().get(j, k));
            }
            return Checks.fro(Linalg.mult(Linalg.transpose(u), g)) + Checks.fro(Linalg.mult(g, v));
        }

        /** A point on a rank-preserving descent curve at R_S (K1 adds a component, K2 swaps one), or null if S is the top subset. */
        static DMatrixRMaj descentPoint(DeepLinear.RankConstrained rc, int[] subset, int r) {
            double t = 1e-3;
            if (subset.length < r) {
                int j = firstOutside(subset, rc.rankYHat);
                if (j < 0) return null;
                DMatrixRMaj z = DeepLinear.outer(rc.svd.uCol(j), rc.svd.vCol(j));
                DMatrixRMaj step = Linalg.scale(t * rc.svd.s()[j], rc.fromColumnSpace(z));
                return Linalg.plus(rc.critical(subset), step);
            }
            int[] pair = swapPair(rc, subset);
            if (pair == null) return null;
            return rc.descentCurve(subset, pair[0], pair[1], 0.05);
        }

        /** The smallest s_i0 in S and the largest s_j0 outside S if s_j0 > s_i0 beyond rounding, else null (S is the top set). */
        static int[] swapPair(DeepLinear.RankConstrained rc, int[] subset) {
            double[] s = rc.svd.s();
            double tol = Checks.tol(s.length == 0 ? 0 : s[0], 8);
            int i0 = -1, j0 = -1;
            for (int i : subset) if (i0 < 0 || s[i] < s[i0]) i0 = i;
            for (int j = 0; j < rc.rankYHat; j++) if (!contains(subset, j) && (j0 < 0 || s[j] > s[j0])) j0 = j;
            return i0 >= 0 && j0 >= 0 && s[j0] > s[i0] + tol ? new int[] {i0, j0} : null;
        }

        static int firstOutside(int[] subset, int q) {
            for (int j = 0; j < q; j++) if (!contains(subset, j)) return j;
            return -1;
        }

        static boolean contains(int[] a, int v) {
            for (int x : a) if (x == v) return true;
            return false;
        }

        static List<int[]> subsets(int n, int k) {
            List<int[]> out = new ArrayList<>();
            collect(n, k, 0, new int[k], 0, out);
            return out;
        }

        private static void collect(int n, int k, int start, int[] cur, int depth, List<int[]> out) {
            if (depth == k) {
                out.add(cur.clone());
                return;
            }
            for (int i = start; i < n; i++) {
                cur[depth] = i;
                collect(n, k, i + 1, cur, depth + 1, out);
            }
        }

        static Evidence population(LinearNet n) {
            Random rng = n.rng();
            int d0 = n.dims()[0], dh = n.dims()[n.depth()], dim = d0 + dh;
            DMatrixRMaj second = new DMatrixRMaj(dim, dim);
            double[] w = {0.2, 0.3, 0.5};
            for (double wk : w) {
                DMatrixRMaj g = DeepLinear.gaussian(dim, dim, rng);
                DMatrixRMaj mu = DeepLinear.gaussian(dim, 1, rng);
                CommonOps_DDRM.addEquals(second, wk, Linalg.plus(Linalg.scale(1.0 / dim, Linalg.gram(g)), Linalg.gram(mu)));
            }
            DMatrixRMaj sxx = CommonOps_DDRM.extract(second, 0, d0, 0, d0), syx = CommonOps_DDRM.extract(second, d0, dim, 0, d0),
                    syy = CommonOps_DDRM.extract(second, d0, dim, d0, dim);
            Linalg.EigenPairs e = Linalg.symmetricEigen(sxx);
            DMatrixRMaj half = new DMatrixRMaj(d0, d0), invHalf = new DMatrixRMaj(d0, d0);
            for (int k = 0; k < d0; k++) {
                DMatrixRMaj vv = DeepLinear.outer(e.vector(k), e.vector(k));
                CommonOps_DDRM.addEquals(half, Math.sqrt(e.values()[k]), vv);
                CommonOps_DDRM.addEquals(invHalf, 1 / Math.sqrt(e.values()[k]), vv);
            }
            DMatrixRMaj yt = Linalg.mult(syx, invHalf);
            double first = Double.NaN, spread = 0, scale = CommonOps_DDRM.trace(syy);
            for (int t = 0; t < 20; t++) {
                DMatrixRMaj r = DeepLinear.gaussian(dh, d0, rng);
                double pop = 0.5 * (CommonOps_DDRM.trace(syy) - 2 * CommonOps_DDRM.trace(Linalg.mult(r, Linalg.transpose(syx)))
                        + CommonOps_DDRM.trace(Linalg.mult(Linalg.mult(r, sxx), Linalg.transpose(r))));
                double fin = DeepLinear.loss(r, half, yt);
                double diff = pop - fin;
                scale = Math.max(scale, pop);
                if (t == 0) first = diff;
                spread = Math.max(spread, Math.abs(diff - first));
            }
            return Evidence.le("spread of 1/2 E||y - Rx||^2 - 1/2 ||Y~ - R X~||^2 over 20 R", spread, 0, Checks.tol(scale, dim * dim * 20))
                    .with("constant", first);
        }
    }

    /** golikov/C8, Lu & Kawaguchi Thm 2.3: every local minimum of L_deep is global. */
    static final class DeepLocalMinimaGlobal extends PropertyClaim {
        DeepLocalMinimaGlobal() {
            super("golikov/C8");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(Property.of("levenberg-marquardt-end-points", LinearNet.class)
                    .description("Levenberg-Marquardt end points that pass the second-order certificate (||grad|| <= 1e-8 "
                            + "scale, lambda_min(Hessian) >= -1e-7 ||Hessian||) have the global value L(R*_{d_p}); start scale "
                            + "0.3..1 so runs do not stall at W = 0 (a non-strict saddle for H >= 3, C1)")
                    .generator("H in [2,4], widths in [1,6], Gaussian X (m in [d0+2, d0+6]), Y", Gen.linearNets(2, 4, 6, 2, 6))
                    .hypotheses(n -> endPointOf(n).certified() ? null : "end point fails the second-order certificate")
                    .check(DeepLocalMinimaGlobal::endPoint).tries(15).build());
        }

        record EndPoint(Fitting.Fit fit, Checks.SecondOrder so, double scale) {
            boolean certified() {
                return so.stationary(1e-8) && so.psd(1e-7);
            }
        }

        static EndPoint endPointOf(LinearNet n) {
            return Memo.get("C8 " + java.util.Arrays.toString(n.dims()) + " " + n.m() + " " + n.seed(), () -> {
                Random rng = n.rng();
                double scale = 0.3 + 0.7 * rng.nextDouble();
                Fitting.Fit fit = fitDeep(n, rng, scale);
                return new EndPoint(fit, Checks.secondOrder(DeepLinear.net(n.dims()), fit.theta(), DeepLinear.samples(n.x()),
                        DeepLinear.samples(n.y())), scale);
            });
        }

        static Evidence endPoint(LinearNet n) {
            DMatrixRMaj x = n.x(), y = n.y();
            double closed = new DeepLinear.RankConstrained(x, y).minimum(n.bottleneck());
            EndPoint e = endPointOf(n);
            return Evidence.le("L_deep at a certified local minimum <= global minimum", e.fit().loss(), closed,
                            lossTolerance(n, closed, Checks.fro(y)))
                    .with("gradient", e.so().gradientNorm()).with("lambda_min", e.so().lambdaMin()).with("start scale", e.scale());
        }
    }

    /** golikov/C9: the lifting of Thm 2.1's proof (K3): rank-preserving perturbations of R-bar lift to nearby W (H = 2). */
    static final class Lifting extends PropertyClaim {
        Lifting() {
            super("golikov/C9");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            return List.of(
                    Property.of("lift-K3", LinearNet.class)
                            .description("rk R-bar = d_p: R = (W2bar + eps A)(W1bar + eps B), eps = 1e-1..1e-4, lifts by K3 to "
                                    + "W2 W1 = R with ||W1 - W1bar|| + ||W2 - W2bar|| <= C ||R - R-bar|| for the explicit constant C of "
                                    + "the K3 formulas (pseudo-inverse norms, Wedin's bound in the hidden-bottleneck case)")
                            .generator("H = 2, widths in [1,6], Gaussian weights", Gen.linearNets(2, 2, 6, 0, 0))
                            .check(Lifting::lift).tries(100).build(),
                    Property.of("control-rank-deficient", LinearNet.class)
                            .description("negative control (P9-neg): rk R-bar < d_p, d0 = d2 = 2, d1 = 1, W1bar = 0, W2bar = u, "
                                    + "R = eps v v^T (v orthogonal to u): the nearest factorisation (minimised over all of them) stays at "
                                    + "distance ~1, so the lift ratio grows like 1/eps instead of staying bounded")
                            .generator("u, v random orthonormal in R^2", Gen.linearNets(2, 2, 1, 0, 0))
                            .check(Lifting::rankDeficient).certify(Lifting::certifyDeficient).expectRefuted().tries(10).build());
        }

        static Evidence lift(LinearNet n) {
            Random rng = n.rng();
            int d0 = n.dims()[0], d1 = n.dims()[1], d2 = n.dims()[2], dp = Math.min(d1, Math.min(d0, d2));
            DMatrixRMaj w1 = DeepLinear.gaussian(d1, d0, rng), w2 = DeepLinear.gaussian(d2, d1, rng);
            DMatrixRMaj a = DeepLinear.gaussian(d2, d1, rng), b = DeepLinear.gaussian(d1, d0, rng);
            DMatrixRMaj rbar = Linalg.mult(w2, w1);
            double p1 = Linalg.spectralNorm(Linalg.pinv(w1)), p2 = Linalg.spectralNorm(Linalg.pinv(w2));
            double worstFit = 0, worstRatio = 0, cond = Checks.cond(w1) * Checks.cond(w2);
            for (double e : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
                DMatrixRMaj r = Linalg.mult(Linalg.plus(w2, Linalg.scale(e, a)), Linalg.plus(w1, Linalg.scale(e, b)));
                DMatrixRMaj[] lifted = DeepLinear.lift(w1, w2, r);
                double dr = Checks.fro(Linalg.minus(r, rbar));
                worstFit = Math.max(worstFit, Checks.fro(Linalg.minus(Linalg.mult(lifted[1], lifted[0]), r)) / Checks.fro(r));
                double dist = Checks.fro(Linalg.minus(lifted[0], w1)) + Checks.fro(Linalg.minus(lifted[1], w2));
                // differences of O(1) matrices at O(eps) lose digits: relative rounding ~ eps_machine (1 + cond) scale / ||dR||
                double scale = Checks.fro(r) + Checks.fro(w1) + Checks.fro(w2);
                double rounding = Checks.tol((1 + cond) * scale / dr, 64);
                worstRatio = Math.max(worstRatio, dist / (bound(dp == d1 ? 1 : dp == d2 ? 2 : 0, p1, p2, lifted[1], rbar) * dr) - rounding);
            }
            return Evidence.worst(
                    Evidence.le("max ||W2 W1 - R|| / ||R||", worstFit, 0, Checks.tol(cond, 36)),
                    Evidence.le("max over eps of lift distance / (C ||R - R-bar||_F) less its rounding, explicit C", worstRatio, 1, 0))
                    .with("case", dp == d1 ? "d_p = d1" : dp == d2 ? "d_p = d2" : "d_p = d0");
        }

        /**
         * The Lipschitz constant C of the K3 lift, ||W - W-bar||_F <= C ||R - R-bar||_F: 1/s(W1bar) (case d0), 1/s(W2bar)
         * (case d2), and for the hidden bottleneck ||W2 - W2bar|| <= ||W1bar^+|| ||dR||, ||W1 - W1bar|| <= ||W2^+|| ||dR|| +
         * mu ||W2^+|| ||W2bar^+|| ||W1bar^+|| ||dR|| ||R-bar|| with Wedin's mu = (1 + sqrt 5)/2.
         */
        static double bound(int kase, double p1, double p2, DMatrixRMaj w2, DMatrixRMaj rbar) {
            if (kase == 0) return p1;
            if (kase == 2) return p2;
            double q2 = Linalg.spectralNorm(Linalg.pinv(w2)), mu = (1 + Math.sqrt(5)) / 2;
            return p1 + q2 + mu * q2 * p2 * p1 * Checks.fro(rbar);
        }

        /**
         * R-bar = 0 from W1bar = 0 (1 x 2), W2bar = u (2 x 1); R = eps v v^T. Every factorisation is W2 = alpha v, W1 =
         * (eps / alpha) v^T, so the nearest lift minimises eps^2/alpha^2 + ||alpha v - u||^2 over alpha (Brent on both
         * signs). The lift ratio distance / ||R - R-bar|| must stay within 10% over eps (the P9 criterion).
         */
        static Evidence rankDeficient(LinearNet n) {
            double[] uv = unitPair(n.seed());
            double[] eps = {1e-2, 1e-3, 1e-4}, ratio = new double[eps.length];
            for (int k = 0; k < eps.length; k++) ratio[k] = nearestLift(uv, eps[k]) / eps[k];
            double lo = Arrays.stream(ratio).min().orElseThrow(), hi = Arrays.stream(ratio).max().orElseThrow();
            return Evidence.le("max/min over eps of (nearest lift distance) / ||R - R-bar||", hi / lo, 1.1, 0)
                    .with("ratios", ratio).with("u.v", uv[0] * uv[2] + uv[1] * uv[3]);
        }

        static double nearestLift(double[] uv, double eps) {
            UnivariateFunction d2 = a -> eps * eps / (a * a) + Math.pow(a * uv[2] - uv[0], 2) + Math.pow(a * uv[3] - uv[1], 2);
            BrentOptimizer brent = new BrentOptimizer(1e-12, 1e-300);
            double best = Double.POSITIVE_INFINITY;
            for (int sign : new int[] {1, -1}) {
                UnivariateObjectiveFunction f = new UnivariateObjectiveFunction(t -> d2.value(sign * Math.exp(t)));
                best = Math.min(best, brent.optimize(new MaxEval(10_000), f, GoalType.MINIMIZE, new SearchInterval(-30, 5, 0)).getValue());
            }
            return Math.sqrt(best);
        }

        static double[] unitPair(long seed) {
            double a = new Random(seed).nextDouble() * 2 * Math.PI;
            return new double[] {Math.cos(a), Math.sin(a), -Math.sin(a), Math.cos(a)};
        }

        /**
         * In 60 digits: every lift has ||W2 - u|| >= dist(u, span v) = sqrt(1 - (u.v)^2) (a lower bound at eps = 1e-4), and
         * alpha = sqrt(eps) gives an explicit lift (an upper bound at eps = 1e-2); the ratio spread is at least their quotient.
         */
        static Certificate certifyDeficient(LinearNet n, Evidence e) {
            HighPrecision hp = new HighPrecision();
            double[] uv = unitPair(n.seed());
            Dfp[] u = {hp.of(uv[0]), hp.of(uv[1])}, v = {hp.of(uv[2]), hp.of(uv[3])};
            Dfp uu = hp.dot(u, u), vv = hp.dot(v, v), dot = hp.dot(u, v);
            Dfp lower = uu.subtract(dot.multiply(dot).divide(vv)).sqrt().divide(hp.of("1e-4"));
            Dfp eps = hp.of("1e-2"), alpha = eps.sqrt();
            Dfp upper = eps.multiply(eps).divide(alpha.multiply(alpha)).add(alpha.multiply(alpha).multiply(vv))
                    .subtract(alpha.multiply(dot).multiply(2)).add(uu).sqrt().divide(eps);
            return Checks.of(hp, "Dfp: (lower bound of the lift ratio at eps = 1e-4) / (explicit lift ratio at eps = 1e-2)",
                    hp.of(1.1).subtract(lower.divide(upper)), "ratio spread >= " + SigmoidClaims.brief(lower.divide(upper)) + " > 1.1");
        }
    }

    /** golikov/C10, Thms 3.2/3.3 as paraphrased: a rank-deficient local minimum can be perturbed to rank d_p at equal loss. */
    static final class RankDeficientParaphrase extends PropertyClaim {
        RankDeficientParaphrase() {
            super("golikov/C10");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(Gen.widths(2, 2, 1, 4), Gen.ints(0, 4), Gen.ints(0, 3), Gen.seeds())
                    .as((dims, extra, rank, seed) -> new LowRankTargets(dims, dims[0] + extra, Math.min(rank, DeepLinear.bottleneck(dims) - 1), seed));
            return List.of(
                    Property.of("loss-preserving-full-rank-local-minimum", LowRankTargets.class)
                            .description("K4: Y = W0 X, rank W0 < d_p, X of full row rank. Every local minimum of L_deep is global "
                                    + "(C8) and its product is the unique minimiser W0, so a local minimum with rank d_p and the same "
                                    + "loss requires rank(W0) = d_p")
                            .generator("H = 2, widths in [1,4], rank(W0) in [0, d_p - 1], m in [d0, d0+4]", gen)
                            .hypotheses(RankDeficientParaphrase::valid)
                            .check(RankDeficientParaphrase::paraphrase).certify(RankDeficientParaphrase::certify).tries(50).build(),
                    Property.of("rank-d_p-products-lose", LowRankTargets.class)
                            .description("Y = 0: every W with rk(W2 W1) = d_p has L >= 1/2 sigma_min(X)^2 ||W2 W1||^2 > 0 = L(0)")
                            .generator("H = 2, random W of full rank", gen)
                            .hypotheses(RankDeficientParaphrase::valid)
                            .check(RankDeficientParaphrase::zeroTargets).informative().tries(50).build());
        }

        static String valid(LowRankTargets t) {
            if (t.rank() < 0) return "d_p = 0";
            return Linalg.sigmaMin(t.x()) > Linalg.rankTolerance(t.x()) ? null : "X X^T singular";
        }

        static Evidence paraphrase(LowRankTargets t) {
            DMatrixRMaj x = t.x(), y = Linalg.mult(t.w0(), x);
            DMatrixRMaj wStar = DeepLinear.leastSquares(x, y);
            int dp = DeepLinear.bottleneck(t.dims());
            return Evidence.eq("rank of the product at every local minimum (unique minimiser W*) vs d_p", Checks.rank(wStar), dp, 0)
                    .with("L(W*)", DeepLinear.loss(wStar, x, y));
        }

        /** In 60 digits: rank(W0) < d_p and sigma_min(X) > 0, so W* = W0 is the unique minimiser. */
        static Certificate certify(LowRankTargets t, Evidence e) {
            HighPrecision hp = new HighPrecision();
            Dfp[][] w0 = hp.of(t.w0());
            int rank = hp.rank(w0);
            Dfp smin = hp.sigmaMin(hp.of(t.x()));
            int dp = DeepLinear.bottleneck(t.dims());
            if (!smin.greaterThan(hp.zero())) return Checks.of(hp, "Dfp sigma_min(X)", hp.zero(), "X not of full row rank");
            return Checks.of(hp, "Dfp rank(W0) - d_p (exact integers)", hp.of(rank - dp), "sigma_min(X) = " + smin.toString().substring(0, 12));
        }

        static Evidence zeroTargets(LowRankTargets t) {
            DMatrixRMaj x = t.x();
            Random rng = new Random(t.seed() + 3);
            int[] d = t.dims();
            DMatrixRMaj r = Linalg.mult(DeepLinear.gaussian(d[2], d[1], rng), DeepLinear.gaussian(d[1], d[0], rng));
            double l = DeepLinear.loss(r, x, new DMatrixRMaj(d[2], t.m()));
            double s = Linalg.sigmaMin(x), nr = Checks.fro(r);
            return Evidence.ge("L(W) >= 1/2 sigma_min(X)^2 ||W2 W1||^2 (Y = 0)", l, 0.5 * s * s * nr * nr, Checks.tol(l, t.m() * 16));
        }
    }
}
