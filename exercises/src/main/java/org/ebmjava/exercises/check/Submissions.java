package org.ebmjava.exercises.check;

import java.util.Map;
import java.util.HashMap;

/**
 * The implementation currently under test, one per exercise spec.
 *
 * <p>{@link CheckRunner} sets it before launching a check class and clears it afterwards; a check class reads it
 * with {@link #get(Class)}. The value is per thread and inherited by threads the checking thread starts (JUnit runs
 * each check with a time limit on a thread it starts for that check), so the grader can check several
 * submissions of the same exercise at once on different threads.
 */
public final class Submissions {
    /** Copy-on-write per thread: a thread started during a check run sees the map its starter had. */
    private static final InheritableThreadLocal<Map<Class<?>, Object>> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected Map<Class<?>, Object> initialValue() {
            return Map.of();
        }
    };

    private Submissions() {}

    /**
     * Sets the implementation under test for a spec.
     *
     * @param spec The exercise interface.
     * @param implementation The learner's implementation; must implement {@code spec}.
     * @param <T> The spec type.
     */
    public static <T> void set(Class<T> spec, Object implementation) {
        Map<Class<?>, Object> m = new HashMap<>(CURRENT.get());
        m.put(spec, spec.cast(implementation));
        CURRENT.set(Map.copyOf(m));
    }

    /**
     * The implementation under test.
     *
     * @param spec The exercise interface.
     * @param <T> The spec type.
     * @return The implementation.
     * @throws IllegalStateException If none is set (a check class was run outside {@link CheckRunner}).
     */
    public static <T> T get(Class<T> spec) {
        Object impl = CURRENT.get().get(spec);
        if (impl == null) {
            throw new IllegalStateException("no implementation of " + spec.getSimpleName()
                    + " is under test: run checks through CheckRunner.run(id, implementation)");
        }
        return spec.cast(impl);
    }

    static void clear(Class<?> spec) {
        Map<Class<?>, Object> m = new HashMap<>(CURRENT.get());
        m.remove(spec);
        CURRENT.set(Map.copyOf(m));
    }
}
