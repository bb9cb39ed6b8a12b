package overparam.claims;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A failing instance, before and after shrinking, with its evidence and certificate. {@code seed} and
 * {@code generator} regenerate the original instance bit for bit when {@code origin} is "sampling"; a counterexample
 * found by the adversarial search ("search from the try with this seed") is kept as JSON only.
 * {@code uncertified} says why there is no certificate (no certifier, or the certifier gave none for this instance).
 */
public record Counterexample(String property, String generator, long seed, JsonNode original, JsonNode shrunk,
                             int sizeBefore, int sizeAfter, int shrinkSteps, Evidence originalEvidence, Evidence evidence,
                             Certificate certificate, String corpusFile, String origin, String uncertified) {

    public static final String NO_ROUTE = "no high-precision route";

    public Counterexample(String property, String generator, long seed, JsonNode original, JsonNode shrunk, int sizeBefore,
                          int sizeAfter, int shrinkSteps, Evidence originalEvidence, Evidence evidence, Certificate certificate,
                          String corpusFile) {
        this(property, generator, seed, original, shrunk, sizeBefore, sizeAfter, shrinkSteps, originalEvidence, evidence, certificate,
                corpusFile, "sampling", null);
    }

    /** "certified", "fragile", or "uncertified: &lt;why&gt;" (never "certified" without a high-precision margin). */
    public String certification() {
        if (certificate != null) return certificate.status();
        return "uncertified: " + (uncertified == null ? NO_ROUTE : uncertified);
    }

    /** Both margins: the double one of the shrunk instance and, if certified or fragile, the high-precision one. */
    public String margins() {
        String d = String.format("double margin %.6g (tol %.2g)", evidence.margin(), evidence.tolerance());
        if (certificate == null) return d;
        return d + String.format(", %d-digit margin %s (tol %s)", certificate.digits(),
                certificate.margin().round(new java.math.MathContext(6)).toString(), certificate.tolerance().toString());
    }

    public Counterexample withCorpusFile(String file) {
        return new Counterexample(property, generator, seed, original, shrunk, sizeBefore, sizeAfter, shrinkSteps, originalEvidence,
                evidence, certificate, file, origin, uncertified);
    }
}
