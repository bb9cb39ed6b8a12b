package overparam.claims.oymak;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Example;
import overparam.claims.*;
import overparam.search.PropertyRunner;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shapes of the certified counterexamples behind the findings and the catalogue's FAIL constructions. */
class OymakFindingsTest {
    private static PropertyOutcome run(String id, String name) {
        PropertyClaim c = (PropertyClaim) Registry.get().claim(id);
        Property<?> p = c.property(new Params(id, c.parameters(), Map.of()), name);
        return PropertyRunner.run(id, p, ClaimTests.context());
    }

    @Example
    void theorem32FailsWithOneHiddenUnitForEveryC() {
        for (String c : new String[] {"1", "1000", "1000000"}) {
            PropertyOutcome o = run("oymak/thm-3.2", "statement-E7-C=" + c);
            assertThat(o.refuted()).as("C = %s", c).isTrue();
            JsonNode shrunk = o.counterexample().shrunk();
            assertThat(shrunk.get("w").size()).as("k, C = %s", c).isEqualTo(1);
            assertThat(shrunk.get("x").size()).as("n, C = %s", c).isGreaterThanOrEqualTo(2);
            assertThat(o.counterexample().certificate().certified()).isTrue();
        }
    }

    @Example
    void secondMomentStepFailsForAPiecewiseLinearActivation() {
        PropertyOutcome o = run("oymak/thm-3.2.proof", "hypothesis-class");
        assertThat(o.refuted()).isTrue();
        JsonNode shrunk = o.counterexample().shrunk();
        assertThat(shrunk.get("activation").asText()).isEqualTo("piecewise");
        double b = shrunk.get("b").asDouble();
        assertThat(Math.abs(shrunk.get("phi0").asDouble())).isLessThanOrEqualTo(b);
        for (JsonNode s : shrunk.get("slopes")) assertThat(Math.abs(s.asDouble())).isLessThanOrEqualTo(b);
        assertThat(o.counterexample().evidence().lhs()).isGreaterThan(2 * b * b);
        assertThat(o.counterexample().certificate().certified()).isTrue();
    }

    @Example
    void alphaThirdControlShrinksToOneByOne() {
        PropertyOutcome o = run("oymak/lemma-G.3", "control-alpha-perturbation");
        assertThat(o.refuted()).isTrue();
        assertThat(o.counterexample().shrunk().get("c").size()).isEqualTo(1);
        assertThat(o.counterexample().certificate().certified()).isTrue();
    }

    @Example
    void thinSvdConventionBreaksTheBoundInOneDimension() {
        PropertyOutcome o = run("oymak/lemma-6.4", "control-thin-svd-convention");
        assertThat(o.refuted()).isTrue();
        JsonNode x = o.counterexample().shrunk().get("data").get("x");
        assertThat(x.get(0).size()).as("d").isEqualTo(1);
        assertThat(o.counterexample().certificate().certified()).isTrue();
    }
}
