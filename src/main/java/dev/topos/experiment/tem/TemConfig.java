package dev.topos.experiment.tem;

import static dev.topos.config.Configs.at;

import dev.topos.config.Check;
import dev.topos.config.Validated;
import dev.topos.data.grid.StraightBiasPolicy;
import dev.topos.data.grid.WalkConfig;
import dev.topos.data.grid.WalkPolicy;
import dev.topos.experiment.StudyConfig;
import dev.topos.model.TemModelConfig;
import dev.topos.train.TrainConfig;
import java.util.List;

/**
 * The config of a TEM study (spec tem-t.md): grid worlds, walks, model, optimisation and
 * evaluation. Defaults are the spec's (e = 128, d_k = 64, 16 slots, chunks of 75, n_restart
 * 40 -> 5, Adam lr 9.4e-4 halved every 4000 updates) with measured departures, each made because
 * the spec's form did not learn here:
 * <ul>
 *   <li>orthogonal transitions, W_a = Cayley(A - A^T), instead of I + A. With I + A the action
 *       weights drift into a chaotic map within ~200 updates (codes at the same node decorrelate as
 *       fast as codes at different nodes; gradient norms 3-8 from 75-step products) and accuracy
 *       stays at the "stay" steps, 19% of visited steps, at every lr tried (1e-4 .. 9.4e-4). With
 *       Cayley transitions the same budget reached 60% on visited steps after 600 updates;</li>
 *   <li>linear sigma with the code rescaled to unit RMS, and a gradient-norm clip of 1.</li>
 * </ul>
 * {@code --set model.transition=additive} (with {@code model.code_norm=false}) is the paper's form.
  */
public record TemConfig(String study, String name, long seed, World world, Walk walk, TemModelConfig model,
                        TrainConfig train, Eval eval, Loss loss) implements StudyConfig {

    /**
     * @param batch   parallel walks (slots), each switching world at its own time
     * @param minSide smallest box side
     * @param maxSide largest box side
     * @param symbols observation symbols
     * @param policy  "straight-bias" (TEM's walk) or "uniform"
     */
    public record World(int batch, int minSide, int maxSide, int symbols, String policy) implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "batch"), batch, 1, 4096);
            Check.range(at(p, "min_side"), minSide, 2, 1024);
            Check.range(at(p, "max_side"), maxSide, minSide, 1024);
            Check.range(at(p, "symbols"), symbols, 2, 100_000);
            Check.oneOf(at(p, "policy"), policy, WalkPolicy.NAMES);
        }
    }

    /**
     * @param chunk       steps per update (truncated backprop); state is carried across chunks
     * @param restartMax  n_restart at the start: a world lasts (n_restart + U{0..29}) x nodes steps
     * @param restartMin  n_restart after annealing
     * @param annealSteps updates over which n_restart falls linearly from max to min
     */
    public record Walk(int chunk, int restartMax, int restartMin, long annealSteps) implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "chunk"), chunk, 2, 10_000);
            Check.range(at(p, "restart_min"), restartMin, 1, 10_000);
            Check.range(at(p, "restart_max"), restartMax, restartMin, 10_000);
            Check.range(at(p, "anneal_steps"), annealSteps, 1, 1e9);
        }

        /** n_restart at update {@code step}. */
        public int restart(long step) {
            double f = Math.min(1.0, (double) step / annealSteps);
            return (int) Math.round(restartMax - f * (restartMax - restartMin));
        }
    }

    /**
     * @param worlds  fresh worlds walked at evaluation (seeded apart from training)
     * @param steps   steps walked in each
     * @param seed    seed of the evaluation worlds
     * @param bins    bins of the accuracy-vs-coverage curves
     * @param units   e units / memory neurons drawn in rate-map figures
     * @param shuffles spatial shuffles per unit of the grid-score null ({@code GridNull})
     * @param gridSide  side of the two larger worlds of the grid-score and remapping analyses
     * @param gridSteps steps walked in each (the second half gives the rate maps)
     * @param smoothing sigma in nodes of the Gaussian smoothing of rate maps before autocorrelograms and
     *                  grid scores ({@code RateMapSmoothing}); 0, the default, scores the maps as measured
     */
    public record Eval(int worlds, int steps, long seed, int bins, int units, int shuffles, int gridSide, int gridSteps,
                       double smoothing) implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "worlds"), worlds, 1, 4096);
            Check.range(at(p, "steps"), steps, 10, 1_000_000);
            Check.range(at(p, "bins"), bins, 1, 1000);
            Check.range(at(p, "units"), units, 1, 1024);
            Check.range(at(p, "shuffles"), shuffles, 1, 100_000);
            Check.range(at(p, "grid_side"), gridSide, 2, 1024);
            Check.range(at(p, "grid_steps"), gridSteps, 10, 1_000_000);
            Check.range(at(p, "smoothing"), smoothing, 0, 100);
        }
    }

    /**
     * The weights of TEM-t's losses beside the cross-entropy of the prediction from g_PI (weight 1),
     * as in TEM (Whittington et al., Cell 2020; the TEM-t paper trains "as in TEM"). Defaults from
     * TEM's code where the paper gives none: torch_tem's 1 for the code loss and 0.01 for g's L2,
     * tem_tf2's 0.001 for the weights' L2. The cross-entropies are means over visited steps and the
     * code terms means over steps and units, so their weights do not change meaning with E.
     *
     * @param corrected cross-entropy of the prediction from the corrected code g (landmark correction only)
     * @param codeMatch mean squared difference between g and g_PI (landmark correction only)
     * @param codeL2    mean square of g (TEM-t)
     * @param weightL2  sum of squares / 2 of every weight of rank &gt;= 2 (both models)
     * @param gridActivity mean square of the grid units p (with {@code model.grid_units} only): the bounded
     *                  activity of Dorrell et al. (ICLR 2023); TEM has no such units, so the default 0.1 is
     *                  Topos's choice (a tenth of p's mean square at birth, 0.5, against a cross-entropy of 3.8)
     */
    public record Loss(double corrected, double codeMatch, double codeL2, double weightL2, double gridActivity)
            implements Validated {
        @Override
        public void validate(String p) {
            Check.range(at(p, "corrected"), corrected, 0, 1e6);
            Check.range(at(p, "code_match"), codeMatch, 0, 1e6);
            Check.range(at(p, "code_l2"), codeL2, 0, 1e6);
            Check.range(at(p, "weight_l2"), weightL2, 0, 1e6);
            Check.range(at(p, "grid_activity"), gridActivity, 0, 1e6);
        }
    }

    public static TemConfig defaults() {
        return new TemConfig("tem", "tem-t", 42,
                new World(16, 8, 11, 45, StraightBiasPolicy.NAME),
                new Walk(75, 40, 5, 4000),
                new TemModelConfig("tem-t", 128, 64, 64, "linear", "orthogonal", false, true, 20, 0.003, 1024, 256, 128, false, false, 0.9, 0),
                new TrainConfig(20_000, 9.4e-4, 0.5, 4000, 0.9, 0.999, 0.0, 1.0, 50, 500, 3),
                new Eval(16, 2000, 1_000_003, 10, 16, 100, 16, 8000, 0),
                new Loss(1, 1, 0.01, 0.001, 0.1));
    }

    @Override
    public void validate(String p) {
        Check.oneOf(at(p, "study"), study, List.of("tem"));
        Check.name(at(p, "name"), name);
        world.validate(at(p, "world"));
        walk.validate(at(p, "walk"));
        model.validate(at(p, "model"));
        train.validate(at(p, "train"));
        eval.validate(at(p, "eval"));
        loss.validate(at(p, "loss"));
    }

    /** The walk stream's config for training. */
    public WalkConfig walkConfig() {
        return new WalkConfig(world.batch(), world.minSide(), world.maxSide(), world.symbols(),
                world.policy(), seed);
    }
}
