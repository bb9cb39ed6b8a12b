package overparam.claims.critical;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import overparam.nn.FiniteDifferences;
import overparam.report.Json;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Extra assertions on the critical helpers and on the saved counterexamples (the claims themselves run in CriticalClaimsTest). */
class CriticalNumericsTest {
    @Test
    void bareissAgreesWithKnownDeterminantsAndRanks() {
        assertThat(ExactRank.det(ExactRank.of(new long[][] {{2, 1}, {7, 4}}))).isEqualTo(BigInteger.ONE);
        assertThat(ExactRank.det(ExactRank.of(new long[][] {{0, 1, 2}, {1, 0, 3}, {4, -3, 8}}))).isEqualTo(BigInteger.valueOf(-2));
        assertThat(ExactRank.rank(ExactRank.of(new long[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}}))).isEqualTo(2);
        assertThat(ExactRank.rank(ExactRank.of(new long[][] {{0, 0}, {0, 5}, {0, 7}}))).isEqualTo(1);
        // det [i^d], i, d = 1..4 = 1! 2! 3! 4! = 288
        assertThat(RequirementClaims.powerDet(4)).isEqualTo(BigInteger.valueOf(288));
    }

    @Test
    void doubleVandermondeMatchesTheCataloguesMpmathValue() {
        Features.HpRow row = Features.hp(Features.SIGMOID, 10);
        assertThat(row.certified()).isTrue();
        assertThat(row.sigmaMinHp()).isCloseTo(3.642480909170943e-21, within(1e-9 * 3.642480909170943e-21)); // mpmath, 120 digits
        assertThat(row.rankDouble()).isLessThan(10);
    }

    @Test
    void backpropagationOfTheDeepNarrowNetMatchesFiniteDifferences() {
        Random rng = new Random(5);
        CapacityClaims.DeepNarrow n = new CapacityClaims.DeepNarrow(3, 3, "tanh", new double[] {-1, 0.3, 1.2, 2}, new double[] {0.5, -1, 0.2, 1});
        double[] th = new double[3 * 2 + 2 * 3 * 4 + 4];
        for (int i = 0; i < th.length; i++) th[i] = 0.7 * rng.nextGaussian();
        double[] fd = FiniteDifferences.gradient(t -> CapacityClaims.loss(n, t), th), bp = CapacityClaims.gradient(n, th);
        for (int i = 0; i < th.length; i++) assertThat(bp[i]).as("parameter %d", i).isCloseTo(fd[i], within(1e-7 * (1 + Math.abs(fd[i]))));
    }

    @Test
    void savedCounterexamplesAreTheSmallOnes() throws Exception {
        Path corpus = Path.of(System.getProperty("basedir", ".")).resolve("generators/corpus/critical");
        JsonNode lemma1 = Json.read(corpus.resolve("C-04.b/right-multiplication.json")).path("instance");
        assertThat(lemma1.path("a").size()).as("M").isEqualTo(2);
        assertThat(lemma1.path("a").get(0).size()).as("D").isEqualTo(1);
        JsonNode step3 = Json.read(corpus.resolve("C-08.3/every-solution.json")).path("instance");
        assertThat(step3.path("xp").get(0).size()).as("D").isEqualTo(1);
        assertThat(step3.path("solver").asText()).startsWith("lemma2");
        JsonNode relu = Json.read(corpus.resolve("C-09.h/non-linear-activation-full-rank.json")).path("instance");
        assertThat(relu.path("d").asInt()).isEqualTo(2);
        assertThat(Files.exists(corpus.resolve("C-10/softmax-cross-entropy.json"))).isTrue();
    }
}
