package overparam.claims.oymak;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.dfp.Dfp;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.Generators;
import overparam.data.RandomMatrices;
import overparam.linalg.HighPrecision;
import overparam.linalg.Linalg;

import java.util.List;
import java.util.Random;

/** oymak/lemma-6.5 (Schur [48]), Lemma 6.5: for PSD A, B, lambda_min(A o B) >= min_i B_ii lambda_min(A), lambda_max(A o B) <= max_i B_ii lambda_max(A). */
final class SchurProduct extends PropertyClaim {
    SchurProduct() {
        super("oymak/lemma-6.5");
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.range("n", 1, 40, "matrix size"));
    }

    @Override
    public List<Property<?>> properties(Params p) {
        int[] n = p.range("n");
        var psdPairs = Combinators.combine(DataArbitraries.ints(n[0], n[1]), DataArbitraries.ints(1, n[1]), DataArbitraries.ints(1, n[1]),
                Arbitraries.of(false, true), DataArbitraries.seeds()).as((size, ra, rb, unitGramB, seed) -> {
            Random rng = new Random(seed);
            double[][] a = RandomMatrices.psd(size, Math.min(ra, size), rng);
            double[][] b = unitGramB ? Linalg.toArray(Linalg.gram(Generators.sphere(size, Math.min(rb, 20), rng.nextLong()).matrix()))
                    : RandomMatrices.psd(size, Math.min(rb, size), rng);
            return new MatrixPair(a, b);
        });
        var indefinite = Combinators.combine(DataArbitraries.ints(n[0], n[1]), DataArbitraries.seeds()).as((size, seed) -> {
            Random rng = new Random(seed);
            return new MatrixPair(RandomMatrices.symmetric(size, rng), RandomMatrices.psd(size, size, rng));
        });
        return List.of(
                Property.of("psd", MatrixPair.class)
                        .description("both Schur bounds for PSD A = GG^T, B = HH^T or XX^T (unit rows), ranks 1..n")
                        .generator("n in " + p.string("n") + ", rank(A), rank(B) in [1,n], B = HH^T or XX^T", psdPairs)
                        .hypotheses(SchurProduct::bothPsd).search(SearchSpace.<MatrixPair>coordinates().psd("a", "b"))
                        .check(SchurProduct::schur).certify((pr, e) -> certify(pr, true)).tries(150).build(),
                Property.of("control-A-not-PSD", MatrixPair.class)
                        .description("negative control: A symmetric indefinite (PSD hypothesis dropped); the bounds must fail")
                        .generator("A symmetric with N(0,1) entries, B = HH^T, n in " + p.string("n"), indefinite)
                        .hypotheses(pr -> Linalg.isPsd(pr.bMatrix()) ? null : "B is not PSD (only A's PSD hypothesis is dropped)")
                        .check(SchurProduct::schur).certify((pr, e) -> certify(pr, false)).expectRefuted().tries(50).search(SearchSpace.coordinates()).build());
    }

    static String bothPsd(MatrixPair pr) {
        return Linalg.isPsd(pr.aMatrix()) && Linalg.isPsd(pr.bMatrix()) ? null : "A or B is not PSD";
    }

    static Evidence schur(MatrixPair pr) {
        DMatrixRMaj a = pr.aMatrix(), b = pr.bMatrix();
        DMatrixRMaj ab = Linalg.hadamard(a, b);
        double[] evA = Linalg.symmetricEigenvalues(a), evAB = Linalg.symmetricEigenvalues(ab);
        double minB = Double.POSITIVE_INFINITY, maxB = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < b.numRows; i++) {
            minB = Math.min(minB, b.get(i, i));
            maxB = Math.max(maxB, b.get(i, i));
        }
        int n = a.numRows;
        double tol = Linalg.tolerance(Linalg.spectralNorm(a) * Linalg.spectralNorm(b), n);
        return Evidence.worst(
                Evidence.ge("lambda_min(A o B) >= min B_ii lambda_min(A)", evAB[0], minB * evA[0], tol),
                Evidence.le("lambda_max(A o B) <= max B_ii lambda_max(A)", evAB[n - 1], maxB * evA[n - 1], tol));
    }

    /**
     * Both margins recomputed with 60-digit inertia-bisection eigenvalues. The stored doubles of a PSD matrix (e.g. a
     * rounded G G^T of low rank) can be indefinite at the rounding level in exact arithmetic; the claim is about the PSD
     * matrix they round, so each matrix the hypotheses require PSD is shifted by its exact defect max(0, -lambda_min) I.
     * The shift only raises both margins (Weyl, with A o I = diag(A)), so a violation that survives it is real.
     */
    static Certificate certify(MatrixPair pr, boolean aPsd) {
        HighPrecision hp = new HighPrecision();
        Dfp[][] a = hp.of(pr.a()), b = hp.of(pr.b());
        if (aPsd) a = psdShift(hp, a);
        b = psdShift(hp, b);
        Dfp[][] ab = hp.hadamard(a, b);
        Dfp minB = b[0][0], maxB = b[0][0];
        for (int i = 1; i < b.length; i++) {
            if (b[i][i].lessThan(minB)) minB = b[i][i];
            if (b[i][i].greaterThan(maxB)) maxB = b[i][i];
        }
        Dfp lower = hp.lambdaMin(ab).subtract(minB.multiply(hp.lambdaMin(a)));
        Dfp upper = maxB.multiply(hp.lambdaMax(a)).subtract(hp.lambdaMax(ab));
        Dfp margin = lower.lessThan(upper) ? lower : upper;
        return Certificate.of("Dfp inertia bisection", hp.digits(), HighPrecision.toBigDecimal(margin),
                new java.math.BigDecimal("1e-40"), "worst of the two Schur margins" + (aPsd ? ", A and B" : ", B") + " shifted to exact PSD");
    }

    private static Dfp[][] psdShift(HighPrecision hp, Dfp[][] s) {
        Dfp lm = hp.lambdaMin(s);
        if (!lm.negativeOrNull() || lm.isZero()) return s;
        Dfp[][] out = new Dfp[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].clone();
            out[i][i] = out[i][i].subtract(lm);
        }
        return out;
    }
}
