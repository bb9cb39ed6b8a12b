package overparam.claims.oymak;

import net.jqwik.api.Combinators;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.data.DataArbitraries;
import overparam.data.RandomMatrices;
import overparam.linalg.Linalg;

import java.util.List;
import java.util.Random;

/** oymak/N1, N2: the Khatri-Rao identities of section 1.3 / 2.4. */
final class ProductIdentities {
    private ProductIdentities() {}

    /** oymak/N1 "Notation": (A*B)(A*B)^T = (A A^T) odot (B B^T); row i of A*B is kron(A_i, B_i). */
    static final class KhatriRaoGram extends PropertyClaim {
        KhatriRaoGram() {
            super("oymak/N1");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var pairs = Combinators.combine(DataArbitraries.ints(1, 8), DataArbitraries.ints(1, 6), DataArbitraries.ints(1, 6),
                    DataArbitraries.seeds()).as((rows, m, n, seed) -> {
                Random rng = new Random(seed);
                return new MatrixPair(RandomMatrices.gaussian(rows, m, rng), RandomMatrices.gaussian(rows, n, rng));
            });
            return List.of(Property.of("gram-identity", MatrixPair.class)
                    .description("(A*B)(A*B)^T = (AA^T) o (BB^T), and row i of A*B equals kron(A_i, B_i) (EJML kron)")
                    .generator("Gaussian A (p x m), B (p x n), p in [1,8], m, n in [1,6]", pairs)
                    .check(ProductIdentities::khatriRao).certify(Certifiers::khatriRaoGram).tries(200).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence khatriRao(MatrixPair pair) {
        DMatrixRMaj a = pair.aMatrix(), b = pair.bMatrix();
        DMatrixRMaj kr = Linalg.khatriRaoRows(a, b);
        DMatrixRMaj lhs = Linalg.gram(kr);
        DMatrixRMaj rhs = Linalg.hadamard(Linalg.gram(a), Linalg.gram(b));
        double scale = Linalg.frobenius(a) * Linalg.frobenius(a) * Linalg.frobenius(b) * Linalg.frobenius(b);
        Evidence gram = Evidence.eq("||(A*B)(A*B)^T - (AA^T)o(BB^T)||_F", Linalg.frobenius(Linalg.minus(lhs, rhs)), 0,
                Linalg.tolerance(scale, a.numCols * b.numCols));
        double rowError = 0;
        for (int i = 0; i < a.numRows; i++) {
            DMatrixRMaj ai = org.ejml.dense.row.CommonOps_DDRM.extractRow(a, i, null);
            DMatrixRMaj bi = org.ejml.dense.row.CommonOps_DDRM.extractRow(b, i, null);
            DMatrixRMaj k = Linalg.kron(ai, bi);
            DMatrixRMaj row = org.ejml.dense.row.CommonOps_DDRM.extractRow(kr, i, null);
            rowError = Math.max(rowError, Linalg.frobenius(Linalg.minus(row, k)));
        }
        Evidence rows = Evidence.eq("max_i ||(A*B)_i - kron(A_i, B_i)||", rowError, 0, 0);
        return Evidence.worst(gram, rows);
    }

    /** oymak/N2: X^{*r} (X^{*r})^T = (X X^T)^{odot r}, r <= 4, small d. */
    static final class KhatriRaoPowers extends PropertyClaim {
        KhatriRaoPowers() {
            super("oymak/N2");
        }

        @Override
        public List<Property<?>> properties(Params p) {
            var gen = Combinators.combine(DataArbitraries.ints(1, 4), DataArbitraries.sphere(1, 12, 1, 4))
                    .as((r, data) -> new DataInstance("identity", r, data));
            return List.of(Property.of("power-identity", DataInstance.class)
                    .description("X^{*r} X^{*r}^T = (XX^T)^{o r} for r = 1..4")
                    .generator("sphere n in [1,12], d in [1,4], r in [1,4]", gen)
                    .check(ProductIdentities::powers).certify(Certifiers::khatriRaoPowers).tries(150).search(SearchSpace.coordinates()).build());
        }
    }

    static Evidence powers(DataInstance inst) {
        DMatrixRMaj x = inst.x();
        DMatrixRMaj lhs = Linalg.gram(Linalg.khatriRaoPower(x, inst.r()));
        DMatrixRMaj rhs = Linalg.hadamardPower(Linalg.gram(x), inst.r());
        double norm = Math.pow(Linalg.frobenius(x), 2 * inst.r());
        return Evidence.eq("||X^{*r}X^{*r}^T - (XX^T)^{o r}||_F", Linalg.frobenius(Linalg.minus(lhs, rhs)), 0,
                Linalg.tolerance(norm, (int) Math.pow(x.numCols, inst.r())));
    }

}
