//! `check` on arbitrary bytes: never panics, every pointer resolves, every span is inside
//! the text and starts on a character boundary.
#![no_main]

use invite_playground::validate::{check_bytes, CheckOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = check_bytes(data, &CheckOptions::default());
    let text = String::from_utf8_lossy(data);
    for diagnostic in &checked.diagnostics {
        if let (Some(pointer), Some(body)) = (&diagnostic.pointer, &checked.request.body) {
            assert!(body.pointer(pointer.as_str()).is_some(), "{} at {pointer}", diagnostic.code());
        }
        if let Some(span) = diagnostic.span {
            assert!(span.start <= text.len() && span.end <= text.len());
        }
        let _ = diagnostic.message(Default::default());
    }
});
