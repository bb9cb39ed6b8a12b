package overparam.claims.boobLan;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.ClaimResult;
import overparam.claims.ClaimTests;
import overparam.claims.Counterexample;
import overparam.claims.Registry;
import overparam.claims.Verdict;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered boob-lan claim, verdict against the project's expectation; a refuted claim shows what refutes it: the
 * statement property whose certified, saved counterexample its summary names, or a refuted rate (evidence.json).
 */
class BoobLanClaimsTest {
    @TestFactory
    Stream<DynamicTest> claims() {
        return Registry.get().paper("boob-lan").stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            ClaimResult r = ClaimTests.verify(c.id());
            if (r.verdict() != Verdict.REFUTED) return;
            Counterexample cx = r.counterexample();
            if (cx == null) {
                assertThat(r.refutationBasis()).as(r.id()).isEqualTo("statistical");
                assertThat(r.rates()).as(r.id()).anyMatch(e -> e.verdict() == Verdict.REFUTED);
                return;
            }
            assertThat(r.summary()).as(r.id() + ": the summary names the refuting property").startsWith(cx.property() + ":");
            assertThat(r.properties()).as(r.id() + ": the refuting property is a statement, not a negative control")
                    .anyMatch(p -> p.name().equals(cx.property()) && p.expected() == Verdict.HOLDS);
            assertThat(cx.certification()).as(r.id()).isEqualTo("certified");
            assertThat(cx.corpusFile()).as(r.id() + ": saved under generators/corpus").startsWith("generators/corpus/" + r.id() + "/");
            assertThat(r.worstEvidence().holds()).as(r.id() + ": the worst-margin column shows the violation").isFalse();
        }));
    }
}
