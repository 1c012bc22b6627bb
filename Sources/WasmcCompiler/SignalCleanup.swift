import Foundation

/// Removes the private directories when a terminating signal arrives, then lets the signal end the
/// process as it would have. The handler only writes the signal number to a pipe (async-signal-safe);
/// a thread does the removal. Handlers, unlike ignored signals, are reset by `exec`, so programs
/// wasmc starts see the default dispositions. Signals ignored at startup (`nohup`) stay ignored.
enum SignalCleanup {
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    private static let childrenLock = NSLock()
    nonisolated(unsafe) private static var children: Set<pid_t> = []

    /// A running child (a C compiler writing into a private directory), killed before the removal so
    /// that it cannot write into a directory being removed.
    static func track(_ child: pid_t) {
        childrenLock.withLock { _ = children.insert(child) }
    }

    static func untrack(_ child: pid_t) {
        childrenLock.withLock { _ = children.remove(child) }
    }

    static func install() {
        _ = installed
    }

    private static let installed: Bool = {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return false }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        writeEnd = ends[1]
        let readEnd = ends[0]
        #if canImport(Glibc)
        let thread = Thread {
            var number: Int32 = 0
            while read(readEnd, &number, MemoryLayout<Int32>.size) != MemoryLayout<Int32>.size {
                if errno != EINTR { return }
            }
            PrivateDirectory.removeAllLive(first: {
                let running = childrenLock.withLock { children }
                for child in running { kill(child, SIGKILL) }
            }, then: {
                signal(number, SIG_DFL)
                kill(getpid(), number)
                usleep(1_000_000)  // the signal ends the process here
            })
        }
        thread.start()
        for number in signals {
            var previous = sigaction()
            guard sigaction(number, nil, &previous) == 0, previous.__sigaction_handler.sa_handler == nil else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var value = number
                _ = write(SignalCleanup.writeEnd, &value, MemoryLayout<Int32>.size)
            }
            sigemptyset(&action.sa_mask)
            // Interrupted reads (Foundation's pipes to the C compiler) must resume, not fail.
            action.sa_flags = SA_RESTART
            sigaction(number, &action, nil)
        }
        #endif
        return true
    }()
}
