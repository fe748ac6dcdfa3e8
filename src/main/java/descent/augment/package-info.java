/**
 * Dataset augmentation for small grey images (chapter 06: Goodfellow et al. §7.4; the draft chapter 7, §7.5; Erdem,
 * COMP541 lecture 4, slide 44): new training pairs (T(x), y) made by transforms that should not change the label.
 * Each transform is one class implementing {@link descent.augment.Augmentation}: {@link descent.augment.Translation},
 * {@link descent.augment.Rotation}, {@link descent.augment.Scaling}, {@link descent.augment.RandomCrop},
 * {@link descent.augment.HorizontalFlip}, {@link descent.augment.Rotation180}, {@link descent.augment.PixelNoise},
 * and {@link descent.augment.Compose} chains them. {@link descent.augment.Augmenter} applies one to every row of a
 * minibatch (one image per row, row-major) with a seeded source, writing into buffers it allocates once, so a
 * training loop can call it every step ({@code Trainer.augment}).
 *
 * <p>Pixel coordinates: row r = 0 … h − 1 from the top, column c = 0 … w − 1 from the left, pixel (r, c) at index
 * r·w + c. The geometric transforms map every output pixel back into the input (inverse mapping) and read it there by
 * bilinear interpolation, with 0 (the black background of Fashion-MNIST) outside the image. Every transform keeps the
 * image size, and a convex combination of pixels and 0 never leaves the range [min(0, lo), hi] of the input.
 *
 * <p>{@link descent.augment.Augmentation#mayChangeClass()} marks the transforms that turn some images into another
 * class on data where orientation is part of the label: a horizontal flip turns b into d, a 180° rotation turns 6
 * into 9. On Fashion-MNIST no class maps onto another one, but every garment is photographed upright and every shoe
 * points left, so these transforms make images the test set never shows (see notebook 24).
 */
package descent.augment;
