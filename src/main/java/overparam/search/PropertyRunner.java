package overparam.search;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import overparam.claims.*;
import overparam.report.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs one {@link Property}: draws instances from its jqwik arbitrary with one derived seed per try (so any try replays
 * from (generator, seed) alone) and keeps the tightest ones. When the context asks for search and sampling found no
 * violation, the adversarial search drives the slack from the tightest instances toward violation. A violation is
 * shrunk (jqwik's tree, then points/dimensions/units and simpler numbers on the JSON form), certified in high
 * precision and saved to the corpus.
 */
public final class PropertyRunner {
    private static final int GEN_SIZE = 1000;
    private static final int RESTARTS = 400;
    private static final long SHRINK_SAFETY_MILLIS = 20_000;
    /** Mean check cost above which coordinate search and JSON shrinking are skipped. */
    static final long COORDINATE_WORK_LIMIT_MILLIS = 50;
    private static final int SEARCH_STARTS = 4;
    /** Wall-clock budget of the search per claim, in milliseconds, shared by its searchable properties (default 20 s). */
    public static final String SEARCH_MILLIS = "harness.search.millis";
    /** Evaluation budget of the search per property (default 20000). */
    public static final String SEARCH_EVALUATIONS = "harness.search.evaluations";

    private PropertyRunner() {}

    public static long searchMillisPerClaim() {
        return Long.getLong(SEARCH_MILLIS, 20_000L);
    }

    /** Runs a property; a search (if the context asks for one) gets the whole per-claim time budget. */
    public static <I> PropertyOutcome run(String claimId, Property<I> property, RunContext ctx) {
        return run(claimId, property, ctx, searchMillisPerClaim(), Integer.getInteger(SEARCH_EVALUATIONS, 20_000));
    }

    /** Runs a property with an explicit search budget (used when a claim shares its budget among its properties). */
    public static <I> PropertyOutcome run(String claimId, Property<I> property, RunContext ctx, long searchMillis, int searchEvaluations) {
        return Sessions.inSession(() -> runInSession(claimId, property, ctx, searchMillis, searchEvaluations));
    }

    private record Tight<I>(double slack, I instance, long seed) {}

    /**
     * Worker threads for the tries (default: the available processors; 1 runs them one by one on the calling thread).
     * Tries are drawn in order on the calling thread (jqwik's generators), checked in parallel, and reduced in try
     * order, so verdicts, worst instances and counterexamples do not depend on the thread count.
     */
    public static final String THREADS = "harness.threads";
    /** Tries drawn and checked together per worker thread. */
    private static final int BATCH_PER_THREAD = 4;

    static int threads() {
        int t = Integer.getInteger(THREADS, Runtime.getRuntime().availableProcessors());
        return Math.max(1, t);
    }

    private static volatile ForkJoinPool pool;

    private static ForkJoinPool pool(int threads) {
        ForkJoinPool p = pool;
        if (p == null || p.getParallelism() != threads) {
            synchronized (PropertyRunner.class) {
                p = pool;
                if (p == null || p.getParallelism() != threads) pool = p = new ForkJoinPool(threads);
            }
        }
        return p;
    }

    /** One drawn try: its seed and instance, and (after evaluation) the hypothesis it violates or its evidence. */
    private static final class Draw<I> {
        final long seed;
        Shrinkable<I> shrinkable;
        I instance;
        String violated;
        Evidence evidence;
        long nanos;
        Throwable error;

        Draw(long seed) {
            this.seed = seed;
        }

        void evaluate(Property<I> property) {
            if (error != null) return;
            try {
                violated = property.violatedHypothesis(instance);
                if (violated != null) return;
                long t0 = System.nanoTime();
                evidence = property.check(instance);
                nanos = System.nanoTime() - t0;
            } catch (RuntimeException | Error e) {
                error = e;
            }
        }

        void rethrow() {
            if (error instanceof RuntimeException r) throw r;
            if (error instanceof Error e) throw e;
        }
    }

    private static <I> PropertyOutcome runInSession(String claimId, Property<I> property, RunContext ctx, long searchMillis,
                                                    int searchEvaluations) {
        long start = System.currentTimeMillis();
        int tries = ctx.tries(property.tries());
        long baseSeed = ctx.seedFor(claimId + "#" + property.name());
        RandomGenerator<I> generator = property.arbitrary().generator(GEN_SIZE);
        int threads = threads();
        Evidence worst = null;
        I worstObject = null;
        List<Tight<I>> tightest = new ArrayList<>();
        int rejected = 0, done = 0, draw = 0;
        long checkNanos = 0;
        while (done < tries) {
            int want = threads == 1 ? 1 : Math.min(BATCH_PER_THREAD * threads, tries - done);
            List<Draw<I>> draws = new ArrayList<>(want);
            for (int b = 0; b < want; b++) {
                Draw<I> d = new Draw<>(trySeed(baseSeed, draw++));
                try {
                    d.shrinkable = generator.next(new Random(d.seed));
                    d.instance = d.shrinkable.value();
                } catch (RuntimeException | Error e) {
                    d.error = e;
                }
                draws.add(d);
            }
            if (want == 1) draws.get(0).evaluate(property);
            else pool(threads).invoke(ForkJoinTask.adapt(() -> draws.parallelStream().forEach(d -> d.evaluate(property))));
            for (Draw<I> d : draws) {
                d.rethrow();
                if (d.violated != null) {
                    if (++rejected > 10 * tries + 100)
                        throw new IllegalStateException(claimId + "/" + property.name() + ": generator rarely meets the hypotheses ("
                                + rejected + " rejected, " + done + " accepted); fix the generator");
                    continue;
                }
                done++;
                ctx.progress().update(claimId + " " + property.name(), done, tries);
                checkNanos += d.nanos;
                Evidence e = d.evidence;
                if (worst == null || e.slack() < worst.slack()) {
                    worst = e;
                    worstObject = d.instance;
                }
                if (!e.holds()) {
                    Counterexample cx = counterexample(claimId, property, d.shrinkable, d.instance, e, d.seed, "sampling", ctx, checkNanos / 1e6 / done);
                    return new PropertyOutcome(property.name(), property.description(), property.expected(), property.generator(),
                            d.seed, done, rejected, e, Json.tree(worstObject), cx, System.currentTimeMillis() - start, null);
                }
                keepTightest(tightest, new Tight<>(e.slack(), d.instance, d.seed));
                if (done == tries) break;
            }
        }
        JsonNode worstInstance = worstObject == null ? null : Json.tree(worstObject);
        SearchReport search = null;
        Counterexample cx = null;
        long seed = baseSeed;
        double meanCheckMillis = done == 0 ? 0 : checkNanos / 1e6 / done;
        if (ctx.search() && meanCheckMillis > COORDINATE_WORK_LIMIT_MILLIS) {
            search = SearchReport.skipped(property.searchSpace().toString(), "checks cost " + String.format("%.0f", meanCheckMillis) + " ms each (limit "
                    + COORDINATE_WORK_LIMIT_MILLIS + " ms): coordinate search skipped");
        } else if (ctx.search()) {
            List<I> starts = tightest.stream().map(Tight::instance).toList();
            AdversarialSearch.Result<I> r = AdversarialSearch.run(property, starts, new AdversarialSearch.Budget(searchEvaluations,
                    System.currentTimeMillis() + searchMillis), ctx.seedFor(claimId + "#" + property.name() + "#search"));
            search = r.report();
            if (r.bestEvidence() != null && (worst == null || r.bestEvidence().slack() < worst.slack())) {
                worst = r.bestEvidence();
                worstInstance = Json.tree(r.best());
            }
            if (r.violated()) {
                seed = tightest.get(0).seed();
                String origin = "adversarial search from the " + starts.size() + " tightest sampled tries (tightest: seed " + seed + "), "
                        + search.evaluations() + " evaluations";
                cx = counterexample(claimId, property, null, r.best(), r.bestEvidence(), seed, origin, ctx, meanCheckMillis);
            }
        }
        return new PropertyOutcome(property.name(), property.description(), property.expected(), property.generator(),
                seed, done, rejected, worst, worstInstance, cx, System.currentTimeMillis() - start, search);
    }

    private static <I> void keepTightest(List<Tight<I>> list, Tight<I> t) {
        if (!Double.isFinite(t.slack())) return;
        for (Tight<I> u : list) if (u.slack() == t.slack()) return;
        list.add(t);
        list.sort(Comparator.comparingDouble(Tight::slack));
        if (list.size() > SEARCH_STARTS) list.remove(list.size() - 1);
    }

    static long trySeed(long base, int t) {
        long z = base + 0x9E3779B97F4A7C15L * (t + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }

    /** Regenerates the instance of one try, bit for bit (replay). */
    public static <I> I regenerate(Property<I> property, long trySeed) {
        return Sessions.inSession(() -> property.arbitrary().generator(GEN_SIZE).next(new Random(trySeed)).value());
    }

    /**
     * Shrinks a violation (jqwik's shrink tree when the instance was sampled; then the JSON structure and numbers when the
     * property has a search space), certifies it, and saves it to the corpus.
     */
    static <I> Counterexample counterexample(String claimId, Property<I> property, Shrinkable<I> failing, I originalInstance,
                                             Evidence e, long seed, String origin, RunContext ctx, double meanCheckMillis) {
        // shrinking is bounded by evaluations (deterministic); the clock is only a safety net for slow checks
        long deadline = System.currentTimeMillis() + SHRINK_SAFETY_MILLIS * ctx.level().multiplier;
        int budget = property.shrinkEvaluations();
        List<Candidates.Step<I>> path = new ArrayList<>();
        path.add(new Candidates.Step<>(originalInstance, e));
        if (failing != null) {
            Shrinker.Result<I> shrunk = Shrinker.shrinkWithRestarts(property, failing, e, property.arbitrary().generator(GEN_SIZE), seed,
                    Math.min(RESTARTS, budget), budget, deadline);
            path.addAll(shrunk.path());
        }
        // coordinate-level shrinking moves every number of the instance, including ones that size the computation
        // (steps, iteration counts): only for cheap checks, where it cannot run away
        if (property.searchSpace().searchable() && meanCheckMillis <= COORDINATE_WORK_LIMIT_MILLIS) {
            Candidates<I> c = new Candidates<>(property);
            path.addAll(JsonShrinker.structure(property, c, path.get(path.size() - 1), budget, deadline));
            path.addAll(JsonShrinker.numbers(property, c, path.get(path.size() - 1), budget, deadline));
        }
        Certification.Chosen<I> chosen = Certification.choose(property, path, System.currentTimeMillis() + SHRINK_SAFETY_MILLIS * ctx.level().multiplier);
        JsonNode original = Json.tree(originalInstance);
        JsonNode small = Json.tree(chosen.step().instance());
        Counterexample cx = new Counterexample(property.name(), property.generator(), seed, original, small, Json.numericSize(original),
                Json.numericSize(small), chosen.index(), e, chosen.step().evidence(), chosen.attempt().certificate(), null, origin,
                chosen.attempt().uncertified());
        if (ctx.corpusDir() != null) {
            Path file = Corpus.save(ctx.corpusDir(), claimId, cx);
            cx = cx.withCorpusFile(Path.of("generators", "corpus").resolve(ctx.corpusDir().relativize(file)).toString());
        }
        return cx;
    }
}
