import Shared

/// A run whose work is on the database rather than provider calls (bringing a dataset's de-duplication index
/// up to date): the claim loop gives it one step a turn, between its other writes, so one long job never holds
/// the loop and a step's transaction stays short.
protocol DatabaseRun: CallFreeRun {
    /// It has a step to do now.
    var isStepDue: Bool { get }
    /// Does one step in its own transaction. Throws only when the connection failed (the loop reconnects and
    /// the step is done again); any other failure becomes the run's end.
    func step(_ connection: Connection) throws(DatabaseError)
}
