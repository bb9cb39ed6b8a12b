package overparam.claims.boobLan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.dfp.Dfp;
import overparam.data.DataArbitraries;
import overparam.linalg.HighPrecision;

import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The collection {g(W u^i) u^iT}, i = 1..N, of section 2 (g = h, or h' when {@code derivative}), as the nd x N matrix of
 * its row-major vecs; {@code data} names the generator of U (a density or an adversarial set).
 */
public record CollectionCase(String activation, boolean derivative, double[][] w, double[][] u, String data) {
    @JsonIgnore
    public PaperActivation act() {
        return PaperActivations.byName(activation);
    }

    @JsonIgnore
    public int nPoints() {
        return u.length;
    }

    @JsonIgnore
    public int d() {
        return u[0].length;
    }

    @JsonIgnore
    public int width() {
        return w.length;
    }

    /** min(N, nd): the rank of a full-rank collection. */
    @JsonIgnore
    public int fullRank() {
        return Math.min(nPoints(), width() * d());
    }

    DoubleUnaryOperator g() {
        PaperActivation a = act();
        return derivative ? a::d1 : a::phi;
    }

    UnaryOperator<Dfp> hpG() {
        PaperActivation a = act();
        return derivative ? a::d1 : a::phi;
    }

    public double[][] matrix() {
        return TwoLayer.collection(g(), u, w);
    }

    public Dfp[][] hpMatrix() {
        HighPrecision hp = new HighPrecision();
        return new TwoLayerHp(hp, act()).collection(hpG(), hp.of(u), hp.of(w));
    }

    public Ranks.RankReport rank() {
        Ranks.RankReport r = Ranks.rank(matrix(), act().hasHighPrecision() ? this::hpMatrix : null);
        // a deficiency seen in double may only be the rounding of saturated values (2e^{-z^2} - 1 = -1 in double at z = 7):
        // then the rank is decided from 60-digit values of g
        if (r.hpRank() == null && r.rank() < Math.min(nPoints(), width() * d()) && act().hasHighPrecision() && saturated()) {
            int hr = hpRank();
            return new Ranks.RankReport(hr, r.doubleRank(), hr, r.sigmaMax(), r.sigmaMinKept(), r.sigmaMaxDropped(), r.tolerance(),
                    "60-digit elimination (g saturates to double precision at some pre-activation)");
        }
        return r;
    }

    public int hpRank() {
        return Ranks.hpRank(hpMatrix());
    }

    boolean saturated() {
        PaperActivation a = act();
        if ((derivative ? a.derivativePieces() : a.pieces()).stream().anyMatch(p -> p.form() == PaperActivation.Form.AFFINE)) return false;
        return Ranks.saturated(g(), derivative ? a::d2 : a::d1, TwoLayer.preActivations(u, w));
    }

    /** How W is drawn: the identity (Lemma 4.1), N(0, 1/d) entries, or Q diag(s) Q' with s_min in [1e-3, 1] (ill-conditioned). */
    public enum WKind {IDENTITY, GAUSSIAN, ILL_CONDITIONED}

    /**
     * Random collections: activation, data kind, d in [dMin, dMax], N in [1, d^2 + extraN] (shrinks to 1), W of the
     * given kind (n = d), seed.
     */
    public static Arbitrary<CollectionCase> arbitrary(List<String> activations, boolean derivative, List<String> dataKinds, int dMin,
                                                      int dMax, int extraN, WKind wKind) {
        return Combinators.combine(Arbitraries.of(activations), Arbitraries.of(dataKinds), DataArbitraries.ints(dMin, dMax),
                DataArbitraries.ints(1, dMax * dMax + extraN), DataArbitraries.seeds()).as((a, kind, d, nRaw, seed) -> {
            int nPts = Math.min(nRaw, d * d + extraN);
            Random rng = new Random(seed);
            double[][] u = BoobLanData.points(kind, nPts, d, rng.nextLong());
            return new CollectionCase(a, derivative, weights(wKind, d, rng), u, kind);
        });
    }

    /** As {@link #arbitrary} with N = d^2 exactly (the catalogue's rank table). */
    public static Arbitrary<CollectionCase> square(List<String> activations, boolean derivative, String dataKind, int dMin, int dMax) {
        return Combinators.combine(Arbitraries.of(activations), DataArbitraries.ints(dMin, dMax), DataArbitraries.seeds()).as((a, d, seed) -> {
            Random rng = new Random(seed);
            return new CollectionCase(a, derivative, TwoLayer.identity(d), BoobLanData.points(dataKind, d * d, d, rng.nextLong()), dataKind);
        });
    }

    static double[][] weights(WKind kind, int d, Random rng) {
        return switch (kind) {
            case IDENTITY -> TwoLayer.identity(d);
            case GAUSSIAN -> BoobLanData.gaussianW(d, d, rng);
            case ILL_CONDITIONED -> illConditioned(d, rng);
        };
    }

    /** Q diag(s) P with Q, P orthogonal (QR of Gaussians) and s in [s_min, 1], s_min in [1e-3, 1]. */
    static double[][] illConditioned(int d, Random rng) {
        double[][] q = orthogonal(d, rng), p = orthogonal(d, rng);
        double smin = Math.pow(10, -3 * rng.nextDouble());
        double[][] s = new double[d][d];
        for (int i = 0; i < d; i++) s[i][i] = d == 1 ? smin : smin + (1 - smin) * i / (d - 1.0);
        return TwoLayer.mult(TwoLayer.mult(q, s), p);
    }

    /** A random orthogonal matrix (Householder QR of a Gaussian matrix). */
    static double[][] orthogonal(int d, Random rng) {
        org.ejml.data.DMatrixRMaj g = new org.ejml.data.DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) g.data[i] = rng.nextGaussian();
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        org.ejml.data.DMatrixRMaj q = qr.getQ(null, false);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i][j] = q.get(i, j);
        return out;
    }
}
