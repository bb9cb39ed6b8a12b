package overparam.claims.oymak;

import overparam.data.Dataset;
import overparam.nn.Activation;
import overparam.nn.Activations;

/** A dataset, an activation, and the Monte Carlo budget and seed of an expectation over W_0. */
public record MonteCarloInstance(String activation, Dataset data, int width, int draws, long mcSeed) {
    public Activation act() {
        return Activations.byName(activation);
    }
}
