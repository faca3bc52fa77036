package org.ebmjava.hopfield;

import java.util.List;

/** Argument checks shared by the package: spin vectors, pattern lists and generators. */
final class Spins {

    private Spins() {}

    /** Throws unless {@code s} is non-null, has length {@code n} and holds only -1 and +1. */
    static void requireSpins(int[] s, int n, String name) {
        if (s == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (s.length != n) {
            throw new IllegalArgumentException(
                    name + " must have length " + n + ", found length " + s.length);
        }
        requireValues(s, name);
    }

    /** Throws unless {@code s} is non-null, non-empty and holds only -1 and +1. */
    static void requireSpins(int[] s, String name) {
        if (s == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (s.length == 0) {
            throw new IllegalArgumentException(name + " must have length >= 1, found length 0");
        }
        requireValues(s, name);
    }

    private static void requireValues(int[] s, String name) {
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 1 && s[i] != -1) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] must be -1 or +1, found " + s[i]);
            }
        }
    }

    /** Throws unless two spin vectors have the same length and valid values; returns that length. */
    static int requireSamePair(int[] a, int[] b, String nameA, String nameB) {
        requireSpins(a, nameA);
        requireSpins(b, a.length, nameB);
        return a.length;
    }

    /** Throws unless the list is non-empty and every pattern is a valid spin vector of one length. */
    static int requirePatterns(List<int[]> patterns, String name) {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException(name + " must be a non-empty list, found " + patterns);
        }
        int[] first = patterns.get(0);
        requireSpins(first, name + "[0]");
        int n = first.length;
        for (int mu = 1; mu < patterns.size(); mu++) {
            requireSpins(patterns.get(mu), n, name + "[" + mu + "]");
        }
        return n;
    }

    static void requireNonNull(Object o, String name) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    /** sign(x) with sign(0) = {@code current}, |x| &le; TIE_TOLERANCE counting as 0. */
    static int sign(double x, int current) {
        return x > HopfieldNetwork.TIE_TOLERANCE ? 1 : x < -HopfieldNetwork.TIE_TOLERANCE ? -1 : current;
    }
}
