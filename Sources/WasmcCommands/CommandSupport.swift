import ArgumentParser
import Foundation
import WasmcDriver

/// Reads a file the user named, turning I/O failures into a clean message.
func readInputFile(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("cannot read '\(path)'")
    }
    return [UInt8](data)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
