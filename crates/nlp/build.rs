//! Embeds every `data/kb/*.tsv` file: writes `$OUT_DIR/kb_files.rs`, a list of (file name,
//! contents) pairs, so that adding a KB file needs no code change.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let kb_dir = Path::new(&manifest).join("../../data/kb");
    println!("cargo:rerun-if-changed={}", kb_dir.display());
    let mut files: Vec<String> = std::fs::read_dir(&kb_dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".tsv"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("/// The bundled KB files, sorted by name.\npub(crate) const KB_FILES: &[(&str, &str)] = &[\n");
    for name in &files {
        let path = kb_dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            format!("data/kb/{name}"),
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("kb_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
