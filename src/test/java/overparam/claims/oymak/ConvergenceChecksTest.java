package overparam.claims.oymak;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Example;
import org.ejml.data.DMatrixRMaj;
import overparam.claims.*;
import overparam.data.Generators;
import overparam.linalg.Linalg;
import overparam.nn.Activations;
import overparam.nn.ShallowNet;
import overparam.search.PropertyRunner;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Extra assertions for the oymak convergence claims: shrunk controls, and the probes checked against formed Jacobians. */
class ConvergenceChecksTest {
    private static PropertyOutcome control(String id, String name) {
        PropertyClaim c = (PropertyClaim) Registry.get().claim(id);
        Property<?> p = c.property(new Params(id, c.parameters(), java.util.Map.of()), name);
        return PropertyRunner.run(id, p, ClaimTests.context());
    }

    @Example
    void largeStepControlsShrinkToOneByOneAndAreCertified() {
        for (String id : new String[] {"oymak/thm-6.10", "oymak/thm-6.13"}) {
            PropertyOutcome o = control(id, "control-step-2.5");
            assertThat(o.refuted()).as(id).isTrue();
            JsonNode a = o.counterexample().shrunk().get("a");
            assertThat(a.size()).as(id + ": rows of the shrunk A").isEqualTo(1);
            assertThat(a.get(0).size()).as(id + ": columns of the shrunk A").isEqualTo(1);
            assertThat(o.counterexample().certificate().certified()).as(id).isTrue();
        }
    }

    @Example
    void duplicateInputControlIsCertifiedWithThreePoints() {
        PropertyOutcome o = control("oymak/thm-2.5", "control-duplicates");
        assertThat(o.refuted()).isTrue();
        assertThat(o.counterexample().shrunk().get("x").size()).isEqualTo(3);
        assertThat(o.counterexample().certificate().certified()).isTrue();
    }

    @Example
    void jacobianDeviationProbeMatchesTheFormedJacobians() {
        DMatrixRMaj x = Generators.sphere(5, 3, 1).matrix();
        double[] v = ShallowNet.paperOutputWeights(7, 2.0, 5);
        for (String act : new String[] {"softplus", "relu", "logcosh"}) {
            ShallowNet net = new ShallowNet(x, ConvergenceActivations.byName(act), v);
            DMatrixRMaj w0 = ShallowNet.gaussianWeights(7, 3, new Random(2)), w = ShallowNet.gaussianWeights(7, 3, new Random(3));
            double formed = Linalg.spectralNorm(Linalg.minus(net.jacobian(w), net.jacobian(w0)));
            double probe = PaperGd.deviation(net.weightedDerivatives(w), net.weightedDerivatives(w0), Linalg.gram(x));
            assertThat(probe).as(act).isCloseTo(formed, within(1e-12));
            assertThat(PaperGd.sigmaMinJ(net, w)).as(act).isCloseTo(Linalg.sigmaMin(net.jacobian(w)), within(1e-12));
            assertThat(PaperGd.spectralDistance(w, w0)).isCloseTo(Linalg.spectralNorm(Linalg.minus(w, w0)), within(1e-12));
        }
    }

    @Example
    void pathCheckerKeepsTheDeviationGramExactAndBoundsEveryPiece() {
        DMatrixRMaj x = Generators.sphere(4, 3, 5).matrix();
        ShallowNet net = new ShallowNet(x, Activations.RELU, ShallowNet.paperOutputWeights(30, 2.0, 4));
        DMatrixRMaj w0 = ShallowNet.gaussianWeights(30, 3, new Random(6));
        AssumptionsAlongPath path = new AssumptionsAlongPath(net, w0);
        DMatrixRMaj w = w0.copy();
        Random rng = new Random(7);
        double maxEndpoint = 0;
        for (int step = 0; step < 20; step++) {
            DMatrixRMaj next = w.copy();
            for (int q = 0; q < next.data.length; q++) next.data[q] += 0.3 * rng.nextGaussian();
            path.segment(next);
            maxEndpoint = Math.max(maxEndpoint, Linalg.spectralNorm(Linalg.minus(net.jacobian(next), net.jacobian(w0))));
            w = next;
        }
        DMatrixRMaj scratch = path.deviationGramFromScratch(), kept = path.deviationGram();
        for (int q = 0; q < scratch.data.length; q++) assertThat(kept.data[q]).isCloseTo(scratch.data[q], within(1e-12));
        assertThat(path.pieces()).isGreaterThan(20);
        assertThat(path.maxDeviation()).isGreaterThanOrEqualTo(maxEndpoint - 1e-12);
    }

    @Example
    void logCoshConstants() {
        assertThat(ConvergenceActivations.LOG_COSH.mu()).isCloseTo(0.6057, within(1e-4));
        assertThat(ConvergenceActivations.LOG_COSH.bigB()).isEqualTo(1.0);
        assertThat(ConvergenceActivations.LOG_COSH.phi(30.0)).isCloseTo(Math.log(Math.cosh(30.0)), within(1e-12));
    }

    @Example
    void phaseTransitionGridsByLevel() {
        overparam.claims.Params p = new overparam.claims.Params("oymak/fig-2", new PhaseTransition().parameters(), java.util.Map.of());
        assertThat(PhaseTransition.axis(100, PhaseTransition.gridStep(p, Level.FULL))).containsExactly(1, 4, 7, 10, 13, 16, 19, 22, 25);
        assertThat(PhaseTransition.trials(p, Level.FULL)).isEqualTo(5);
        assertThat(PhaseTransition.axis(100, PhaseTransition.gridStep(p, Level.DEEP))).hasSize(25);
        assertThat(PhaseTransition.trials(p, Level.DEEP)).isEqualTo(10);
        assertThat(PhaseTransition.axis(12, 5)).containsExactly(1, 6, 9);
    }

    @Example
    void phaseTransitionFitRecoversAKnownBoundary() {
        java.util.List<PhaseTransition.Cell> cells = new java.util.ArrayList<>();
        for (int k = 1; k <= 20; k++)
            for (int d = 1; d <= 20; d++) {
                double x = Math.log(k * d / 100.0), p = 1 / (1 + Math.exp(-6 * (x - Math.log(1.3))));
                cells.add(new PhaseTransition.Cell("test", 100, k, d, (int) Math.round(10 * p), 10, 0));
            }
        PhaseTransition.Boundary b = PhaseTransition.fit(cells);
        assertThat(b.kdOverN()).isCloseTo(1.3, within(0.05));
        assertThat(b.x50Low()).isLessThan(b.x50()).isLessThanOrEqualTo(b.x50High());
    }
}
