package overparam.claims;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.search.Corpus;
import overparam.search.EvidenceFiles;
import overparam.search.Replay;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every saved counterexample under generators/corpus still meets its hypotheses and violates its claim, stays certified
 * if it was certified when saved, and (if it was sampled) still regenerates from its generator and seed. Refutations
 * without an instance (evidence.json) are re-derived: exact intervals from their counts, fits against the claim.
 */
class CorpusReplayTest {
    @TestFactory
    Stream<DynamicTest> corpusStillReproduces() {
        Path corpus = Path.of(System.getProperty("basedir", ".")).resolve("generators/corpus");
        return Corpus.all(corpus).stream().map(f -> DynamicTest.dynamicTest(corpus.relativize(f).toString(), () -> {
            if (EvidenceFiles.isEvidenceFile(f)) {
                EvidenceFiles.Entry e = EvidenceFiles.load(f);
                assertThat(EvidenceFiles.replay(e)).as("%s no longer refutes %s", f, e.claim()).isNull();
                return;
            }
            Replay.Outcome o = Replay.replay(Corpus.load(f));
            assertThat(o.stillViolated()).as("no longer a counterexample: %s", o.describe()).isTrue();
            assertThat(o.stillCertified()).as("was certified, now fragile or uncertified: %s", o.describe()).isNotEqualTo(Boolean.FALSE);
            assertThat(o.regenerates()).as("the seed no longer regenerates the original: %s", o.describe()).isNotEqualTo(Boolean.FALSE);
        }));
    }
}
