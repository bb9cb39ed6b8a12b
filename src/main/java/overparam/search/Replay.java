package overparam.search;

import com.fasterxml.jackson.databind.JsonNode;
import overparam.claims.*;
import overparam.report.Json;

import java.util.Map;

/**
 * Re-evaluates a saved counterexample: the shrunk instance is deserialised, checked and certified again, and a
 * sampled original is regenerated from its seed.
 */
public final class Replay {
    private Replay() {}

    /**
     * {@code stillViolated}: the shrunk instance meets the hypotheses and violates the claim. {@code stillCertified}:
     * null unless the entry was certified, then whether the high-precision margin still certifies it.
     * {@code regenerates}: null unless the entry was sampled, then whether (generator, seed) still gives the original.
     */
    public record Outcome(String claim, String property, Evidence evidence, Certificate certificate, String hypothesis,
                          boolean stillViolated, Boolean stillCertified, Boolean regenerates) {
        public boolean reproduces() {
            return stillViolated && !Boolean.FALSE.equals(stillCertified) && !Boolean.FALSE.equals(regenerates);
        }

        public String describe() {
            return claim + " / " + property + ": " + evidence.describe() + "\n  double margin: " + evidence.margin()
                    + (certificate == null ? "\n  uncertified: " + Counterexample.NO_ROUTE : "\n  high-precision margin (" + certificate.digits() + " digits): "
                    + certificate.margin().round(new java.math.MathContext(20)) + " -> " + certificate.status())
                    + (hypothesis == null ? "" : "\n  OUTSIDE the hypotheses: " + hypothesis)
                    + "\n  " + (stillViolated ? "still a counterexample" : "NO LONGER a counterexample")
                    + (stillCertified == null ? "" : stillCertified ? "; still certified" : "; NO LONGER certified (was certified when saved)")
                    + (regenerates == null ? "" : regenerates ? "; the seed regenerates the original" : "; the seed NO LONGER regenerates the original (generator changed?)");
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

    public static <I> Outcome replay(String claim, Property<I> p, Corpus.Entry e) {
        I instance = Json.fromTree(e.instance(), p.type());
        String hypothesis = p.violatedHypothesis(instance);
        Evidence ev = p.check(instance);
        Certificate cert = Certification.certify(p, instance, ev).certificate();
        boolean wasCertified = e.certificate() != null && e.certificate().certified();
        Boolean stillCertified = wasCertified ? cert != null && cert.certified() : null;
        Boolean regenerates = null;
        if (e.sampled() && e.original() != null) regenerates = sameJson(Json.tree(PropertyRunner.regenerate(p, e.seed())), e.original());
        return new Outcome(claim, p.name(), ev, cert, hypothesis, hypothesis == null && !ev.holds(), stillCertified, regenerates);
    }

    /** Equal as JSON text (a long and an int of the same value are the same number in a file). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        try {
            return Json.MAPPER.readTree(Json.write(a)).equals(Json.MAPPER.readTree(Json.write(b)));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
