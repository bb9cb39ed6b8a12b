package overparam.claims.oymak;

import org.ejml.data.DMatrixRMaj;

/** Two matrices: the instance of the product identities and of Lemma 6.5. */
public record MatrixPair(double[][] a, double[][] b) {
    public DMatrixRMaj aMatrix() {
        return new DMatrixRMaj(a);
    }

    public DMatrixRMaj bMatrix() {
        return new DMatrixRMaj(b);
    }
}
