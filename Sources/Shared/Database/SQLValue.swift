#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift value that can be sent as a statement parameter, in PostgreSQL's text format.
///
/// Parameters always travel separately from the SQL text (`PQexecPrepared`); nothing here is ever spliced
/// into a statement.
public protocol SQLEncodable: Sendable {
    var sqlText: String { get }
}

/// A Swift value that can be read from a column in PostgreSQL's text format.
public protocol SQLDecodable {
    init?(sqlText: String)
}

extension String: SQLEncodable, SQLDecodable {
    public var sqlText: String { self }
    public init?(sqlText: String) { self = sqlText }
}

extension Int: SQLEncodable, SQLDecodable {
    public var sqlText: String { String(self) }
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Int64: SQLEncodable, SQLDecodable {
    public var sqlText: String { String(self) }
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Double: SQLEncodable, SQLDecodable {
    public var sqlText: String { String(self) }
    public init?(sqlText: String) { self.init(sqlText) }
}

extension Bool: SQLEncodable, SQLDecodable {
    public var sqlText: String { self ? "t" : "f" }
    public init?(sqlText: String) {
        switch sqlText {
        case "t", "true": self = true
        case "f", "false": self = false
        default: return nil
        }
    }
}

extension UUID: SQLEncodable, SQLDecodable {
    public var sqlText: String { lowercasedText }
    public init?(sqlText: String) { self.init(text: sqlText) }
}

extension Date: SQLEncodable, SQLDecodable {
    public var sqlText: String { RFC3339.format(self) }
    public init?(sqlText: String) {
        guard let date = RFC3339.parse(sqlText) else { return nil }
        self = date
    }
}

/// A `jsonb` value passed or read as its JSON text.
extension JSONValue: SQLEncodable, SQLDecodable {
    public var sqlText: String { jsonText }
    public init?(sqlText: String) {
        guard let value = try? JSONValue(parsing: Array(sqlText.utf8)) else { return nil }
        self = value
    }
}

/// One-dimensional arrays, as PostgreSQL array literals (`{"a","b"}`), for `= ANY($1)`.
extension Array: SQLEncodable where Element: SQLEncodable {
    /// Built as UTF-8 bytes: the de-duplication index sends thousands of elements a statement, and
    /// appending scalar by scalar to a String was a third of its client's time.
    public var sqlText: String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(count * 24 + 2)
        for (index, element) in enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            var text = element.sqlText
            text.withUTF8 { utf8 in
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                    bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
