package overparam.claims.oymak;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.*;
import overparam.search.PropertyRunner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 60-digit certifiers of the oymak claims agree with the double checks: on instances where a claim holds they never
 * certify a violation, and a single-sided margin matches the double margin to within the double tolerance. And they do
 * certify real violations (instances outside the hypotheses).
 */
class CertifiersTest {
    private static final List<String> IDS = List.of("oymak/N1", "oymak/N2", "oymak/N3", "oymak/N4", "oymak/N5", "oymak/N8", "oymak/def-6.1",
            "oymak/assumption-1", "oymak/lemma-6.6", "oymak/lemma-6.8", "oymak/lemma-6.5");

    @TestFactory
    Stream<DynamicTest> certifiersAgreeWithTheDoubleChecks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String id : IDS) {
            PropertyClaim c = (PropertyClaim) Registry.get().claim(id);
            for (Property<?> p : c.properties(new Params(id, c.parameters(), Map.of()))) {
                if (!p.certifiable() || p.expected() != Verdict.HOLDS) continue;
                tests.add(DynamicTest.dynamicTest(id + " / " + p.name(), () -> agree(p)));
            }
        }
        return tests.stream();
    }

    private static <I> void agree(Property<I> p) {
        int compared = 0;
        for (long seed = 1; seed <= 400 && compared < 2; seed++) {
            I inst = PropertyRunner.regenerate(p, new java.util.SplittableRandom(seed).nextLong());
            // small instances keep this test fast (a 40 x 40 inertia bisection in 60 digits takes seconds)
            if (overparam.report.Json.numericSize(overparam.report.Json.tree(inst)) > 200 || p.violatedHypothesis(inst) != null) continue;
            Certificate cert = p.certify(inst, null);
            if (cert == null) continue;
            Evidence e = p.check(inst);
            assertThat(e.holds()).isTrue();
            assertThat(cert.certified()).as("%s certified a violation of a holding instance: %s", p.name(), cert).isFalse();
            if (e.relation() != Evidence.Relation.EQ && !e.details().containsKey("parts"))
                assertThat(Math.abs(cert.margin().doubleValue() - e.margin())).as("%s margins", p.name())
                        .isLessThanOrEqualTo(4 * e.tolerance() + 1e-13 * Math.max(Math.abs(e.lhs()), Math.abs(e.rhs())));
            compared++;
        }
        assertThat(compared).as("instances with a high-precision route").isPositive();
    }

    @Test
    void n8CertifiesAFullRankInstance() {
        // three generic unit vectors in R^2: n = d(d+1)/2, X*X has full rank, so "sigma_min(X*X) = 0" is really violated
        DataInstance inst = new DataInstance("identity", 2, overparam.data.Generators.sphere(3, 2, 5));
        Certificate c = Certifiers.khatriRaoRank(inst, null);
        assertThat(c.certified()).isTrue();
        assertThat(c.margin()).isLessThan(new BigDecimal("-1e-3"));
    }
}
