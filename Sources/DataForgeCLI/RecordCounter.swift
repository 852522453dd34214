/// Counts the records of a JSONL or CSV stream as its chunks arrive: line feeds, except (for CSV) those
/// inside a quoted field. A doubled quote toggles twice, so it leaves the state as it was.
struct RecordCounter {
    let quoted: Bool
    private(set) var records = 0
    private var insideQuotes = false

    init(quoted: Bool) {
        self.quoted = quoted
    }

    mutating func add(_ chunk: [UInt8]) {
        for byte in chunk {
            if quoted && byte == UInt8(ascii: "\"") {
                insideQuotes.toggle()
            } else if byte == 10 && !insideQuotes {
                records += 1
            }
        }
    }
}
