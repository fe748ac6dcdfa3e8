/**
 * Parallel training on the cores of one machine with Java threads (Aggarwal §3.7.2): synchronous data parallelism
 * with a deterministic all-reduce, asynchronous lock-free (Hogwild-style) SGD, hyperparameter parallelism, and 8-bit
 * gradient quantization for the exchange. These are models of the algorithms run in one process; what a multi-machine
 * run uses instead is in {@code docs/parallel.md}.
 */
package descent.parallel;
