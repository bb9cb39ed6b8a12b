package overparam.claims.oymak;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.ClaimTests;

import java.util.stream.Stream;

/** Every registered oymak claim, verdict against the project's expectation. */
class OymakClaimsTest {
    @TestFactory
    Stream<DynamicTest> claims() {
        return ClaimTests.forPaper("oymak");
    }
}
