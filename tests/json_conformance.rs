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

/// What a report streams from the tree ([`Json`]) is what the JSON value of the same
/// text ([`to_value`]) writes, compact and pretty: every suite file that parses, and
/// repeated names (the first place keeps the last value, as `serde_json` reads them).
#[test]
fn the_streamed_tree_writes_what_its_json_value_writes() {
    use invite_playground::validate::{to_value, tree, Json};
    let extra = [
        r#"{"a":1,"b":{"c":[1,2,{"c":3,"c":4}]},"a":[5],"d":{},"e":[],"a":null}"#,
        r#"{"k":1e400,"n":-0.0,"f":1.50,"s":"\u00e9\ud83d\ude00\n","t":true,"u":false}"#,
        r#"[{"x":{"y":1,"y":{"y":2,"z":3,"y":4}}},{},[[],{}]]"#,
    ];
    let mut compared = 0;
    let texts = suite()
        .into_iter()
        .filter_map(|(_, bytes)| String::from_utf8(bytes).ok())
        .chain(extra.map(str::to_owned));
    for text in texts {
        let Some(tree) = tree(&text) else { continue };
        let value = to_value(&tree.root());
        let streamed = Json(tree.root());
        assert_eq!(
            serde_json::to_string(&streamed).unwrap(),
            serde_json::to_string(&value).unwrap(),
            "{text:?}"
        );
        assert_eq!(
            serde_json::to_string_pretty(&streamed).unwrap(),
            serde_json::to_string_pretty(&value).unwrap(),
            "{text:?}"
        );
        compared += 1;
    }
    assert!(compared > 100, "only {compared} texts parsed");
}
