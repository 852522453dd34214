import Foundation
@testable import Shared
import Testing

extension StackTests {
    /// Exports of a dataset version through nginx, streamed as JSONL and CSV, read back field by field (and by
    /// Hugging Face `datasets`), and the version's dataset card.
    @Suite
    struct DatasetExportTests {
        let api = APIClient()

        /// Texts that break naive writers: quotes, commas, LF and CRLF, non-ASCII.
        static let trickyTexts = [
            "Café ☕ says \"hello\", then leaves",
            "line one\nline two, with a comma",
            "CRLF\r\nand \"\"doubled\"\" quotes",
            "日本語のテキスト 🎉, ümlaut",
        ]

        static let insertSample = Statement(
            "insert export sample",
            """
            INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                                 temperature, text, tokens_estimated, provider, model, quality, kept, lineage, metadata)
            VALUES ($1, $2, gen_random_uuid(), 'original', 'Export, "quoted" product', 'support_request', '1', '1',
                    0.7, $3, 5, 'offline', 'offline-model', $4::jsonb, true, $5::jsonb, $6::jsonb)
            """)

        /// The samples of `name`@1 as the export promises them, in position order, straight from their columns.
        static let versionSamples = Statement(
            "export version samples",
            """
            SELECT s.id::text AS id, s.text, s.product, s.template, s.template_version, s.kind, s.quality, s.kept,
                   s.lineage, s.metadata, s.job_id::text AS job_id, s.idx
            FROM datasets d JOIN dataset_versions dv ON dv.dataset_id = d.id AND dv.version = 1
                 JOIN dataset_version_samples v ON v.version_id = dv.id JOIN samples s ON s.id = v.sample_id
            WHERE d.name = $1 ORDER BY v.position
            """)

        /// A dataset whose version 1 holds a finished job's samples plus one sample per tricky text.
        func committedDataset() throws -> String {
            let name = DatasetTests.uniqueName("export")
            let job = try api.submit(product: DatasetTests.uniqueName("Kettle"), count: 3)
            #expect(try api.waitUntilFinished(job)["status"] == "completed")
            let database = try TestStack.database()
            for (offset, text) in Self.trickyTexts.enumerated() {
                let lineage: JSONValue? = offset.isMultiple(of: 2)
                    ? ["augmentation_strategy": "CDA", "source": .string(text)] : nil
                try database.execute(
                    Self.insertSample,
                    [
                        try #require(UUID(uuidString: job)), 1000 + offset, text,
                        ["overall": 0.9, "coherence": 0.8] as JSONValue, lineage,
                        ["note": .string("a, \"b\"\n"), "n": .int(offset)] as JSONValue,
                    ])
            }
            #expect(try api.post("/api/datasets", ["name": .string(name)]).status == 201)
            #expect(try api.post("/api/datasets/\(name)/versions", ["job_ids": [.string(job)]]).status == 201)
            return name
        }

        /// Each sample of version 1 as a JSON object of the exported fields.
        static func expectedSamples(_ name: String) throws -> [JSONObject] {
            try TestStack.database().execute(versionSamples, [name]).map { row in
                var object = JSONObject()
                for column in ["id", "text", "product", "template", "template_version", "kind", "job_id"] {
                    object[column] = .string(try row.decode(column))
                }
                object["quality"] = try row.decode("quality", as: JSONValue.self)
                object["kept"] = .bool(try row.decode("kept"))
                object["lineage"] = try row.decodeIfPresent("lineage", as: JSONValue.self) ?? .null
                object["metadata"] = try row.decode("metadata", as: JSONValue.self)
                object["idx"] = .int(try row.decode("idx"))
                return object
            }
        }

        func download(_ path: String) throws -> HTTPResponse {
            try HTTPClient().send(method: "GET", url: TestStack.baseURL + path)
        }

        @Test func aJSONLExportHoldsEverySampleFieldForField() throws {
            let name = try committedDataset()
            let expected = try Self.expectedSamples(name)
            let answer = try download("/api/datasets/\(name)/versions/1/export?format=jsonl")
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"]?.hasPrefix("application/x-ndjson") == true)
            #expect(answer.headers["content-disposition"] == "attachment; filename=\"\(name)-v1.jsonl\"")
            #expect(answer.headers["content-length"] == nil, "streamed, so no length up front")
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(text.hasSuffix("\n"))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count == expected.count)
            for (line, sample) in zip(lines, expected) {
                let parsed = try JSONValue(parsing: Array(line.utf8))
                for member in sample.members {
                    #expect(parsed[member.key] == member.value, "field \(member.key)")
                }
            }
            let texts = try lines.map { try JSONValue(parsing: Array($0.utf8))["text"]?.stringValue }
            #expect(Set(Self.trickyTexts).isSubset(of: Set(texts.compactMap { $0 })))
        }

        @Test func aCSVExportIsRFC4180WithEverySampleFieldForField() throws {
            let name = try committedDataset()
            let expected = try Self.expectedSamples(name)
            let answer = try download("/api/datasets/\(name)/versions/1/export?format=csv")
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(answer.headers["content-disposition"] == "attachment; filename=\"\(name)-v1.csv\"")
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(text.hasPrefix(DatasetStore.exportColumns.joined(separator: ",") + "\r\n"))
            #expect(text.contains("\"CRLF\r\nand \"\"\"\"doubled\"\"\"\" quotes\""), "quotes doubled inside quotes")
            let records = Self.parseCSV(text)
            #expect(records.first == DatasetStore.exportColumns)
            #expect(records.count == expected.count + 1)
            for (record, sample) in zip(records.dropFirst(), expected) {
                #expect(record.count == DatasetStore.exportColumns.count)
                for (column, field) in zip(DatasetStore.exportColumns, record) {
                    let value = sample[column]
                    switch column {
                    case "quality", "metadata": #expect(try JSONValue(parsing: Array(field.utf8)) == value)
                    case "lineage":
                        #expect(field.isEmpty ? value == .null : try JSONValue(parsing: Array(field.utf8)) == value)
                    case "kept": #expect(field == (value == .bool(true) ? "true" : "false"))
                    case "idx": #expect(Int(field) == value?.intValue)
                    default: #expect(JSONValue.string(field) == value, "column \(column)")
                    }
                }
            }
        }

        @Test func huggingFaceDatasetsLoadsTheJSONLExport() throws {
            let name = try committedDataset()
            let expected = try Self.expectedSamples(name)
            let answer = try download("/api/datasets/\(name)/versions/1/export?format=jsonl")
            let (directory, file) = try Self.temporaryFile("\(name)-v1.jsonl", answer.body)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let loaded = try Self.python(
                """
                import json, sys, datasets
                ds = datasets.load_dataset("json", data_files=sys.argv[1], split="train")
                print("RESULT " + json.dumps({"rows": ds.num_rows, "columns": ds.column_names,
                                              "ids": list(ds["id"]), "texts": list(ds["text"]), "idx": list(ds["idx"])}))
                """, arguments: [file], home: directory)
            #expect(loaded["rows"] == .int(expected.count))
            #expect(Set(loaded["columns"]?.arrayValue?.compactMap(\.stringValue) ?? []) == Set(expected[0].members.map(\.key)))
            #expect(loaded["ids"] == .array(expected.map { $0["id"] ?? .null }))
            #expect(loaded["texts"] == .array(expected.map { $0["text"] ?? .null }))
            #expect(loaded["idx"] == .array(expected.map { $0["idx"] ?? .null }))
        }

        @Test func theCardsFrontMatterIsYAMLCountingTheVersionsSamples() throws {
            let name = try committedDataset()
            let version = try api.get("/api/datasets/\(name)/versions/1")
            let answer = try download("/api/datasets/\(name)/versions/1/card")
            #expect(answer.status == 200)
            #expect(answer.headers["content-type"] == "text/markdown; charset=utf-8")
            let card = String(decoding: answer.body, as: UTF8.self)
            #expect(card.hasPrefix("---\n"))
            #expect(card.contains("## Statistics"))
            let (directory, file) = try Self.temporaryFile("README.md", answer.body)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let front = try Self.python(
                """
                import json, sys, yaml
                text = open(sys.argv[1], encoding="utf-8").read()
                print("RESULT " + json.dumps(yaml.safe_load(text.split("---\\n")[1])))
                """, arguments: [file], home: directory)
            #expect(front["license"] == "other")
            let split = front["dataset_info"]?["splits"]?.arrayValue?.first
            #expect(split?["name"] == "train")
            #expect(split?["num_examples"] == version["sample_count"])
            let features = front["dataset_info"]?["features"]?.arrayValue ?? []
            #expect(features.contains { $0["name"] == "text" && $0["dtype"] == "string" })
            #expect(front["configs"]?.arrayValue?.first?["data_files"]?.arrayValue?.first?["path"] == .string("\(name)-v1.jsonl"))
            let generation = front["dataforge"]?["generation"]
            #expect(generation?["templates"]?.arrayValue?.contains { $0.stringValue?.hasPrefix("support_request@") == true } == true)
            #expect(generation?["strategies"]?.arrayValue?.contains("CDA") == true)
            #expect(generation?["models"]?.arrayValue?.contains("offline/offline-model") == true)
            #expect(front["dataforge"]?["content_sha256"] == version["content_sha256"])
        }

        @Test func unknownVersionsAre404AndUnknownFormats422() throws {
            let name = try committedDataset()
            #expect(try api.get("/api/datasets/\(name)/versions/9/export").status == 404)
            #expect(try api.get("/api/datasets/no-such-\(name)/versions/1/export").status == 404)
            #expect(try api.get("/api/datasets/\(name)/versions/9/card").status == 404)
            let bad = try api.get("/api/datasets/\(name)/versions/1/export?format=xml")
            #expect(bad.status == 422)
            #expect(bad["detail"]?.arrayValue?.first?["loc"] == ["query", "format"])
        }

        /// Writes `bytes` to a file `name` in a new temporary directory; returns both paths.
        static func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> (directory: String, file: String) {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let file = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            return (directory.path, file)
        }

        /// Runs `script` with the venv's python (install-deps puts `datasets` there) and returns the JSON it
        /// printed after `RESULT `.
        static func python(_ script: String, arguments: [String], home: String) throws -> JSONValue {
            let python = TestStack.environment["DATAFORGE_PYTHON"] ?? ""
            try #require(FileManager.default.isExecutableFile(atPath: python), "no python at '\(python)': run scripts/install-deps.sh")
            let output = home + "/python.log"
            let status = ChildProcess(
                "/usr/bin/env",
                ["HF_HOME=\(home)/hf", "HF_DATASETS_OFFLINE=1", "HF_HUB_OFFLINE=1", "HF_DATASETS_DISABLE_PROGRESS_BARS=1",
                 python, "-c", script] + arguments,
                outputFile: output
            ).wait()
            let log = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            #expect(status == 0, "\(log)")
            let line = try #require(log.split(separator: "\n").last { $0.hasPrefix("RESULT ") }, "\(log)")
            return try JSONValue(parsing: Array(line.dropFirst("RESULT ".count).utf8))
        }

        /// RFC 4180 records: quoted fields may hold commas, CR, LF and doubled quotes; records end with CRLF.
        static func parseCSV(_ text: String) -> [[String]] {
            var records: [[String]] = []
            var record: [String] = []
            var field = ""
            var quoted = false
            var scalars = Array(text.unicodeScalars)[...]
            while let scalar = scalars.popFirst() {
                if quoted {
                    if scalar == "\"" {
                        if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                    } else {
                        field.unicodeScalars.append(scalar)
                    }
                } else if scalar == "\"" {
                    quoted = true
                } else if scalar == "," {
                    record.append(field)
                    field = ""
                } else if scalar == "\r" && scalars.first == "\n" {
                    scalars.removeFirst()
                    record.append(field)
                    records.append(record)
                    record = []
                    field = ""
                } else {
                    field.unicodeScalars.append(scalar)
                }
            }
            return records
        }
    }
}

extension StackTests.DatasetExportTests {
    static let series = Statement("export series", "SELECT n FROM generate_series(1, $1::integer) AS n ORDER BY n")

    @Test func aCursorStreamHandsOverEveryRowAcrossBatchesAndStopsWhenAsked() throws {
        let database = try TestStack.database()
        var seen: [Int] = []
        try database.stream(Self.series, [2500], batch: 1000) { row in
            seen.append(try row.decode("n"))
            return true
        }
        #expect(seen == Array(1...2500))
        seen = []
        try database.stream(Self.series, [2500], batch: 1000) { row in
            seen.append(try row.decode("n"))
            return seen.count < 1500
        }
        #expect(seen == Array(1...1500))
        // The stream's transaction ended: the connection serves the next statement.
        #expect(try database.execute(Self.series, [3]).count == 3)
    }
}
