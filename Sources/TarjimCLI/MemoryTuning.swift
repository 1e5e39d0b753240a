#if canImport(CMalloc)
import CMalloc
#endif

/// glibc serves allocations over its mmap threshold from mmap, and returns them to the system when
/// they are freed; but it raises the threshold each time such a block is freed, so after a while the
/// per-piece buffers (a few hundred KB to a few MB) come from the heap arenas, one per worker thread,
/// where freed space fragments and stays resident. A fixed threshold of 128 KB keeps them out:
/// `draft --jobs 2` with a 100,000-entry glossary peaked at 154 MB without it and 139 MB with it, at
/// the same speed (README, Scaling out).
func keepLargeBuffersOutOfTheHeap() {
    #if canImport(CMalloc)
    _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    #endif
}
