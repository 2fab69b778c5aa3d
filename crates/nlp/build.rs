//! Embeds every `data/kb/*.tsv` file: writes `$OUT_DIR/kb_files.rs`, a list of (file name,
//! contents) pairs, so that adding a KB file needs no code change. Also fingerprints what
//! decides the pipeline's output (this crate's sources, the models, KB, lexicons and gazetteer)
//! as `DATELINE_PIPELINE_FINGERPRINT`, so a store can tell which documents need reprocessing.

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
    let root = Path::new(&manifest);
    let inputs = [
        root.join("src"),
        root.join("../../data/models"),
        root.join("../../data/kb"),
        root.join("../../data/lexicon"),
        root.join("../../data/gazetteer"),
    ];
    let mut files = Vec::new();
    for input in &inputs {
        println!("cargo:rerun-if-changed={}", input.display());
        collect_files(input, &mut files);
    }
    files.sort();
    // FNV-1a over relative paths and contents: stable across machines and checkouts.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        let relative = file.strip_prefix(root).unwrap_or(file);
        feed(relative.to_string_lossy().replace('\\', "/").as_bytes());
        feed(&std::fs::read(file).unwrap_or_default());
    }
    println!("cargo:rustc-env=DATELINE_PIPELINE_FINGERPRINT={hash:016x}");
}

fn collect_files(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
