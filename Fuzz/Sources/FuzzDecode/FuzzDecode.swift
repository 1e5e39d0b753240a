import ArabicText
import FuzzSupport

/// TextDecoder on every encoding. The first byte picks the forced encoding (or detection); the rest
/// is the input. Properties: a decoding error names a byte inside the input; decoded text encodes back
/// to the very bytes it was read from (BOM included), so nothing was replaced or dropped.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let all = FuzzInput.bytes(data, size)
    guard let selector = all.first else { return 0 }
    let bytes = Array(all.dropFirst())
    let choices: [TextEncoding?] = [nil] + TextEncoding.allCases
    let forced = choices[Int(selector) % choices.count]
    let decoded: DecodedText
    do {
        decoded = try TextDecoder.decode(bytes, encoding: forced, file: "fuzz")
    } catch {
        switch error {
        case .invalidBytes(let file, _, let offset, _), .binaryInput(let file, let offset), .undetectedEncoding(let file, let offset):
            fuzzCheck(file == "fuzz", "error without the file name: \(error)")
            fuzzCheck(offset >= 0 && offset <= bytes.count, "error offset \(offset) outside 0...\(bytes.count): \(error)")
        default:
            fuzzCheck(false, "unexpected decoding error \(error)")
        }
        return 0
    }
    let bom: [UInt8] =
        switch decoded.encoding {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LE: [0xFF, 0xFE]
        case .utf16BE: [0xFE, 0xFF]
        default: []
        }
    fuzzCheck(decoded.hadBOM == (!bom.isEmpty && bytes.starts(with: bom)), "hadBOM \(decoded.hadBOM) for \(decoded.encoding)")
    do {
        let back = try TextEncoder.encode(decoded.text, as: decoded.encoding, bom: decoded.hadBOM)
        fuzzCheck(back == bytes, "\(decoded.encoding) decode -> encode is not identity: \(bytes) -> \(back)")
    } catch {
        fuzzCheck(false, "text decoded as \(decoded.encoding) cannot be encoded back: \(error)")
    }
    return 0
}
