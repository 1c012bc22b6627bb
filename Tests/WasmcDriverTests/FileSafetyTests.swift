import Foundation
import Testing
@testable import WasmcCompiler
@testable import WasmcDevTools
@testable import WasmcHost
@testable import WasmcSpecTest

/// Scratch directories, output files and the cache against neighbours and careless users (issue 9,
/// part 3). The command-level checks (exit status, one-line errors, a read-only cache as another
/// user, nothing left in $TMPDIR) are in scripts/test.d/files.sh.
@Suite("Private directories")
struct PrivateDirectoryTests {
    @Test func isPrivateUniqueAndRemoved() throws {
        let first = try PrivateDirectory()
        let second = try PrivateDirectory()
        #expect(first.url != second.url)
        for directory in [first, second] {
            let status = try fileStatus(directory.url.path)
            #expect(status.st_mode & S_IFMT == S_IFDIR)
            #expect(status.st_mode & 0o7777 == 0o700)
            #expect(status.st_uid == geteuid())
        }
        try Data("x".utf8).write(to: first.url.appendingPathComponent("file"))
        first.remove()
        #expect(!FileManager.default.fileExists(atPath: first.url.path))
        second.remove()
    }

    /// The scratch directory holds artifacts for the process's lifetime; it is private too.
    @Test func scratchPathsAreUniqueInAPrivateDirectory() throws {
        let one = try ScratchDirectory.uniquePath("a.so")
        let two = try ScratchDirectory.uniquePath("a.so")
        #expect(one != two)
        let status = try fileStatus(one.deletingLastPathComponent().path)
        #expect(status.st_mode & 0o7777 == 0o700)
        #expect(status.st_uid == geteuid())
    }

    /// wasmc used `$TMPDIR/wasmc-<pid>`, creating it only if missing: a symlink planted there by
    /// another user redirected every artifact built without a cache into the planter's directory.
    /// (Old wasmc runs leave such directories behind; when one has this test's pid, nothing can be
    /// planted, but the artifacts must still not land in it.)
    @Test func aSymlinkAtThePredictablePathIsNotFollowed() throws {
        let planter = try PrivateDirectory(prefix: "wasmc-planted-")
        defer { planter.remove() }
        let predictable = FileManager.default.temporaryDirectory.appendingPathComponent("wasmc-\(getpid())")
        let planted = symlink(planter.url.path, predictable.path) == 0
        defer { if planted { unlink(predictable.path) } }
        let runtimeSources = try FakeRuntime()
        let runtime = try RuntimeLibrary.prepare(sourceDirectory: runtimeSources.directory.url, cache: nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: planter.url.path).isEmpty)
        #expect(!runtime.runtimePath.standardizedFileURL.path.hasPrefix(predictable.standardizedFileURL.path + "/"))
        #expect(try fileStatus(runtime.runtimePath.deletingLastPathComponent().path).st_mode & 0o7777 == 0o700)
    }
}

@Suite("Output files")
struct OutputFileTests {
    private let bytes = Array("new contents".utf8)

    /// Each special file stays what it was; nothing else is left in its directory.
    private func expectRefused(_ target: URL, in directory: PrivateDirectory, kind: String) throws {
        let before = try fileStatus(target.path, following: false)
        let error = try #require(throws: FileError.self) {
            try OutputFile.write(bytes, to: target, mode: 0o644)
        }
        #expect(error.description == "cannot write the output: \(target.path): \(kind), not a regular file; refusing to replace it")
        let after = try fileStatus(target.path, following: false)
        #expect(after.st_mode == before.st_mode && after.st_ino == before.st_ino)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).count == 1)
    }

    @Test func aFIFOIsRefused() throws {
        let directory = try PrivateDirectory()
        let fifo = directory.url.appendingPathComponent("fifo")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        try expectRefused(fifo, in: directory, kind: "is a FIFO")
    }

    @Test func aSymlinkIsRefusedAndItsTargetUntouched() throws {
        let directory = try PrivateDirectory()
        let victim = try PrivateDirectory()
        let target = victim.url.appendingPathComponent("precious")
        try Data("precious".utf8).write(to: target)
        let link = directory.url.appendingPathComponent("link")
        try #require(symlink(target.path, link.path) == 0)
        try expectRefused(link, in: directory, kind: "is a symbolic link")
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious")
    }

    @Test func aDirectoryIsRefused() throws {
        let directory = try PrivateDirectory()
        let subdirectory = directory.url.appendingPathComponent("out")
        try #require(mkdir(subdirectory.path, 0o700) == 0)
        try expectRefused(subdirectory, in: directory, kind: "is a directory")
    }

    /// A copy of /dev/null's device (1, 3), made in a private directory: only root may make one.
    @Test(.enabled(if: geteuid() == 0, "mknod needs root")) func aDeviceNodeIsRefused() throws {
        let directory = try PrivateDirectory()
        let device = directory.url.appendingPathComponent("null")
        try #require(mknod(device.path, S_IFCHR | 0o666, dev_t(0x103) /* makedev(1, 3) */) == 0, "mknod: \(String(cString: strerror(errno)))")
        try expectRefused(device, in: directory, kind: "is a character device")
    }

    @Test func aRegularFileIsReplacedWithTheGivenMode() throws {
        let directory = try PrivateDirectory()
        let target = directory.url.appendingPathComponent("out")
        try Data("old".utf8).write(to: target)
        try OutputFile.write(bytes, to: target, mode: 0o751)
        #expect(try OutputFile.read(target.path) == bytes)
        #expect(try fileStatus(target.path).st_mode & 0o7777 == 0o751)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["out"])
    }

    @Test func errorsNameTheUsersPathAndTheSystemsReason() throws {
        let directory = try PrivateDirectory()
        let missing = directory.url.appendingPathComponent("no/such/dir/out")
        let error = try #require(throws: FileError.self) { try OutputFile.write(bytes, to: missing, mode: 0o644) }
        #expect(error.description == "cannot write the output: \(missing.path): No such file or directory")
        let unreadable = try #require(throws: FileError.self) { try OutputFile.read(directory.url.path) }
        #expect(unreadable.description == "cannot read the input: \(directory.url.path): Is a directory")
        #expect(FileError("x", path: "a\nb", reason: "r").description == "x: a\\nb: r")
    }
}

@Suite("Cache permissions and ownership")
struct CachePermissionTests {
    private func makeCache(_ warnings: WarningLog) throws -> (ArtifactCache, PrivateDirectory) {
        let parent = try PrivateDirectory()
        // Two levels that do not exist yet: every directory the cache makes is private.
        return (ArtifactCache(directory: parent.url.appendingPathComponent("cache/wasmc"), warn: { warnings.append($0) }), parent)
    }

    @Test func directoriesFilesAndExecutablesArePrivate() throws {
        let warnings = WarningLog()
        let (cache, parent) = try makeCache(warnings)
        _ = try cache.store("k", suffix: ".a") { try Data("data".utf8).write(to: $0) }
        let program = try cache.store("k", suffix: "-exe") { url in
            try Data("#!/bin/sh\n".utf8).write(to: url)
            chmod(url.path, 0o755)
        }
        #expect(warnings.messages.isEmpty)
        for directory in ["cache", "cache/wasmc", "cache/wasmc/ac", "cache/wasmc/cas", "cache/wasmc/leases"] {
            #expect(try fileStatus(parent.url.appendingPathComponent(directory).path).st_mode & 0o7777 == 0o700, "\(directory)")
        }
        #expect(try fileStatus(cache.path(for: "k", suffix: ".a").path).st_mode & 0o7777 == 0o600)
        let data = cache.directory.appendingPathComponent("cas/" + ArtifactCache.digest(Data("data".utf8)))
        #expect(try fileStatus(data.path).st_mode & 0o7777 == 0o600)
        let executable = cache.directory.appendingPathComponent("cas/" + ArtifactCache.digest(Data("#!/bin/sh\n".utf8)))
        #expect(try fileStatus(executable.path).st_mode & 0o7777 == 0o700)
        #expect(try fileStatus(program.path).st_mode & 0o7777 == 0o700)
        let hit = try #require(cache.lookup("k", suffix: "-exe"))
        #expect(try fileStatus(hit.path).st_ino == fileStatus(executable.path).st_ino, "handed out as a hard link of the blob")
    }

    /// A cache directory someone else owns (here: nobody) is neither read nor written.
    @Test(.enabled(if: geteuid() == 0, "chown needs root")) func aCacheOfAnotherUserIsRefused() throws {
        let warnings = WarningLog()
        let (cache, parent) = try makeCache(warnings)
        // A well-formed entry planted by someone else: it must not be used.
        let other = ArtifactCache(directory: cache.directory, warn: { _ in })
        _ = try other.store("k", suffix: ".so") { try Data("planted".utf8).write(to: $0) }
        try #require(chown(cache.directory.path, 65534, 65534) == 0)
        let fresh = ArtifactCache(directory: cache.directory, warn: { warnings.append($0) })
        #expect(fresh.lookup("k", suffix: ".so") == nil)
        let built = try fresh.store("k", suffix: ".so") { try Data("mine".utf8).write(to: $0) }
        #expect(try OutputFile.read(built.path) == Array("mine".utf8))
        #expect(!built.path.hasPrefix(cache.directory.path))
        #expect(FileManager.default.fileExists(atPath: cache.path(for: "k", suffix: ".so").path), "another user's entry is left alone")
        #expect(warnings.messages.count == 1)
        #expect(warnings.messages.first?.contains("owned by uid 65534") == true)
        _ = parent
    }

    /// Blobs of another user inside this user's cache (a shared directory once, a restored backup) are not trusted.
    @Test(.enabled(if: geteuid() == 0, "chown needs root")) func aBlobOfAnotherUserIsNotUsed() throws {
        let warnings = WarningLog()
        let (cache, _) = try makeCache(warnings)
        _ = try cache.store("k", suffix: ".so") { try Data("mine".utf8).write(to: $0) }
        let blob = cache.directory.appendingPathComponent("cas/" + ArtifactCache.digest(Data("mine".utf8)))
        try #require(chown(blob.path, 65534, 65534) == 0)
        #expect(cache.lookup("k", suffix: ".so") == nil)
        #expect(warnings.messages.count == 1)
    }

    @Test func aCacheOthersCanWriteIsRefused() throws {
        let warnings = WarningLog()
        let (cache, _) = try makeCache(warnings)
        try FileManager.default.createDirectory(at: cache.directory, withIntermediateDirectories: true)
        try #require(chmod(cache.directory.path, 0o777) == 0)
        let built = try cache.store("k", suffix: ".so") { try Data("mine".utf8).write(to: $0) }
        #expect(!built.path.hasPrefix(cache.directory.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.directory.path).isEmpty)
        #expect(warnings.messages.count == 1)
    }

    /// Action entries and blobs that are symlinks (to files with the right contents) are not trusted.
    @Test func symlinkedEntriesAndBlobsAreNotUsed() throws {
        let warnings = WarningLog()
        let (cache, parent) = try makeCache(warnings)
        _ = try cache.store("k", suffix: ".so") { try Data("mine".utf8).write(to: $0) }
        let entry = cache.path(for: "k", suffix: ".so")
        let elsewhere = parent.url.appendingPathComponent("elsewhere")
        try FileManager.default.copyItem(at: entry, to: elsewhere)
        unlink(entry.path)
        try #require(symlink(elsewhere.path, entry.path) == 0)
        #expect(cache.lookup("k", suffix: ".so") == nil)
        #expect(warnings.messages.count == 1)

        _ = try cache.store("k", suffix: ".so") { try Data("mine".utf8).write(to: $0) }
        let blob = cache.directory.appendingPathComponent("cas/" + ArtifactCache.digest(Data("mine".utf8)))
        let blobElsewhere = parent.url.appendingPathComponent("blob")
        try Data("mine".utf8).write(to: blobElsewhere)
        unlink(blob.path)
        try #require(symlink(blobElsewhere.path, blob.path) == 0)
        #expect(cache.lookup("k", suffix: ".so") == nil)
        #expect(warnings.messages.count == 2)
        #expect(try OutputFile.read(blobElsewhere.path) == Array("mine".utf8), "the symlink's target is left alone")
    }
}

/// A runtime source tree with the shape `RuntimeLibrary` expects but almost nothing to compile.
struct FakeRuntime {
    let directory: PrivateDirectory

    init() throws {
        directory = try PrivateDirectory(prefix: "wasmc-fake-runtime-")
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("include"), withIntermediateDirectories: true)
        try Data("/* \(UUID()) */\n".utf8).write(to: directory.url.appendingPathComponent("include/wasmc_rt.h"))
        try Data("int fake_runtime;\n".utf8).write(to: directory.url.appendingPathComponent("runtime.c"))
        try Data("int fake_spectest;\n".utf8).write(to: directory.url.appendingPathComponent("spectest.c"))
    }
}

func fileStatus(_ path: String, following: Bool = true) throws -> stat {
    var status = stat()
    let result = following ? stat(path, &status) : lstat(path, &status)
    guard result == 0 else { throw FileError("stat", path: path, errno: errno) }
    return status
}
