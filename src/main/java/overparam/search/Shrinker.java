package overparam.search;

import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import overparam.claims.Evidence;
import overparam.claims.Property;
import overparam.report.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Greedy shrinking over jqwik's shrink tree: repeatedly move to the first simpler candidate that still meets the
 * hypotheses and still violates the claim. Candidates that throw (impossible parameters) are skipped. The accepted
 * states are kept in order (the path), so certification can fall back to a larger one if the smallest is fragile.
 */
public final class Shrinker {
    private Shrinker() {}

    public record Result<I>(Shrinkable<I> shrinkable, Evidence evidence, int steps, int evaluations, List<Candidates.Step<I>> path) {}

    public static <I> Result<I> shrink(Property<I> property, Shrinkable<I> failing, Evidence evidence, int maxEvaluations, long deadlineMillis) {
        Candidates<I> c = new Candidates<>(property);
        Shrinkable<I> current = failing;
        Evidence currentEvidence = evidence;
        List<Candidates.Step<I>> path = new ArrayList<>();
        int steps = 0;
        boolean progress = true;
        while (progress && c.evaluations < maxEvaluations && System.currentTimeMillis() < deadlineMillis) {
            progress = false;
            List<Shrinkable<I>> candidates = current.shrink().limit(400)
                    .sorted(Comparator.comparing(Shrinkable::distance)).collect(Collectors.toList());
            for (Shrinkable<I> s : candidates) {
                if (c.evaluations >= maxEvaluations || System.currentTimeMillis() >= deadlineMillis) break;
                Evidence e = c.violation(s.value());
                if (e != null) {
                    current = s;
                    currentEvidence = e;
                    path.add(new Candidates.Step<>(s.value(), e));
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Result<>(current, currentEvidence, steps, c.evaluations, path);
    }

    /**
     * Greedy shrinking, then restarts: an instance is a function of its sizes and a seed, and a smaller size with the
     * same seed is a different instance that may hold. So fresh draws smaller than the current counterexample that
     * also violate the claim are shrunk in turn, and the smallest result wins.
     */
    public static <I> Result<I> shrinkWithRestarts(Property<I> property, Shrinkable<I> failing, Evidence evidence,
                                                   RandomGenerator<I> generator, long seed, int restarts, int maxEvaluations,
                                                   long deadlineMillis) {
        Result<I> best = shrink(property, failing, evidence, maxEvaluations, deadlineMillis);
        int bestSize = Json.numericSize(Json.tree(best.shrinkable().value()));
        int evaluations = best.evaluations();
        Candidates<I> c = new Candidates<>(property);
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
        for (int r = 0; r < restarts && evaluations < 4 * maxEvaluations && System.currentTimeMillis() < deadlineMillis; r++) {
            Shrinkable<I> candidate = generator.next(new java.util.Random(seeds.nextLong()));
            if (Json.numericSize(Json.tree(candidate.value())) >= bestSize) continue;
            evaluations++;
            Evidence e = c.violation(candidate.value());
            if (e == null) continue;
            Result<I> res = shrink(property, candidate, e, maxEvaluations / 4, deadlineMillis);
            evaluations += res.evaluations();
            int size = Json.numericSize(Json.tree(res.shrinkable().value()));
            if (size < bestSize) {
                List<Candidates.Step<I>> path = new ArrayList<>(best.path());
                path.add(new Candidates.Step<>(candidate.value(), e));
                path.addAll(res.path());
                best = new Result<>(res.shrinkable(), res.evidence(), best.steps() + res.steps() + 1, evaluations, path);
                bestSize = size;
            }
        }
        return new Result<>(best.shrinkable(), best.evidence(), best.steps(), evaluations, best.path());
    }
}
