import ArabicText

extension String {
    /// `self` with every `scalar` replaced by `replacement`, compared scalar by scalar: Foundation's
    /// `replacingOccurrences` compares composed characters and leaves a tab or `;` that a combining
    /// mark follows.
    ///
    /// ```swift
    /// "بلنكن;\u{64E}بلينكين".replacingEveryScalar(";", with: "؛ ")   // "بلنكن؛ \u{64E}بلينكين"
    /// ```
    /// - Complexity: O(n).
    func replacingEveryScalar(_ scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        return unicodeScalars.split(separator: scalar, omittingEmptySubsequences: false).map { String(scalars: $0) }
            .joined(separator: replacement)
    }
}
