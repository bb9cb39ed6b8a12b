package overparam.claims.boobLan;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.ClaimTests;

import java.util.stream.Stream;

/** Every registered boob-lan claim, verdict against the project's expectation. */
class BoobLanClaimsTest {
    @TestFactory
    Stream<DynamicTest> claims() {
        return ClaimTests.forPaper("boob-lan");
    }
}
