import XCTest
@testable import WasmcService

final class RecentArtifactsTests: XCTestCase {
    func testKeepsTheNewestWithinItsCapacity() {
        let recent = RecentArtifacts(capacity: 100)
        let key = String(repeating: "a", count: 64)
        func artifact(_ size: Int, _ kind: ArtifactKind = .executable) -> StoredArtifact {
            StoredArtifact(kind: kind, bytes: Array(repeating: UInt8(size & 0xFF), count: size))
        }
        recent[key, .executable] = artifact(20)
        recent[key, .object] = artifact(20, .object)
        XCTAssertEqual(recent[key, .executable]?.bytes.count, 20)
        XCTAssertNil(recent[key, .shared])
        recent[key, .shared] = artifact(26, .shared)  // above a quarter of the capacity: not kept
        XCTAssertNil(recent[key, .shared])
        for index in 0..<4 { recent[String(repeating: "\(index)", count: 64), .executable] = artifact(25) }
        XCTAssertNil(recent[key, .executable], "the oldest goes first")
        XCTAssertNil(recent[key, .object])
        XCTAssertEqual(recent[String(repeating: "3", count: 64), .executable]?.bytes.count, 25)
        XCTAssertEqual(StoredArtifact(kind: .header, bytes: []).sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
