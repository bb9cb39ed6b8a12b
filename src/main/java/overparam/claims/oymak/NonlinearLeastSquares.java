package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;
import overparam.nn.Trace;
import overparam.nn.Trainer;

import java.util.ArrayList;
import java.util.List;

/** oymak/thm-6.10 and oymak/cor-6.11: GD on smooth overparameterized least squares, on toy maps with certified constants. */
final class NonlinearLeastSquares {
    private NonlinearLeastSquares() {}

    static final int MAX_STEPS = 4000;
    static final double STOP = 1e-10;

    /** One GD run of a toy map and the three conclusions (6.9)-(6.11) at every iterate. */
    record Outcome(Trace trace, double alpha, double beta, double eta, Evidence evidence) {}

    static Outcome conclusions(ToyMaps.SineToy t, double alpha, double beta, double lipschitz, double etaBar) {
        double r0 = Linalg.norm(t.model().residual(t.theta0()));
        double eta = etaBar / (2 * beta * beta) * (lipschitz > 0 ? Math.min(1, alpha * alpha / (lipschitz * r0)) : 1);
        Trace tr = Trainer.gradientDescent(t.model(), t.theta0(), Trainer.StepSize.constant(eta), MAX_STEPS, STOP, null);
        double tol = Envelope.residualTolerance(beta * (Linalg.norm(t.theta0()) + tr.pathLength()[tr.steps()]) + Linalg.norm(t.y()) + 1, t.n() + t.p());
        double[] r = tr.residualNorm();
        Evidence e = Evidence.worst(
                Envelope.geometric("(6.9) ||r_t||^2 <= (1 - eta alpha^2/2)^t ||r_0||^2", r, 1 - eta * alpha * alpha / 2, 2, tol),
                Envelope.weightedDistance("(6.10) alpha/4 ||theta_t - theta_0|| + ||r_t|| <= ||r_0||", r, tr.distance(), alpha / 4, tol),
                Envelope.path("(6.11) sum ||theta_{t+1} - theta_t|| <= 4 ||r_0||/alpha", tr.pathLength(), 4 * r0 / alpha));
        return new Outcome(tr, alpha, beta, eta, e.with("eta", eta).with("alpha", alpha).with("beta", beta).with("L", lipschitz)
                .with("steps", tr.steps()).with("final ||r||/||r_0||", tr.finalResidual() / r0));
    }

    /** oymak/thm-6.10, Theorem 6.10 (from [10]): alpha <= sigma_min(J) <= ||J|| <= beta, L-Lipschitz J, eta <= min(1, alpha^2/(L||r0||))/(2 beta^2) give (6.9)-(6.11). */
    static final class Theorem extends ConvergenceClaim {
        Theorem() {
            super("oymak/thm-6.10");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nMax", 8, "largest number of residuals n"),
                    ParamSpec.real("etaBar", 1.0, "step size as a fraction of the largest allowed, (0, 1]"));
        }

        @Override
        protected Requirement requirement(Params p) {
            return toyRequirement("(6.7), (6.8) and eta <= min(1, alpha^2/(L||r0||))/(2 beta^2)");
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            ToyMaps.SineToy t = ToyMaps.sineToy(5, 12, 0.5, 1.0, 1);
            ToyMaps.Constants c = t.constants();
            Outcome o = conclusions(t, c.alpha(), c.beta(), c.lipschitz(), p.real("etaBar"));
            ConvergencePlots.residual(ctx, r, "sine-toy.png", "Thm 6.10 on f = A theta + eps sin(C theta), n = 5, p = 12, eps = sigma_min(A)/(2||C||)",
                    o.trace().residualNorm(), new ConvergencePlots.Envelope("(6.9): (1 - eta alpha^2/2)^(t/2) ||r0||", 1 - o.eta() * o.alpha() * o.alpha() / 2, 2));
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            int nMax = p.integer("nMax");
            double etaBar = p.real("etaBar");
            return List.of(
                    Property.of("sine-map", ToyMaps.SineToy.class)
                            .description("f = A theta + eps sin(C theta): alpha = sigma_min(A) - eps||C||, beta = ||A|| + eps||C||, L = eps||C|| max_i||c_i|| (global, certified); (6.9) squared, (6.10), (6.11) at every iterate")
                            .generator("n in [1," + nMax + "], p in [n, n+10], eps = u sigma_min(A)/||C||, u in {0.25, 0.5, 0.75}, ||C|| scale 1 or 3", ToyMaps.sineToys(nMax, 10, 0.25, 0.5, 0.75))
                            .hypotheses(NonlinearLeastSquares::positiveAlpha)
                            .check(t -> global(t, etaBar)).tries(40).build(),
                    Property.of("linear-map", ToyMaps.SineToy.class)
                            .description("eps = 0: f = A theta, L = 0, eta = 1/(2 beta^2), alpha = sigma_min(A), beta = ||A||")
                            .generator("n in [1," + nMax + "], p in [n, n+10], A Gaussian", ToyMaps.sineToys(nMax, 10, 0.0))
                            .hypotheses(NonlinearLeastSquares::positiveAlpha)
                            .check(t -> global(t, etaBar)).tries(40).build(),
                    Property.of("control-step-2.5", ToyMaps.SineToy.class)
                            .description("negative control: linear map with eta = 2.5/beta^2 (above the bound 1/(2 beta^2)); GD diverges and (6.9) fails")
                            .generator("n in [1," + nMax + "], p in [n, n+10], eps = 0", ToyMaps.sineToys(nMax, 10, 0.0))
                            .hypotheses(NonlinearLeastSquares::positiveAlpha)
                            .check(NonlinearLeastSquares::largeStep).certify(NonlinearLeastSquares::certifyLargeStep).expectRefuted().tries(10).build());
        }
    }

    /** The toy maps meet the hypotheses by construction (certified global constants), at any size. */
    static ConvergenceClaim.Requirement toyRequirement(String what) {
        return new ConvergenceClaim.Requirement(what + " hold by construction on the toy maps (certified global constants)", 0, java.util.Map.of());
    }

    static String positiveAlpha(ToyMaps.SineToy t) {
        return t.constants().alpha() > 0 ? null : "alpha = sigma_min(A) - eps||C|| <= 0";
    }

    static Evidence global(ToyMaps.SineToy t, double etaBar) {
        ToyMaps.Constants c = t.constants();
        return conclusions(t, c.alpha(), c.beta(), c.lipschitz(), etaBar).evidence();
    }

    /** (6.9) with eta = 2.5/beta^2 on the linear map (beta = ||A||): the factor 1 - eta alpha^2/2 may be negative. */
    static Evidence largeStep(ToyMaps.SineToy t) {
        ToyMaps.Constants c = t.constants();
        double eta = 2.5 / (c.beta() * c.beta()), rate = 1 - eta * c.alpha() * c.alpha() / 2;
        Trace tr = Trainer.gradientDescent(t.model(), t.theta0(), Trainer.StepSize.constant(eta), 60, 0, null);
        double[] r = tr.residualNorm();
        if (rate <= 0 || tr.steps() < 1) {
            double r1 = tr.steps() >= 1 ? r[1] : r[0];
            return Evidence.le("(6.9) at t = 1 with eta = 2.5/beta^2: ||r_1||^2 <= (1 - eta alpha^2/2) ||r_0||^2", r1 * r1, rate * r[0] * r[0],
                    Linalg.tolerance(r[0] * r[0], t.n() + t.p())).with("tau", 1).with("rate factor", rate).with("final ||r||", tr.finalResidual());
        }
        return Envelope.geometric("(6.9) with eta = 2.5/beta^2", r, rate, 2, Envelope.residualTolerance(r[0] + Linalg.norm(t.y()), t.n() + t.p()))
                .with("final ||r||", tr.finalResidual()).with("diverged", tr.diverged());
    }

    /** 60-digit re-run of the linear residual recursion r <- (I - eta A A^T) r up to the failing step. */
    static Certificate certifyLargeStep(ToyMaps.SineToy t, Evidence e) {
        if (t.eps() != 0) return null;
        return certifyLinearGd(t.a(), t.theta0(), t.y(), 1.0, 0.5, 2, e);
    }

    /**
     * For a linear map f = A theta with eta = 2.5/||A||^2 and alpha = alphaFactor sigma_min(A): the margin
     * (1 - rateCoef eta alpha^2)^t ||r_0||^power - ||r_t||^power in 60 digits, t from the evidence (default 1).
     */
    static Certificate certifyLinearGd(double[][] aRows, double[] theta0, double[] yv, double alphaFactor, double rateCoef, int power, Evidence e) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] a = hp.of(aRows);
        Dfp[][] aat = hp.gram(a);
        Dfp beta2 = hp.lambdaMax(aat), alpha2 = hp.lambdaMin(aat).multiply(hp.of(alphaFactor * alphaFactor));
        Dfp eta = hp.of(2.5).divide(beta2);
        Dfp rate = hp.one().subtract(eta.multiply(alpha2).multiply(hp.of(rateCoef)));
        Dfp[] f = hp.multVec(a, hp.of(theta0)), y = hp.of(yv), r = new Dfp[yv.length];
        for (int i = 0; i < r.length; i++) r[i] = f[i].subtract(y[i]);
        Dfp r0 = power == 2 ? hp.dot(r, r) : hp.sqrt(hp.dot(r, r));
        int tau = Math.max(1, ((Number) e.details().getOrDefault("tau", 1)).intValue());
        for (int s = 0; s < tau; s++) {
            Dfp[] step = hp.multVec(aat, r);
            for (int i = 0; i < r.length; i++) r[i] = r[i].subtract(eta.multiply(step[i]));
        }
        Dfp bound = r0;
        for (int s = 0; s < tau; s++) bound = bound.multiply(rate);
        Dfp rt = power == 2 ? hp.dot(r, r) : hp.sqrt(hp.dot(r, r));
        return Certificate.of("Dfp eigenvalues of AA^T and exact residual recursion", hp.digits(), HighPrecision.toBigDecimal(bound.subtract(rt)),
                new java.math.BigDecimal("1e-40"), "claimed bound - ||r_t||" + (power == 2 ? "^2" : "") + " at t = " + tau);
    }

    /** oymak/cor-6.11, Corollary 6.11: sigma_min(J(theta0)) >= 2 alpha (6.12) and alpha^2/(4L) >= ||r0|| (6.13) replace the lower bound on the ball. */
    static final class Corollary extends ConvergenceClaim {
        Corollary() {
            super("oymak/cor-6.11");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.integer("nMax", 8, "largest number of residuals n"));
        }

        @Override
        protected Requirement requirement(Params p) {
            return toyRequirement("(6.12) sigma_min(J(theta0)) >= 2 alpha, (6.13) alpha^2/(4L) >= ||r0||, (6.8) and the step bound");
        }

        @Override
        protected void extras(Params p, RunContext ctx, ClaimResult.Builder r) {
            ToyMaps.SineToy t = ToyMaps.corollaryToys(5, 6).generator(1000).next(new java.util.Random(ctx.seedFor(id() + "#plot"))).value();
            if (corollaryHypotheses(t) != null) return;
            Outcome o = corollary(t);
            ConvergencePlots.residual(ctx, r, "corollary-toy.png", "Cor 6.11 on a sine toy map, n = " + t.n() + ", p = " + t.p(),
                    o.trace().residualNorm(), new ConvergencePlots.Envelope("(6.9): (1 - eta alpha^2/2)^(t/2) ||r0||", 1 - o.eta() * o.alpha() * o.alpha() / 2, 2));
        }

        @Override
        protected List<Property<?>> properties(Params p, Level level) {
            int nMax = p.integer("nMax");
            String g = "n in [1," + nMax + "], p in [n, n+10], eps = u (sigma_min(A)/2)^2/(4 ||C|| max_i||c_i|| (||r_0|| + sqrt n)), u in {0.3, 0.6, 0.9}";
            return List.of(
                    Property.of("statement", ToyMaps.SineToy.class)
                            .description("alpha = sigma_min(J(theta0))/2 measured; hypotheses (6.12), (6.13); conclusions (6.9)-(6.11) at every iterate")
                            .generator(g, ToyMaps.corollaryToys(nMax, 10))
                            .hypotheses(NonlinearLeastSquares::corollaryHypotheses)
                            .check(t -> corollary(t).evidence()).tries(40).build(),
                    Property.of("sigma-min-on-path", ToyMaps.SineToy.class)
                            .description("App. D: sigma_min(J(theta_t)) >= alpha at every GD iterate (what the corollary derives from (6.12), (6.13))")
                            .generator(g, ToyMaps.corollaryToys(nMax, 10))
                            .hypotheses(NonlinearLeastSquares::corollaryHypotheses)
                            .check(NonlinearLeastSquares::sigmaMinOnPath).tries(20).build());
        }
    }

    static double corollaryAlpha(ToyMaps.SineToy t) {
        DMatrixRMaj j0 = t.model().jacobian(t.theta0());
        double s = Linalg.sigmaMin(j0);
        return (s - Linalg.tolerance(Linalg.spectralNorm(j0), t.n() + t.p())) / 2;
    }

    static String corollaryHypotheses(ToyMaps.SineToy t) {
        double alpha = corollaryAlpha(t), l = t.constants().lipschitz();
        double r0 = Linalg.norm(t.model().residual(t.theta0()));
        if (!(alpha > 0)) return "(6.12) needs sigma_min(J(theta0)) > 0";
        return alpha * alpha / (4 * l) >= r0 * (1 + 1e-12) ? null : "(6.13) alpha^2/(4L) >= ||r0|| fails";
    }

    static Outcome corollary(ToyMaps.SineToy t) {
        return conclusions(t, corollaryAlpha(t), t.constants().beta(), t.constants().lipschitz(), 1.0);
    }

    static Evidence sigmaMinOnPath(ToyMaps.SineToy t) {
        double alpha = corollaryAlpha(t);
        ToyMaps.Constants c = t.constants();
        double r0 = Linalg.norm(t.model().residual(t.theta0()));
        double eta = 1 / (2 * c.beta() * c.beta()) * Math.min(1, alpha * alpha / (c.lipschitz() * r0));
        List<Double> sigmas = new ArrayList<>();
        sigmas.add(Linalg.sigmaMin(t.model().jacobian(t.theta0())));
        Trainer.gradientDescent(t.model(), t.theta0(), Trainer.StepSize.constant(eta), MAX_STEPS, STOP, (tau, theta, r) -> {
            sigmas.add(Linalg.sigmaMin(t.model().jacobian(theta)));
            return true;
        });
        double[] s = sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        return Envelope.minAbove("sigma_min(J(theta_t)) >= alpha on the GD path", s, alpha, Linalg.tolerance(c.beta(), t.n() + t.p()));
    }
}
