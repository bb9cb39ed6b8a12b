package overparam.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The project's own expectation per claim: the catalogue's, unless resources/claims/expectations/&lt;paper&gt;.tsv
 * overrides it (id, verdict, reason; tab-separated, # comments). An override records a finding: evidence overturned the catalogue, or an open claim was settled.
 */
public final class Expectations {
    private static volatile Expectations instance;
    private final Map<String, Verdict> overrides;
    private final Map<String, String> reasons;

    private Expectations(Map<String, Verdict> overrides, Map<String, String> reasons) {
        this.overrides = overrides;
        this.reasons = reasons;
    }

    public static Expectations get() {
        if (instance == null) {
            synchronized (Expectations.class) {
                if (instance == null) instance = load();
            }
        }
        return instance;
    }

    private static Expectations load() {
        Map<String, Verdict> o = new LinkedHashMap<>();
        Map<String, String> why = new LinkedHashMap<>();
        for (String paper : Catalog.get().papers()) {
            String resource = "/claims/expectations/" + paper + ".tsv";
            InputStream in = Expectations.class.getResourceAsStream(resource);
            if (in == null) continue;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int no = 0;
                while ((line = r.readLine()) != null) {
                    no++;
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] f = line.split("\t", 3);
                    if (f.length < 3) throw new IllegalStateException(resource + " line " + no + ": need id, verdict, reason");
                    Catalog.get().info(f[0]);
                    if (!f[0].startsWith(paper + "/")) throw new IllegalStateException(resource + " line " + no + ": " + f[0] + " belongs to another paper");
                    if (o.put(f[0], Verdict.parse(f[1])) != null) throw new IllegalStateException(resource + ": duplicate " + f[0]);
                    why.put(f[0], f[2]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Expectations(o, why);
    }

    /** The expected verdict, or null for an "open" claim the project has not settled. */
    public Verdict expected(String id) {
        Verdict v = overrides.get(id);
        return v != null ? v : Verdict.fromCatalogue(Catalog.get().info(id).catalogueExpectation());
    }

    public Optional<String> reason(String id) {
        return Optional.ofNullable(reasons.get(id));
    }

    public Map<String, Verdict> overrides() {
        return Collections.unmodifiableMap(overrides);
    }
}
