package overparam.search;

import overparam.claims.*;
import overparam.report.Json;

import java.util.Map;

/** Re-evaluates a saved counterexample: the shrunk instance is deserialised and checked and certified again. */
public final class Replay {
    private Replay() {}

    public record Outcome(String claim, String property, Evidence evidence, Certificate certificate, boolean stillViolated) {
        public String describe() {
            return claim + " / " + property + ": " + evidence.describe() + "\n  double margin: " + evidence.margin()
                    + (certificate == null ? "\n  (no high-precision route)" : "\n  high-precision margin (" + certificate.digits() + " digits): "
                    + certificate.margin().round(new java.math.MathContext(20)) + " -> " + certificate.status())
                    + "\n  " + (stillViolated ? "still a counterexample" : "NO LONGER a counterexample");
        }
    }

    public static Outcome replay(Corpus.Entry e) {
        return replay(Registry.get().claim(e.claim()), e);
    }

    /** Replays with the claim parameters recorded in the entry (the defaults when none are). */
    public static Outcome replay(Claim c, Corpus.Entry e) {
        if (!(c instanceof PropertyClaim pc)) throw new IllegalArgumentException(e.claim() + " is not an instance-by-instance claim");
        Property<?> p = pc.property(new Params(c.id(), c.parameters(), e.params() == null ? Map.of() : e.params()), e.property());
        return replay(c.id(), p, e);
    }

    private static <I> Outcome replay(String claim, Property<I> p, Corpus.Entry e) {
        I instance = Json.fromTree(e.instance(), p.type());
        Evidence ev = p.check(instance);
        Certificate cert = p.certifiable() ? p.certify(instance, ev) : null;
        boolean wasCertified = e.certificate() != null && e.certificate().certified();
        boolean violated = !ev.holds() && (!wasCertified || (cert != null && cert.certified()));
        return new Outcome(claim, p.name(), ev, cert, violated);
    }
}
