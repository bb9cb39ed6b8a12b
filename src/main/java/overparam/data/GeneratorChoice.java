package overparam.data;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import overparam.claims.BadInput;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named generator of generators/specs.json chosen through a claim's GENERATOR parameter, with the researcher's
 * settings of its own parameters. Sizes the researcher fixed stay fixed; the others are drawn by the claim.
 */
public record GeneratorChoice(String owner, String name, Map<String, String> settings) {
    public GeneratorChoice {
        settings = Map.copyOf(settings);
    }

    public JsonNode spec() {
        return GeneratorSpecs.spec(name);
    }

    /** The generator gives unit-norm rows (specs.json "unit"). */
    public boolean unitRows() {
        return spec().path("unit").asBoolean(false);
    }

    /** Refuses a generator without unit-norm rows, for claims whose hypotheses need them. */
    public GeneratorChoice requireUnitRows() {
        if (!unitRows())
            throw new BadInput(owner + " needs unit-norm rows; generator '" + name + "' does not give them. Generators with unit rows: "
                    + GeneratorSpecs.names().stream().filter(g -> GeneratorSpecs.spec(g).path("unit").asBoolean(false)).toList());
        return this;
    }

    public boolean has(String parameter) {
        return spec().path("params").has(parameter);
    }

    /** One dataset with the defaults and settings, plus the given sizes where the generator has them and they are not set. */
    public Dataset generate(Map<String, ?> sizes, long seed) {
        Map<String, Object> p = new LinkedHashMap<>(GeneratorSpecs.parameters(name, settings));
        sizes.forEach((k, v) -> {
            if (has(k) && !settings.containsKey(k)) p.put(k, v);
        });
        return Generators.generate(name, p, seed);
    }

    /**
     * Datasets with n in [nMin, nMax] and d in [dMin, dMax] (for generators with parameters n and d), a shrinkable seed,
     * and the researcher's settings. Size combinations the generator refuses (e.g. orthonormal with n > d) are skipped;
     * if the corner cases all fail, the generator's own message is reported.
     */
    public Arbitrary<Dataset> arbitrary(int nMin, int nMax, int dMin, int dMax) {
        BadInput firstFailure = null;
        boolean feasible = false;
        for (int[] nd : new int[][] {{nMin, dMax}, {nMax, dMin}, {nMin, dMin}, {nMax, dMax}}) {
            try {
                generate(Map.of("n", nd[0], "d", nd[1]), 1L);
                feasible = true;
                break;
            } catch (BadInput e) {
                if (firstFailure == null) firstFailure = e;
            }
        }
        if (!feasible)
            throw new BadInput(owner + ": generator '" + name + "' cannot produce data for n in [" + nMin + "," + nMax + "], d in [" + dMin + ","
                    + dMax + "] with " + settings + ": " + firstFailure.getMessage());
        return Combinators.combine(Arbitraries.integers().between(nMin, nMax), Arbitraries.integers().between(dMin, dMax), DataArbitraries.seeds())
                .as((n, d, s) -> attempt(n, d, s)).filter(Optional::isPresent).map(Optional::get);
    }

    private Optional<Dataset> attempt(int n, int d, long seed) {
        try {
            return Optional.of(generate(Map.of("n", n, "d", d), seed));
        } catch (BadInput e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return name + (settings.isEmpty() ? "" : settings.toString());
    }
}
