package overparam.claims;

import overparam.search.JsonSearchSpace;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Which instances near a given one are still instances of the claim, for the adversarial search (which moves an
 * instance's numbers to drive the margin toward violation) and for the JSON-level shrinking of counterexamples
 * (dropping points, dimensions and units; simplifying numbers).
 *
 * <p>The default is {@link #coordinates()}: every floating-point number of the JSON instance may move; projections
 * re-establish structural invariants the hypotheses demand (unit rows, symmetry, PSD). Whatever the space proposes,
 * every candidate still goes through the property's hypotheses, so a projection is an efficiency device, never a
 * substitute for them. {@link #none(String)} declares that nearby instances mean nothing (e.g. a property of a
 * generator's output, or a Monte Carlo test whose fixed draws a search would overfit).
 */
public interface SearchSpace<I> {

    /** Local coordinates around one instance: the point, a step scale per coordinate, and the way back. */
    interface Chart<I> {
        double[] point();

        /** Natural step size per coordinate (the search moves by multiples of these). */
        double[] scales();

        /** The instance at x, projected onto the structural invariants; null when x gives no instance. */
        I instance(double[] x);
    }

    /** False for {@link #none(String)}: no search and no JSON-level shrinking. */
    boolean searchable();

    String describe();

    /** Coordinates around {@code instance}; null or an empty point when there is nothing to move. */
    Chart<I> chart(I instance);

    /** Re-establishes the structural invariants (used on shrink candidates); the identity by default. */
    default I project(I instance) {
        return instance;
    }

    /** Whether the shrinker may simplify the numbers of this JSON field (dot path, no indices, e.g. "data.x"). */
    default boolean movable(String field) {
        return true;
    }

    /** Every floating-point number of the JSON instance, except fields named "params" (generator metadata). */
    static <I> JsonSearchSpace<I> coordinates() {
        return JsonSearchSpace.all();
    }

    /** No search: nearby instances are not instances of this property (say why). */
    static <I> SearchSpace<I> none(String reason) {
        return new SearchSpace<>() {
            public boolean searchable() {
                return false;
            }

            public String describe() {
                return "none: " + reason;
            }

            public Chart<I> chart(I instance) {
                return null;
            }
        };
    }

    /**
     * A low-dimensional parameter vector offered by the property: {@code encode} gives the parameters of an instance,
     * {@code decode} the instance at other parameters (given the original instance for everything else).
     */
    static <I> SearchSpace<I> of(String description, Function<I, double[]> encode, BiFunction<I, double[], I> decode) {
        return new SearchSpace<>() {
            public boolean searchable() {
                return true;
            }

            public String describe() {
                return description;
            }

            public Chart<I> chart(I instance) {
                double[] x0 = encode.apply(instance);
                double[] s = JsonSearchSpace.defaultScales(x0);
                return new Chart<>() {
                    public double[] point() {
                        return x0.clone();
                    }

                    public double[] scales() {
                        return s.clone();
                    }

                    public I instance(double[] x) {
                        try {
                            return decode.apply(instance, x);
                        } catch (RuntimeException e) {
                            return null;
                        }
                    }
                };
            }
        };
    }
}
