;; Prints what the host granted, byte for byte: "argv:" then every argument NUL-terminated, "environ:"
;; then every NAME=VALUE NUL-terminated, then "preopen:NAME" for each preopened directory (fds 3, 4, …),
;; each part ending in a newline. Used by scripts/test.d/host-options.sh.
(module
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $env_sizes (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $env_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_get" (func $prestat (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $prestat_name (param i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $write (param i32 i32 i32 i32) (result i32)))
  ;; 0..8 iovec, 16/20 counts, 24..32 prestat, 64.. labels, 0x1000.. pointer arrays, 0x10000.. strings.
  (memory (export "memory") 16)
  (data (i32.const 64) "argv:environ:preopen:\n")
  (func $out (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "_start") (local $fd i32)
    (drop (call $args_sizes (i32.const 16) (i32.const 20)))
    (drop (call $args_get (i32.const 0x1000) (i32.const 0x10000)))
    (call $out (i32.const 64) (i32.const 5))
    (call $out (i32.const 0x10000) (i32.load (i32.const 20)))
    (call $out (i32.const 85) (i32.const 1))
    (drop (call $env_sizes (i32.const 16) (i32.const 20)))
    (drop (call $env_get (i32.const 0x1000) (i32.const 0x10000)))
    (call $out (i32.const 69) (i32.const 8))
    (call $out (i32.const 0x10000) (i32.load (i32.const 20)))
    (call $out (i32.const 85) (i32.const 1))
    (local.set $fd (i32.const 3))
    (block $done
      (loop $next
        (br_if $done (call $prestat (local.get $fd) (i32.const 24)))
        (drop (call $prestat_name (local.get $fd) (i32.const 0x10000) (i32.load (i32.const 28))))
        (call $out (i32.const 77) (i32.const 8))
        (call $out (i32.const 0x10000) (i32.load (i32.const 28)))
        (call $out (i32.const 85) (i32.const 1))
        (local.set $fd (i32.add (local.get $fd) (i32.const 1)))
        (br $next)))))
