#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One entry of a job's error history: which attempt failed, when, and why.
///
/// The queue appends one when an attempt is retried, when the job fails for good and when a lease expires
/// (`job_attempt_error`, sql/0006); a postponement adds none.
public struct JobAttemptError: Sendable, Equatable {
    public var attempt: Int
    public var at: Date
    public var message: String

    public init(attempt: Int, at: Date, message: String) {
        self.attempt = attempt
        self.at = at
        self.message = message
    }

    /// Reads an element of the `errors` column; nil when it lacks a field.
    init?(json: JSONValue) {
        guard let attempt = json["attempt"]?.intValue, let text = json["at"]?.stringValue,
            let at = RFC3339.parse(text), let message = json["message"]?.stringValue
        else { return nil }
        self.init(attempt: attempt, at: at, message: message)
    }

    /// `{attempt, at, message}`, `at` in RFC 3339 UTC.
    public var json: JSONValue {
        ["attempt": .int(attempt), "at": .string(RFC3339.format(at)), "message": .string(message)]
    }
}
