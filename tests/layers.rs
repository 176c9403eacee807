//! The architecture's rules, checked on the source tree (ARCHITECTURE.md, "Layers"):
//! every module imports only from its own layer or below, the module graph has no
//! circles (between top-level modules, and between sibling files of one module), and
//! the engine and the app name no browser, terminal, clock or randomness crate.
//!
//! Imports are read from the text: every `crate::engine::x`, `crate::app::x`,
//! `crate::ui`, `crate::cli` path (in `use` lines and inline) and every `super::x`
//! that names a sibling file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Top-level modules from the ground up; a module may use its own layer and below.
const LAYERS: &[&[&str]] = &[
    &[
        "engine::model",
        "engine::pointer",
        "engine::source",
        "engine::vocabulary",
    ],
    &[
        "engine::input",
        "engine::curl",
        "engine::credential",
        "engine::schema",
        "engine::call_context",
    ],
    &["engine::diagnostic"],
    &["engine::validate"],
    &["engine::http", "engine::snippet"],
    &["engine::scenarios", "engine::explain"],
    &["engine::simulate"],
    &["engine::report"],
    &["app::worker"],
    &["app::edit", "app::share", "app::state", "cli", "mock"],
    &["app::link"],
    &["ui"],
];

/// Names an engine or app file must not contain: browser, terminal, clock, randomness.
const FOREIGN: &[&str] = &[
    "yew",
    "gloo",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "lexopt",
    "SystemTime",
    "Instant::now",
    "std::env",
    // The terminal and the machine; `std::io::Write` itself is allowed, as the byte
    // sink `serde_json` writes into (`http::write_pretty_json` passes its text on).
    "io::stdin",
    "io::stdout",
    "io::stderr",
    "std::fs",
    "std::net",
    "std::process",
    "rand::",
];

struct Source {
    path: PathBuf,
    /// `engine::validate::body`, `app::state`, `ui::components::app`, `cli`…
    module: Vec<String>,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).unwrap().with_extension("");
                let mut module: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if module.last().is_some_and(|last| last == "mod") {
                    module.pop();
                }
                let text = fs::read_to_string(&path).unwrap();
                out.push(Source { path, module, text });
            }
        }
    }
    out
}

/// The top-level module a file belongs to (`engine::validate`, `app::state`, `ui`, `cli`),
/// or `None` for the crate root and `main`.
fn top_level(module: &[String]) -> Option<String> {
    match module {
        [first, second, ..] if first == "engine" || first == "app" => Some(format!("{first}::{second}")),
        [first, ..] if first == "ui" || first == "cli" || first == "mock" => Some(first.clone()),
        _ => None,
    }
}

fn layer(top: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top))
        .unwrap_or_else(|| panic!("`{top}` has no layer: add it to LAYERS and ARCHITECTURE.md"))
}

/// The code of a file without comments, so prose that names a module is not an import.
fn code(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every top-level module a file's code names through `crate::`.
fn crate_references(text: &str) -> BTreeSet<String> {
    let code = code(text);
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let words: Vec<&str> = rest
            .split("::")
            .take(2)
            .map(|word| {
                word.split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or("")
            })
            .collect();
        match words.as_slice() {
            [first, second] if (*first == "engine" || *first == "app") && !second.is_empty() => {
                out.insert(format!("{first}::{second}"));
            }
            [first, ..] if *first == "ui" || *first == "cli" => {
                out.insert((*first).to_owned());
            }
            _ => {}
        }
    }
    out
}

/// The cycle through `graph`, if any, as the list of nodes on it.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            return Some(path[start..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_imports_from_a_higher_layer() {
    let mut violations = Vec::new();
    for source in sources() {
        let Some(from) = top_level(&source.module) else {
            continue;
        };
        for to in crate_references(&source.text) {
            if to != from && layer(&to) > layer(&from) {
                violations.push(format!("{} ({from}) imports {to}", source.path.display()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports from a higher layer:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_module_graph_has_no_circles() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources() {
        let Some(from) = top_level(&source.module) else {
            continue;
        };
        let edges = graph.entry(from.clone()).or_default();
        edges.extend(crate_references(&source.text).into_iter().filter(|to| *to != from));
    }
    assert!(graph.len() > 15, "the scan found the modules: {:?}", graph.keys());
    assert_eq!(find_cycle(&graph), None, "a circle between top-level modules");
}

#[test]
fn sibling_files_of_a_module_have_no_circles() {
    let sources = sources();
    let files: BTreeSet<Vec<String>> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in &sources {
        let Some((_, parent)) = source.module.split_last() else {
            continue;
        };
        let name = source.module.join("::");
        let edges = graph.entry(name.clone()).or_default();
        let code = code(&source.text);
        for (at, _) in code.match_indices("super::") {
            let word: String = code[at + "super::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let mut sibling = parent.to_vec();
            sibling.push(word);
            // `super::Item` names the parent module itself: not a sibling edge.
            if files.contains(&sibling) && sibling != source.module {
                edges.insert(sibling.join("::"));
            }
        }
    }
    assert_eq!(find_cycle(&graph), None, "a circle between sibling files");
}

#[test]
fn the_engine_and_the_app_name_no_browser_terminal_clock_or_randomness() {
    let mut found = Vec::new();
    for source in sources() {
        if !matches!(source.module.first().map(String::as_str), Some("engine" | "app")) {
            continue;
        }
        // A file's tests (its `#[cfg(test)]` module, last by convention) may read
        // fixtures from disk; the code they test may not.
        let shipped = source.text.split("#[cfg(test)]").next().unwrap_or_default();
        let code = code(shipped);
        for name in FOREIGN {
            if code.contains(name) {
                found.push(format!("{} names `{name}`", source.path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_checks_see_a_circle_when_there_is_one() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&graph), Some(vec!["a".to_owned(), "b".to_owned()]));
    let refs = crate_references("use crate::engine::validate::{self, Checked};\nlet x = crate::ui::start();");
    assert_eq!(refs, BTreeSet::from(["engine::validate".to_owned(), "ui".to_owned()]));
    assert_eq!(layer("engine::model"), 0);
}
