/// Lowers WasmIR to native code through the LLVM 19 C API.
import CLLVM
import WasmIR
