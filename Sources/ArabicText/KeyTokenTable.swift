/// What the single pass of `KeyedText.reset` needs to know about a scalar, in one table entry:
/// its key fold, NFKC quick check and boundary (as in `NormalizationTables`) and its token classes
/// (as in `Tokenizer`), so that keying and tokenizing read one table per scalar.
enum KeyTokenTable {
    /// Bits 0-20: the fold (`NormalizationTables.dropped` when the key drops the scalar); bit 21:
    /// NFKC quick check yes; bit 22: NFKC boundary before; bits 24-29: the `Tokenizer` classes.
    /// Allocated once, never freed; read through a pointer so that a lookup is one load.
    nonisolated(unsafe) static let table: UnsafePointer<UInt32> = {
        let t = UnsafeMutablePointer<UInt32>.allocate(capacity: 0x10000)
        for cp in 0..<0x10000 { t[cp] = entry(normalization: NormalizationTables.table[cp], classes: Tokenizer.classTable[cp]) }
        return UnsafePointer(t)
    }()

    static let classShift: UInt32 = 24
    static let foldMask = NormalizationTables.foldMask
    static let dropped = NormalizationTables.dropped
    static let quickCheckYesBit = NormalizationTables.quickCheckYesBit
    static let boundaryBit = NormalizationTables.boundaryBit
    static let skipBit = UInt32(Tokenizer.skipClass) << classShift
    static let wordBit = UInt32(Tokenizer.wordClass) << classShift
    static let digitBit = UInt32(Tokenizer.digitClass) << classShift
    static let latinBit = UInt32(Tokenizer.latinClass) << classShift
    static let latinCombiningBit = UInt32(Tokenizer.latinCombiningClass) << classShift
    static let separatorBit = UInt32(Tokenizer.separatorClass) << classShift

    static func entry(normalization: UInt32, classes: UInt8) -> UInt32 {
        normalization & (foldMask | quickCheckYesBit | boundaryBit) | UInt32(classes) << classShift
    }

    /// The entry of any scalar value (above the BMP from ICU, with no token class, as the
    /// tokenizer's table says).
    @inline(__always)
    static func info(_ v: UInt32, _ table: UnsafePointer<UInt32>) -> UInt32 {
        v < 0x10000 ? table[Int(v)] : entry(normalization: NormalizationTables.info(v, NormalizationTables.table), classes: 0)
    }
}
