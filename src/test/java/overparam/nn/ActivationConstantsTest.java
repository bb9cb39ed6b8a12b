package overparam.nn;

import overparam.JqwikSeeds;
import net.jqwik.api.*;
import net.jqwik.api.constraints.DoubleRange;
import overparam.gauss.Hermite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The computed constants against the table of oymak section 2.7, and every derivative against finite differences. */
class ActivationConstantsTest {
    @Example
    void softplus() {
        Activation a = Activations.SOFTPLUS;
        assertThat(a.muTilde()).isCloseTo(0.5, within(1e-12));
        assertThat(a.mu()).isCloseTo(0.206621, within(1e-6));
        assertThat(a.meanSquareD1()).isCloseTo(0.293379, within(1e-6));
        assertThat(a.mean()).isCloseTo(0.80606, within(1e-5));
        assertThat(a.variance()).isCloseTo(0.27151, within(1e-5));
        assertThat(a.gamma()).isCloseTo(0.146103, within(1e-6));
        assertThat(a.bigB()).isEqualTo(1.0);
        assertThat(a.bigM()).isEqualTo(0.25);
    }

    @Example
    void relu() {
        Activation a = Activations.RELU;
        assertThat(a.muTilde()).isCloseTo(0.5, within(1e-14));
        assertThat(a.mu()).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-14));
        assertThat(a.meanSquareD1()).isCloseTo(0.5, within(1e-14));
        assertThat(a.gamma()).isCloseTo(1 / (2 * Math.sqrt(Math.PI)), within(1e-14));
        assertThat(a.variance()).isCloseTo(0.5 - 1 / (2 * Math.PI), within(1e-14));
        assertThat(a.bigB()).isEqualTo(1.0);
    }

    @Example
    void tanh() {
        Activation a = Activations.TANH;
        assertThat(a.muTilde()).isCloseTo(0.605706, within(1e-6));
        assertThat(a.mu()).isCloseTo(0, within(1e-14));
        assertThat(a.meanSquareD1()).isCloseTo(0.464403, within(1e-6));
        assertThat(Hermite.coefficients(a::d1, 2)[2]).isCloseTo(-0.257101, within(1e-6));
        assertThat(a.bigM()).isCloseTo(0.7698, within(1e-4));
    }

    @Example
    void gaussCdfIntegralAndQuadratic() {
        Activation a = Activations.GAUSS_CDF_INTEGRAL;
        assertThat(a.muTilde()).isCloseTo(0.5, within(1e-14));
        assertThat(a.mu()).isCloseTo(1 / (2 * Math.sqrt(Math.PI)), within(1e-14));
        assertThat(a.meanSquareD1()).isCloseTo(1.0 / 3, within(1e-14));
        assertThat(Activations.QUADRATIC.muTilde()).isCloseTo(0, within(1e-14));
        assertThat(Activations.QUADRATIC.mu()).isCloseTo(1, within(1e-13));
        assertThat(Activations.QUADRATIC.supD1()).isInfinite();
    }

    @Example
    void scaledActivationsScaleTheirConstants() {
        Activation s = Activations.byName("3*softplus");
        assertThat(s.bigB()).isEqualTo(3.0);
        assertThat(s.mu()).isCloseTo(3 * Activations.SOFTPLUS.mu(), within(1e-12));
        assertThat(s.meanSquareD1()).isCloseTo(9 * Activations.SOFTPLUS.meanSquareD1(), within(1e-12));
        assertThat(s.base()).isSameAs(Activations.SOFTPLUS);
        assertThat(s.scale()).isEqualTo(3.0);
    }

    @Provide
    Arbitrary<Activation> activations() {
        return Arbitraries.of(Activations.names().stream().map(Activations::byName).toList()).map(a -> a)
                .flatMap(a -> Arbitraries.of(1.0, -0.5, 2.5).map(s -> Activations.scaled(s, a)));
    }

    @Property(tries = 300, seed = JqwikSeeds.CI)
    void derivativesMatchFiniteDifferencesAwayFromKinks(@ForAll("activations") Activation a, @ForAll @DoubleRange(min = -6, max = 6) double z) {
        for (double k : a.kinks()) Assume.that(Math.abs(z - k) > 0.01);
        double h = 1e-4;
        double d1 = (8 * (a.phi(z + h) - a.phi(z - h)) - (a.phi(z + 2 * h) - a.phi(z - 2 * h))) / (12 * h);
        double d2 = (8 * (a.d1(z + h) - a.d1(z - h)) - (a.d1(z + 2 * h) - a.d1(z - 2 * h))) / (12 * h);
        assertThat(a.d1(z)).isCloseTo(d1, within(1e-8 * Math.max(1, Math.abs(a.phi(z)))));
        assertThat(a.d2(z)).isCloseTo(d2, within(1e-8 * Math.max(1, Math.abs(a.d1(z)))));
        if (Double.isFinite(a.supD1())) assertThat(Math.abs(a.d1(z))).isLessThanOrEqualTo(a.supD1() * (1 + 1e-12));
        if (Double.isFinite(a.supD2())) assertThat(Math.abs(a.d2(z))).isLessThanOrEqualTo(a.supD2() * (1 + 1e-12));
    }

    @Example
    void unknownActivationNamesTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Activations.byName("swish"))
                .hasMessageContaining("unknown activation 'swish'").hasMessageContaining("softplus");
    }
}
