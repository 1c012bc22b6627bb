import Foundation

/// Links the objects of a partitioned module into one relocatable object (`ld -r` through the C compiler
/// driver), then turns the hidden symbols the partitions called each other through into local ones,
/// so the object, like a single-partition one, defines only `wasmc_module` for the linker.
func mergeObjects(_ objects: [[UInt8]]) throws(CompileError) -> [UInt8] {
    guard objects.count > 1 else { return objects.first ?? [] }
    do {
        let work = try PrivateDirectory(prefix: "wasmc-merge-")
        defer { work.remove() }
        var inputs: [String] = []
        for (index, object) in objects.enumerated() {
            let file = work.url.appendingPathComponent("part\(index).o")
            try OutputFile.write(object, to: file, mode: 0o600, action: "cannot write a temporary file", durable: false)
            inputs.append(file.path)
        }
        let merged = work.url.appendingPathComponent("merged.o")
        try RuntimeLibrary.runCompiler(["-r", "-nostdlib", "-o", merged.path] + inputs)
        guard let objcopy = ["objcopy", "llvm-objcopy", "/usr/lib/llvm-19/bin/llvm-objcopy"].lazy.compactMap(findExecutable).first else {
            throw CompileError.link("objcopy (binutils) or llvm-objcopy is needed to merge the objects of a partitioned module")
        }
        let result = try runProcess(objcopy, ["--localize-hidden", merged.path])
        guard result.status == 0 else { throw CompileError.link("\(objcopy) --localize-hidden failed: \(result.errorOutput)") }
        return try OutputFile.read(merged.path)
    } catch let error as CompileError {
        throw error
    } catch {
        throw .link("cannot merge the partition objects: \(error)")
    }
}
