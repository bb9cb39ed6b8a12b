package overparam.claims;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.search.Corpus;
import overparam.search.Replay;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every saved counterexample under generators/corpus still violates its claim (and stays certified if it was). */
class CorpusReplayTest {
    @TestFactory
    Stream<DynamicTest> corpusStillReproduces() {
        Path corpus = Path.of(System.getProperty("basedir", ".")).resolve("generators/corpus");
        return Corpus.all(corpus).stream().map(f -> DynamicTest.dynamicTest(corpus.relativize(f).toString(), () -> {
            Replay.Outcome o = Replay.replay(Corpus.load(f));
            assertThat(o.stillViolated()).as(o.describe()).isTrue();
        }));
    }
}
