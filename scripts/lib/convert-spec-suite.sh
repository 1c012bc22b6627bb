# Sourced: defines convert_spec_suite SUITE OUT, which converts every top-level script of the spec suite
# to JSON + binary modules with wasm-tools, one folder per script (OUT/NAME/NAME.json).
convert_spec_suite() {
    local script name
    for script in "$1"/*.wast; do
        name=$(basename "$script" .wast)
        mkdir -p "$2/$name"
        wasm-tools json-from-wast "$script" -o "$2/$name/$name.json" --wasm-dir "$2/$name/" >/dev/null
    done
}
