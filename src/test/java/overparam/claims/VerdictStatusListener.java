package overparam.claims;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.util.Optional;

/**
 * Gives each claim's Allure result the status of its verdict, not of the JUnit test: HOLDS passed, REFUTED failed
 * ("REFUTED ..." message, its own category), VACUOUS and INCONCLUSIVE skipped, TREND passed with a TREND message. A claim whose verdict
 * disagrees with the project's expectation keeps the test's failure, and a harness error stays broken, so refuted
 * claims stand out from broken tests (see allure/categories.json).
 */
public final class VerdictStatusListener implements TestLifecycleListener {
    static final String VERDICT = "verdict", SUMMARY = "verdictSummary";

    @Override
    public void beforeTestWrite(TestResult result) {
        Optional<String> verdict = label(result, VERDICT);
        if (verdict.isEmpty() || result.getStatus() != Status.PASSED) return;
        String summary = label(result, SUMMARY).orElse("");
        switch (Verdict.valueOf(verdict.get())) {
            case HOLDS -> result.setStatus(Status.PASSED);
            case REFUTED -> set(result, Status.FAILED, "REFUTED (as the project expects): " + summary);
            case VACUOUS -> set(result, Status.SKIPPED, "VACUOUS: " + summary);
            case TREND -> set(result, Status.PASSED, "TREND: " + summary);
            case INCONCLUSIVE -> set(result, Status.SKIPPED, "INCONCLUSIVE: " + summary);
            default -> set(result, Status.BROKEN, verdict.get() + ": " + summary);
        }
    }

    private static void set(TestResult r, Status s, String message) {
        r.setStatus(s);
        StatusDetails d = r.getStatusDetails() == null ? new StatusDetails() : r.getStatusDetails();
        r.setStatusDetails(d.setMessage(message));
    }

    private static Optional<String> label(TestResult r, String name) {
        return r.getLabels().stream().filter(l -> name.equals(l.getName())).map(Label::getValue).findFirst();
    }
}
