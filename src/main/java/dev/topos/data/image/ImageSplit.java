package dev.topos.data.image;

/**
 * A labelled image set cut in two, e.g. training and validation images.
 *
 * @param kept    the images that stay (e.g. for training)
 * @param heldOut the images set aside (e.g. for validation or test)
 */
public record ImageSplit(ImageSet kept, ImageSet heldOut) {}
