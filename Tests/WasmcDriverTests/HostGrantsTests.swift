import ArgumentParser
import Foundation
import Testing
import WAT
@testable import WasmcCommands
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// `--dir` and `--env` are parsed once into typed grants; what could never reach a program intact is refused.
@Suite("Host grants")
struct HostGrantsTests {
    private func parse(dirs: [String] = [], env: [String] = [], inherited: [String: String] = [:]) throws(HostGrantError) -> HostGrants {
        try HostGrants(directories: dirs, environment: env, inherited: { name throws(HostGrantError) in inherited[name] })
    }

    @Test func directoriesSplitAtTheFirstDoubleColon() throws {
        let grants = try parse(dirs: ["/data", "/a::/b", "/x::y::z"])
        #expect(grants.directories == [.init(hostPath: "/data", guestPath: "/data"), .init(hostPath: "/a", guestPath: "/b"),
                                       .init(hostPath: "/x", guestPath: "y::z")])
    }

    @Test func variablesSplitAtTheFirstEqualsAndKeepEveryByte() throws {
        let grants = try parse(env: ["A=x\n--dir=/", "B==a=b", "C=", "V", "UNSET"], inherited: ["V": "1\n--dir=/"])
        #expect(grants.environment == [.init(name: "A", value: "x\n--dir=/"), .init(name: "B", value: "=a=b"),
                                       .init(name: "C", value: ""), .init(name: "V", value: "1\n--dir=/")])
        #expect(grants.runnerArguments == ["--env", "A", "x\n--dir=/", "--env", "B", "=a=b", "--env", "C", "",
                                           "--env", "V", "1\n--dir=/", "--"])
    }

    @Test(arguments: ["", "::/g", "/h::", "::"])
    func anEmptyPathIsRefused(_ text: String) {
        #expect(throws: HostGrantError.emptyPath(text)) { try parse(dirs: [text]) }
    }

    @Test(arguments: ["=x", "", "="])
    func anEmptyNameIsRefused(_ text: String) {
        #expect(throws: HostGrantError.self) { try parse(env: [text]) }
    }

    @Test func nulBytesAndNamesWithEqualsAreRefused() {
        #expect(throws: HostGrantError.self) { try parse(dirs: ["/a\u{0}b"]) }
        #expect(throws: HostGrantError.self) { try parse(env: ["A=x\u{0}y"]) }
        #expect(throws: HostGrantError.self) { try HostGrants(environment: [.init(name: "A=B", value: "")]).validate() }
    }

    @Test func anInheritedValueThatIsNotUTF8IsRefused() throws {
        let name = "WASMC_TEST_NOT_UTF8_\(getpid())"
        setenv(name, "a\u{FF}", 1)  // valid UTF-8 here: C3 BF
        #expect(try HostGrants.inheritedVariable(name) == "a\u{FF}")
        let raw: [CChar] = [0x61, CChar(bitPattern: 0xFF), 0]
        raw.withUnsafeBufferPointer { _ = setenv(name, $0.baseAddress!, 1) }
        defer { unsetenv(name) }
        #expect(throws: HostGrantError.notUTF8("the value of $\(name)")) { try HostGrants.inheritedVariable(name) }
    }

    @Test func bakedInStringsAreWrittenByteForByte() {
        #expect(GrantChannel.cStringLiteral("a\"\\?\n\u{1}ü7") == "\"a\\042\\134\\077\\012\\001\\303\\2747\"")
        let source = GrantChannel.bakedIn(HostGrants(directories: [.init(hostPath: "h", guestPath: "g")],
                                                     environment: [.init(name: "N", value: "v")])).cSource
        #expect(source.contains("wasmc_baked_dirs[] = {\"h\", \"g\", 0}"))
        #expect(source.contains("wasmc_baked_env[] = {\"N\", \"v\", 0}"))
        #expect(source.contains("wasmc_takes_grant_flags = 0"))
        #expect(GrantChannel.runnerFlags.cSource.contains("wasmc_takes_grant_flags = 1"))
    }
}

/// `wasmc run [OPTIONS] FILE.wasm [--] ARGS`: options end at the module, and everything after it is the
/// program's, as in Wasmtime.
@Suite("wasmc run command line")
struct RunCommandLineTests {
    private func run(_ arguments: [String]) throws -> InvokeCommand {
        try #require(try Wasmc.parseAsRoot(["run"] + arguments) as? InvokeCommand)
    }

    @Test func grantsAfterTheModuleAreTheProgramsArguments() throws {
        let command = try run(["m.wasm", "x", "--dir", "/", "--env", "A=1", "-O0", "--invoke", "f", "--help"])
        #expect(command.file == "m.wasm")
        #expect(command.arguments == ["x", "--dir", "/", "--env", "A=1", "-O0", "--invoke", "f", "--help"])
        #expect(command.grantArguments.dir.isEmpty && command.grantArguments.env.isEmpty && command.invoke == nil)
        #expect(command.compilation.optimizationLevel == 2)
    }

    @Test func exactlyOneSeparatorAfterTheModuleIsDropped() throws {
        #expect(try run(["m.wasm", "--", "--", "x"]).arguments == ["--", "x"])
        #expect(try run(["m.wasm", "--"]).arguments == [])
        #expect(try run(["m.wasm", "x", "--"]).arguments == ["x", "--"])
        #expect(try run(["--", "m.wasm", "--", "--"]).arguments == ["--"])
        #expect(try run(["--", "-odd.wasm"]).file == "-odd.wasm")
    }

    @Test func optionsBeforeTheModuleAreWasmcs() throws {
        let command = try run(["--dir", "/d::/g", "--env", "A=x\ny", "-O0", "--invoke", "f", "m.wasm", "-1", "--dir"])
        #expect(command.grantArguments.dir == ["/d::/g"] && command.grantArguments.env == ["A=x\ny"])
        #expect(command.compilation.optimizationLevel == 0 && command.invoke == "f")
        #expect(command.arguments == ["-1", "--dir"])
    }

    @Test func anUnknownOptionOrNoModuleIsAnError() {
        #expect(throws: (any Error).self) { try run(["--no-such-option", "m.wasm"]) }
        #expect(throws: (any Error).self) { try run([]) }
        #expect(throws: (any Error).self) { try run(["--"]) }
    }

    /// Help is a clean exit with the usage text (the parser may wrap the request it gets from `validate`).
    private func expectHelp(_ arguments: [String]) {
        do {
            _ = try Wasmc.parseAsRoot(["run"] + arguments)
            Issue.record("no help for \(arguments)")
        } catch {
            #expect(Wasmc.exitCode(for: error) == .success, "\(arguments)")
            #expect(Wasmc.fullMessage(for: error).contains("USAGE"), "\(arguments)")
        }
    }

    @Test func helpIsAnsweredBeforeTheModuleOnly() throws {
        expectHelp(["--help"])
        expectHelp(["-O0", "-h"])
        #expect(try run(["m.wasm", "--help"]).arguments == ["--help"])
    }
}

/// Grants are checked when `compile` runs, and a trap under `--invoke` is reported like a program's.
@Suite("Grant and trap errors", .serialized)
struct GrantAndTrapErrorTests {
    private func withModule(_ wat: String, _ body: (String, URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-grants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let module = directory.appendingPathComponent("m.wasm")
        try Data(try wat2wasm(wat)).write(to: module)
        try body(module.path, directory)
    }

    @Test(arguments: [["--dir", ""], ["--dir", "/tmp::"], ["--env", "=x"], ["--env", ""]])
    func compileRefusesAGrantThatFailsEveryRun(_ grant: [String]) throws {
        try withModule("(module (func (export \"_start\")))") { module, directory in
            let output = directory.appendingPathComponent("out")
            let command = try #require(try Wasmc.parseAsRoot(["compile", module, "-o", output.path, "--no-cache"] + grant) as? CompileCommand)
            #expect(throws: ExitCode.failure) { try command.run() }
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    @Test func aTrapUnderInvokeExitsWith134() throws {
        try withModule("(module (func (export \"boom\") unreachable))") { module, _ in
            let command = try #require(try Wasmc.parseAsRoot(["run", "--invoke", "boom", "--no-cache", module]) as? InvokeCommand)
            #expect(throws: ExitCode(134)) { try command.run() }
        }
    }
}
