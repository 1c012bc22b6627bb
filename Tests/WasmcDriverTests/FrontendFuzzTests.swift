import SpecTestSupport
import Testing
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// A short, fixed-seed fuzz run on every CI run; `scripts/fuzz.sh` runs millions of cases.
@Suite("Frontend fuzzing")
struct FrontendFuzzTests {
    @Test func mutatedSuiteModulesNeverBreakTheFrontend() throws {
        guard let suite = try SpecSuite.locate() else { return }
        let seeds = try suite.declaredModules()
        #expect(seeds.count > 1000)
        var fuzzer = FrontendFuzzer(corpus: seeds, seed: 20261123)
        let report = fuzzer.run(iterations: 5000)
        print("frontend fuzzing: \(report)")
        #expect(report.cases == 5000)
        #expect(report.internalErrors.isEmpty, "\(report.internalErrors.first ?? "")")
        // Mutations must exercise both rejection paths, or the fuzzer is not reaching the validator.
        #expect(report.malformed > 0 && report.invalid > 0)
    }
}
