package overparam.claims;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import overparam.report.VerdictReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * The report's summary: one extra Allure result ("Verdict summary") carrying verdicts.html and verdicts.md, and the
 * verdict counts per paper in environment.properties (shown on the report's overview page).
 */
final class AllureSummary {
    private AllureSummary() {}

    static void write(Path reportsDir, String level, long seed, List<ClaimResult> all) {
        String resultsDir = System.getProperty("allure.results.directory");
        if (resultsDir == null) return;
        AllureLifecycle lc = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        Map<String, Integer> counts = new TreeMap<>();
        for (ClaimResult r : all) counts.merge(r.verdict().name(), 1, Integer::sum);
        lc.scheduleTestCase(new TestResult().setUuid(uuid).setName("Verdict summary: " + counts).setFullName("overparam.summary")
                .setHistoryId("overparam.summary").setDescription("Counts per paper and verdict, refuted claims with a one-line reason, every claim.")
                .setLabels(List.of(new Label().setName("epic").setValue("summary"), new Label().setName("suite").setValue("summary"))));
        lc.startTestCase(uuid);
        lc.addAttachment("verdicts.html", "text/html", ".html", VerdictReport.html(level, seed, all).getBytes(StandardCharsets.UTF_8));
        try {
            Path md = reportsDir.resolve("verdicts.md");
            if (Files.exists(md)) lc.addAttachment("verdicts.md", "text/markdown", ".md", Files.readAllBytes(md));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lc.updateTestCase(uuid, t -> t.setStatus(Status.PASSED).setStatusDetails(new StatusDetails().setMessage(counts.toString())));
        lc.stopTestCase(uuid);
        lc.writeTestCase(uuid);

        Map<String, Map<String, Integer>> perPaper = new TreeMap<>();
        for (ClaimResult r : all) perPaper.computeIfAbsent(r.paper(), k -> new TreeMap<>()).merge(r.verdict().name(), 1, Integer::sum);
        StringBuilder env = new StringBuilder("harness.level=" + level + "\nharness.seed=" + seed + "\n");
        env.append("verdicts=").append(counts).append('\n');
        perPaper.forEach((p, c) -> env.append("paper.").append(p).append('=').append(c).append('\n'));
        try {
            Files.createDirectories(Path.of(resultsDir));
            Files.writeString(Path.of(resultsDir, "environment.properties"), env.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
