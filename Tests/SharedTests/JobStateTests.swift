import Shared
import Testing

@Suite struct JobStateTests {
    /// The lifecycle documented on `JobState`: a claim or a cancel leaves `pending`; the owning consumer (a
    /// finish, a requeue, a cancel) or `LeaseRescuer` leaves `running`; nothing leaves a final state.
    static let allowedMoves: Set<String> = [
        "pending>running", "pending>cancelled",
        "running>pending", "running>completed", "running>error", "running>cancelled",
    ]

    static let allPairs: [(JobState, JobState)] = JobState.allCases.flatMap { from in
        JobState.allCases.map { to in (from, to) }
    }

    @Test(arguments: allPairs)
    func canMoveFollowsTheDocumentedLifecycle(from: JobState, to: JobState) {
        let expected = Self.allowedMoves.contains("\(from.rawValue)>\(to.rawValue)")
        #expect(from.canMove(to: to) == expected)
    }

    @Test(arguments: JobState.allCases)
    func noStateMovesToItself(state: JobState) {
        #expect(!state.canMove(to: state))
    }

    @Test(arguments: [
        (JobState.pending, false), (.running, false), (.completed, true), (.error, true), (.cancelled, true),
    ])
    func isFinalOnlyForCompletedErrorAndCancelled(state: JobState, final: Bool) {
        #expect(state.isFinal == final)
    }

    @Test(arguments: JobState.allCases)
    func finalStatesHaveNoWayOutAndOthersHaveOne(state: JobState) {
        let exits = JobState.allCases.filter { state.canMove(to: $0) }
        #expect(exits.isEmpty == state.isFinal)
    }

    @Test func rawValuesAreTheAPIStatusNames() {
        #expect(JobState.allCases.map(\.rawValue) == ["pending", "running", "completed", "error", "cancelled"])
    }
}
