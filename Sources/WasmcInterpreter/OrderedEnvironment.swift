import WasmKit

/// `environ_sizes_get` and `environ_get` over the granted variables in the order they were granted,
/// duplicates included, as compiled programs see them. WasmKit's WASI keeps the environment in a
/// dictionary, whose order changes from process to process; these definitions replace its two.
/// A guest pointer outside memory is `EFAULT`, never a host crash.
enum OrderedEnvironment {
    static let success: UInt32 = 0
    static let fault: UInt32 = 21  // __WASI_ERRNO_FAULT

    static func define(_ variables: [(name: String, value: String)], in imports: inout Imports, store: Store) {
        let entries: [[UInt8]] = variables.map { Array("\($0.name)=\($0.value)".utf8) + [0] }
        let size = entries.reduce(0) { $0 + $1.count }
        imports.define(module: "wasi_snapshot_preview1", name: "environ_sizes_get",
                       Function(store: store, parameters: [.i32, .i32], results: [.i32]) { caller, arguments in
            guard let memory = memory(of: caller), arguments.count == 2, case .i32(let countPointer) = arguments[0],
                  case .i32(let sizePointer) = arguments[1] else { return [.i32(fault)] }
            let written = write(littleEndian: UInt32(entries.count), at: countPointer, in: memory)
                && write(littleEndian: UInt32(size), at: sizePointer, in: memory)
            return [.i32(written ? success : fault)]
        })
        imports.define(module: "wasi_snapshot_preview1", name: "environ_get",
                       Function(store: store, parameters: [.i32, .i32], results: [.i32]) { caller, arguments in
            guard let memory = memory(of: caller), arguments.count == 2, case .i32(let pointers) = arguments[0],
                  case .i32(let buffer) = arguments[1] else { return [.i32(fault)] }
            var next = UInt64(buffer)
            for (index, entry) in entries.enumerated() {
                guard next <= UInt64(UInt32.max),
                      write(littleEndian: UInt32(next), at: UInt64(pointers) + UInt64(index) * 4, in: memory),
                      write(entry, at: next, in: memory) else { return [.i32(fault)] }
                next += UInt64(entry.count)
            }
            return [.i32(success)]
        })
    }

    private static func memory(of caller: borrowing Caller) -> Memory? {
        guard case .memory(let memory) = caller.instance?.export("memory") else { return nil }
        return memory
    }

    private static func write(littleEndian value: UInt32, at address: some BinaryInteger, in memory: Memory) -> Bool {
        write((0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }, at: UInt64(address), in: memory)
    }

    private static func write(_ bytes: [UInt8], at address: UInt64, in memory: Memory) -> Bool {
        guard address <= UInt64(memory.byteCount), UInt64(bytes.count) <= UInt64(memory.byteCount) - address else { return false }
        guard !bytes.isEmpty else { return true }
        memory.withUnsafeMutableBufferPointer(offset: UInt(address), count: bytes.count) { destination in
            destination.copyBytes(from: bytes)
        }
        return true
    }
}
