import FuzzSupport

/// XLIFF 1.2 and 2.x pair reading (see `checkPairFile` for the properties).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLIFF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkPairFile(FuzzInput.bytes(data, size), file: "fuzz.xlf")
    return 0
}
