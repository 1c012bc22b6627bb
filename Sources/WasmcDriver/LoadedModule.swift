import Foundation
import WasmBinary

/// A compiled module's shared object loaded into this process (`RTLD_LOCAL`, so modules never see
/// each other's symbols) and its descriptor, `wasmc_module`.
public final class LoadedModule: @unchecked Sendable {
    public let path: URL
    let handle: UnsafeMutableRawPointer
    let descriptor: ModuleDescriptor
    /// Export name to its index in the descriptor's export list.
    let exportIndex: [String: Int]

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
        var index: [String: Int] = [:]
        for (position, export) in descriptor.exports.enumerated() { index[export.name] = position }
        exportIndex = index
    }

    /// The module's exports: name and kind with index.
    public var exports: [Export] { descriptor.exports }
    /// The module's imports: module, name and the declared type.
    public var imports: [Import] { descriptor.imports }
}
