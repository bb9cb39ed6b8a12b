package overparam.claims.oymak;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Example;
import overparam.claims.*;
import overparam.search.PropertyRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness finds, shrinks and certifies the counterexamples of the catalogue's FAIL constructions. */
class NegativeControlsTest {
    private static PropertyOutcome control(String id, String name) {
        PropertyClaim c = (PropertyClaim) Registry.get().claim(id);
        Property<?> p = c.property(new Params(id, c.parameters(), java.util.Map.of()), name);
        return PropertyRunner.run(id, p, ClaimTests.context());
    }

    @Example
    void lemma65WithIndefiniteAShrinksToTwoByTwo() {
        PropertyOutcome o = control("oymak/lemma-6.5", "control-A-not-PSD");
        assertThat(o.refuted()).isTrue();
        JsonNode shrunk = o.counterexample().shrunk();
        assertThat(shrunk.get("a").size()).as("rows of the shrunk A, from %s", o.counterexample().sizeBefore()).isEqualTo(2);
        assertThat(shrunk.get("b").size()).isEqualTo(2);
        assertThat(o.counterexample().certificate().certified()).isTrue();
    }

    @Example
    void lemma68WithLongRowsShrinksToOneByOne() {
        PropertyOutcome o = control("oymak/lemma-6.8", "control-non-unit-rows");
        assertThat(o.refuted()).isTrue();
        JsonNode shrunk = o.counterexample().shrunk();
        assertThat(shrunk.get("x").size()).isEqualTo(1);
        assertThat(shrunk.get("x").get(0).size()).isEqualTo(1);
        assertThat(shrunk.get("w").size()).isEqualTo(1);
        assertThat(o.counterexample().certificate().certified()).isTrue();
    }
}
