/// The compiler's version; part of every cache key, so bump it whenever generated code can change.
public let compilerVersion = "0.1.0"
