import ArgumentParser
import WasmcDriver

/// The code-generation options shared by the commands that compile and run modules.
struct CompilationArguments: ParsableArguments {
    @Option(name: .customShort("O", allowingJoined: true), help: "Optimisation level 0-3 (-O0 … -O3).")
    var optimizationLevel: Int = 2

    @Option(name: .long, help: "Memory bounds checks: guard (guard pages and signals) or explicit (a compare per access).")
    var boundsChecks: String = BoundsCheckMode.guardPages.rawValue

    @Flag(name: .long, help: "Compile without reading or writing the artifact cache.")
    var noCache = false

    func validate() throws {
        guard (0...3).contains(optimizationLevel) else { throw ValidationError("-O takes 0, 1, 2 or 3") }
        guard BoundsCheckMode(rawValue: boundsChecks) != nil else { throw ValidationError("--bounds-checks takes guard or explicit") }
    }

    var options: CompilationOptions {
        CompilationOptions(optimizationLevel: optimizationLevel, boundsChecks: BoundsCheckMode(rawValue: boundsChecks) ?? .guardPages)
    }

    /// The flags that reproduce these options on a child command line.
    var commandLine: [String] {
        ["-O\(optimizationLevel)", "--bounds-checks", boundsChecks] + (noCache ? ["--no-cache"] : [])
    }
}
