"""What the step-timing peers (backprop_torch.py, conv_torch.py) share, written once: their arguments, the warm-up
and the timed blocks of one step, and the lines descent.bench.Timing reads (`ms_min=`, `ms_per_batch=`).
The Java side of the same loop is src/tools/java/descent/bench/Timing.java.
"""
import sys
import time


def int_arg(i, default):
    """sys.argv[i] as an integer, or `default` when there are fewer arguments."""
    return int(sys.argv[i]) if len(sys.argv) > i else default


def time_blocks(step, warmup, iters, repeats):
    """Calls step() `warmup` times untimed, then times `repeats` blocks of `iters` calls; returns each block's
    milliseconds per call, sorted."""
    for _ in range(warmup):
        step()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(iters):
            step()
        times.append((time.perf_counter() - t0) * 1000 / iters)
    times.sort()
    return times


def report(header, times):
    """Prints `header` with every block's time, then the fastest and the median block for descent.bench.Timing."""
    print(f"{header}, repeats(ms/batch) {' '.join(f'{t:.3f}' for t in times)}")
    print(f"ms_min={times[0]:.4f}")
    print(f"ms_per_batch={times[len(times) // 2]:.4f}")
