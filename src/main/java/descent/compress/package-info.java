/**
 * Model compression (Aggarwal §3.7.3): magnitude pruning with masked fine-tuning, uniform and k-means weight
 * quantization with a Huffman-coded size estimate, low-rank factorization of a trained layer by truncated SVD,
 * layers whose weights are hashed into shared buckets, and teacher → student training on soft targets (mimic models,
 * distillation). Uses {@code nn}, {@code optim}, {@code regularize} (the after-step hook a pruning mask is) and EJML.
 */
package descent.compress;
