// A software prefetch (GCC/Clang's __builtin_prefetch), which Swift has no spelling for: a loop
// that probes a large hash table at random asks for the slot of an item a few items ahead, so that
// the cache misses overlap instead of stalling one after another.
static inline void tarjim_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
