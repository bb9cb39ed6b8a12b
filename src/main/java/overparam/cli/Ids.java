package overparam.cli;

import overparam.claims.BadInput;
import overparam.claims.Catalog;
import overparam.claims.ClaimInfo;

import java.util.Comparator;
import java.util.List;

/** Claim ids typed by a person: unknown ones are refused with the nearest catalogue ids. */
final class Ids {
    private Ids() {}

    static ClaimInfo info(String id) {
        if (Catalog.get().contains(id)) return Catalog.get().info(id);
        throw new BadInput("unknown claim id '" + id + "'; did you mean " + String.join(", ", nearest(id, 5)) + "? ('list' shows them all)");
    }

    static List<String> nearest(String id, int k) {
        String q = id.toLowerCase(java.util.Locale.ROOT);
        return Catalog.get().all().stream().map(ClaimInfo::id)
                .sorted(Comparator.comparingInt((String c) -> distance(q, c.toLowerCase(java.util.Locale.ROOT))).thenComparing(c -> c))
                .limit(k).toList();
    }

    /** Edit distance, with a bonus for ids that contain the query (so "6.5" finds "oymak/lemma-6.5"). */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int d = prev[b.length()];
        return b.contains(a) ? d - b.length() : d;
    }
}
