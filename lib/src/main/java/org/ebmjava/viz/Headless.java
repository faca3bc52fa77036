package org.ebmjava.viz;

/** Switches AWT to headless mode before any class of this package touches it. */
final class Headless {
    private Headless() {}

    /**
     * Sets {@code java.awt.headless=true} unless the property was already given.
     *
     * <p>Notebook kernels, CI machines and Binder have no display; in headless mode AWT draws into
     * images without trying to open a window. An explicit setting by the user is kept.
     */
    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
