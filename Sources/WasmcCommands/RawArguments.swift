import ArgumentParser
import Foundation

/// This process's arguments as the bytes they were given as. `CommandLine.arguments` repairs invalid
/// UTF-8, which must never silently change a path, a grant or what a program receives: wasmc's own
/// arguments must be UTF-8, and a program's arguments are passed on byte for byte.
enum RawArguments {
    /// argv[1...] as bytes.
    static func current() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument)))
        }
    }

    /// Refuses, with a message naming it and exit status 1, the first argument before the last
    /// `trailing` ones that is not valid UTF-8.
    static func requireUTF8(exceptLast trailing: Int = 0) throws {
        let arguments = current()
        for (index, bytes) in arguments.dropLast(trailing).enumerated() where String(validating: bytes, as: UTF8.self) == nil {
            printError("Error: argument \(index + 1) (\(String(decoding: bytes, as: UTF8.self).debugDescription)) is not valid UTF-8; "
                + "wasmc passes values on only unaltered, so it is refused")
            throw ExitCode.failure
        }
    }

    /// The bytes `arguments` were given as, when they are the end of this process's argv (as they are
    /// for arguments captured for passthrough); otherwise, e.g. when a test parses a made-up command
    /// line, their UTF-8.
    static func bytes(ofTrailing arguments: [String]) -> [[UInt8]] {
        let tail = current().suffix(arguments.count)
        guard tail.count == arguments.count,
              zip(tail, arguments).allSatisfy({ String(decoding: $0, as: UTF8.self) == $1 }) else {
            return arguments.map { Array($0.utf8) }
        }
        return Array(tail)
    }
}
