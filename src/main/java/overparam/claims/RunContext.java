package overparam.claims;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a claim run depends on besides the claim: effort level, seed, tries override, the researcher's parameter
 * overrides, adversarial search, and where files go. Claims derive their own seeds from {@link #seedFor(String)}.
 */
public record RunContext(Level level, long seed, Integer tries, Map<String, String> overrides, boolean search,
                         Path reportsDir, Path corpusDir, Progress progress, int triesMultiplier) {

    public static final long DEFAULT_SEED = 20261125L;

    /** Receives progress of long runs (tries, trials, sweep cells). */
    @FunctionalInterface
    public interface Progress {
        void update(String task, long done, long total);

        Progress NONE = (t, d, n) -> {};
    }

    public RunContext {
        overrides = Map.copyOf(overrides);
        if (tries != null && tries < 1) throw new IllegalArgumentException("tries must be >= 1, got " + tries);
        if (triesMultiplier < 1) throw new IllegalArgumentException("tries multiplier must be >= 1, got " + triesMultiplier);
    }

    /** The tries multiplier of the level (1, 3, 10). */
    public RunContext(Level level, long seed, Integer tries, Map<String, String> overrides, boolean search, Path reportsDir,
                      Path corpusDir, Progress progress) {
        this(level, seed, tries, overrides, search, reportsDir, corpusDir, progress, level.multiplier);
    }

    /**
     * Defaults from system properties: harness.level (experiment sizes), harness.tries.multiplier (default: the
     * level's), harness.search (default: on at DEEP), harness.seed, harness.reports, harness.corpus. The search profile
     * keeps CI-sized experiments and multiplies only the tries.
     */
    public static RunContext fromSystemProperties() {
        Level level = Level.parse(System.getProperty("harness.level", "ci"));
        long seed = Long.parseLong(System.getProperty("harness.seed", Long.toString(DEFAULT_SEED)));
        Path reports = Path.of(System.getProperty("harness.reports", "reports"));
        Path corpus = Path.of(System.getProperty("harness.corpus", "generators/corpus"));
        String m = System.getProperty("harness.tries.multiplier", "").trim(), sr = System.getProperty("harness.search", "").trim();
        int multiplier = m.isEmpty() ? level.multiplier : Integer.parseInt(m);
        boolean search = sr.isEmpty() ? level == Level.DEEP : Boolean.parseBoolean(sr);
        return new RunContext(level, seed, null, Map.of(), search, reports, corpus, Progress.NONE, multiplier);
    }

    public RunContext withOverrides(Map<String, String> o) {
        return new RunContext(level, seed, tries, o, search, reportsDir, corpusDir, progress, triesMultiplier);
    }

    public RunContext withTries(Integer t) {
        return new RunContext(level, seed, t, overrides, search, reportsDir, corpusDir, progress, triesMultiplier);
    }

    public RunContext withSeed(long s) {
        return new RunContext(level, s, tries, overrides, search, reportsDir, corpusDir, progress, triesMultiplier);
    }

    public RunContext withSearch(boolean s) {
        return new RunContext(level, seed, tries, overrides, s, reportsDir, corpusDir, progress, triesMultiplier);
    }

    public RunContext withProgress(Progress p) {
        return new RunContext(level, seed, tries, overrides, search, reportsDir, corpusDir, p, triesMultiplier);
    }

    public RunContext withLevel(Level l) {
        return new RunContext(l, seed, tries, overrides, search, reportsDir, corpusDir, progress, l.multiplier);
    }

    /** Tries for a property whose CI default is {@code base}: the override, else base times the level multiplier. */
    public int tries(int base) {
        return tries != null ? tries : base * triesMultiplier;
    }

    /** A seed for one named part of a run, stable across runs and independent between parts. */
    public long seedFor(String part) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (char c : part.toCharArray()) h = (h ^ c) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return h & Long.MAX_VALUE;
    }

    public Params params(String owner, List<ParamSpec> declared) {
        return new Params(owner, declared, overrides);
    }

    public Path attachmentsDir(String claimId) {
        return reportsDir.resolve("attachments").resolve(claimId.replace('/', '_'));
    }
}
