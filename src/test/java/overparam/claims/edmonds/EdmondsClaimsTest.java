package overparam.claims.edmonds;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.ClaimTests;

import java.util.stream.Stream;

/** Every registered edmonds claim, verdict against the project's expectation. */
class EdmondsClaimsTest {
    @TestFactory
    Stream<DynamicTest> claims() {
        return ClaimTests.forPaper("edmonds");
    }
}
