package overparam.search;

import overparam.claims.Evidence;
import overparam.claims.Property;

/**
 * Evaluates candidate instances for the search and the shrinkers: hypotheses first, then the check. A candidate
 * outside the hypotheses (or not representable) is discarded; one whose check throws, gives a NaN margin or lives
 * entirely at the underflow scale failed — a broken computation is neither evidence for nor against the claim.
 */
final class Candidates<I> {
    private final Property<I> property;
    int evaluations, discarded, failed;

    Candidates(Property<I> property) {
        this.property = property;
    }

    /** The evidence of a candidate inside the hypotheses, or null. */
    Evidence evaluate(I candidate) {
        evaluations++;
        if (candidate == null) {
            discarded++;
            return null;
        }
        try {
            if (property.violatedHypothesis(candidate) != null) {
                discarded++;
                return null;
            }
        } catch (RuntimeException e) {
            discarded++;
            return null;
        }
        try {
            Evidence e = property.check(candidate);
            if (e == null || Double.isNaN(e.margin())) {
                failed++;
                return null;
            }
            return e;
        } catch (RuntimeException e) {
            failed++;
            return null;
        }
    }

    /** The evidence if the candidate meets the hypotheses and violates the claim; null otherwise. */
    Evidence violation(I candidate) {
        Evidence e = evaluate(candidate);
        return e != null && !e.holds() ? e : null;
    }

    /** One accepted state of a shrink or search: an instance that meets the hypotheses, with its evidence. */
    record Step<I>(I instance, Evidence evidence) {}
}
