import FuzzSupport

/// TMX pair reading (see `checkPairFile` for the properties).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTMX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkPairFile(FuzzInput.bytes(data, size), file: "fuzz.tmx")
    return 0
}
