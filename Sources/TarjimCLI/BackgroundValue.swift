import Dispatch

/// A value made on another thread while the caller goes on: `draft` and `check` load Hunspell's
/// Arabic dictionary (most of their start on a small input) while they read and compile the
/// glossary. `value` waits for it; what the maker did happens before what the reader does (the
/// semaphore orders them).
///
/// ```swift
/// let lexicon = BackgroundValue { Lexicon.system() }
/// let glossary = try glossaryOptions.load()      // meanwhile, the dictionary loads
/// let checker = Checker(glossary: glossary, lexicon: lexicon.value, ...)
/// ```
final class BackgroundValue<T: Sendable>: @unchecked Sendable {
    // Written once by the maker before `done` is signalled, read only after waiting on it.
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ make: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = make()
            self.done.signal()
        }
    }

    /// The value, once made (waits the first time; later reads return at once).
    var value: T {
        done.wait()
        defer { done.signal() }
        return result!
    }
}
