package overparam.claims.golikov;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import overparam.claims.ClaimTests;

import java.util.stream.Stream;

/** Every registered golikov claim, verdict against the project's expectation. */
class GolikovClaimsTest {
    @TestFactory
    Stream<DynamicTest> claims() {
        return ClaimTests.forPaper("golikov");
    }
}
