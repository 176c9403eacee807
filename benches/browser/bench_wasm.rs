//! The benchmark page's wasm (not shipped in the app): exposes the full checking path,
//! text → diagnostics with positions, to the page that times it against ajv.

#[cfg(target_arch = "wasm32")]
mod exports {
    use invite_playground::ui::browser::PageText;
    use invite_playground::validate::{check, CheckOptions};
    use wasm_bindgen::prelude::*;

    /// Checks `text` like the app does (the page's string read with the app's
    /// `PageText`, then the engine's check) and returns how many diagnostics it found.
    #[wasm_bindgen]
    pub fn check_text(text: js_sys::JsString) -> u32 {
        let text = PageText::new(text).into_string();
        check(&text, &CheckOptions::default()).diagnostics.len() as u32
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("bench-wasm is the browser benchmark's module; run `scripts/bench.sh` (native figures: `cargo bench --bench check`)");
}
