package dev.topos.data.grid;

import dev.topos.util.Rng;

import java.util.Arrays;

/**
 * TEM's "move straight bias" walk (tem_tf2 {@code environments.Rectangle.move_straight_bias},
 * parameters {@code direc_bias = 0.25}, {@code angle_bias_change = 0.4}). The agent keeps an
 * allocentric heading theta in [-pi, pi), drawn uniformly at the start of each world. Each step:
 * <ol>
 *   <li>If an available non-stay move points within pi/4 of theta, take the closest one and keep
 *       theta; otherwise (a wall ahead) take a uniformly random available non-stay move and turn
 *       theta to its direction.</li>
 *   <li>theta += U(-0.4, 0.4), wrapped to [-pi, pi).</li>
 *   <li>With probability 0.75 discard the move of step 1 and take a uniformly random available
 *       move, stay included (theta is not turned towards it).</li>
 * </ol>
 * Move directions follow the reference's {@code atan2(y1 - y2, x2 - x1)}: east 0, north pi/2,
 * west pi, south -pi/2. The state is theta.
 */
public final class StraightBiasPolicy implements WalkPolicy {
    public static final String NAME = "straight-bias";
    /** Probability that step 3 replaces the straight move by a uniform one (1 - direc_bias). */
    public static final double P_UNIFORM = 0.75;
    /** Half-width of the heading's uniform drift per step. */
    public static final double MAX_DRIFT = 0.4;
    /** A move counts as "ahead" if its direction is strictly within this angle of theta. */
    public static final double CONE = Math.PI / 4;

    private static final double[] DIRECTION = {Double.NaN, Math.PI / 2, 0, -Math.PI / 2, Math.PI};

    private double heading;

    /** The direction of a non-stay action in radians (east 0, north pi/2). */
    public static double direction(int action) {
        return DIRECTION[action];
    }

    public double heading() {
        return heading;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void startWorld(Rng rng) {
        heading = wrap(rng.uniform(-Math.PI, Math.PI));
    }

    @Override
    public int nextAction(BoxWorld world, int node, Rng rng) {
        int[] moves = nonStayMoves(world.availableActions(node));
        int ahead = closestTo(heading, moves);
        int action;
        if (angleBetween(direction(ahead), heading) < CONE) {
            action = ahead;
        } else {
            action = moves[rng.nextInt(moves.length)];
            heading = direction(action);
        }
        heading = wrap(heading + rng.uniform(-MAX_DRIFT, MAX_DRIFT));
        if (rng.nextDouble() < P_UNIFORM) {
            action = UniformPolicy.uniformMove(world, node, rng);
        }
        return action;
    }

    @Override
    public long saveState() {
        return Double.doubleToRawLongBits(heading);
    }

    @Override
    public void loadState(long state) {
        double theta = Double.longBitsToDouble(state);
        if (!(theta >= -Math.PI && theta < Math.PI)) {
            throw new IllegalArgumentException("heading = " + theta + " is outside [-pi, pi)");
        }
        heading = theta;
    }

    /** Available actions without stay (a world of at least 2 nodes always has one). */
    private static int[] nonStayMoves(int[] available) {
        return Arrays.stream(available).filter(a -> a != BoxWorld.STAY).toArray();
    }

    /** The move whose direction is closest to theta; the first in action order on a tie. */
    private static int closestTo(double theta, int[] moves) {
        int best = moves[0];
        for (int a : moves) {
            if (angleBetween(direction(a), theta) < angleBetween(direction(best), theta)) {
                best = a;
            }
        }
        return best;
    }

    /** Circular distance between two angles, in [0, pi]. */
    static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % (2 * Math.PI);
        return Math.min(d, 2 * Math.PI - d);
    }

    /** Maps an angle to [-pi, pi). */
    static double wrap(double theta) {
        double t = (theta + Math.PI) % (2 * Math.PI);
        double wrapped = (t < 0 ? t + 2 * Math.PI : t) - Math.PI;
        return wrapped < Math.PI ? wrapped : -Math.PI; // rounding can land on pi itself
    }
}
