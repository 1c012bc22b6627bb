import CWasmcRuntime
import Foundation
import WasmBinary
import WasmcCompiler

/// The spec suite's `spectest` host module (`runtime-c/spectest.c`): print functions, globals, a
/// table and a memory. One instance per script, as the reference interpreter has.
final class SpectestModule: ImportSource {
    private typealias CreateFunction = @convention(c) () -> UnsafeMutableRawPointer?
    private typealias DestroyFunction = @convention(c) (UnsafeMutableRawPointer?) -> Void
    private typealias LookupFunction = @convention(c) (
        UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafeMutablePointer<UInt8>?,
        UnsafeMutablePointer<UnsafeMutableRawPointer?>?, UnsafeMutablePointer<UnsafePointer<CChar>?>?
    ) -> Int32

    private struct Library {
        let create: CreateFunction
        let destroy: DestroyFunction
        let lookup: LookupFunction
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var library: Library?

    private let functions: Library
    private var state: UnsafeMutableRawPointer?

    init(engine: Engine) throws(CompileError) {
        functions = try Self.load(engine.compiler.runtime.spectestPath)
        guard let state = functions.create() else { throw .link("wasmc_spectest_create failed") }
        self.state = state
    }

    private static func load(_ path: URL) throws(CompileError) -> Library {
        lock.lock()
        defer { lock.unlock() }
        if let library { return library }
        guard let handle = dlopen(path.path, RTLD_NOW | RTLD_LOCAL) else {
            throw .link("cannot load \(path.path): \(LoadedRuntime.dlerrorText())")
        }
        guard let create = LoadedRuntime.symbol("wasmc_spectest_create", in: handle, as: CreateFunction.self),
              let destroy = LoadedRuntime.symbol("wasmc_spectest_destroy", in: handle, as: DestroyFunction.self),
              let lookup = LoadedRuntime.symbol("wasmc_spectest_lookup", in: handle, as: LookupFunction.self)
        else { throw .link("\(path.lastPathComponent) lacks the wasmc_spectest_* entry points") }
        let loaded = Library(create: create, destroy: destroy, lookup: lookup)
        library = loaded
        return loaded
    }

    func export(named name: String) -> ExternalValue? {
        guard let state else { return nil }
        var kind: UInt8 = 0
        var value: UnsafeMutableRawPointer?
        var signature: UnsafePointer<CChar>?
        guard name.withCString({ functions.lookup(state, $0, &kind, &value, &signature) }) != 0, let value else { return nil }
        switch Int32(kind) {
        case Int32(WASMC_EXTERN_FUNC):
            guard let text = signature, let type = FunctionType(canonicalSignature: String(cString: text)) else { return nil }
            return .function(FunctionHandle(reference: value, type: type))
        case Int32(WASMC_EXTERN_TABLE): return .table(value)
        case Int32(WASMC_EXTERN_MEMORY): return .memory(value)
        case Int32(WASMC_EXTERN_GLOBAL): return GlobalCell(value).type.map { .global(value, $0) }
        default: return nil
        }
    }

    func destroy() {
        if let state { functions.destroy(state) }
        state = nil
    }

    deinit { destroy() }
}
