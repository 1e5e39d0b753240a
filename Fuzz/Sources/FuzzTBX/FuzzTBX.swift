import FuzzSupport
import Glossary
import TarjimFormats

/// TBX v2/v3 import (SafeXMLReader underneath). Properties: a refusal is an XML or TBX error at a
/// line and column of the input; imported entries export as TBX v2 and v3 and import back unchanged,
/// and survive the TSV glossary writer and reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTBX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = FuzzInput.bytes(data, size)
    let entries: [GlossaryEntry]
    do {
        entries = try GlossaryTBX.read(bytes, file: "fuzz.tbx")
    } catch {
        checkXMLError(error, file: "fuzz.tbx", lines: Location.lineCount(bytes))
        return 0
    }
    for version in GlossaryTBX.Version.allCases where !(version == .v2 && entries.isEmpty) {
        do {
            let tbx = try GlossaryTBX.write(entries, version: version)
            let back = try GlossaryTBX.read(tbx, file: "out.tbx")
            fuzzCheck(back == entries, "TBX \(version) export -> import changed the entries: \(entries) -> \(back)")
        } catch {
            fuzzCheck(false, "imported entries do not export and import as TBX \(version): \(error)")
        }
    }
    checkTSVRoundTrip(entries)
    return 0
}
