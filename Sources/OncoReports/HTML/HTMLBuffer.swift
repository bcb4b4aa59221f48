/// Accumulates an HTML page where markup can only come from string literals (`StaticString`)
/// and every runtime string goes through ``HTMLEscaping/escape(_:)``.
struct HTMLBuffer {
    private(set) var output = ""

    /// Appends fixed markup written in the source code.
    mutating func markup(_ literal: StaticString) {
        literal.withUTF8Buffer { output.append(String(decoding: $0, as: UTF8.self)) }
    }

    /// Appends `value` as escaped text.
    mutating func text(_ value: String) {
        output.append(HTMLEscaping.escape(value))
    }

    /// Appends `open`, the escaped `value`, then `close`.
    mutating func element(_ open: StaticString, _ value: String, _ close: StaticString) {
        markup(open)
        text(value)
        markup(close)
    }

    /// Appends `<span class="badge CLASS">value</span>` with a class from a closed list.
    mutating func badge(_ cssClass: StaticString, _ value: String) {
        markup("<span class=\"badge ")
        markup(cssClass)
        markup("\">")
        text(value)
        markup("</span>")
    }

    /// Appends a `<div><dt>term</dt><dd>value</dd></div>` pair.
    mutating func fact(_ term: StaticString, _ value: String, monospace: Bool = false) {
        markup("<div><dt>")
        markup(term)
        markup(monospace ? "</dt><dd class=\"mono\">" : "</dt><dd>")
        text(value)
        markup("</dd></div>\n")
    }
}
