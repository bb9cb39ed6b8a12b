package overparam.claims.critical;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.ClaimTests;

import java.util.stream.Stream;

/** Every registered critical claim, verdict against the project's expectation. */
class CriticalClaimsTest {
    @TestFactory
    Stream<DynamicTest> claims() {
        return ClaimTests.forPaper("critical");
    }
}
