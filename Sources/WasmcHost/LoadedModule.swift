import CWasmcRuntime
import Foundation
import WasmBinary
import WasmcCompiler

/// A compiled module's shared object loaded into this process (`RTLD_LOCAL`, so modules never see
/// each other's symbols) and its descriptor, `wasmc_module`.
public final class LoadedModule: @unchecked Sendable {
    public let path: URL
    let handle: UnsafeMutableRawPointer
    let descriptor: ModuleDescriptor
    /// Export name to its index in the descriptor's export list.
    /// Keyed by UTF-8 bytes: wasm names compare by code points, while Swift's `String` equality
    /// treats canonically equivalent spellings (precomposed and decomposed "Å") as equal.
    let exportIndex: [[UInt8]: Int]

    init(path: URL, runtime: LoadedRuntime) throws(CompileError) {
        self.path = path
        guard let handle = dlopen(path.path, RTLD_NOW | RTLD_LOCAL) else {
            throw .link("cannot load \(path.lastPathComponent): \(LoadedRuntime.dlerrorText())")
        }
        guard let symbol = dlsym(handle, "wasmc_module") else {
            dlclose(handle)
            throw .link("\(path.lastPathComponent) defines no wasmc_module descriptor")
        }
        do {
            descriptor = try ModuleDescriptor(symbol, runtime: runtime)
        } catch {
            dlclose(handle)
            throw error
        }
        self.handle = handle
        var index: [[UInt8]: Int] = [:]
        for (position, export) in descriptor.exports.enumerated() { index[Array(export.name.utf8)] = position }
        exportIndex = index
    }

    /// The module's exports: name and kind with index.
    public var exports: [Export] { descriptor.exports }
    /// The module's imports: module, name and the declared type.
    public var imports: [Import] { descriptor.imports }
}
