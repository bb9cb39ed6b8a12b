package overparam.search;

import overparam.claims.Certificate;
import overparam.claims.Counterexample;
import overparam.claims.Evidence;
import overparam.claims.Property;

import java.util.List;

/**
 * High-precision re-evaluation of counterexamples. A property without a certifier (or whose certifier has no route for
 * an instance, or fails) yields no certificate and a reason, never "certified". When the smallest shrunk instance is
 * only fragile (its violation does not survive 60 digits), the shrink path is walked back (at exponentially spaced steps,
 * down to the original) to the smallest instance whose violation is certified, if any: shrinking may not turn a real counterexample into a rounding artefact.
 */
public final class Certification {
    private static final int MAX_WALK_BACK = 8;

    private Certification() {}

    /** A certificate, or null with the reason there is none. */
    public record Attempt(Certificate certificate, String uncertified) {}

    public static <I> Attempt certify(Property<I> property, I instance, Evidence evidence) {
        if (!property.certifiable()) return new Attempt(null, Counterexample.NO_ROUTE);
        try {
            Certificate c = property.certify(instance, evidence);
            return c == null ? new Attempt(null, Counterexample.NO_ROUTE + " for this instance") : new Attempt(c, null);
        } catch (RuntimeException e) {
            return new Attempt(null, "high-precision route failed: " + e);
        }
    }

    record Chosen<I>(int index, Candidates.Step<I> step, Attempt attempt) {}

    /** The last state of the path, unless it is fragile and an earlier one is certified. */
    static <I> Chosen<I> choose(Property<I> property, List<Candidates.Step<I>> path, long deadlineMillis) {
        int last = path.size() - 1;
        Candidates.Step<I> end = path.get(last);
        Attempt a = certify(property, end.instance(), end.evidence());
        if (a.certificate() == null || a.certificate().certified()) return new Chosen<>(last, end, a);
        java.util.TreeSet<Integer> back = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (int j = 0; (1 << j) <= last && back.size() < MAX_WALK_BACK - 1; j++) back.add(last - (1 << j));
        if (last > 0) back.add(0);
        for (int k : back) {
            if (System.currentTimeMillis() >= deadlineMillis) break;
            Candidates.Step<I> s = path.get(k);
            Attempt b = certify(property, s.instance(), s.evidence());
            if (b.certificate() != null && b.certificate().certified()) return new Chosen<>(k, s, b);
        }
        return new Chosen<>(last, end, a);
    }
}
