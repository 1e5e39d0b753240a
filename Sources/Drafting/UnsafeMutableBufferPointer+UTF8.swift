extension UnsafeMutableBufferPointer<UInt8> {
    /// Copies `bytes` to `self[k...]` and moves `k` past them: how rendering fills a string's
    /// uninitialized storage (`String(unsafeUninitializedCapacity:initializingUTF8With:)`).
    func append(_ bytes: UnsafeBufferPointer<UInt8>, at k: inout Int) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        precondition(bytes.count <= count - k)
        (baseAddress! + k).initialize(from: source, count: bytes.count)
        k += bytes.count
    }

    /// Copies the UTF-8 of `text` to `self[k...]` and moves `k` past it.
    func append(utf8 text: String, at k: inout Int) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0, at: &k) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { append($0, at: &k) }
        }
    }
}
