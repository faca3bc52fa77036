package org.ebmjava.exercises;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebmjava.exercises.ex01.BoltzmannProbabilities;
import org.ebmjava.exercises.ex01.BoltzmannProbabilitiesChecks;
import org.ebmjava.exercises.ex01.FreeEnergy;
import org.ebmjava.exercises.ex01.FreeEnergyChecks;
import org.ebmjava.exercises.ex01.LangevinStep;
import org.ebmjava.exercises.ex01.LangevinStepChecks;
import org.ebmjava.exercises.ex02.AsyncSweep;
import org.ebmjava.exercises.ex02.AsyncSweepChecks;
import org.ebmjava.exercises.ex02.HopfieldEnergy;
import org.ebmjava.exercises.ex02.HopfieldEnergyChecks;
import org.ebmjava.exercises.ex03.MetropolisAcceptance;
import org.ebmjava.exercises.ex03.MetropolisAcceptanceChecks;
import org.ebmjava.exercises.ex03.UnitConditional;
import org.ebmjava.exercises.ex03.UnitConditionalChecks;
import org.ebmjava.exercises.ex04.GibbsStep;
import org.ebmjava.exercises.ex04.GibbsStepChecks;
import org.ebmjava.exercises.ex04.HiddenProbabilities;
import org.ebmjava.exercises.ex04.HiddenProbabilitiesChecks;
import org.ebmjava.exercises.ex05.Cd1Gradient;
import org.ebmjava.exercises.ex05.Cd1GradientChecks;
import org.ebmjava.exercises.ex05.RbmFreeEnergy;
import org.ebmjava.exercises.ex05.RbmFreeEnergyChecks;
import org.ebmjava.exercises.ex06.DenoisingLoss;
import org.ebmjava.exercises.ex06.DenoisingLossChecks;
import org.ebmjava.exercises.ex06.MixtureScore;
import org.ebmjava.exercises.ex06.MixtureScoreChecks;
import org.ebmjava.exercises.ex07.ContrastiveLossGradient;
import org.ebmjava.exercises.ex07.ContrastiveLossGradientChecks;
import org.ebmjava.exercises.ex07.ImageLangevinStep;
import org.ebmjava.exercises.ex07.ImageLangevinStepChecks;
import org.ebmjava.exercises.ex07.ReplayDraw;
import org.ebmjava.exercises.ex07.ReplayDrawChecks;
import org.ebmjava.exercises.ex08.CalibrationError;
import org.ebmjava.exercises.ex08.CalibrationErrorChecks;
import org.ebmjava.exercises.ex08.MarginLoss;
import org.ebmjava.exercises.ex08.MarginLossChecks;
import org.ebmjava.exercises.ex08.PullAwayTerm;
import org.ebmjava.exercises.ex08.PullAwayTermChecks;
import org.ebmjava.exercises.ex09.Auroc;
import org.ebmjava.exercises.ex09.AurocChecks;
import org.ebmjava.exercises.ex09.EnergyScore;
import org.ebmjava.exercises.ex09.EnergyScoreChecks;
import org.ebmjava.exercises.ex09.PgdStep;
import org.ebmjava.exercises.ex09.PgdStepChecks;
import org.ebmjava.exercises.ex10.ForwardMarginal;
import org.ebmjava.exercises.ex10.ForwardMarginalChecks;
import org.ebmjava.exercises.ex10.GaussianElbo;
import org.ebmjava.exercises.ex10.GaussianElboChecks;
import org.ebmjava.exercises.ex10.PolicyFreeEnergy;
import org.ebmjava.exercises.ex10.PolicyFreeEnergyChecks;

/** The registry of every exercise in the course, in notebook order. */
public final class Exercises {
    private static final Map<String, Exercise> ALL = new LinkedHashMap<>();

    static {
        add(new Exercise("01.1", "Boltzmann probabilities with log-sum-exp",
                BoltzmannProbabilities.class, BoltzmannProbabilitiesChecks.class, 3));
        add(new Exercise("01.2", "Free energy F = -T log Z",
                FreeEnergy.class, FreeEnergyChecks.class, 3));
        add(new Exercise("01.3", "One step of thermal gradient descent (Langevin)",
                LangevinStep.class, LangevinStepChecks.class, 3));
        add(new Exercise("02.1", "Hopfield energy", HopfieldEnergy.class, HopfieldEnergyChecks.class, 2));
        add(new Exercise("02.2", "One asynchronous update sweep", AsyncSweep.class, AsyncSweepChecks.class, 3));
        add(new Exercise("03.1", "Conditional probability of one unit", UnitConditional.class,
                UnitConditionalChecks.class, 3));
        add(new Exercise("03.2", "Metropolis acceptance", MetropolisAcceptance.class,
                MetropolisAcceptanceChecks.class, 2));
        add(new Exercise("04.1", "Hidden probabilities of an RBM", HiddenProbabilities.class,
                HiddenProbabilitiesChecks.class, 2));
        add(new Exercise("04.2", "One block-Gibbs step", GibbsStep.class, GibbsStepChecks.class, 3));
        add(new Exercise("05.1", "Free energy of an RBM", RbmFreeEnergy.class, RbmFreeEnergyChecks.class, 2));
        add(new Exercise("05.2", "The CD-1 gradient", Cd1Gradient.class, Cd1GradientChecks.class, 3));
        add(new Exercise("06.1", "The denoising score-matching loss of a batch", DenoisingLoss.class,
                DenoisingLossChecks.class, 3));
        add(new Exercise("06.2", "The score of a Gaussian mixture", MixtureScore.class, MixtureScoreChecks.class, 3));
        add(new Exercise("07.1", "One Langevin step with gradient clipping and clamping", ImageLangevinStep.class,
                ImageLangevinStepChecks.class, 2));
        add(new Exercise("07.2", "A replay-buffer draw with re-initialisation", ReplayDraw.class,
                ReplayDrawChecks.class, 2));
        add(new Exercise("07.3", "Gradient of the regularised contrastive loss", ContrastiveLossGradient.class,
                ContrastiveLossGradientChecks.class, 2));
        add(new Exercise("08.1", "The EBGAN margin loss", MarginLoss.class, MarginLossChecks.class, 2));
        add(new Exercise("08.2", "The expected calibration error", CalibrationError.class,
                CalibrationErrorChecks.class, 2));
        add(new Exercise("08.3", "The pull-away term", PullAwayTerm.class, PullAwayTermChecks.class, 2));
        add(new Exercise("09.1", "AUROC from two score lists (ties count one half)", Auroc.class, AurocChecks.class,
                2));
        add(new Exercise("09.2", "One L-infinity PGD step with projection and clipping", PgdStep.class,
                PgdStepChecks.class, 2));
        add(new Exercise("09.3", "The energy score of a classifier, without overflow", EnergyScore.class,
                EnergyScoreChecks.class, 2));
        add(new Exercise("10.1", "The forward marginal q(x_t | x_0)", ForwardMarginal.class,
                ForwardMarginalChecks.class, 2));
        add(new Exercise("10.2", "The ELBO of a linear-Gaussian model", GaussianElbo.class,
                GaussianElboChecks.class, 3));
        add(new Exercise("10.3", "Expected free energy of a policy", PolicyFreeEnergy.class,
                PolicyFreeEnergyChecks.class, 3));
    }

    private Exercises() {}

    private static void add(Exercise e) {
        if (ALL.putIfAbsent(e.id(), e) != null) {
            throw new IllegalStateException("duplicate exercise id " + e.id());
        }
    }

    /**
     * Looks up an exercise.
     *
     * @param id The id, e.g. {@code "01.2"}.
     * @return The exercise.
     * @throws IllegalArgumentException If no exercise has this id; the message lists the known ids.
     */
    public static Exercise get(String id) {
        Exercise e = ALL.get(id);
        if (e == null) {
            throw new IllegalArgumentException("unknown exercise id '" + id + "'; known ids: " + ALL.keySet());
        }
        return e;
    }

    /**
     * Every exercise, in notebook order.
     *
     * @return An unmodifiable list.
     */
    public static List<Exercise> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The exercises of one notebook.
     *
     * @param notebook The notebook number, 1 to 10.
     * @return An unmodifiable list, possibly empty.
     */
    public static List<Exercise> ofNotebook(int notebook) {
        String prefix = String.format("%02d.", notebook);
        return Collections.unmodifiableList(ALL.values().stream().filter(e -> e.id().startsWith(prefix)).toList());
    }
}
