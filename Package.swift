// swift-tools-version:6.0
import PackageDescription

// LLVM 19 from Debian's llvm-19-dev. Its C headers and libLLVM live outside the default search paths.
let llvmInclude = "/usr/lib/llvm-19/include"
let llvmLib = "/usr/lib/llvm-19/lib"

let package = Package(
    name: "wasmc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wasmc", targets: ["wasmc"]),
        .library(name: "WasmBinary", targets: ["WasmBinary"]),
        .library(name: "WasmIR", targets: ["WasmIR"]),
        .library(name: "WasmFrontend", targets: ["WasmFrontend"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swiftwasm/WasmKit", exact: "0.4.2"),
    ],
    targets: [
        // Stage 1: binary format — decoding into `Module` with malformed-binary errors.
        .target(name: "WasmBinary"),
        // Stage 2: the SSA IR, its printer and verifier.
        .target(name: "WasmIR", dependencies: ["WasmBinary"]),
        // Stage 3: validation and translation of a decoded module into SSA IR.
        .target(name: "WasmFrontend", dependencies: ["WasmBinary", "WasmIR"]),
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
            dependencies: ["WasmIR", "CLLVM", "CLLVMSupport"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])],
            linkerSettings: [.unsafeFlags(["-L\(llvmLib)", "-Xlinker", "-rpath", "-Xlinker", llvmLib])]
        ),
        // Stage 5: compile, link, cache, instantiate and call (libffi), run spec scripts.
        .systemLibrary(name: "CFFI"),
        .target(
            name: "WasmcDriver",
            dependencies: [
                "WasmBinary", "WasmIR", "WasmFrontend", "LLVMBackend", "CFFI",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        // The CLI's commands, as a library so tests can drive them.
        .target(
            name: "WasmcCommands",
            dependencies: [
                "WasmcDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .executableTarget(
            name: "wasmc",
            dependencies: ["WasmcCommands"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),

        // Locates the spec test suite and converts its scripts (tests only).
        .target(name: "SpecTestSupport", path: "Tests/SpecTestSupport"),
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
            dependencies: ["LLVMBackend", "WasmFrontend", .product(name: "WAT", package: "WasmKit")],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
        .testTarget(
            name: "WasmcDriverTests",
            dependencies: [
                "WasmcDriver", "WasmcCommands", "SpecTestSupport",
                .product(name: "WAT", package: "WasmKit"),
                .product(name: "WasmKit", package: "WasmKit"),
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
        ),
    ]
)
