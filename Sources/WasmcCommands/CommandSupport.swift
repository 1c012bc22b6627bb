import ArgumentParser
import Foundation
import WasmcCompiler

/// Reads a file the user named; a failure prints `error: cannot read the input: PATH: REASON` and
/// exits 1 (not the usage text: the command line was fine, the file is not).
func readInputFile(_ path: String) throws -> [UInt8] {
    do {
        return try OutputFile.read(path)
    } catch {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints a failed command's error in one line: file errors as `error: WHAT: PATH: REASON`, others
/// prefixed with the module they concern.
func reportFailure(_ error: Error, file: String) {
    if let error = error as? FileError {
        printError("error: \(error)")
    } else {
        printError("\(file): \(error)")
    }
}
