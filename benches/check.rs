//! Native speed of the full path (text → diagnostics with positions) on the benchmark
//! inputs, with a plain timing loop: `cargo bench --bench check`. Inputs come from
//! `scripts/bench-inputs.mjs` (the same files the browser benchmark reads) plus the presets.

use std::path::Path;
use std::time::{Duration, Instant};

use invite_playground::scenarios::PRESETS;
use invite_playground::simulate::Mode;
use invite_playground::validate::{check, CheckOptions};

fn median_time(text: &str) -> (Duration, usize) {
    let options = CheckOptions::default();
    let mut runs = Vec::new();
    let mut diagnostics = 0;
    let deadline = Instant::now() + Duration::from_secs(2);
    while runs.len() < 5 || (Instant::now() < deadline && runs.len() < 200) {
        let start = Instant::now();
        let checked = check(std::hint::black_box(text), &options);
        runs.push(start.elapsed());
        diagnostics = checked.diagnostics.len();
    }
    runs.sort();
    (runs[runs.len() / 2], diagnostics)
}

fn report(name: &str, text: &str) {
    let (median, diagnostics) = median_time(text);
    let mb_per_s = text.len() as f64 / 1e6 / median.as_secs_f64();
    println!(
        "{name:<28} {:>10} B {:>10.3} ms {:>9.1} MB/s {:>7} diagnostics",
        text.len(),
        median.as_secs_f64() * 1e3,
        mb_per_s,
        diagnostics
    );
}

fn main() {
    println!(
        "{:<28} {:>12} {:>13} {:>14} {:>19}",
        "input", "size", "median", "throughput", ""
    );
    if std::env::args().skip(1).all(|arg| arg.starts_with('-')) {
        for preset in PRESETS {
            report(preset.name, &preset.request(Mode::DocFaithful));
        }
    }
    // `cargo bench --bench check -- DIR` reads DIR instead of the generated inputs.
    let dir = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with('-'))
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "(no generated inputs in {}: run `node scripts/bench-inputs.mjs`)",
            dir.display()
        );
        return;
    };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("generated inputs are UTF-8");
        report(&path.file_stem().unwrap().to_string_lossy(), &text);
    }
}
