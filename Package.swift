// swift-tools-version:6.0
import PackageDescription

// LLVM 19 from Debian's llvm-19-dev. Its C headers and libLLVM live outside the default search paths.
let llvmInclude = "/usr/lib/llvm-19/include"
let llvmLib = "/usr/lib/llvm-19/lib"

let package = Package(
    name: "wasmc",
    // Linux only (ELF, /proc, Debian's LLVM and libffi): no `platforms` entry.
    products: [
        .executable(name: "wasmc", targets: ["wasmc"]),
        .library(name: "WasmBinary", targets: ["WasmBinary"]),
        .library(name: "WasmIR", targets: ["WasmIR"]),
        .library(name: "WasmFrontend", targets: ["WasmFrontend"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // Stage 1: binary format — decoding into `Module` with malformed-binary errors.
        .target(name: "WasmBinary"),
        // Stage 2: the SSA IR, its printer and verifier.
        .target(name: "WasmIR", dependencies: ["WasmBinary"]),
        // Stage 3: validation and translation of a decoded module into SSA IR.
        .target(name: "WasmFrontend", dependencies: ["WasmBinary", "WasmIR"]),
        // The runtime's ABI header, `runtime-c/include/wasmc_rt.h`, shared by the backend and the host.
        .systemLibrary(name: "CWasmcRuntime"),
        // Stage 4: LLVM-C lowering of the IR to a native object.
        .systemLibrary(name: "CLLVM"),
        // The few LLVM queries the C API lacks (is a CPU name known), over LLVM's C++ API.
        .target(
            name: "CLLVMSupport",
            cxxSettings: [.unsafeFlags(["-I\(llvmInclude)", "-std=c++17", "-fno-rtti"])],
            linkerSettings: [.unsafeFlags(["-L\(llvmLib)"]), .linkedLibrary("LLVM-19")]
        ),
        .target(
            name: "LLVMBackend",
            dependencies: ["WasmIR", "CLLVM", "CLLVMSupport", "CWasmcRuntime"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])],
            linkerSettings: [.unsafeFlags(["-L\(llvmLib)", "-Xlinker", "-rpath", "-Xlinker", llvmLib])]
        ),
        // Stage 5: frontend and backend calls, objects, executables, the runtime library, the artifact cache.
        .target(
            name: "WasmcCompiler",
            dependencies: [
                "WasmBinary", "WasmIR", "WasmFrontend", "LLVMBackend",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // libffi, for calls of any signature.
        .systemLibrary(name: "CFFI"),
        // Loading compiled modules in this process: dlopen, instances, the linker, values, libffi calls.
        .target(
            name: "WasmcHost",
            dependencies: ["WasmcCompiler", "WasmBinary", "WasmIR", "LLVMBackend", "CWasmcRuntime", "CFFI"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // `wasmc run --engine interpreter`: modules run in this process through the WasmKit library.
        .target(
            name: "WasmcInterpreter",
            dependencies: [
                "WasmcHost", "WasmcCompiler", "WasmBinary", "WasmIR", "LLVMBackend",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmKitWASI", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // The `.wast` runner and its expected values.
        .target(
            name: "WasmcSpecTest",
            dependencies: ["WasmcHost", "WasmcCompiler", "WasmBinary", "WasmIR"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // Developer tools: the frontend fuzzer, the frontend benchmark and `wasmc bench`.
        .target(
            name: "WasmcDevTools",
            dependencies: ["WasmcCompiler", "WasmBinary", "WasmIR", "WasmFrontend"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // `wasmc serve`: the HTTP compile service over the compiler, in child processes.
        .target(
            name: "WasmcService",
            dependencies: [
                "WasmcCompiler", "WasmBinary",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // The CLI's commands, as a library so tests can drive them.
        .target(
            name: "WasmcCommands",
            dependencies: [
                "WasmcCompiler", "WasmcHost", "WasmcInterpreter", "WasmcSpecTest", "WasmcDevTools", "WasmcService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .executableTarget(
            name: "wasmc",
            dependencies: ["WasmcCommands"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),

        // Locates the spec test suite and reads its scripts through the `.wast` runner's parser (tests only).
        .target(
            name: "SpecTestSupport",
            dependencies: ["WasmcSpecTest"],
            path: "Tests/SpecTestSupport",
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .testTarget(name: "WasmBinaryTests", dependencies: ["WasmBinary"]),
        .testTarget(name: "WasmIRTests", dependencies: ["WasmIR"]),
        .testTarget(
            name: "WasmFrontendTests",
            dependencies: [
                "WasmFrontend", "SpecTestSupport",
                .product(name: "WAT", package: "WasmKit"),
            ]
        ),
        .testTarget(
            name: "LLVMBackendTests",
            dependencies: ["LLVMBackend", "WasmFrontend", "CWasmcRuntime", .product(name: "WAT", package: "WasmKit")],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .testTarget(
            name: "WasmcCommandsTests",
            dependencies: [
                "WasmcCommands", "WasmcCompiler", "WasmcDevTools", "WasmcHost", "WasmcInterpreter", "WasmBinary", "WasmIR",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .testTarget(
            name: "WasmcServiceTests",
            dependencies: [
                "WasmcService", "WasmcCompiler", "CWasmcRuntime",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .testTarget(
            name: "WasmcDriverTests",
            dependencies: [
                "WasmcCompiler", "WasmcHost", "WasmcSpecTest", "WasmcDevTools", "WasmcCommands", "SpecTestSupport",
                "CWasmcRuntime", "CFFI",
                .product(name: "WAT", package: "WasmKit"),
                .product(name: "WasmKit", package: "WasmKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
    ]
)
