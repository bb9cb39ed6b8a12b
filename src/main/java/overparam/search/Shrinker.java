package overparam.search;

import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import overparam.claims.Evidence;
import overparam.claims.Property;
import overparam.report.Json;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Greedy shrinking over jqwik's shrink tree: repeatedly move to the first simpler candidate that still meets the
 * hypotheses and still violates the claim. Candidates that throw (impossible parameters) are skipped.
 */
public final class Shrinker {
    private Shrinker() {}

    public record Result<I>(Shrinkable<I> shrinkable, Evidence evidence, int steps, int evaluations) {}

    public static <I> Result<I> shrink(Property<I> property, Shrinkable<I> failing, Evidence evidence, int maxEvaluations, long deadlineMillis) {
        Shrinkable<I> current = failing;
        Evidence currentEvidence = evidence;
        int steps = 0, evaluations = 0;
        boolean progress = true;
        while (progress && evaluations < maxEvaluations && System.currentTimeMillis() < deadlineMillis) {
            progress = false;
            List<Shrinkable<I>> candidates = current.shrink().limit(400)
                    .sorted(Comparator.comparing(Shrinkable::distance)).collect(Collectors.toList());
            for (Shrinkable<I> c : candidates) {
                if (evaluations >= maxEvaluations || System.currentTimeMillis() >= deadlineMillis) break;
                evaluations++;
                Optional<Evidence> e = violation(property, c.value());
                if (e.isPresent()) {
                    current = c;
                    currentEvidence = e.get();
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        return new Result<>(current, currentEvidence, steps, evaluations);
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
        java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
        for (int r = 0; r < restarts && evaluations < 4 * maxEvaluations && System.currentTimeMillis() < deadlineMillis; r++) {
            Shrinkable<I> candidate = generator.next(new java.util.Random(seeds.nextLong()));
            if (Json.numericSize(Json.tree(candidate.value())) >= bestSize) continue;
            evaluations++;
            Optional<Evidence> e = violation(property, candidate.value());
            if (e.isEmpty()) continue;
            Result<I> res = shrink(property, candidate, e.get(), maxEvaluations / 4, deadlineMillis);
            evaluations += res.evaluations();
            int size = Json.numericSize(Json.tree(res.shrinkable().value()));
            if (size < bestSize) {
                best = new Result<>(res.shrinkable(), res.evidence(), best.steps() + res.steps() + 1, evaluations);
                bestSize = size;
            }
        }
        return new Result<>(best.shrinkable(), best.evidence(), best.steps(), evaluations);
    }

    /** The evidence if the instance meets the hypotheses and violates the claim; empty otherwise or on error. */
    static <I> Optional<Evidence> violation(Property<I> property, I instance) {
        try {
            if (property.violatedHypothesis(instance) != null) return Optional.empty();
            Evidence e = property.check(instance);
            return e.holds() ? Optional.empty() : Optional.of(e);
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }
}
