/// A small HTML tokenizer for tests: finds start/end tags with their attributes, the raw text of
/// `<style>`/`<script>` elements, and the text between tags, following the HTML tokenizer's
/// rules closely enough to see what a browser would treat as markup.
struct HTMLTagScanner {
    struct Tag: Equatable {
        var name: String
        var attributes: [(name: String, value: String)]
        var isEnd: Bool

        static func == (lhs: Tag, rhs: Tag) -> Bool {
            lhs.name == rhs.name && lhs.isEnd == rhs.isEnd
                && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
                && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
        }
    }

    private(set) var tags: [Tag] = []
    /// Contents of raw-text elements (`style`, `script`), by element name.
    private(set) var rawText: [(element: String, text: String)] = []
    /// Text outside tags (still with character references).
    private(set) var text: [String] = []

    init(_ html: String) {
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var pendingText = String.UnicodeScalarView()
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r", "\u{0C}"].contains(scalar) }
        func startsWith(_ literal: String, at position: Int) -> Bool {
            let wanted = Array(literal.lowercased().unicodeScalars)
            guard position + wanted.count <= scalars.count else { return false }
            return (0..<wanted.count).allSatisfy {
                String(scalars[position + $0]).lowercased() == String(wanted[$0])
            }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count else {
                pendingText.append(scalar)
                index += 1
                continue
            }
            if startsWith("<!--", at: index) {
                var end = index + 4
                while end < scalars.count && !startsWith("-->", at: end) { end += 1 }
                index = min(scalars.count, end + 3)
                continue
            }
            if scalars[index + 1] == "!" {
                while index < scalars.count && scalars[index] != ">" { index += 1 }
                index += 1
                continue
            }
            let isEnd = scalars[index + 1] == "/"
            var cursor = index + (isEnd ? 2 : 1)
            guard cursor < scalars.count, isLetter(scalars[cursor]) else {
                pendingText.append(scalar)
                index += 1
                continue
            }
            if !pendingText.isEmpty {
                text.append(String(pendingText))
                pendingText = String.UnicodeScalarView()
            }
            var name = ""
            while cursor < scalars.count, !isSpace(scalars[cursor]), scalars[cursor] != ">",
                scalars[cursor] != "/"
            {
                name.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
            var attributes: [(name: String, value: String)] = []
            while cursor < scalars.count, scalars[cursor] != ">" {
                if isSpace(scalars[cursor]) || scalars[cursor] == "/" {
                    cursor += 1
                    continue
                }
                var attributeName = ""
                while cursor < scalars.count, !isSpace(scalars[cursor]),
                    !["=", ">", "/"].contains(scalars[cursor])
                {
                    attributeName.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                var value = ""
                if cursor < scalars.count, scalars[cursor] == "=" {
                    cursor += 1
                    if cursor < scalars.count, scalars[cursor] == "\"" || scalars[cursor] == "'" {
                        let quote = scalars[cursor]
                        cursor += 1
                        while cursor < scalars.count, scalars[cursor] != quote {
                            value.unicodeScalars.append(scalars[cursor])
                            cursor += 1
                        }
                        cursor += 1
                    } else {
                        while cursor < scalars.count, !isSpace(scalars[cursor]), scalars[cursor] != ">" {
                            value.unicodeScalars.append(scalars[cursor])
                            cursor += 1
                        }
                    }
                }
                attributes.append((attributeName.lowercased(), value))
            }
            index = cursor + 1
            let lowered = name.lowercased()
            tags.append(Tag(name: lowered, attributes: attributes, isEnd: isEnd))
            if !isEnd, lowered == "style" || lowered == "script" {
                var end = index
                while end < scalars.count, !startsWith("</\(lowered)", at: end) { end += 1 }
                var raw = String.UnicodeScalarView()
                raw.append(contentsOf: scalars[index..<end])
                rawText.append((lowered, String(raw)))
                index = end
            }
        }
        if !pendingText.isEmpty { text.append(String(pendingText)) }
    }
}
