import Testing

@testable import Shared

@Suite struct PromptRendererTests {
    static let controlSets: [PromptControls] = {
        var sets: [PromptControls] = []
        for sentiment in [nil, 1, 2, 3, 4, 5] as [Int?] {
            for tone in [nil, "frustrated", "polite"] as [String?] {
                for constraints in [[], ["Mention the price.", "Use British spelling."]] {
                    for fewShot in [false, true] {
                        for length in [nil, 30...90] as [ClosedRange<Int>?] {
                            sets.append(
                                PromptControls(
                                    product: "Aurora Desk Lamp", sentimentIntensity: sentiment, tone: tone,
                                    lengthWords: length, constraints: constraints, fewShot: fewShot))
                        }
                    }
                }
            }
        }
        return sets
    }()

    /// Whitespace defects a body's layout can leave: trailing spaces, runs of blank lines, blank lines inside
    /// the requirement list, two bullets on one line, whitespace at either end.
    static func whitespaceDefects(_ text: String) -> [String] {
        var defects: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text != text.trimmingSpaces { defects.append("leading or trailing whitespace") }
        if text.contains("\n\n\n") { defects.append("two blank lines in a row") }
        for (index, line) in lines.enumerated() {
            if line.last == " " || line.last == "\t" { defects.append("trailing space on line \(index + 1)") }
            if line.dropFirst().contains("- ") && line.hasPrefix("- ") && line.contains(".- ") {
                defects.append("joined bullets on line \(index + 1)")
            }
            if line.isEmpty, index > 0, index + 1 < lines.count, lines[index - 1].hasPrefix("- "),
                lines[index + 1].hasPrefix("- ")
            {
                defects.append("blank line inside a list at line \(index + 1)")
            }
        }
        return defects
    }

    @Test(arguments: PromptTemplate.builtIns.map(\.name))
    func everyCombinationOfControlsRendersCleanly(name: String) throws {
        let template = try #require(PromptTemplate.builtIn(name: name, version: "v1"))
        let renderer = try PromptRenderer(template)
        for (index, controls) in Self.controlSets.enumerated() {
            let prompt = try renderer.prompt(controls, index: index, seed: 7)
            #expect(Self.whitespaceDefects(prompt.system) == [], "\(name) system: \(controls)")
            #expect(Self.whitespaceDefects(prompt.user) == [], "\(name) user: \(controls)\n\(prompt.user)")
            #expect(!prompt.user.contains("{{") && !prompt.user.contains("{%"))
        }
    }

    @Test(arguments: PromptTemplate.builtIns.map(\.name))
    func contractLinesArePresent(name: String) throws {
        let template = try #require(PromptTemplate.builtIn(name: name, version: "v1"))
        let renderer = try PromptRenderer(template)
        for controls in Self.controlSets {
            let prompt = try renderer.prompt(controls, index: 3, seed: 11)
            let lines = prompt.user.split(separator: "\n").map(String.init)
            let firstQuoted = prompt.user.split(separator: "\"", omittingEmptySubsequences: false).dropFirst().first
            #expect(firstQuoted.map(String.init) == "Aurora Desk Lamp")
            if let sentiment = controls.sentimentIntensity {
                let description = try #require(PromptTemplate.sentimentDescriptions[sentiment])
                #expect(lines.contains("Sentiment: \(sentiment)/5 (\(description))"))
            } else {
                #expect(!prompt.user.contains("Sentiment:"))
            }
            if let tone = controls.tone { #expect(lines.contains("Tone: \(tone)")) } else { #expect(!prompt.user.contains("Tone:")) }
            let range = controls.lengthWords ?? template.kind.defaultLengthWords
            #expect(prompt.user.contains("between \(range.lowerBound) and \(range.upperBound) words"))
            for constraint in controls.constraints { #expect(lines.contains("- \(constraint)")) }
            #expect(prompt.user.contains("Example 1:") == controls.fewShot)
            let phrase = name.replacing("_", with: " ")
            #expect(prompt.system.contains(phrase))
            #expect(prompt.system.contains("Answer with the text only"))
        }
    }

    @Test(arguments: [(1, "Dwell on the problems"), (2, "Dwell on the problems"), (3, "Keep it balanced"),
                      (4, "Dwell on what delights"), (5, "Dwell on what delights")])
    func reviewEmphasisFollowsSentiment(sentiment: Int, emphasis: String) throws {
        let renderer = try PromptRenderer(try #require(PromptTemplate.builtIn(name: "product_review", version: "v1")))
        let prompt = try renderer.prompt(PromptControls(product: "Kettle", sentimentIntensity: sentiment), index: 0, seed: 1)
        #expect(prompt.user.contains(emphasis))
        let others = ["Dwell on the problems", "Keep it balanced", "Dwell on what delights"].filter { $0 != emphasis }
        for other in others { #expect(!prompt.user.contains(other)) }
    }

    @Test func fewShotChoiceFollowsToneAndSentiment() throws {
        let template = try #require(PromptTemplate.builtIn(name: "product_review", version: "v1"))
        for (tone, sentiment) in [("frustrated", 1), ("enthusiastic", 5), ("neutral", 3), ("casual", 4)] {
            let best = try #require(template.examples.firstIndex { $0.tone == tone && $0.sentiment == sentiment })
            for index in 0..<20 {
                let chosen = FewShotExample.choose(from: template.examples, tone: tone, sentiment: sentiment, seed: UInt64(index))
                #expect(chosen.contains(best))
                #expect((2...3).contains(chosen.count) && chosen.count < template.examples.count)
            }
        }
        // Sentiment alone: the example closest in sentiment is chosen.
        let chosen = FewShotExample.choose(from: template.examples, tone: nil, sentiment: 1, seed: 3)
        #expect(chosen.contains { template.examples[$0].sentiment == 1 })
        #expect(!chosen.contains { template.examples[$0].sentiment == 5 })
    }

    @Test func examplesNameTheProductAndAreOffWithoutFewShot() throws {
        let renderer = try PromptRenderer(try #require(PromptTemplate.builtIn(name: "support_request", version: "v1")))
        let on = try renderer.prompt(PromptControls(product: "Zephyr Fan", tone: "urgent"), index: 0, seed: 5)
        #expect(on.user.contains("Our office Zephyr Fan stopped"))
        #expect(!on.user.contains("{product}"))
        let off = try renderer.prompt(PromptControls(product: "Zephyr Fan", tone: "urgent", fewShot: false), index: 0, seed: 5)
        #expect(!off.user.contains("Example"))
        #expect(off.variation["examples"] == .array([]))
    }

    @Test(arguments: PromptTemplate.builtIns.map(\.name))
    func fiftyVariationsOfASeedAreDistinctAndRepeatable(name: String) throws {
        let renderer = try PromptRenderer(try #require(PromptTemplate.builtIn(name: name, version: "v1")))
        let controls = PromptControls(product: "Kettle", fewShot: false)
        let first = try (0..<50).map { try renderer.prompt(controls, index: $0, seed: 42) }
        let again = try (0..<50).map { try renderer.prompt(controls, index: $0, seed: 42) }
        let other = try (0..<50).map { try renderer.prompt(controls, index: $0, seed: 43) }
        #expect(Set(first.map(\.user)).count == 50)
        #expect(first == again)
        #expect(first != other)
    }

    @Test func contentHashIsHexSHA256AndCoversTheBody() throws {
        let hashes = Set(PromptTemplate.builtIns.map(\.contentHash))
        #expect(hashes.count == 4)
        for hash in hashes { #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) }) }
        let body = try TemplateBody("Write about \"{{ product }}\".")
        let changed = try TemplateBody("Write about \"{{ product }}\"!")
        #expect(PromptTemplate.userHash(kind: .productReview, body: body) != PromptTemplate.userHash(kind: .productReview, body: changed))
        #expect(PromptTemplate.userHash(kind: .productReview, body: body) != PromptTemplate.userHash(kind: .supportRequest, body: body))
    }

    @Test func everyBuiltInUsesEveryDeclaredVariable() throws {
        for template in PromptTemplate.builtIns {
            let text = template.system.source + template.user.source
            for variable in TemplateVariable.allCases { #expect(text.contains(variable.rawValue), "\(template.name): \(variable)") }
        }
    }
}
