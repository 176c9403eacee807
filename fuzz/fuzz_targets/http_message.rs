//! The HTTP-message reader: arbitrary text after a request line, and arbitrary request
//! lines before a body, are split and checked without a panic.
#![no_main]

use invite_playground::input::split;
use invite_playground::validate::{check, CheckOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(rest) = std::str::from_utf8(data) else { return };
    for text in [format!("POST {rest}"), format!("POST /communications/calls/x/participants/invite\n{rest}")] {
        let split = split(&text);
        assert!(split.body_offset <= text.len());
        assert_eq!(&text[split.body_offset..], split.body);
        let _ = check(&text, &CheckOptions::default());
    }
});
