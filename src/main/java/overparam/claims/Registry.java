package overparam.claims;

import java.util.*;
import java.util.stream.Collectors;

/** Every registered claim, keyed by its claims.tsv id. */
public final class Registry {
    private static volatile Registry instance;
    private final Map<String, Claim> byId;

    private Registry(Map<String, Claim> byId) {
        this.byId = byId;
    }

    public static Registry get() {
        if (instance == null) {
            synchronized (Registry.class) {
                if (instance == null) instance = load();
            }
        }
        return instance;
    }

    private static Registry load() {
        Map<String, Claim> m = new TreeMap<>(Comparator.comparing(Registry::catalogueOrder).thenComparing(s -> s));
        for (ClaimProvider p : ServiceLoader.load(ClaimProvider.class)) {
            for (Claim c : p.claims()) {
                if (!c.id().startsWith(p.paper() + "/"))
                    throw new IllegalStateException("provider " + p.paper() + " registers foreign claim " + c.id());
                if (m.put(c.id(), c) != null) throw new IllegalStateException("claim " + c.id() + " registered twice");
            }
        }
        return new Registry(Collections.unmodifiableMap(new LinkedHashMap<>(m)));
    }

    private static int catalogueOrder(String id) {
        int i = 0;
        for (ClaimInfo c : Catalog.get().all()) {
            if (c.id().equals(id)) return i;
            i++;
        }
        return Integer.MAX_VALUE;
    }

    public Collection<Claim> all() {
        return byId.values();
    }

    public List<Claim> paper(String paper) {
        return byId.values().stream().filter(c -> c.id().startsWith(paper + "/")).collect(Collectors.toList());
    }

    public boolean has(String id) {
        return byId.containsKey(id);
    }

    /** The claim with this id; an unknown or unregistered id is an error naming the id. */
    public Claim claim(String id) {
        Claim c = byId.get(id);
        if (c == null) {
            Catalog.get().info(id);
            throw new BadInput("claim '" + id + "' is in the catalogue but not registered yet");
        }
        return c;
    }
}
