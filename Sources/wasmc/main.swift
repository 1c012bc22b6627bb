import WasmcCommands

await Wasmc.runFromCommandLine()
