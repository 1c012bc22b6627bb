import WasmcCommands

Wasmc.main()
