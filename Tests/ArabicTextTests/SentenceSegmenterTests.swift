import Testing

@testable import ArabicText

@Suite struct SentenceSegmenterTests {
    let segmenter = SentenceSegmenter()

    func pieces(_ p: String) -> [String] {
        let u = Array(p.unicodeScalars)
        return segmenter.split(paragraph: p).map { r in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: u[r])
            return String(v)
        }
    }

    @Test(arguments: [
        // Terminators.
        ("وصل الوفد. بدأت المحادثات.", ["وصل الوفد.", "بدأت المحادثات."]),
        ("هل وصل الوفد؟ نعم وصل!", ["هل وصل الوفد؟", "نعم وصل!"]),
        ("Did it end? Yes.", ["Did it end?", "Yes."]),
        ("انتهى الاجتماع… ثم غادر الجميع.", ["انتهى الاجتماع…", "ثم غادر الجميع."]),
        // Missing space after the full stop, as hasty typing leaves it.
        ("انتهى الاجتماع.وغادر الوفد.", ["انتهى الاجتماع.", "وغادر الوفد."]),
        // Closing quotes and brackets after the terminator.
        ("قال: “انتهى الأمر.” وغادر.", ["قال: “انتهى الأمر.”", "وغادر."]),
        ("قال «لن نتراجع!» ثم صمت.", ["قال «لن نتراجع!»", "ثم صمت."]),
        ("(وهذا متوقع.) وتابع حديثه.", ["(وهذا متوقع.)", "وتابع حديثه."]),
        // A quoted sentence followed by ”. starts a new sentence.
        ("وصف الاتفاق بأنه “خطوة أولى”. وقال إن العمل مستمر.", ["وصف الاتفاق بأنه “خطوة أولى”.", "وقال إن العمل مستمر."]),
        // Numbers.
        ("بلغ النمو 3.5 في المئة. وهو رقم قياسي.", ["بلغ النمو 3.5 في المئة.", "وهو رقم قياسي."]),
        ("قتل أكثر من 14.000 شخص منذ عام 2014.", ["قتل أكثر من 14.000 شخص منذ عام 2014."]),
        ("بلغ العجز ٢٫٥ مليار دولار.", ["بلغ العجز ٢٫٥ مليار دولار."]),
        // Latin abbreviations and initials.
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("Mr. Smith left, e.g. early. Then rain.", ["Mr. Smith left, e.g. early.", "Then rain."]),
        ("كتب J. K. Rowling رواية جديدة.", ["كتب J. K. Rowling رواية جديدة."]),
        // Latin at the end of an Arabic sentence.
        ("نقلا عن موقع news.com. وأضاف التقرير.", ["نقلا عن موقع news.com.", "وأضاف التقرير."]),
        // Arabic abbreviations.
        ("التقى د. سمير بالوفد. ثم عاد.", ["التقى د. سمير بالوفد.", "ثم عاد."]),
        ("ولد عام 1950 م. في القاهرة.", ["ولد عام 1950 م. في القاهرة."]),
        ("انظر ص. 12 من التقرير.", ["انظر ص. 12 من التقرير."]),
        ("قال “د. سامي” إن الوضع خطير.", ["قال “د. سامي” إن الوضع خطير."]),
        // Ellipses that continue the sentence.
        ("قال إن الأمر صعب. . . لكنه ممكن.", ["قال إن الأمر صعب. . . لكنه ممكن."]),
        ("قال إن الأمر صعب... لكنه ممكن.", ["قال إن الأمر صعب... لكنه ممكن."]),
        // No final full stop.
        ("تقرير إضافي من مراسلنا في عمان", ["تقرير إضافي من مراسلنا في عمان"]),
        // Whitespace only.
        ("   ", [] as [String]),
    ])
    func splits(_ paragraph: String, _ expected: [String]) {
        #expect(pieces(paragraph) == expected)
    }

    @Test func newlineAlwaysEndsAParagraph() {
        let s = segmenter.sentences(in: "السطر الأول بلا نقطة\nالسطر الثاني. والثالث.\r\nالأخير")
        #expect(s.map(\.text) == ["السطر الأول بلا نقطة", "السطر الثاني.", "والثالث.", "الأخير"])
        #expect(s.map(\.paragraph) == [1, 2, 2, 3])
        #expect(s.map(\.index) == [1, 2, 3, 4])
    }

    @Test func offsetsPointIntoTheDocument() {
        let doc = "أولا.\n  ثانيا. ثالثا؟"
        let scalars = Array(doc.unicodeScalars)
        for s in segmenter.sentences(in: doc) {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[s.range])
            #expect(String(v) == s.text)
        }
    }

    /// Property: the pieces and the whitespace between them concatenate back to the paragraph.
    @Test(arguments: 0..<100)
    func piecesConcatenateBackToTheParagraph(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) + 1000)
        let words = [
            "قال", "الوزير", "د.", "3.5", "؟", "!", ".", "…", "“", "”", "U.S.", "م.", " ", "  ", ". . .", "وروسيا", "\u{200F}", "«", "»",
        ]
        var p = ""
        for _ in 0..<Int(rng.next() % 30) {
            p += words[Int(rng.next() % UInt64(words.count))]
            if rng.next() % 3 != 0 { p += " " }
        }
        let u = Array(p.unicodeScalars)
        let ranges = segmenter.split(paragraph: p)
        var rebuilt = String.UnicodeScalarView()
        var last = 0
        for r in ranges {
            #expect(r.lowerBound >= last && !r.isEmpty)
            #expect(u[last..<r.lowerBound].allSatisfy { ArabicScalar.isWhitespace($0.value) })
            rebuilt.append(contentsOf: u[last..<r.upperBound])
            last = r.upperBound
        }
        #expect(u[last...].allSatisfy { ArabicScalar.isWhitespace($0.value) })
        rebuilt.append(contentsOf: u[last...])
        #expect(String(rebuilt) == p)
    }
}
