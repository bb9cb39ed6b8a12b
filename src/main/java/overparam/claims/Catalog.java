package overparam.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.stream.Collectors;

/** The specification shipped with the harness: claims.tsv and the per-paper catalogues (resources/claims). */
public final class Catalog {
    private static volatile Catalog instance;
    private final Map<String, ClaimInfo> byId;

    private Catalog(Map<String, ClaimInfo> byId) {
        this.byId = byId;
    }

    public static Catalog get() {
        if (instance == null) {
            synchronized (Catalog.class) {
                if (instance == null) instance = load();
            }
        }
        return instance;
    }

    private static Catalog load() {
        Map<String, ClaimInfo> m = new LinkedHashMap<>();
        try (BufferedReader r = reader("/claims/claims.tsv")) {
            String header = r.readLine();
            if (header == null || !header.startsWith("id\tpaper\tlabel\tkind\tstatement\texpectation"))
                throw new IllegalStateException("claims.tsv: unexpected header " + header);
            String line;
            int no = 1;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 6) throw new IllegalStateException("claims.tsv line " + no + ": expected 6 columns, got " + f.length);
                if (m.put(f[0], new ClaimInfo(f[0], f[1], f[2], f[3], f[4], f[5])) != null)
                    throw new IllegalStateException("claims.tsv line " + no + ": duplicate id " + f[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Catalog(Collections.unmodifiableMap(m));
    }

    static BufferedReader reader(String resource) {
        InputStream in = Catalog.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing resource " + resource);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public Collection<ClaimInfo> all() {
        return byId.values();
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The row of {@code id}; an unknown id is an error that suggests near matches. */
    public ClaimInfo info(String id) {
        ClaimInfo c = byId.get(id);
        if (c == null) {
            String prefix = id.contains("/") ? id.substring(0, id.indexOf('/')) : id;
            List<String> near = byId.keySet().stream().filter(k -> k.startsWith(prefix) || k.contains(id)).limit(8).collect(Collectors.toList());
            throw new BadInput("unknown claim id '" + id + "'" + (near.isEmpty() ? "" : "; did you mean one of " + near + "?"));
        }
        return c;
    }

    public List<String> papers() {
        return byId.values().stream().map(ClaimInfo::paperKey).distinct().collect(Collectors.toList());
    }

    /** The catalogue section of a claim: from its heading (tagged with the id in backticks) to the next heading. */
    public String section(String id) {
        ClaimInfo info = info(id);
        String tag = "`" + id + "`";
        List<String> lines;
        try (BufferedReader r = reader("/claims/" + info.paperKey() + ".md")) {
            lines = r.lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).startsWith("#") && lines.get(i).contains(tag)) {
                start = i;
                break;
            }
        if (start < 0) return "(no catalogue section tagged " + tag + ")";
        int level = lines.get(start).indexOf(' ');
        StringBuilder sb = new StringBuilder(lines.get(start)).append('\n');
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#")) {
                int lv = l.indexOf(' ');
                if (lv > 0 && lv <= level) break;
                if (l.contains("`" + info.paperKey() + "/")) break;
            }
            sb.append(l).append('\n');
        }
        return sb.toString().strip();
    }
}
