import Foundation

/// Links the objects of a partitioned module into one relocatable object (`ld -r` through the C compiler
/// driver), then turns the hidden symbols the partitions called each other through into local ones,
/// so the object, like a single-partition one, defines only `wasmc_module` for the linker.
func mergeObjects(_ objects: [[UInt8]]) throws(CompileError) -> [UInt8] {
    guard objects.count > 1 else { return objects.first ?? [] }
    let work = ArtifactCache.privateTemporaryDirectory().appendingPathComponent("merge-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    do {
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var inputs: [String] = []
        for (index, object) in objects.enumerated() {
            let file = work.appendingPathComponent("part\(index).o")
            try Data(object).write(to: file)
            inputs.append(file.path)
        }
        let merged = work.appendingPathComponent("merged.o")
        try RuntimeLibrary.runCompiler(["-r", "-nostdlib", "-o", merged.path] + inputs)
        guard let objcopy = ["objcopy", "llvm-objcopy", "/usr/lib/llvm-19/bin/llvm-objcopy"].lazy.compactMap(findExecutable).first else {
            throw CompileError.link("objcopy (binutils) or llvm-objcopy is needed to merge the objects of a partitioned module")
        }
        let result = try runProcess(objcopy, ["--localize-hidden", merged.path])
        guard result.status == 0 else { throw CompileError.link("\(objcopy) --localize-hidden failed: \(result.errorOutput)") }
        return Array(try Data(contentsOf: merged))
    } catch let error as CompileError {
        throw error
    } catch {
        throw .link("cannot merge the partition objects: \(error)")
    }
}
