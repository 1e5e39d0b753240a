#if canImport(Glibc)
    import Glibc
#endif

/// Asserts a property inside a fuzz target: prints the message to standard error and aborts, which
/// libFuzzer reports as a crash and saves the input for. Harness code only; the library never traps.
public func fuzzCheck(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if condition() { return }
    let text = "fuzzCheck failed at \(file):\(line): \(message())\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    abort()
}
