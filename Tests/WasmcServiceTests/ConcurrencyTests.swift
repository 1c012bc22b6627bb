import Foundation
import XCTest
@testable import WasmcService

/// Counts calls from many tasks.
private actor Calls {
    var count = 0
    var peak = 0
    var current = 0
    func enter() { count += 1; current += 1; peak = max(peak, current) }
    func leave() { current -= 1 }
}

private struct Boom: Error {}

final class SingleFlightTests: XCTestCase {
    func testConcurrentCallersShareOneRun() async throws {
        let flights = SingleFlight<Int>()
        let calls = Calls()
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for _ in 0..<64 {
                group.addTask {
                    try await flights.run("k") {
                        await calls.enter()
                        try await Task.sleep(for: .milliseconds(200))
                        await calls.leave()
                        return 42
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let count = await calls.count
        XCTAssertEqual(count, 1)
        XCTAssertEqual(results.map(\.0), Array(repeating: 42, count: 64))
        XCTAssertEqual(results.filter { !$0.1 }.count, 1, "exactly one caller leads")
        let inFlight = await flights.inFlight
        XCTAssertEqual(inFlight, 0)
        // Once finished, the key runs again.
        _ = try await flights.run("k") { await calls.enter(); return 1 }
        let after = await calls.count
        XCTAssertEqual(after, 2)
    }

    func testDistinctKeysRunSeparatelyAndErrorsReachEveryone() async throws {
        let flights = SingleFlight<Int>()
        let calls = Calls()
        async let a = flights.run("a") { await calls.enter(); try await Task.sleep(for: .milliseconds(100)); return 1 }
        async let b = flights.run("b") { await calls.enter(); try await Task.sleep(for: .milliseconds(100)); return 2 }
        let (ra, rb) = try await (a, b)
        XCTAssertEqual(ra.value, 1)
        XCTAssertEqual(rb.value, 2)
        let count = await calls.count
        XCTAssertEqual(count, 2)
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        _ = try await flights.run("c") { try await Task.sleep(for: .milliseconds(100)); throw Boom() }
                        return false
                    } catch {
                        return error is Boom
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        XCTAssertEqual(failures, 8)
    }

    func testCancelledLeaderDoesNotCancelTheFlight() async throws {
        let flights = SingleFlight<Int>()
        let leader = Task { try await flights.run("k") { try await Task.sleep(for: .milliseconds(300)); return 7 } }
        try await Task.sleep(for: .milliseconds(50))
        let follower = Task { try await flights.run("k") { XCTFail("a second run"); return 0 } }
        leader.cancel()
        let value = try await follower.value
        XCTAssertEqual(value.value, 7)
        XCTAssertTrue(value.joined)
    }
}

final class CompileQueueTests: XCTestCase {
    func testBoundsConcurrencyAndRefusesPastTheQueue() async throws {
        let queue = CompileQueue(jobs: 2, queueLimit: 3)
        let calls = Calls()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    do {
                        try await queue.run {
                            await calls.enter()
                            try await Task.sleep(for: .milliseconds(200))
                            await calls.leave()
                        }
                        return true
                    } catch {
                        XCTAssertTrue(error is CompileQueue.Full)
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let peak = await calls.peak
        XCTAssertEqual(peak, 2)
        XCTAssertEqual(outcomes.filter { $0 }.count, 5, "2 running + 3 queued")
        let active = await queue.active
        let depth = await queue.depth
        XCTAssertEqual(active, 0)
        XCTAssertEqual(depth, 0)
    }
}
