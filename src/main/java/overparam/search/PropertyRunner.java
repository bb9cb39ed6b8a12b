package overparam.search;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import overparam.claims.*;
import overparam.report.Json;

import java.nio.file.Path;
import java.util.Random;

/**
 * Runs one {@link Property}: draws instances from its jqwik arbitrary with one derived seed per try (so any try replays
 * from (generator, seed) alone), keeps the tightest instance, and on a violation shrinks it, certifies it in high
 * precision and saves it to the corpus.
 */
public final class PropertyRunner {
    private static final int GEN_SIZE = 1000;
    private static final int MAX_SHRINK_EVALUATIONS = 3000;
    private static final int RESTARTS = 400;

    private PropertyRunner() {}

    public static <I> PropertyOutcome run(String claimId, Property<I> property, RunContext ctx) {
        return Sessions.inSession(() -> runInSession(claimId, property, ctx));
    }

    private static <I> PropertyOutcome runInSession(String claimId, Property<I> property, RunContext ctx) {
        long start = System.currentTimeMillis();
        int tries = ctx.tries(property.tries());
        long baseSeed = ctx.seedFor(claimId + "#" + property.name());
        RandomGenerator<I> generator = property.arbitrary().generator(GEN_SIZE);
        Evidence worst = null;
        JsonNode worstInstance = null;
        int rejected = 0, done = 0, draw = 0;
        while (done < tries) {
            long trySeed = trySeed(baseSeed, draw++);
            Shrinkable<I> s = generator.next(new Random(trySeed));
            I instance = s.value();
            if (property.violatedHypothesis(instance) != null) {
                if (++rejected > 10 * tries + 100)
                    throw new IllegalStateException(claimId + "/" + property.name() + ": generator rarely meets the hypotheses ("
                            + rejected + " rejected, " + done + " accepted); fix the generator");
                continue;
            }
            done++;
            ctx.progress().update(claimId + " " + property.name(), done, tries);
            Evidence e = property.check(instance);
            if (worst == null || e.slack() < worst.slack()) {
                worst = e;
                worstInstance = Json.tree(instance);
            }
            if (!e.holds()) {
                Counterexample cx = counterexample(claimId, property, s, e, trySeed, ctx);
                return new PropertyOutcome(property.name(), property.description(), property.expected(), property.generator(),
                        trySeed, done, rejected, e, worstInstance, cx, System.currentTimeMillis() - start);
            }
        }
        return new PropertyOutcome(property.name(), property.description(), property.expected(), property.generator(),
                baseSeed, done, rejected, worst, worstInstance, null, System.currentTimeMillis() - start);
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

    private static <I> Counterexample counterexample(String claimId, Property<I> property, Shrinkable<I> failing, Evidence e,
                                                     long trySeed, RunContext ctx) {
        JsonNode original = Json.tree(failing.value());
        long deadline = System.currentTimeMillis() + 60_000L * ctx.level().multiplier;
        Shrinker.Result<I> shrunk = Shrinker.shrinkWithRestarts(property, failing, e, property.arbitrary().generator(GEN_SIZE), trySeed,
                RESTARTS, MAX_SHRINK_EVALUATIONS, deadline);
        I small = shrunk.shrinkable().value();
        JsonNode smallJson = Json.tree(small);
        Certificate cert = property.certifiable() ? property.certify(small, shrunk.evidence()) : null;
        Counterexample cx = new Counterexample(property.name(), property.generator(), trySeed, original, smallJson,
                Json.numericSize(original), Json.numericSize(smallJson), shrunk.steps(), e, shrunk.evidence(), cert, null);
        if (ctx.corpusDir() != null) {
            Path file = Corpus.save(ctx.corpusDir(), claimId, cx);
            cx = cx.withCorpusFile(Path.of("generators", "corpus").resolve(ctx.corpusDir().relativize(file)).toString());
        }
        return cx;
    }
}
