package org.ebmjava.viz;

/** Argument checks shared by the plot classes; each failure names the argument and the value found. */
final class Args {
    private Args() {}

    static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    static void size(int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException(
                    "size must be at least 50 x 50 pixels, found " + width + " x " + height);
        }
    }

    static void range(String name, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
            throw new IllegalArgumentException(
                    name + " must be finite with lo < hi, found [" + lo + ", " + hi + "]");
        }
    }

    static void sameLength(String what, String label, String xName, int xLength, String yName, int yLength) {
        if (xLength != yLength) {
            throw new IllegalArgumentException(what + " '" + label + "': " + xName + " has length " + xLength
                    + " but " + yName + " has length " + yLength);
        }
    }

    static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, found " + value);
        }
    }
}
