package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;
import overparam.data.Dataset;
import overparam.nn.Activation;
import overparam.nn.Activations;

/** A dataset with an activation (and an integer parameter such as a Khatri-Rao power): the covariance claims' instance. */
public record DataInstance(String activation, int r, Dataset data) {
    public Activation act() {
        return Activations.byName(activation);
    }

    public DMatrixRMaj x() {
        return data.matrix();
    }
}
