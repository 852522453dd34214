import Testing

@testable import Shared

@Suite struct TemplateBodyTests {
    @Test func declaredVariablesRender() throws {
        let body = try TemplateBody("About {{ product }}{% if tone %} in a {{ tone }} tone{% endif %}.")
        #expect(try body.render([.product: .text("Kettle"), .tone: .text("calm")]) == "About Kettle in a calm tone.")
        #expect(try body.render([.product: .text("Kettle")]) == "About Kettle.")
    }

    /// Fails if a Stencil upgrade changes the parsed nodes so the walk no longer sees variables.
    /// A prepared body trims around block tags itself, once: it must render exactly what Stencil's smart
    /// trimming renders, for every built-in body and odd spacing alike.
    @Test func aPreparedBodyRendersWhatStencilsSmartTrimmingRenders() throws {
        let odd = try TemplateBody(
            "A {% if tone %}  toned {% endif %}  B\n  {% for c in constraints %}\n- {{ c }}  \n{% endfor %}\t\nEnd {% if product %}x{% endif %}")
        let blank = try TemplateBody("Line  \n\n{% if product %}\n  item\t\n  {% endif %}\n\n {{ tone }} \t\n{% if tone %}x {% else %} y{% endif %}")
        let bodies = PromptTemplate.builtIns.flatMap { [$0.system, $0.user] } + [odd, blank]
        let valueSets: [[TemplateVariable: TemplateValue]] = [
            [:],
            [.product: .text("Kettle"), .tone: .text("calm"), .constraints: .list(["one", "two"]),
             .examples: .list(["An example."]), .sentimentIntensity: .int(2), .sentimentScale: .text("Negative"),
             .lengthConstraint: .text("between 10 and 20 words"), .lengthTarget: .int(15), .persona: .text("a nurse")],
        ]
        for body in bodies {
            let prepared = try body.prepared()
            for values in valueSets { #expect(try prepared.render(values) == body.render(values), "\(body.source)") }
        }
    }

    @Test(arguments: [
        ("{{ colour }}", "colour", 1),
        ("Hello\n{{ product|lowercase }} {{ shade|default:'grey' }}", "shade", 2),
        ("x\n\n{% if mood == 'sad' %}sad{% endif %}", "mood", 3),
        ("{% if product %}\n{% elif weather > 2 %}\n{% endif %}", "weather", 2),
        ("{% for item in basket %}{{ item }}{% endfor %}", "basket", 1),
        ("{% for item in examples %}\n{{ item.text }} {{ extra }}\n{% endfor %}", "extra", 2),
        ("{{ product|join:separator }}", "separator", 1),
        ("{{ product if flag else tone }}", "flag", 1),
        ("{% filter lowercase %}{{ loud }}{% endfilter %}", "loud", 1),
        ("{% for x in examples where x == limit %}{% endfor %}", "limit", 1),
        ("{{ product }}\n{{ product }}\n{{ product }} {{ late }}", "late", 3),
    ])
    func undeclaredVariableIsFoundWithItsLine(source: String, name: String, line: Int) {
        #expect(TemplateBody.problems(in: source) == [.undeclaredVariable(name: name, line: line)])
    }

    @Test func walkSeesEveryReadName() throws {
        let source = """
            {{ a }}{% if b and not c %}{{ d|default:e }}{% elif f in g %}{% else %}{{ h if i else j }}{% endif %}
            {% for k in l %}{{ k }}{{ forloop.counter }}{% empty %}{{ m }}{% endfor %}
            """
        #expect(try TemplateBody.undeclaredNames(in: source) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "l", "m"])
    }

    @Test func loopVariablesAreNotReportedInsideTheirLoop() {
        let source = "{% for example in examples %}{{ example }}{{ forloop.counter }}{% endfor %}"
        #expect(TemplateBody.problems(in: source).isEmpty)
    }

    @Test func loopVariableOutsideItsLoopIsReported() {
        let source = "{% for example in examples %}\n{{ example }}\n{% endfor %}\n{{ example }}"
        #expect(TemplateBody.problems(in: source) == [.undeclaredVariable(name: "example", line: 4)])
    }

    @Test(arguments: [
        ("Hello\n{% if product %}\nno end", 2),
        ("a\nb\n{% for x %}{% endfor %}", 3),
        ("{{ product|nosuchfilter }}", 1),
        ("one\n{% include 'other.txt' %}", 2),
        ("one\n{% frobnicate %}", 2),
    ])
    func syntaxErrorNamesItsLine(source: String, line: Int) {
        let problems = TemplateBody.problems(in: source)
        guard case .syntax(let found, _)? = problems.first else {
            Issue.record("expected a syntax error, got \(problems)")
            return
        }
        #expect(found == line)
        #expect(problems.count == 1)
    }

    @Test func messageNamesLineAndVariable() {
        let message = TemplateError.undeclaredVariable(name: "colour", line: 7).message
        #expect(message.contains("line 7"))
        #expect(message.contains("variable colour"))
    }
}
