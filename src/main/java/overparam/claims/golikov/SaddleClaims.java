package overparam.claims.golikov;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.claims.golikov.Instances.LinearNet;
import overparam.claims.golikov.Instances.SaddleRun;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.DeepNet;

import java.util.List;
import java.util.Random;

/**
 * golikov/C1, Lee et al. 2016 Thm 4.8 as quoted: randomly initialised GD finds a local minimum almost surely (section
 * 2.1) / converges to a second-order stationary point almost surely (section 2.2); the essay states no hypotheses.
 */
final class SaddleClaims extends PropertyClaim {
    SaddleClaims() {
        super("golikov/C1");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("starts", 200, "random initial points per run"),
                ParamSpec.integer("steps", 5000, "GD steps per start"));
    }

    @Override
    public List<Property<?>> properties(Params p) {
        int starts = p.integer("starts"), steps = p.integer("steps");
        var runs = Combinators.combine(Arbitraries.of("strict", "non-strict"), Gen.seeds())
                .as((f, s) -> new SaddleRun(f, stepFor(f), steps, starts, false, s));
        var manifold = Gen.seeds().map(s -> new SaddleRun("strict", stepFor("strict"), steps, 50, true, s));
        return List.of(
                Property.of("random-starts-reach-a-local-minimum", SaddleRun.class)
                        .description("section 2.1: from uniform random starts in [-2,2]^2, GD (alpha < 1/L on the box, Lee's "
                                + "step hypothesis) ends at a local minimiser; K9 functions: strict saddle x^2/2 + y^4/4 - y^2/2 "
                                + "and the C^2 non-strict saddle x^2 + y^3 + y^4 (no strict-saddle property)")
                        .generator("K9 function in {strict, non-strict}, " + starts + " starts, " + steps + " steps", runs)
                        .hypotheses(SaddleClaims::leeStepSize)
                        .check(SaddleClaims::fractionAtSaddles).certify(SaddleClaims::certifyBasin).tries(4).build(),
                Property.of("under-the-strict-saddle-hypothesis", SaddleRun.class)
                        .description("Lee et al.'s setting: the strict-saddle function only; random starts end at (0, +-1)")
                        .generator("strict function, " + starts + " starts, " + steps + " steps", runs.filter(r -> r.function().equals("strict")))
                        .hypotheses(SaddleClaims::leeStepSize)
                        .check(SaddleClaims::fractionAtSaddles).informative().tries(2).build(),
                Property.of("second-order-stationary-is-a-local-minimum", LinearNet.class)
                        .description("the two quotes identified: the deep linear net with H = 3 at W = 0 has gradient 0 and "
                                + "Hessian 0 (second-order stationary) yet L(t D) < L(0) for t > 0 along D with W3 W2 W1 = "
                                + "u1 v1^T (top singular pair of Y X^T), so it is not a local minimum (P1c)")
                        .generator("H = 3, widths in [1,4], Gaussian X (m in [d0, d0+4]), Y", Gen.linearNets(3, 3, 4, 0, 4))
                        .check(SaddleClaims::deepLinearAtZero).certify(SaddleClaims::certifyDeepLinear).tries(20).build(),
                Property.of("strict-saddle-for-H=2", LinearNet.class)
                        .description("contrast: for H = 2 the point W = 0 is a strict saddle, lambda_min(Hessian) < 0 when Y X^T != 0")
                        .generator("H = 2, widths in [1,4]", Gen.linearNets(2, 2, 4, 0, 4))
                        .check(SaddleClaims::strictForH2).informative().tries(20).build(),
                Property.of("control-starts-on-the-stable-manifold", SaddleRun.class)
                        .description("negative control: starts with y = 0 exactly (the measure-zero stable manifold of the strict "
                                + "saddle) converge to the saddle (0, 0); 'random' is needed")
                        .generator("strict function, 50 starts on y = 0", manifold)
                        .check(SaddleClaims::fractionAtSaddles).expectRefuted().tries(3).build());
    }

    /** Half of Lee's bound 1/L on the box. */
    static double stepFor(String f) {
        return 0.5 / TestFunctions.lipschitz(f);
    }

    static String leeStepSize(SaddleRun r) {
        return r.alpha() > 0 && r.alpha() < 1 / TestFunctions.lipschitz(r.function()) ? null : "step size >= 1/L";
    }

    /** Fraction of starts whose GD end point is not within 1e-6 of a local minimiser. */
    static Evidence fractionAtSaddles(SaddleRun r) {
        Random rng = new Random(r.seed());
        int bad = 0, left = 0;
        double worstDistance = 0;
        for (int s = 0; s < r.starts(); s++) {
            double x = -2 + 4 * rng.nextDouble(), y = r.onStableManifold() ? 0 : -2 + 4 * rng.nextDouble();
            double[] end = TestFunctions.descend(r.function(), x, y, r.alpha(), r.steps());
            if (end == null) {
                left++;
                continue;
            }
            double dist = TestFunctions.distanceToLocalMinimum(r.function(), end[0], end[1]);
            if (dist > 1e-6) bad++;
            worstDistance = Math.max(worstDistance, dist);
        }
        return Evidence.le("fraction of random starts not ending at a local minimiser", (double) bad / r.starts(), 0, 0)
                .with("left the box", left).with("largest distance to a local minimiser", worstDistance);
    }

    /**
     * For the non-strict function: in 60 digits, the GD map y -> y - alpha (3y^2 + 4y^3) is increasing on (0, 2] with
     * g(2) > 0, so every start with y0 in (0, 2] converges to (0, 0), which is not a local minimum: the basin of the
     * saddle contains half of the box (margin -1/2).
     */
    static Certificate certifyBasin(SaddleRun r, Evidence e) {
        HighPrecision hp = new HighPrecision();
        if (!r.function().equals("non-strict")) return Checks.of(hp, "no high-precision route for this function", hp.zero(), "");
        Dfp a = hp.of(r.alpha()), two = hp.of(2);
        Dfp slope = hp.one().subtract(a.multiply(hp.of(6).multiply(two).add(hp.of(12).multiply(two).multiply(two))));
        Dfp g2 = two.subtract(a.multiply(hp.of(3).multiply(two).multiply(two).add(hp.of(4).multiply(two).multiply(two).multiply(two))));
        boolean invariant = slope.greaterThan(hp.zero()) && g2.greaterThan(hp.zero());
        return Checks.of(hp, "Dfp: GD map increasing on (0,2] (g'(2) = " + slope.toString().substring(0, 8) + ") and g(2) > 0",
                invariant ? hp.of(-0.5) : hp.zero(), "the saddle (0,0) attracts [-2,2] x (0,2]: g(0,-t) = -t^3 + t^4 < 0");
    }

    /** Weights t D with W3 W2 W1 = u1 v1^T: L(t D) = L(0) - t^3 s1 + t^6 ||u1 v1^T X||^2 / 2. */
    static List<DMatrixRMaj> descentDirection(LinearNet n) {
        DMatrixRMaj yxt = Linalg.mult(n.y(), Linalg.transpose(n.x()));
        DeepLinear.Svd s = DeepLinear.svd(yxt);
        return DeepLinear.factorise(DeepLinear.outer(s.uCol(0), s.vCol(0)), n.dims());
    }

    static Evidence deepLinearAtZero(LinearNet n) {
        DeepNet net = DeepLinear.net(n.dims());
        double[][] xs = DeepLinear.samples(n.x()), ys = DeepLinear.samples(n.y());
        double[] zero = new double[net.parameterCount()];
        Checks.SecondOrder so = Checks.secondOrder(net, zero, xs, ys);
        List<DMatrixRMaj> d = descentDirection(n);
        double t = 0.1;
        List<DMatrixRMaj> td = d.stream().map(w -> Linalg.scale(t, w)).toList();
        double l0 = DeepLinear.loss(new DMatrixRMaj(n.y().numRows, n.x().numRows), n.x(), n.y());
        double decrease = l0 - DeepLinear.loss(td, n.x(), n.y());
        double ny = Checks.fro(n.y());
        return Evidence.le("L(0) - L(t D) at t = 0.1 (a local minimum allows no decrease)", decrease, 0, Checks.tol(ny * ny, n.m() * 16))
                .with("||grad L(0)||", so.gradientNorm()).with("lambda_min Hessian(0)", so.lambdaMin())
                .with("||Hessian(0)||", so.hessianNorm());
    }

    /** The decrease L(0) - L(t D) recomputed in 60 digits; gradient and Hessian at 0 vanish identically for H = 3. */
    static Certificate certifyDeepLinear(LinearNet n, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] x = hp.of(n.x()), y = hp.of(n.y());
        List<DMatrixRMaj> d = descentDirection(n);
        Dfp[][] r = hp.of(d.get(0));
        for (int k = 1; k < d.size(); k++) r = hp.mult(hp.of(d.get(k)), r);
        Dfp t3 = hp.of(0.1).multiply(hp.of(0.1)).multiply(hp.of(0.1));
        Dfp[][] pred = hp.scale(t3, hp.mult(r, x));
        Dfp l0 = hp.zero(), l1 = hp.zero();
        for (int i = 0; i < y.length; i++)
            for (int j = 0; j < y[i].length; j++) {
                l0 = l0.add(y[i][j].multiply(y[i][j]));
                Dfp res = y[i][j].subtract(pred[i][j]);
                l1 = l1.add(res.multiply(res));
            }
        return Checks.of(hp, "Dfp loss difference (1/2 factors cancel in sign)", l1.subtract(l0), "L(tD) < L(0) at t = 0.1");
    }

    static Evidence strictForH2(LinearNet n) {
        DeepNet net = DeepLinear.net(n.dims());
        Checks.SecondOrder so = Checks.secondOrder(net, new double[net.parameterCount()], DeepLinear.samples(n.x()), DeepLinear.samples(n.y()));
        return Evidence.le("lambda_min(Hessian at W = 0), H = 2", so.lambdaMin(), 0, 0)
                .with("-||Y X^T||_2", -Linalg.spectralNorm(Linalg.mult(n.y(), Linalg.transpose(n.x()))));
    }
}
