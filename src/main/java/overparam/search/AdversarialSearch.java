package overparam.search;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;
import overparam.claims.Evidence;
import overparam.claims.Property;
import overparam.claims.SearchReport;
import overparam.claims.SearchSpace;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Drives a property's slack toward violation with CMA-ES (Hipparchus), starting from the tightest sampled instances.
 * The search moves the coordinates of the property's {@link SearchSpace}; above {@value #MAX_SUBSPACE} coordinates it
 * searches a fresh random subspace of that dimension each round (scaled per coordinate), so the cost per generation
 * stays small whatever the instance size. Rounds cycle over the starts, then restart from the best point found with a
 * new step size and subspace. Every candidate goes through the hypotheses; a candidate outside them, not
 * representable, or whose check throws scores worse than any real one. After the first violation the search keeps
 * going for a few hundred evaluations to deepen it (a deeper violation certifies more easily), then stops.
 */
public final class AdversarialSearch {
    static final int MAX_SUBSPACE = 24;
    static final double[] STEP_SIZES = {0.1, 0.01, 0.3, 1e-3, 0.03, 1e-4, 1.0};
    static final int DEEPEN = 300;
    private static final double PENALTY = 1e9;

    private AdversarialSearch() {}

    /** At most {@code maxEvaluations} candidates and until {@code deadlineMillis} (wall clock), whichever comes first. */
    public record Budget(int maxEvaluations, long deadlineMillis) {}

    public record Result<I>(SearchReport report, I best, Evidence bestEvidence) {
        public boolean violated() {
            return report.violated();
        }
    }

    private static final class Stop extends RuntimeException {
        final String why;

        Stop(String why) {
            super(why, null, false, false);
            this.why = why;
        }
    }

    public static <I> Result<I> run(Property<I> property, List<I> starts, Budget budget, long seed) {
        long t0 = System.currentTimeMillis();
        SearchSpace<I> space = property.searchSpace();
        if (!space.searchable()) return new Result<>(SearchReport.skipped(space.describe(), "no search space"), null, null);
        if (starts.isEmpty()) return new Result<>(SearchReport.skipped(space.describe(), "no instance to start from"), null, null);
        Candidates<I> c = new Candidates<>(property);
        State<I> st = new State<>();
        for (I s : starts) {
            Evidence e = c.evaluate(s);
            if (e != null) st.offer(s, e, c.evaluations);
        }
        double before = st.bestSlack;
        Random rng = new Random(seed);
        String stopped = "evaluations";
        int dimension = 0, round = 0, emptyRounds = 0;
        try {
            while (true) {
                if (c.evaluations >= budget.maxEvaluations()) throw new Stop("evaluations");
                if (System.currentTimeMillis() >= budget.deadlineMillis()) throw new Stop("time");
                I from = round < starts.size() || st.best == null ? starts.get(round % starts.size()) : st.best;
                SearchSpace.Chart<I> chart = space.chart(from);
                double[] x0 = chart == null ? new double[0] : chart.point();
                round++;
                if (x0.length == 0) {
                    if (++emptyRounds >= starts.size()) throw new Stop("nothing to move");
                    continue;
                }
                dimension = Math.max(dimension, x0.length);
                double step = STEP_SIZES[(round - 1) % STEP_SIZES.length];
                cmaes(chart, x0, step, c, st, budget, rng);
            }
        } catch (Stop s) {
            stopped = s.why;
        }
        SearchReport report = new SearchReport("CMA-ES (Hipparchus), random subspaces of dimension <= " + MAX_SUBSPACE, space.describe(),
                dimension, starts.size(), c.evaluations, c.discarded, c.failed, finite(before), finite(st.bestSlack),
                st.bestEvidence != null && !st.bestEvidence.holds(), stopped, System.currentTimeMillis() - t0);
        return new Result<>(report, st.best, st.bestEvidence);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static final class State<I> {
        I best;
        Evidence bestEvidence;
        double bestSlack = Double.POSITIVE_INFINITY;
        int violationAt = -1;

        void offer(I instance, Evidence e, int evaluation) {
            double s = e.slack();
            if (s < bestSlack) {
                bestSlack = s;
                best = instance;
                bestEvidence = e;
            }
            if (!e.holds() && violationAt < 0) violationAt = evaluation;
        }
    }

    /** One CMA-ES run in a subspace around x0: x = x0 + scales o (B z), B = identity or a random D x m basis. */
    private static <I> void cmaes(SearchSpace.Chart<I> chart, double[] x0, double step, Candidates<I> c, State<I> st, Budget budget, Random rng) {
        int dim = x0.length, m = Math.min(dim, MAX_SUBSPACE);
        double[] scales = chart.scales();
        double[][] basis = dim <= MAX_SUBSPACE ? null : randomBasis(dim, m, rng);
        ObjectiveFunction f = new ObjectiveFunction(z -> {
            if (c.evaluations >= budget.maxEvaluations()) throw new Stop("evaluations");
            if (System.currentTimeMillis() >= budget.deadlineMillis()) throw new Stop("time");
            if (st.violationAt >= 0 && c.evaluations - st.violationAt >= DEEPEN) throw new Stop("violation");
            double[] x = x0.clone();
            for (int i = 0; i < dim; i++) {
                double dz = 0;
                if (basis == null) dz = z[i];
                else for (int j = 0; j < m; j++) dz += basis[i][j] * z[j];
                x[i] += scales[i] * dz;
            }
            I cand = chart.instance(x);
            Evidence e = c.evaluate(cand);
            if (e == null) return PENALTY;
            double s = e.slack();
            if (!(s < PENALTY)) return PENALTY;
            st.offer(cand, e, c.evaluations);
            return objective(e);
        });
        double[] sigma = new double[m];
        Arrays.fill(sigma, step);
        int lambda = 4 + (int) (3 * Math.log(m));
        CMAESOptimizer opt = new CMAESOptimizer(100_000, Double.NEGATIVE_INFINITY, true, 0, 0, new Well19937c(rng.nextLong()), false, null);
        try {
            opt.optimize(new MaxEval(Integer.MAX_VALUE), f, GoalType.MINIMIZE, new InitialGuess(new double[m]), SimpleBounds.unbounded(m),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(lambda));
        } catch (MathRuntimeException converged) {
            // CMA-ES gave up in this subspace (e.g. a flat penalty region); the next round restarts
        }
    }

    /**
     * The slack, or for evidence with several parts their soft minimum -tau log sum exp(-s_i / tau) (tau = 0.05): it
     * is at most the slack and moves with every part, so a part that does not depend on the coordinates (a constant of
     * the activation, say) does not flatten the landscape CMA-ES ranks.
     */
    static double objective(Evidence e) {
        Object parts = e.details().get(Evidence.PART_SLACKS);
        if (!(parts instanceof java.util.Map<?, ?> m) || m.size() < 2) return e.slack();
        double tau = 0.05, lo = e.slack(), sum = 0;
        for (Object v : m.values()) {
            double s = ((Number) v).doubleValue();
            if (!Double.isFinite(s)) return e.slack();
            sum += Math.exp(-(s - lo) / tau);
        }
        return lo - tau * Math.log(sum);
    }

    private static double[][] randomBasis(int dim, int m, Random rng) {
        double[][] b = new double[dim][m];
        double s = 1 / Math.sqrt(m);
        for (int i = 0; i < dim; i++)
            for (int j = 0; j < m; j++) b[i][j] = s * rng.nextGaussian();
        return b;
    }
}
