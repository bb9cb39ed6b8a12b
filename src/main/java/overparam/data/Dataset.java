package overparam.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.ejml.data.DMatrixRMaj;

import java.util.Map;

/**
 * A generated dataset: rows x_i of X (n x d), the generator name, its parameters and the seed that reproduce it.
 */
public record Dataset(String generator, Map<String, Object> params, long seed, double[][] x) {
    public Dataset {
        if (x.length < 1) throw new IllegalArgumentException("dataset '" + generator + "' has no rows");
        int d = x[0].length;
        if (d < 1) throw new IllegalArgumentException("dataset '" + generator + "' has zero columns");
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) throw new IllegalArgumentException("dataset '" + generator + "': row " + i + " has " + x[i].length + " columns, expected " + d);
            for (int j = 0; j < d; j++)
                if (!Double.isFinite(x[i][j])) throw new IllegalArgumentException("dataset '" + generator + "': non-finite value at row " + i + ", column " + j);
        }
        // sorted, so that corpus files serialise the parameters in the same order in every JVM (Map.copyOf iterates randomly)
        params = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(params));
    }

    @JsonIgnore
    public int n() {
        return x.length;
    }

    @JsonIgnore
    public int d() {
        return x[0].length;
    }

    public DMatrixRMaj matrix() {
        return new DMatrixRMaj(x);
    }

    /** Generator spec and seed in one line, enough to replay the instance. */
    public String spec() {
        return generator + params + " seed=" + seed;
    }

    @Override
    public String toString() {
        return spec() + " (" + n() + "x" + d() + ")";
    }
}
