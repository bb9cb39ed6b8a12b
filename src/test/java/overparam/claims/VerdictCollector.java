package overparam.claims;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import overparam.report.VerdictReport;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the claim results of a test run and writes reports/verdicts.json and verdicts.md when the JUnit launcher
 * session closes (registered in META-INF/services), so every mvn test run leaves a complete verdict file.
 */
public final class VerdictCollector implements LauncherSessionListener {
    private static final Map<String, ClaimResult> RESULTS = new ConcurrentHashMap<>();

    public static void record(ClaimResult r) {
        RESULTS.put(r.id(), r);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (RESULTS.isEmpty()) return;
        RunContext ctx = ClaimTests.context();
        Path dir = ctx.reportsDir();
        VerdictReport.write(dir, ctx.level().name().toLowerCase(), ctx.seed(), RESULTS.values());
        AllureSummary.write(dir, ctx.level().name().toLowerCase(), ctx.seed(), VerdictReport.complete(RESULTS.values()));
    }
}
