//! JSONTestSuite (`../shared/data/JSONTestSuite/test_parsing`): every `y_` file is
//! accepted, every `n_` file is rejected with `json-syntax` or `json-too-deep` (or
//! `body-empty` when there is no text at all) and a position, and every `i_` file is handled without a crash.

use std::path::PathBuf;

use invite_playground::validate::{check_bytes, CheckOptions};

fn suite() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/JSONTestSuite/test_parsing");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() > 300, "the suite is incomplete: {} files", files.len());
    files
}

/// An empty or all-whitespace file is "no body at all": SPEC §2 names that `body-empty`.
const SYNTAX: [&str; 3] = ["json-syntax", "json-too-deep", "body-empty"];

#[test]
fn accepted_rejected_and_survived() {
    let options = CheckOptions::default();
    let mut failures = Vec::new();
    for (name, bytes) in suite() {
        let checked = check_bytes(&bytes, &options);
        let syntax: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| SYNTAX.contains(&d.code()))
            .collect();
        if name.starts_with("y_") && !syntax.is_empty() {
            failures.push(format!("{name}: rejected: {}", syntax[0].message(Default::default())));
        }
        if name.starts_with("n_") {
            match syntax.first() {
                None => failures.push(format!("{name}: accepted {:?}", String::from_utf8_lossy(&bytes))),
                Some(d) if d.position.is_none() => failures.push(format!("{name}: no position")),
                Some(_) => {}
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} conformance failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
