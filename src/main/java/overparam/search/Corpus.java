package overparam.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import overparam.claims.Certificate;
import overparam.claims.Counterexample;
import overparam.claims.Evidence;
import overparam.report.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Saved counterexamples: generators/corpus/&lt;claim-id&gt;/&lt;property&gt;.json, each with its generator spec, seed,
 * origin (sampling or search), shrunk instance, its certification and both margins (double and high precision). Files carry no timestamps, so re-running a deterministic build rewrites them
 * byte for byte.
 */
public final class Corpus {
    private Corpus() {}

    /** {@code params}: the claim parameters the counterexample was found with (null: the defaults), so replay is faithful. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String claim, String property, String generator, long seed, String origin, int sizeBefore, int sizeAfter,
                        String certification, Evidence originalEvidence, Evidence evidence, Certificate certificate, JsonNode original,
                        JsonNode instance, java.util.Map<String, String> params) {
        /** The original instance came from (generator, seed) and must regenerate from them. */
        public boolean sampled() {
            return origin == null || origin.equals("sampling");
        }

        public Entry withParams(java.util.Map<String, String> p) {
            return new Entry(claim, property, generator, seed, origin, sizeBefore, sizeAfter, certification, originalEvidence, evidence,
                    certificate, original, instance, p == null || p.isEmpty() ? null : new java.util.TreeMap<>(p));
        }
    }

    public static Path fileFor(Path corpusDir, String claimId, String property) {
        return corpusDir.resolve(claimId).resolve(property.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    public static Path save(Path corpusDir, String claimId, Counterexample c) {
        Path file = fileFor(corpusDir, claimId, c.property());
        Entry e = new Entry(claimId, c.property(), c.generator(), c.seed(), c.origin(), c.sizeBefore(), c.sizeAfter(), c.certification(),
                c.originalEvidence(), c.evidence(), c.certificate(), c.original(), c.shrunk(), null);
        Json.write(file, e);
        return file;
    }

    /** Rewrites a saved entry with the claim parameters it was found with. */
    public static void recordParams(Path file, java.util.Map<String, String> params) {
        if (params == null || params.isEmpty()) return;
        Json.write(file, load(file).withParams(params));
    }

    public static Entry load(Path file) {
        return Json.fromTree(Json.read(file), Entry.class);
    }

    public static List<Path> all(Path corpusDir) {
        if (!Files.isDirectory(corpusDir)) return List.of();
        try (Stream<Path> s = Files.walk(corpusDir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
