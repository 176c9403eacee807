//! The one binary: the browser app on wasm32, the `invite-playground` CLI natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    invite_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args = std::env::args_os().skip(1).collect();
    // Unlocked handles: `mock` logs from its server's threads while `run` holds these
    // (a lock held here would deadlock them). `run` writes its output in one piece.
    let code = invite_playground::cli::run(
        args,
        &mut std::io::stdin(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    );
    std::process::exit(code);
}
