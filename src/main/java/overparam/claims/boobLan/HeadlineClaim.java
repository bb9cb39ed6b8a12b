package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import overparam.claims.*;
import overparam.linalg.Linalg;
import overparam.search.Corpus;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.*;

/**
 * boob-lan/P002-08, abstract and end of section 4: "first-order optimal solutions satisfy global optimality provided the
 * hidden layer is non-singular" (h in C1, theta_j != 0). Refuted by certified non-global stationary points with a
 * well-conditioned W: the catalogue's explicit point and the ones {@link BoobLanSearch} finds.
 */
final class HeadlineClaim extends BoobLanClaim {
    HeadlineClaim() {
        super("boob-lan/P002-08");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.integer("d", 2, "input dimension d (N = d^2 samples, W d x d)"),
                ParamSpec.integer("starts", 40, "Levenberg-Marquardt starts at level CI"),
                ParamSpec.string("mode", "bounded", "unknowns of the LM system: bounded (filters built in), square, catalogue"),
                ParamSpec.string("activation", "tanh", "activation (analytic, satisfying C1)"));
    }

    /** The paper's hypotheses: a first-order point (||grad f|| <= 1e-10), sigma_min(W) >= 0.5, min |theta_j| >= 0.5, analytic C1 h. */
    static String hypotheses(NetCase c) {
        if (!PaperActivations.ANALYTIC_C1.contains(c.act())) return "h is not one of the analytic C1 activations";
        double g = BoobLanSearch.gradNorm(c);
        if (!(g <= 1e-10)) return "not a first-order point (||grad f|| = " + g + ")";
        if (Linalg.sigmaMin(TwoLayer.matrix(c.w())) < 0.5) return "W near singular";
        for (double t : c.theta()) if (Math.abs(t) < 0.5) return "some |theta_j| < 0.5";
        return null;
    }

    /** Global optimality: no point has a smaller loss; the witness is a descent from the point along its most negative curvature. */
    static Evidence globalOptimality(NetCase c) {
        double f = c.loss();
        double[] x = GradientClaims.params(c);
        Linalg.EigenPairs eig = Linalg.symmetricEigen(TwoLayer.matrix(BoobLanSearch.hessian(c, x)));
        double[] dir = eig.vector(0), y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] += 0.05 * dir[i];
        NetCase lower = BoobLanSearch.descend(GradientClaims.at(c, y), 3000);
        double fl = lower.loss();
        return Evidence.le("f at a first-order point with nonsingular W <= f at a point reached from it by descent (global optimality)", f, fl,
                        Linalg.tolerance(f, c.nPoints()))
                .with("f", f).with("||grad f||", BoobLanSearch.gradNorm(c)).with("sigma(W)", Linalg.singularValues(TwoLayer.matrix(c.w())))
                .with("theta", c.theta()).with("hessianEigenvalues", eig.values()).with("lowerLoss", fl)
                .with("sigma(D)", Linalg.singularValues(TwoLayer.matrix(c.matrixD())));
    }

    static Certificate certify(NetCase c, Evidence e) {
        BoobLanSearch.Certified cert = BoobLanSearch.certify(c);
        BigDecimal margin = cert.certified() ? new BigDecimal(cert.hpLowerLoss()).subtract(new BigDecimal(cert.hpLoss())) : BigDecimal.ONE;
        return Certificate.of("60-digit Newton on grad f = 0, 60-digit losses", 60, margin, new BigDecimal("1e-40"),
                String.format(Locale.ROOT, "||grad f|| = %.3g after 60-digit Newton (moved %.2g), f = %.17g, sigma_min(W) = %.6g, min|theta_j| = %.6g, lower point f = %.6g; %s",
                        cert.hpGradNorm(), cert.shift(), cert.hpLoss(), cert.hpSigmaMinW(), cert.minAbsTheta(), cert.hpLowerLoss(), cert.note()));
    }

    @Override
    protected Set<String> manualProperties() {
        return Set.of("search", "persistence");
    }

    @Override
    public List<Property<?>> properties(Params p) {
        BoobLanSearch.Options o = options(p, 1);
        return List.of(
                Property.of("catalogue-point", NetCase.class)
                        .description("the statement (refuted): the catalogue's tanh point (d = 2, N = 4, sigma(W) = (2.28, 0.94), |theta_j| ~ 1.36) is first-order stationary with f = 0.125 but not a global minimum")
                        .generator("the catalogue's explicit counterexample (section 2, P002-08)", Arbitraries.just(BoobLanSearch.cataloguePoint()))
                        .hypotheses(HeadlineClaim::hypotheses)
                        .check(HeadlineClaim::globalOptimality).certify(HeadlineClaim::certify).build(),
                Property.of("search", NetCase.class)
                        .description("the statement (refuted) on points of the catalogue's generator G6: Levenberg-Marquardt on [D s; H s; |s|^2 - 1] = 0, filters sigma_min(W) > 0.5, |theta_j| > 0.5, ||W|| <= 4, nondegenerate Hessian; v := h(UW^T) theta + s")
                        .generator("BoobLanSearch: " + o.activation() + ", d = " + o.d() + ", N = d^2, mode " + o.mode() + ", up to " + o.starts() + " starts",
                                Arbitraries.randomValue(r -> BoobLanSearch.search(options(p, r.nextLong())).map(BoobLanSearch.Found::point).orElse(BoobLanSearch.cataloguePoint())))
                        .hypotheses(HeadlineClaim::hypotheses)
                        .check(HeadlineClaim::globalOptimality).certify(HeadlineClaim::certify).build(),
                Property.of("persistence", NetCase.class)
                        .description("informative: positive measure; data perturbed by 1e-3, 1e-2, 5e-2 and grad f = 0 re-solved by Newton from the old point stays a non-global first-order point with nonsingular W")
                        .generator("the point found by search", Arbitraries.just(BoobLanSearch.cataloguePoint()))
                        .check(HeadlineClaim::globalOptimality).informative().build());
    }

    static BoobLanSearch.Options options(Params p, long seed) {
        return new BoobLanSearch.Options(p.string("activation"), p.integer("d"), p.integer("starts"), p.string("mode"), 0.5, 0.5, 4, 1e-3, seed);
    }

    /** Runs the search (seeded by the run), certifies the point in 60 digits, saves it to the corpus, and probes its persistence. */
    @Override
    protected List<PropertyOutcome> experiments(Params p, RunContext ctx, ClaimResult.Builder r) {
        long start = System.currentTimeMillis();
        Property<NetCase> search = typed(property(p, "search"));
        long seed = ctx.seedFor(id() + "#search");
        BoobLanSearch.Options o = options(p, seed);
        o = new BoobLanSearch.Options(o.activation(), o.d(), ctx.tries(o.starts()), o.mode(), o.minSigmaW(), o.minTheta(), o.maxNormW(), o.minCurvature(), seed);
        Optional<BoobLanSearch.Found> found = BoobLanSearch.search(o);
        List<PropertyOutcome> out = new ArrayList<>();
        r.number("search.starts", o.starts());
        if (found.isEmpty()) {
            r.number("search.found", false);
            out.add(BoobLanClaim.outcome(search, o.starts(), null, null, null, seed, System.currentTimeMillis() - start));
            return out;
        }
        BoobLanSearch.Found f = found.get();
        NetCase c = f.point();
        r.number("search.found", true);
        r.number("search.startsTried", f.startsTried());
        r.number("search.converged", f.converged());
        Evidence e = globalOptimality(c);
        Counterexample cx = null;
        if (search.violatedHypothesis(c) == null && !e.holds()) {
            Certificate cert = search.certify(c, e);
            cx = new Counterexample(search.name(), search.generator(), seed, overparam.report.Json.tree(c), overparam.report.Json.tree(c), 0, 0, 0, e, e,
                    cert, null, "Levenberg-Marquardt search (BoobLanSearch, seed " + seed + ")", null);
            if (ctx.corpusDir() != null) {
                Path file = Corpus.save(ctx.corpusDir(), id(), cx);
                cx = cx.withCorpusFile(Path.of("generators", "corpus").resolve(ctx.corpusDir().relativize(file)).toString());
            }
            r.number("search.certified", cert.certified());
            r.number("search.f", c.loss());
            r.number("search.sigmaW", Linalg.singularValues(TwoLayer.matrix(c.w())));
            r.number("search.lowerLoss", e.rhs());
        }
        out.add(BoobLanClaim.outcome(search, f.startsTried(), e, c, cx, seed, System.currentTimeMillis() - start));
        // positive measure: the point survives perturbations of the data
        Property<?> pers = property(p, "persistence");
        Evidence worst = null;
        for (double eps : new double[] {1e-3, 1e-2, 5e-2}) {
            double[] q = BoobLanSearch.perturbed(c, eps, BoobLanData.stream(seed, (long) (1 / eps)));
            r.number("persistence.eps=" + eps, String.format(Locale.ROOT, "f = %.4g, sigma_min(W) = %.4g, ||grad f|| = %.2g, min|theta| = %.3g", q[0], q[1], q[2], q[3]));
            Evidence pe = Evidence.ge("after a data perturbation of " + eps + ": f > 0 at a first-order point with sigma_min(W) > 0.5", Math.min(q[0], q[1] - 0.5),
                    0, 0).with("gradNorm", q[2]);
            if (q[2] > 1e-10) pe = Evidence.fact("Newton re-converged after a data perturbation of " + eps, false);
            if (worst == null || pe.slack() < worst.slack()) worst = pe;
        }
        out.add(BoobLanClaim.outcome(pers, 3, worst, null, null, seed, 0));
        return out;
    }

    @SuppressWarnings("unchecked")
    static Property<NetCase> typed(Property<?> p) {
        return (Property<NetCase>) p;
    }
}
