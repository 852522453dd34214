/// One CSV record as RFC 4180 writes it: fields separated by commas, a field quoted (its quotes doubled) when
/// it holds a comma, a quote, CR or LF, and the record ended by CRLF. NULL is an empty field.
public enum CSVRecord {
    public static func line(_ fields: [String?]) -> String {
        var line = ""
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            line += escape(field ?? "")
        }
        return line + "\r\n"
    }

    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
