package overparam.claims.boobLan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import overparam.claims.ClaimTests;
import overparam.claims.Params;
import overparam.claims.PropertyClaim;
import overparam.claims.PropertyOutcome;
import overparam.claims.Registry;
import overparam.search.PropertyRunner;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The tools behind the boob-lan claims: the C1 checker, the stationary-point search, the ball QP, the shrunk counterexamples. */
class BoobLanToolsTest {

    @Test
    void c1CheckerFindsElliotSymmetricMoebiusPiece() {
        C1Checker.Report r = C1Checker.check(C1Checker.Subject.of(PaperActivations.ELLIOT_SYM, false), 0.5, 2);
        assertThat(r.status()).isEqualTo(C1Checker.Status.VIOLATES);
        assertThat(r.witness().test()).isEqualTo(C1Checker.Test.MOBIUS);
        assertThat(r.witness().constants()[0]).as("c2: (x + 1) h' + h = 1").isCloseTo(1, within(1e-12));
        assertThat(r.witness().constants()[1]).as("c3").isCloseTo(1, within(1e-12));
        assertThat(r.witness().hpVariation()).isLessThan(C1Checker.HP_TOLERANCE);
    }

    @Test
    void c1CheckerSamplingAloneAgreesWithExactPieces() {
        C1Checker.Subject relu = C1Checker.Subject.of("relu as code", x -> Math.max(x, 0));
        assertThat(C1Checker.check(relu, -2, 1).status()).isEqualTo(C1Checker.Status.VIOLATES);
        C1Checker.Subject mobius = new C1Checker.Subject("(2x+1)/(x+3)", PaperActivations.MOBIUS2::phi, PaperActivations.MOBIUS2::phi, null, java.util.List.of());
        C1Checker.Report m = C1Checker.check(mobius, 0, 4);
        assertThat(m.status()).isEqualTo(C1Checker.Status.VIOLATES);
        assertThat(m.witness().constants()[0]).as("pole at -3").isCloseTo(3, within(1e-6));
    }

    @Test
    void c1CheckerPassesAnalyticActivationsAndTheirDerivatives() {
        for (PaperActivation a : PaperActivations.ANALYTIC_C1)
            for (boolean der : new boolean[] {false, true})
                assertThat(C1Checker.check(C1Checker.Subject.of(a, der), -4, 4).status()).as(a.name() + (der ? "'" : "")).isEqualTo(C1Checker.Status.SATISFIES);
    }

    @Test
    void c1CommandLineAnswersWithExitCodes() {
        assertThat(quietly("c1", "elliot-sym", "--from", "0.5", "--to", "2")).isEqualTo(C1Command.VIOLATES);
        assertThat(quietly("c1", "elliot", "--derivative", "--from", "0.5", "--to", "2", "--halvings", "3")).isEqualTo(C1Command.SATISFIES);
        assertThat(quietly("c1", "tanh'", "--from", "-1", "--to", "1", "--halvings", "3")).isEqualTo(C1Command.SATISFIES);
        assertThat(quietly("c1", "no-such-activation")).isEqualTo(overparam.cli.Main.BAD_INPUT);
        assertThat(quietly("c1", "tanh", "--from", "2", "--to", "1")).isEqualTo(overparam.cli.Main.BAD_INPUT);
        assertThat(quietly("c1", "tanh", "--to", "x")).isEqualTo(overparam.cli.Main.BAD_INPUT);
    }

    /** The command line's exit code, its output discarded. */
    private static synchronized int quietly(String... args) {
        java.io.PrintStream out = System.out, err = System.err, sink = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        try {
            System.setOut(sink);
            System.setErr(sink);
            return overparam.cli.Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void searchFindsACertifiedNonGlobalStationaryPoint() {
        Optional<BoobLanSearch.Found> f = BoobLanSearch.search(new BoobLanSearch.Options("tanh", 2, 60, "bounded", 0.5, 0.5, 4, 1e-3, 2));
        assertThat(f).isPresent();
        BoobLanSearch.Certified c = BoobLanSearch.certify(f.get().point());
        assertThat(c.certified()).isTrue();
        assertThat(c.hpGradNorm()).isLessThan(1e-40);
        assertThat(c.hpSigmaMinW()).isGreaterThan(0.5);
        assertThat(c.hpLoss()).isGreaterThan(c.hpLowerLoss());
        assertThat(c.hessianEigenvalues()[0]).as("a saddle").isNegative();
    }

    @Test
    void remark47ShrinksToOneByOneZeroWeightWithSigmoid() {
        PropertyClaim c = (PropertyClaim) Registry.get().claim("boob-lan/P002-14");
        overparam.claims.Property<?> p = c.property(new Params(c.id(), c.parameters(), java.util.Map.of()), "as-stated");
        PropertyOutcome o = PropertyRunner.run(c.id(), p, ClaimTests.context().withTries(60));
        assertThat(o.refuted()).isTrue();
        assertThat(o.counterexample().certificate().certified()).isTrue();
        assertThat(o.counterexample().shrunk().get("u").size()).as("one point").isEqualTo(1);
    }

    @net.jqwik.api.Property(tries = 60)
    void ballQpMeetsTheOptimalityConditions(@ForAll("qps") double[][] inst) {
        int n = inst[0].length;
        double[][] g = java.util.Arrays.copyOf(inst, n);
        double[][] a = TwoLayer.mult(TwoLayer.transpose(g), g);
        double[] b = inst[n];
        double r = Math.abs(inst[n + 1][0]) + 0.1;
        double[] t = BallQp.solve(a, b, r);
        double[] grad = TwoLayer.matVec(a, t);
        for (int i = 0; i < n; i++) grad[i] -= b[i];
        assertThat(TwoLayer.norm(t)).isLessThanOrEqualTo(r * (1 + 1e-12));
        // KKT: grad + mu t = 0 with mu >= 0, mu = 0 inside the ball
        double nt = TwoLayer.norm(t), ng = TwoLayer.norm(grad);
        double scale = 1 + TwoLayer.norm(b) + TwoLayer.frob(a) * nt;
        if (nt < r * (1 - 1e-9)) assertThat(ng).isLessThan(1e-8 * scale);
        else assertThat(TwoLayer.dot(grad, t) + ng * nt).as("grad anti-parallel to theta on the sphere").isLessThan(1e-7 * scale * (1 + nt));
    }

    @Provide
    Arbitrary<double[][]> qps() {
        return Arbitraries.integers().between(1, 5).flatMap(n -> Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(n)
                .array(double[][].class).ofSize(n + 2));
    }
}
