package overparam.claims;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.*;

/** The registry, the catalogue and the project's expectations agree. */
class CatalogTest {
    @Test
    void everyRegisteredClaimIsInTheCatalogueAndHasAnExpectation() {
        assertThat(Registry.get().all()).isNotEmpty();
        for (Claim c : Registry.get().all()) {
            assertThat(Catalog.get().contains(c.id())).as(c.id()).isTrue();
            assertThat(Expectations.get().expected(c.id())).as("expectation of %s (open claims need one in expectations/<paper>.tsv)", c.id()).isNotNull();
        }
    }

    @Test
    void catalogueHasEveryPaperAndUniqueIds() {
        assertThat(Catalog.get().papers()).containsExactlyInAnyOrder("edmonds", "critical", "boob-lan", "golikov", "oymak");
        assertThat(Catalog.get().all()).hasSize(224);
    }

    @Test
    void unknownIdsAreRefusedWithSuggestions() {
        assertThatThrownBy(() -> Catalog.get().info("oymak/lemma-9.9")).isInstanceOf(BadInput.class)
                .hasMessageContaining("unknown claim id 'oymak/lemma-9.9'").hasMessageContaining("oymak/");
    }

    @Test
    void catalogueSectionsAreFoundByTag() {
        assertThat(Catalog.get().section("oymak/lemma-6.5")).contains("Schur").contains("A = −I₂");
    }
}
