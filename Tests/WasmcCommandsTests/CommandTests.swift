import ArgumentParser
import Foundation
import Testing
@testable import WasmcCommands
import WasmcCompiler
import WasmcDevTools

/// The command line on its own: option parsing into typed values, and the small commands end to end.
@Suite("Command line")
struct CommandTests {
    private func parse<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
        let command = try Wasmc.parseAsRoot(arguments)
        return try #require(command as? Command, "\(arguments) parsed as \(Swift.type(of: command))")
    }

    /// The message the parser reports for `arguments`, or nil when they parse.
    private func rejection(_ arguments: [String]) -> String? {
        do {
            _ = try Wasmc.parseAsRoot(arguments)
            return nil
        } catch {
            return Wasmc.message(for: error)
        }
    }

    @Test(arguments: [("exe", OutputKind.executable), ("obj", .object), ("shared", .shared), ("llvm", .llvmIR)])
    func emitTakesEveryOutputKind(_ text: String, _ kind: OutputKind) throws {
        let command = try parse(["compile", "m.wasm", "-o", "out", "--emit", text], as: CompileCommand.self)
        #expect(command.emit == kind)
    }

    @Test func emitDefaultsToAnExecutableAndRejectsOtherWords() throws {
        #expect(try parse(["compile", "m.wasm", "-o", "out"], as: CompileCommand.self).emit == .executable)
        let message = try #require(rejection(["compile", "m.wasm", "-o", "out", "--emit", "png"]))
        #expect(message.contains("png") && message.contains("--emit"), "\(message)")
    }

    @Test func boundsChecksParseToTheBackendsStrategy() throws {
        let guarded = try parse(["compile", "m.wasm", "-o", "out"], as: CompileCommand.self)
        #expect(guarded.compilation.options().boundsChecks == .guardPages)
        let explicit = try parse(["compile", "m.wasm", "-o", "out", "--bounds-checks", "explicit"], as: CompileCommand.self)
        #expect(explicit.compilation.options().boundsChecks == .explicit)
        // Child command lines (wast workers) repeat the option in the words the user wrote.
        #expect(explicit.compilation.commandLine.contains("explicit"))
        #expect(guarded.compilation.commandLine.contains("guard"))
        let message = try #require(rejection(["compile", "m.wasm", "-o", "out", "--bounds-checks", "none"]))
        #expect(message.contains("none"), "\(message)")
    }

    @Test func benchClockTakesWallOrCPU() throws {
        #expect(try parse(["bench", "m.wasm"], as: BenchCommand.self).clock == .wall)
        #expect(try parse(["bench", "m.wasm", "--clock", "cpu"], as: BenchCommand.self).clock == .cpu)
        #expect(rejection(["bench", "m.wasm", "--clock", "sundial"]) != nil)
    }

    @Test func theCacheDirectoryIsTheDefaultUnlessNoCache() throws {
        let cached = try parse(["compile", "m.wasm", "-o", "out"], as: CompileCommand.self)
        #expect(cached.compilation.cacheDirectory == ArtifactCache.defaultDirectory())
        let uncached = try parse(["compile", "m.wasm", "-o", "out", "--no-cache"], as: CompileCommand.self)
        #expect(uncached.compilation.cacheDirectory == nil)
    }

    @Test func validateAcceptsAValidModuleAndRejectsAnInvalidOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-commands-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let valid = directory.appendingPathComponent("valid.wasm")
        try Data([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]).write(to: valid)
        let malformed = directory.appendingPathComponent("malformed.wasm")
        try Data([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00]).write(to: malformed)
        let accepting = try parse(["validate", valid.path], as: ValidateCommand.self)
        #expect(throws: Never.self) { try accepting.run() }
        let rejecting = try parse(["validate", malformed.path], as: ValidateCommand.self)
        #expect(throws: ExitCode.failure) { try rejecting.run() }
    }
}
