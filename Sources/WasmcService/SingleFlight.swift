/// Runs one operation per key at a time: callers asking for a key already in flight await the same
/// result instead of starting the work again (64 clients posting one new module compile it once).
///
/// The work runs in its own task, not in the first caller's, so a client that disconnects does not
/// cancel a compile others wait for; the result still lands in the cache for the next request.
public actor SingleFlight<Value: Sendable> {
    private var flights: [String: Task<Value, any Error>] = [:]

    public init() {}

    /// The operation's result for `key`, and whether this caller joined a flight already under way.
    public func run(_ key: String, _ operation: @escaping @Sendable () async throws -> Value) async throws -> (value: Value, joined: Bool) {
        if let flight = flights[key] {
            return (try await flight.value, true)
        }
        let flight = Task { try await operation() }
        flights[key] = flight
        defer { flights[key] = nil }
        return (try await flight.value, false)
    }

    /// Keys being worked on now.
    public var inFlight: Int { flights.count }
}
