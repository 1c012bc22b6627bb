/// Compiling, linking, caching and running modules.
import WasmBinary
