package overparam.search;

import net.jqwik.api.JqwikException;
import net.jqwik.api.sessions.JqwikSession;

import java.util.function.Supplier;

/**
 * jqwik arbitraries memoize their generators in a lifecycle store that only exists inside a jqwik property or a
 * {@link JqwikSession}; the claim runner also runs from the command line and from JUnit, so it opens a session
 * when none is active on this thread.
 */
public final class Sessions {
    private Sessions() {}

    public static <T> T inSession(Supplier<T> body) {
        if (JqwikSession.isActive()) return body.get();
        try {
            JqwikSession.start();
        } catch (JqwikException insideJqwikLifecycle) {
            return body.get();
        }
        try {
            return body.get();
        } finally {
            JqwikSession.finish();
        }
    }
}
