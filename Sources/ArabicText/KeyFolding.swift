/// The folds of the matching key, applied after NFKC.
enum KeyFolding {
    /// Folds one NFKC scalar; nil drops it.
    /// - harakat U+064B–065F, superscript alef U+0670, other Arabic marks, tatweel and invisible format
    ///   characters (bidi controls, ZWJ/ZWNJ, ...) are dropped;
    /// - أ إ آ ٱ (and ٲ ٳ) -> ا, ى -> ي, ة -> ه, Persian ی -> ي and ک -> ك;
    /// - Arabic-Indic and Persian digits -> 0-9;
    /// - ، -> `,`, ؛ -> `;`, ؟ -> `?`, ۔ -> `.`, ٪ -> `%`, ٫ (decimal) -> `.`, ٬ (thousands) -> `,`.
    @inline(__always)
    static func fold(_ v: UInt32) -> Unicode.Scalar? {
        if v < 0x0600 { return Unicode.Scalar(v) }
        if ArabicScalar.isMark(v) || v == ArabicScalar.tatweel || ArabicScalar.isInvisibleFormat(v) { return nil }
        let mapped: UInt32
        switch v {
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: mapped = 0x0627
        case 0x0649, 0x06CC: mapped = 0x064A
        case 0x0629: mapped = 0x0647
        case 0x06A9: mapped = 0x0643
        case 0x0660...0x0669: mapped = v - 0x0660 + 0x30
        case 0x06F0...0x06F9: mapped = v - 0x06F0 + 0x30
        case 0x060C: mapped = 0x2C
        case 0x061B: mapped = 0x3B
        case 0x061F: mapped = 0x3F
        case 0x06D4: mapped = 0x2E
        case 0x066A: mapped = 0x25
        case 0x066B: mapped = 0x2E
        case 0x066C: mapped = 0x2C
        default: mapped = v
        }
        return Unicode.Scalar(mapped)
    }

    /// Calls `body(scalar, sourceStart, sourceEnd)` for each scalar of NFKC(`src`), with the source span
    /// it came from. Chunks are cut at NFKC boundaries; a chunk that NFKC leaves unchanged maps scalar
    /// by scalar, a changed chunk maps each output scalar to the whole chunk.
    static func forEachNormalized(_ src: [Unicode.Scalar], _ body: (Unicode.Scalar, Int, Int) -> Void) {
        let n = src.count
        var i = 0
        while i < n {
            var j = i + 1
            // The quick check: every scalar "yes" and combining marks in canonical order.
            var unchanged = NormalizationTables.quickCheckYes(src[i].value)
            var lastClass = NormalizationTables.combiningClass(src[i].value)
            while j < n && !NormalizationTables.hasBoundaryBefore(src[j].value) {
                let v = src[j].value
                let cc = NormalizationTables.combiningClass(v)
                if !NormalizationTables.quickCheckYes(v) || (cc != 0 && cc < lastClass) { unchanged = false }
                lastClass = cc
                j += 1
            }
            if unchanged {
                for k in i..<j { body(src[k], k, k + 1) }
            } else {
                var chunk = String.UnicodeScalarView()
                chunk.append(contentsOf: src[i..<j])
                let normalized = ICUBridge.normalize(String(chunk), form: 1).unicodeScalars
                if normalized.elementsEqual(src[i..<j]) {
                    for k in i..<j { body(src[k], k, k + 1) }
                } else {
                    for u in normalized { body(u, i, j) }
                }
            }
            i = j
        }
    }
}

/// NFKC properties of the BMP, read from ICU once and cached as tables.
enum NormalizationTables {
    private static let tables: (quickCheck: [UInt64], boundary: [UInt64], ccc: [UInt8]) = {
        var qc = [UInt64](repeating: 0, count: 1024)
        var boundary = [UInt64](repeating: 0, count: 1024)
        var ccc = [UInt8](repeating: 0, count: 0x10000)
        for cp in UInt32(0)..<0x10000 {
            if ICUBridge.nfkcQuickCheckYes(cp) { qc[Int(cp >> 6)] |= 1 << (cp & 63) }
            if ICUBridge.hasBoundaryBefore(form: 1, cp) { boundary[Int(cp >> 6)] |= 1 << (cp & 63) }
            ccc[Int(cp)] = ICUBridge.combiningClass(cp)
        }
        return (qc, boundary, ccc)
    }()

    @inline(__always)
    static func quickCheckYes(_ cp: UInt32) -> Bool {
        if cp < 0x80 { return true }
        if cp >= 0x10000 { return ICUBridge.nfkcQuickCheckYes(cp) }
        return tables.quickCheck[Int(cp >> 6)] & (1 << (cp & 63)) != 0
    }

    @inline(__always)
    static func combiningClass(_ cp: UInt32) -> UInt8 {
        if cp < 0x80 { return 0 }
        if cp >= 0x10000 { return ICUBridge.combiningClass(cp) }
        return tables.ccc[Int(cp)]
    }

    @inline(__always)
    static func hasBoundaryBefore(_ cp: UInt32) -> Bool {
        if cp < 0x80 { return true }
        if cp >= 0x10000 { return ICUBridge.hasBoundaryBefore(form: 1, cp) }
        return tables.boundary[Int(cp >> 6)] & (1 << (cp & 63)) != 0
    }
}
