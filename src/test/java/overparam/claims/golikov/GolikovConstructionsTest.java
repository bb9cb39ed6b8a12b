package overparam.claims.golikov;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import overparam.linalg.Linalg;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Extra assertions on the golikov constructions beyond the claim verdicts. */
class GolikovConstructionsTest {
    /**
     * The Yu-Chen counterexample shrinks to x = (1, 2), y = (0, -1) and two hidden units: the one-unit optimum sits at
     * w* = asinh(1) (re-derived with mpmath), the split point has loss 0.2035 and a one-dimensional Hessian kernel, and
     * it survives 60 digits, including the non-singular minor that makes the global minimum 0.
     */
    @Test
    void splitUnitMinimumIsTwoByTwoAndCertified() {
        Instances.SplitUnit u = new Instances.SplitUnit(new double[] {1, 2}, new double[] {0, -1}, "sigmoid", 2);
        UnitSplitting.Embedding e = UnitSplitting.analyse(u);
        assertThat(e.localMinimum()).isTrue();
        assertThat(e.wStar()).isCloseTo(Math.log(1 + Math.sqrt(2)), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.loss()).isCloseTo(0.2034913597684785, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(e.hessianKernel()).isEqualTo(1);
        assertThat(e.zeroLossFit()).isLessThan(1e-20);
        UnitSplitting.HighPrecisionCheck c = UnitSplitting.certify(u, e);
        assertThat(c.localMinimum()).isTrue();
        assertThat(c.zeroLossExists()).isTrue();
    }

    /** K1 reproduces a rank-2 matrix through a depth-4 bottleneck of width 2. */
    @Test
    void factorisationReproducesTheProduct() {
        Random rng = new Random(3);
        DMatrixRMaj r = Linalg.mult(DeepLinear.gaussian(5, 2, rng), DeepLinear.gaussian(2, 4, rng));
        List<DMatrixRMaj> ws = DeepLinear.factorise(r, new int[] {4, 3, 2, 6, 5});
        assertThat(Linalg.frobenius(Linalg.minus(DeepLinear.product(ws), r))).isLessThan(1e-12 * Linalg.frobenius(r));
    }

    /** K2: the descent curve at a non-top critical point follows the closed-form loss. */
    @Test
    void descentCurveMatchesItsClosedForm() {
        Random rng = new Random(5);
        DMatrixRMaj x = DeepLinear.gaussian(4, 9, rng), y = DeepLinear.gaussian(3, 9, rng);
        DeepLinear.RankConstrained rc = new DeepLinear.RankConstrained(x, y);
        int[] notTop = {1};
        for (double t : new double[] {0.01, 0.1, 0.5}) {
            double loss = DeepLinear.loss(rc.descentCurve(notTop, 1, 0, t), x, y);
            assertThat(loss).isCloseTo(rc.descentCurveLoss(notTop, 1, 0, t), org.assertj.core.data.Offset.offset(1e-10));
            assertThat(loss).isLessThan(DeepLinear.loss(rc.critical(notTop), x, y));
        }
    }
}
