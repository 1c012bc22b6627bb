/// Validation of decoded modules and their translation into SSA IR.
import WasmBinary
import WasmIR
