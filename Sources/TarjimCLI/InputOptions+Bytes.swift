import ArabicText
import Foundation

extension InputOptions {
    /// The documents as valid UTF-8 bytes (`TextDecoder.decodeToUTF8`): the same texts, encodings and
    /// errors as `documents()`, for the commands that work on bytes (segment, normalize, translit).
    func byteDocuments() throws(ArabicTextError) -> [(name: String, decoded: DecodedBytes)] {
        let enc = encoding.flatMap(TextEncoding.init(name:))
        var docs: [(String, DecodedBytes)] = []
        for name in files.isEmpty ? ["-"] : files {
            let data: Data
            if name == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                let url = URL(fileURLWithPath: name)
                do { data = try Data(contentsOf: url) } catch {
                    throw .unreadable(file: url.path, reason: error.localizedDescription)
                }
            }
            docs.append((name, try TextDecoder.decodeToUTF8([UInt8](data), encoding: enc, file: name == "-" ? nil : URL(fileURLWithPath: name).path)))
        }
        return docs
    }
}
