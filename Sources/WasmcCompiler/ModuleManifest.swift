import Crypto
import Foundation
import LLVMBackend
import WasmBinary

/// What tools need to know about a module and its compilation, without the artifact itself: the
/// module's digest, everything its cache key is made of, its imports and exports (wasm and C
/// signatures), memories, tables and the proposals it uses. `wasmc inspect` prints it; `wasmc serve`
/// answers it as JSON beside the artifacts, whose digests it lists.
public struct ModuleManifest: Codable, Equatable, Sendable {
    public var moduleSHA256: String
    public var moduleSize: Int
    /// The cache key: artifacts compiled from this module with these inputs are found under it.
    public var cacheKey: String
    public var inputs: KeyInputs
    public var imports: [Import]
    public var exports: [Export]
    public var memories: [Memory]
    public var tables: [Table]
    /// Proposals beyond WebAssembly 1.0 the module relies on, by their usual names (sorted).
    public var features: [String]
    /// Artifact kind (`exe`, `obj`, …) to its SHA-256, for the artifacts made so far.
    public var artifacts: [String: String]

    /// The inputs of the cache key besides the module itself.
    public struct KeyInputs: Codable, Equatable, Sendable {
        public var compilerVersion: String
        public var optimizationLevel: Int
        public var boundsChecks: String
        /// The CPU as requested (`generic`, `native`, an LLVM name) and as it enters the key.
        public var targetCPU: String
        public var resolvedTargetCPU: String
        public var codegenJobs: Int
        public var partitionFrom: Int
        public var targetTriple: String
        public var runtimeABIVersion: Int
        /// The digest of the runtime's sources the artifacts are linked against.
        public var runtimeSourceKey: String
    }

    public struct Import: Codable, Equatable, Sendable {
        public var module: String
        public var name: String
        /// `function`, `table`, `memory` or `global`.
        public var kind: String
        /// The wasm type: `(i32, i32) -> (i32)`, `memory 1..2`, `global mut i32`, `table funcref 1..`.
        public var type: String
        /// For functions: the C declaration a host implementing it provides.
        public var cSignature: String?
    }

    public struct Export: Codable, Equatable, Sendable {
        public var name: String
        public var kind: String
        public var index: UInt32
        public var type: String
        /// For functions: the C declaration of the export as the generated header calls it.
        public var cSignature: String?
    }

    public struct Memory: Codable, Equatable, Sendable {
        public var index: Int
        public var imported: Bool
        /// In 64 KiB pages.
        public var minimumPages: UInt64
        public var maximumPages: UInt64?
        /// Whether addresses are `i64` (memory64).
        public var address64: Bool
    }

    public struct Table: Codable, Equatable, Sendable {
        public var index: Int
        public var imported: Bool
        public var elementType: String
        public var minimum: UInt64
        public var maximum: UInt64?
        /// Whether indices are `i64` (table64).
        public var address64: Bool
    }

    /// The manifest of a valid module compiled by `compiler`; a malformed or invalid one throws its
    /// `CompileError.rejected`, with the offset.
    public init(module bytes: [UInt8], compiler: Compiler) throws(CompileError) {
        let module: Module
        do {
            module = try Frontend.validate(bytes)
        } catch {
            throw CompileError(error)
        }
        let options = compiler.options
        moduleSHA256 = SHA256.hash(data: bytes).map { hex($0, digits: 2) }.joined()
        moduleSize = bytes.count
        cacheKey = compiler.cacheKey(for: bytes)
        inputs = KeyInputs(compilerVersion: compilerVersion, optimizationLevel: options.optimizationLevel,
                           boundsChecks: options.boundsChecks.rawValue, targetCPU: options.targetCPU,
                           resolvedTargetCPU: options.resolvedTargetCPU, codegenJobs: options.codegenJobs,
                           partitionFrom: options.minimumPartitionedSize, targetTriple: targetTriple,
                           runtimeABIVersion: Int(runtimeABIVersion), runtimeSourceKey: compiler.runtime.sourceKey)
        imports = module.imports.map { entry in
            switch entry.descriptor {
            case .function(let typeIndex):
                let type = module.types[Int(typeIndex)]
                return Import(module: entry.module, name: entry.name, kind: "function", type: type.description,
                              cSignature: cDeclaration(of: type, name: entry.name))
            case .table(let table):
                return Import(module: entry.module, name: entry.name, kind: "table", type: Self.describe(table))
            case .memory(let memory):
                return Import(module: entry.module, name: entry.name, kind: "memory", type: Self.describe(memory))
            case .global(let global):
                return Import(module: entry.module, name: entry.name, kind: "global", type: Self.describe(global))
            }
        }
        let functionTypes = module.allFunctionTypeIndices
        let allTables = module.allTables
        let allMemories = module.allMemories
        let allGlobals = module.allGlobalTypes
        exports = module.exports.map { entry in
            switch entry.descriptor {
            case .function(let index):
                let type = module.types[Int(functionTypes[Int(index)])]
                return Export(name: entry.name, kind: "function", index: index, type: type.description,
                              cSignature: cDeclaration(of: type, name: "module_" + entry.name))
            case .table(let index):
                return Export(name: entry.name, kind: "table", index: index, type: Self.describe(allTables[Int(index)]))
            case .memory(let index):
                return Export(name: entry.name, kind: "memory", index: index, type: Self.describe(allMemories[Int(index)]))
            case .global(let index):
                return Export(name: entry.name, kind: "global", index: index, type: Self.describe(allGlobals[Int(index)]))
            }
        }
        memories = allMemories.enumerated().map { index, memory in
            Memory(index: index, imported: index < module.importedMemoryCount,
                   minimumPages: memory.limits.minimum, maximumPages: memory.limits.maximum, address64: memory.limits.is64)
        }
        tables = allTables.enumerated().map { index, table in
            Table(index: index, imported: index < module.importedTableCount, elementType: table.elementType.description,
                  minimum: table.limits.minimum, maximum: table.limits.maximum, address64: table.limits.is64)
        }
        features = ModuleFeatures.used(by: module).sorted()
        artifacts = [:]
    }

    /// Sorted keys and pretty printing, so equal manifests are equal bytes.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    private static func describe(_ limits: Limits) -> String {
        "\(limits.minimum)..\(limits.maximum.map(String.init) ?? "")"
    }

    private static func describe(_ table: TableType) -> String { "table \(table.elementType) \(describe(table.limits))" }
    private static func describe(_ memory: MemoryType) -> String { "memory \(describe(memory.limits))" }
    private static func describe(_ global: GlobalType) -> String {
        "global \(global.mutability == .variable ? "mut " : "")\(global.valueType)"
    }
}

/// Which post-1.0 proposals a module uses, found from its types, sections and instructions.
enum ModuleFeatures {
    static func used(by module: Module) -> Set<String> {
        var features = Set<String>()
        let valueTypes = module.types.flatMap { $0.parameters + $0.results } + module.allGlobalTypes.map(\.valueType)
            + module.codes.flatMap { $0.locals.map(\.type) }
        if valueTypes.contains(.v128) { features.insert("simd") }
        if valueTypes.contains(where: \.isReference) || module.allTables.count > 1 { features.insert("reference-types") }
        if module.types.contains(where: { $0.results.count > 1 }) { features.insert("multi-value") }
        if module.allMemories.count > 1 { features.insert("multi-memory") }
        if module.allMemories.contains(where: \.limits.is64) || module.allTables.contains(where: \.limits.is64) {
            features.insert("memory64")
        }
        let mutableGlobalImport = module.imports.contains { if case .global(let type) = $0.descriptor { type.mutability == .variable } else { false } }
        let globalTypes = module.allGlobalTypes
        let mutableGlobalExport = module.exports.contains {
            if case .global(let index) = $0.descriptor { globalTypes[Int(index)].mutability == .variable } else { false }
        }
        if mutableGlobalImport || mutableGlobalExport { features.insert("mutable-globals") }
        if module.data.contains(where: { $0.mode == .passive }) || module.dataCount != nil { features.insert("bulk-memory") }
        for body in module.codes {
            for instruction in body.instructions {
                if let feature = feature(of: instruction, in: module) { features.insert(feature) }
            }
        }
        return features
    }

    private static func feature(of instruction: Instruction, in module: Module) -> String? {
        switch instruction {
        case .block(let type), .loop(let type), .if(let type):
            if case .typeIndex(let index) = type, Int(index) < module.types.count {
                let signature = module.types[Int(index)]
                if !signature.parameters.isEmpty || signature.results.count > 1 { return "multi-value" }
            }
            return nil
        case .memoryInit, .dataDrop, .memoryCopy, .memoryFill, .tableInit, .elemDrop, .tableCopy:
            return "bulk-memory"
        case .tableGet, .tableSet, .tableGrow, .tableSize, .tableFill, .refNull, .refIsNull, .refFunc, .select(.some):
            return "reference-types"
        case .returnCall, .returnCallIndirect:
            return "tail-call"
        case .callIndirect(_, let table):
            return table == 0 ? nil : "reference-types"
        case .laneAccess, .v128Const, .shuffle, .extractLane, .replaceLane:
            return "simd"
        case .load(let op, _):
            return op.rawValue.hasPrefix("v128") ? "simd" : nil
        case .store(let op, _):
            return op.rawValue.hasPrefix("v128") ? "simd" : nil
        case .plain(let op):
            if op.prefix == 0xFD { return op.opcode >= 0x100 ? "relaxed-simd" : "simd" }
            if op.prefix == 0xFC { return "nontrapping-float-to-int" }  // 0xFC 0–7: trunc_sat; the rest have cases
            if (0xC0...0xC4).contains(op.opcode) && op.prefix == 0 { return "sign-extension" }
            return nil
        default:
            return nil
        }
    }
}
