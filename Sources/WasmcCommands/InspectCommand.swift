import ArgumentParser
import Foundation
import WasmcCompiler

/// `wasmc inspect FILE.wasm [--json]`: the module's manifest (what `GET /v1/artifacts/KEY/manifest`
/// answers), as a table or as JSON.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a module's imports, exports, memories, tables, features and cache key."
    )

    @Argument(help: "The .wasm file.")
    var file: String

    @Flag(help: "Print the manifest as JSON.")
    var json = false

    @OptionGroup var compilation: CompilationArguments

    func run() throws {
        let bytes = try readInputFile(file)
        do {
            let options = compilation.options(defaultTargetCPU: "generic")
            let runtime = try RuntimeLibrary.prepare(cache: compilation.cacheDirectory.map { ArtifactCache(directory: $0) })
            let manifest = try ModuleManifest(module: bytes, compiler: Compiler(options: options, runtime: runtime, cache: nil))
            print(json ? String(decoding: manifest.jsonData(), as: UTF8.self) : Self.table(manifest), terminator: json ? "\n" : "")
        } catch {
            reportFailure(error, file: file)
            throw ExitCode.failure
        }
    }

    static func table(_ manifest: ModuleManifest) -> String {
        let inputs = manifest.inputs
        var lines = [
            "module     sha256 \(manifest.moduleSHA256) (\(manifest.moduleSize) bytes)",
            "cache key  \(manifest.cacheKey)",
            "inputs     wasmc \(inputs.compilerVersion), -O\(inputs.optimizationLevel), bounds \(inputs.boundsChecks), "
                + "cpu \(inputs.resolvedTargetCPU), \(inputs.targetTriple), runtime ABI \(inputs.runtimeABIVersion)",
            "features   \(manifest.features.isEmpty ? "(WebAssembly 1.0 only)" : manifest.features.joined(separator: ", "))",
        ]
        func section(_ title: String, _ rows: [[String]]) {
            lines.append("")
            lines.append("\(title) (\(rows.count))")
            guard let columns = rows.first?.count else { return }
            let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
            for row in rows {
                let cells = row.enumerated().map { column, cell in
                    column == columns - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                }
                lines.append("  " + cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            }
        }
        section("imports", manifest.imports.map { [$0.kind, "\($0.module).\($0.name)", $0.type, $0.cSignature ?? ""] })
        section("exports", manifest.exports.map { [$0.kind, $0.name, $0.type, $0.cSignature ?? ""] })
        section("memories", manifest.memories.map {
            ["\($0.index)", "\($0.minimumPages)..\($0.maximumPages.map(String.init) ?? "") pages", $0.imported ? "imported" : "defined"]
        })
        section("tables", manifest.tables.map {
            ["\($0.index)", $0.elementType, "\($0.minimum)..\($0.maximum.map(String.init) ?? "")", $0.imported ? "imported" : "defined"]
        })
        return lines.joined(separator: "\n") + "\n"
    }
}
