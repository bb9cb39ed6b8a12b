package overparam.cli;

import overparam.claims.*;
import overparam.data.Dataset;
import overparam.data.Generators;

import java.util.Collection;
import java.util.List;

/**
 * A claim built for the command-line tests (not registered): "the separation of the data is at least delta" over a
 * researcher-chosen generator. It declares every kind of parameter the command line wires (a generator, a real, a
 * range), so probe/sweep/replay can be tested without depending on which claims other work has registered.
 */
final class ToyClaims {
    private ToyClaims() {}

    static final class Separation extends PropertyClaim {
        Separation() {
            super("oymak/assumption-1");
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.generator("generator", "sphere", "dataset generator"),
                    ParamSpec.real("delta", 0.0, "required separation"),
                    ParamSpec.range("n", 2, 6, "points"));
        }

        @Override
        public List<Property<?>> properties(Params p) {
            double delta = p.real("delta");
            int[] n = p.range("n");
            return List.of(Property.of("separation-at-least-delta", Dataset.class)
                    .generator(p.generator("generator") + ", n in " + n[0] + ".." + n[1], p.generator("generator").arbitrary(n[0], n[1], 2, 4))
                    .check(ds -> Evidence.ge("separation >= delta", Generators.separation(ds.x()), delta, 0))
                    .tries(20).build());
        }
    }

    /** Lookup with the toy claim first, then the registry. */
    static Main.Claims withToys() {
        Separation toy = new Separation();
        Main.Claims registry = Main.Claims.registry();
        return new Main.Claims() {
            public Claim claim(String id) {
                return id.equals(toy.id()) ? toy : registry.claim(id);
            }

            public boolean has(String id) {
                return id.equals(toy.id()) || registry.has(id);
            }

            public Collection<Claim> all() {
                return List.of(toy);
            }
        };
    }
}
