import CLibPQ

/// The rows a statement returned, copied out of libpq so no C memory outlives the call.
public struct Rows: Sendable, RandomAccessCollection {
    public let columns: [String]
    private let cells: [[String?]]
    /// The number of rows a write touched (`UPDATE 3` → 3).
    public let affectedRows: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { cells.count }
    public subscript(position: Int) -> Row { Row(columns: columns, cells: cells[position]) }

    /// Takes ownership of `result` (cleared here) and turns a failed status into a `DatabaseError`.
    init(consuming result: OpaquePointer?, connection: OpaquePointer, statement: String) throws(DatabaseError) {
        guard let result else {
            throw DatabaseError(
                .connection, message: String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines,
                statement: statement)
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            break
        default:
            throw Self.error(from: result, connection: connection, statement: statement)
        }
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        cells = (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) == 1
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            }
        }
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    private static func error(from result: OpaquePointer, connection: OpaquePointer, statement: String)
        -> DatabaseError
    {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let state = field(Int32(UInt8(ascii: "C"))).map(SQLState.init(rawValue:))
        let message = field(Int32(UInt8(ascii: "M")))
            ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines
        let lost = PQstatus(connection) != CONNECTION_OK
        return DatabaseError(
            lost || state == nil ? .connection : .server, sqlState: state, message: message,
            detail: field(Int32(UInt8(ascii: "D"))), statement: statement)
    }
}

/// One row: values by column name, decoded to the Swift type the caller names.
public struct Row: Sendable {
    let columns: [String]
    let cells: [String?]

    /// Every value as PostgreSQL's text, in column order (nil for NULL): for writers that pass values through.
    public var texts: [String?] { cells }

    /// The column's value; throws when it is NULL, missing, or not a `T`.
    public func decode<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError) -> T {
        guard let value = try decodeIfPresent(column, as: type) else {
            throw DatabaseError(.decoding, message: "column \(column) is NULL, expected \(T.self)")
        }
        return value
    }

    /// The column's value, or nil when it is NULL; throws when it is missing or not a `T`.
    public func decodeIfPresent<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws(DatabaseError)
        -> T?
    {
        guard let index = columns.firstIndex(of: column) else {
            throw DatabaseError(.decoding, message: "no column \(column) in the result")
        }
        guard let text = cells[index] else { return nil }
        guard let value = T(sqlText: text) else {
            throw DatabaseError(.decoding, message: "column \(column) does not decode as \(T.self)")
        }
        return value
    }
}
