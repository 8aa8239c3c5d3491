package dev.topos.experiment.tem;

/** Row-major flattening of the walk chunk's [slot][step] flag arrays into tensor data. */
final class TemArrays {
    private TemArrays() {}

    static float[] flatten(boolean[][] flags) {
        int t = flags[0].length;
        float[] out = new float[flags.length * t];
        for (int b = 0; b < flags.length; b++) {
            for (int j = 0; j < t; j++) {
                out[b * t + j] = flags[b][j] ? 1f : 0f;
            }
        }
        return out;
    }
}
