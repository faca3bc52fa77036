package org.ebmjava.activeinference;

import java.util.Arrays;

/**
 * A policy: a named, fixed sequence of actions, one per future step.
 *
 * @param name A short label for tables, e.g. "cue, then left".
 * @param actions The action indices, in order, at least one. Copied.
 */
public record Policy(String name, int[] actions) {

    /**
     * Validates and copies.
     *
     * @param name A short label, not blank.
     * @param actions The action indices, at least one. Not modified (copied).
     * @throws IllegalArgumentException If the name is null or blank or there are no actions.
     */
    public Policy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (actions == null || actions.length == 0) {
            throw new IllegalArgumentException("a policy needs at least one action");
        }
        actions = actions.clone();
    }

    /**
     * Returns the actions.
     *
     * @return A copy of the action sequence.
     */
    @Override
    public int[] actions() {
        return actions.clone();
    }

    /**
     * Returns the number of steps.
     *
     * @return The length of the action sequence.
     */
    public int length() {
        return actions.length;
    }

    /**
     * Returns one action.
     *
     * @param t The 0-based time.
     * @return The action taken at time t.
     */
    public int action(int t) {
        return actions[t];
    }

    /**
     * Tells whether this policy began with the given actions.
     *
     * @param past The actions already taken. Not modified.
     * @return True if the first past.length actions equal past.
     */
    public boolean startsWith(int[] past) {
        return past.length <= actions.length && Arrays.equals(actions, 0, past.length, past, 0, past.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && name.equals(p.name) && Arrays.equals(actions, p.actions);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(actions);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(actions);
    }
}
