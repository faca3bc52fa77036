package org.ebmjava.exercises.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The implementation currently under test, one per exercise spec.
 *
 * <p>{@link CheckRunner} sets it before launching a check class and clears it afterwards; a check class reads it
 * with {@link #get(Class)}. Checks may run on a separate thread (JUnit's timeout thread), so this is a shared map,
 * not a thread-local; {@link CheckRunner} runs one check class at a time.
 */
public final class Submissions {
    private static final Map<Class<?>, Object> CURRENT = new ConcurrentHashMap<>();

    private Submissions() {}

    /**
     * Sets the implementation under test for a spec.
     *
     * @param spec The exercise interface.
     * @param implementation The learner's implementation; must implement {@code spec}.
     * @param <T> The spec type.
     */
    public static <T> void set(Class<T> spec, Object implementation) {
        CURRENT.put(spec, spec.cast(implementation));
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
        Object impl = CURRENT.get(spec);
        if (impl == null) {
            throw new IllegalStateException("no implementation of " + spec.getSimpleName()
                    + " is under test: run checks through CheckRunner.run(id, implementation)");
        }
        return spec.cast(impl);
    }

    static void clear(Class<?> spec) {
        CURRENT.remove(spec);
    }
}
