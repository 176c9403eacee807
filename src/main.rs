//! The one binary: the browser app on wasm32, the `invite-playground` CLI natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    invite_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args = std::env::args_os().skip(1).collect();
    let code = invite_playground::cli::run(
        args,
        &mut std::io::stdin().lock(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}
