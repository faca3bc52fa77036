package org.ebmjava.neural;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes whose networks are tiny: sets {@link MlpEngine#parallelMacs} to 0 before the class's tests, so
 * that every call is split into blocks and the multi-worker paths are what is tested, and restores the threshold
 * afterwards. Use with {@code @ExtendWith(SplitEveryCall.class)}.
 */
final class SplitEveryCall implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SplitEveryCall.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("saved", MlpEngine.parallelMacs);
        MlpEngine.parallelMacs = 0;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MlpEngine.parallelMacs = context.getStore(NS).get("saved", Long.class);
    }
}
