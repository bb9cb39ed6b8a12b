package overparam.claims.golikov;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small bounded cache for expensive pure computations (a fitted point, a simulated trajectory) that both a
 * property's hypotheses and its check need. Keys are strings naming the instance; values are pure functions of them,
 * so the cache changes no result, only the time.
 */
final class Memo {
    private static final int CAPACITY = 64;
    private static final Map<String, Object> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> e) {
            return size() > CAPACITY;
        }
    };

    private Memo() {}

    @SuppressWarnings("unchecked")
    static <V> V get(String key, Supplier<V> compute) {
        synchronized (CACHE) {
            Object v = CACHE.get(key);
            if (v != null) return (V) v;
        }
        V v = compute.get();
        synchronized (CACHE) {
            CACHE.put(key, v);
        }
        return v;
    }
}
