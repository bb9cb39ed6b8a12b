package overparam.claims;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A failing instance, before and after shrinking, with its evidence and certificate. {@code seed} and
 * {@code generator} regenerate the original instance bit for bit.
 */
public record Counterexample(String property, String generator, long seed, JsonNode original, JsonNode shrunk,
                             int sizeBefore, int sizeAfter, int shrinkSteps, Evidence originalEvidence, Evidence evidence,
                             Certificate certificate, String corpusFile) {
    public String certification() {
        return certificate == null ? "uncertified" : certificate.status();
    }

    public Counterexample withCorpusFile(String file) {
        return new Counterexample(property, generator, seed, original, shrunk, sizeBefore, sizeAfter, shrinkSteps, originalEvidence,
                evidence, certificate, file);
    }
}
