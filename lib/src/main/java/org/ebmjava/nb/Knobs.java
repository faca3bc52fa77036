package org.ebmjava.nb;

/**
 * The one place where the size knobs of the lessons are read: quick mode or full mode.
 *
 * <p>Quick mode is on when the environment variable {@code EBM_QUICK} or the system property
 * {@code ebm.quick} is "1" or "true" (any case). CI sets it so that each notebook runs in about a
 * minute; lessons then use smaller data and fewer steps, so their numbers differ from a full run.
 * The setting is read once and cached.
 * <pre>
 * int epochs = Knobs.size(20, 2);   // 20 in a full run, 2 in quick mode
 * </pre>
 *
 * <p>The data knob: lessons train on the bundled subset of real MNIST digits everywhere (locally, on Binder, in
 * CI and in the published course), so every learner gets the published numbers and the time and memory budgets
 * hold. Full MNIST (60,000 + 10,000 images, downloaded on first use) is used only when the environment variable
 * {@code EBM_FULL_MNIST} or the system property {@code ebm.fullMnist} is "1" or "true": an explicit opt-in,
 * never automatic. Notebooks then take longer and need more memory than their stated budgets.
 */
public final class Knobs {
    /** The line {@link #announce()} prints in quick mode. */
    public static final String QUICK_LINE = "Quick mode (EBM_QUICK=1): smaller data and fewer steps than the full lesson;"
            + " numbers will differ from a full run.";
    /** The line {@link #announce()} prints in full mode. */
    public static final String FULL_LINE = "Full mode: lesson settings.";

    private static volatile Boolean override;
    private static volatile Boolean fullMnistOverride;

    /** Reads the environment once, on first use. */
    private static final class FromEnvironment {
        static final boolean QUICK = parse(System.getenv("EBM_QUICK"), System.getProperty("ebm.quick"));
        static final boolean FULL_MNIST = parse(System.getenv("EBM_FULL_MNIST"), System.getProperty("ebm.fullMnist"));
    }

    private Knobs() {}

    /**
     * Tells whether quick mode is on.
     *
     * @return True in quick mode.
     */
    public static boolean quick() {
        Boolean o = override;
        return o != null ? o : FromEnvironment.QUICK;
    }

    /**
     * Tells whether the learner asked for full MNIST ({@code EBM_FULL_MNIST=1}); the default is the bundled subset.
     *
     * @return True only when full MNIST was explicitly requested.
     */
    public static boolean fullMnist() {
        Boolean o = fullMnistOverride;
        return o != null ? o : FromEnvironment.FULL_MNIST;
    }

    /**
     * Picks a size for the current mode.
     *
     * @param full Value for a full run.
     * @param quick Value for quick mode.
     * @return quick in quick mode, else full.
     */
    public static int size(int full, int quick) {
        return quick() ? quick : full;
    }

    /**
     * Picks a size for the current mode.
     *
     * @param full Value for a full run.
     * @param quick Value for quick mode.
     * @return quick in quick mode, else full.
     */
    public static double size(double full, double quick) {
        return quick() ? quick : full;
    }

    /**
     * Names the current mode.
     *
     * @return "quick" or "full".
     */
    public static String mode() {
        return quick() ? "quick" : "full";
    }

    /**
     * Prints one line to {@code System.out} saying which mode the notebook runs in, and returns it.
     *
     * @return {@link #QUICK_LINE} or {@link #FULL_LINE}.
     */
    public static String announce() {
        String line = quick() ? QUICK_LINE : FULL_LINE;
        System.out.println(line);
        return line;
    }

    /**
     * For tests only: forces quick mode on or off regardless of the environment.
     *
     * @param quick True or false to force the mode; null to go back to the environment's setting.
     */
    public static void overrideForTests(Boolean quick) {
        override = quick;
    }

    /**
     * For tests only: forces the data knob on or off regardless of the environment.
     *
     * @param full True or false to force {@link #fullMnist()}; null to go back to the environment's setting.
     */
    public static void overrideFullMnistForTests(Boolean full) {
        fullMnistOverride = full;
    }

    /** True if either value is "1" or "true" (any case, surrounding blanks ignored). */
    static boolean parse(String env, String property) {
        return on(env) || on(property);
    }

    private static boolean on(String s) {
        if (s == null) {
            return false;
        }
        String t = s.strip();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }
}
