#if canImport(CMalloc)
    import CMalloc
#endif

/// glibc serves allocations over its mmap threshold from mmap, and returns them to the system when
/// they are freed; but it raises the threshold each time such a block is freed, so after a while the
/// per-piece buffers (a few hundred KB to a few MB) come from the heap arenas, one per worker thread,
/// where freed space fragments and stays resident. A fixed threshold of 128 KB keeps them out:
/// `draft --jobs 2` with a 100,000-entry glossary peaked at 154 MB without it and 139 MB with it, at
/// the same speed (README, Scaling out). `draft` and `check` call it; the commands that stream pieces
/// of bytes (`normalize --key`, `translit`, `segment`) keep glibc's default, which lets their freed
/// piece buffers be reused from the heap instead of mapping and faulting in fresh pages each time.
func keepLargeBuffersOutOfTheHeap() {
    #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 128 * 1024)
    #endif
}

/// For the commands that stream pieces of bytes (`normalize --key`, `translit`, `segment`): a few
/// buffers of about a megabyte are allocated and freed per piece, and memory is bounded by the
/// pieces in flight. glibc's defaults serve such a buffer from fresh pages now and then (its mmap
/// threshold) and hand the top of the heap back to the system when freed (its trim threshold), so
/// the next piece faults the pages in again: a fifth of `normalize --key`'s time on 100 MB. High
/// thresholds keep the freed buffers in the heap for the next piece.
func reuseLargeBuffers() {
    #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 64 << 20)
    #endif
}

/// Objects kept until the process exits. A command's compiled glossary, lexicon caches and word
/// caches are hundreds of thousands of small allocations for a large glossary; freeing them one by
/// one at the end of the command took about 70 ms of a `draft` with 100,000 entries, memory the
/// system takes back at exit anyway. Only the command's main thread calls this.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [AnyObject] = []

    static func keep(_ object: AnyObject) { kept.append(object) }
}
