package org.ebmjava.landscape;

/** A {@link CoolingSchedule} given by a name and a formula; checks the step arguments. */
final class NamedSchedule implements CoolingSchedule {

    /** The formula T(k, totalSteps). */
    @FunctionalInterface
    interface Law {
        double at(int step, int totalSteps);
    }

    private final String name;
    private final Law law;

    NamedSchedule(String name, Law law) {
        this.name = name;
        this.law = law;
    }

    @Override
    public double temperature(int step, int totalSteps) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, found " + step);
        }
        if (totalSteps < 1) {
            throw new IllegalArgumentException("totalSteps must be >= 1, found " + totalSteps);
        }
        return law.at(step, totalSteps);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
