//! Checks shared by the native test files.

use invite_playground::diagnostic::Diagnostic;
use invite_playground::validate::Checked;
use serde_json::Value;

/// Line and column counted the slow, obvious way.
fn naive_position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

/// Every pointer resolves in the parsed body; every span lies inside the text on a
/// character boundary, and its line and column are where it starts; value rules mark
/// exactly the value they quote.
pub fn assert_places(text: &str, checked: &Checked) {
    assert_placed(text, &checked.diagnostics, checked.request.body());
}

/// [`assert_places`] for any diagnostics of `text` whose body parsed as `body`: what the
/// bot received as well as a request.
pub fn assert_placed(text: &str, diagnostics: &[Diagnostic], body: Option<&Value>) {
    for d in diagnostics {
        if let (Some(pointer), Some(body)) = (&d.pointer, body) {
            assert!(
                body.pointer(pointer.as_str()).is_some(),
                "{}: `{pointer}` does not resolve",
                d.code()
            );
        }
        if let (Some(span), Some(position)) = (d.span, d.position) {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: {span:?}",
                d.code()
            );
            assert!(
                text.is_char_boundary(span.start),
                "{}: span starts inside a character",
                d.code()
            );
            assert_eq!(
                (position.line, position.column),
                naive_position(text, span.start),
                "{}",
                d.code()
            );
        }
        // Value rules mark exactly the value they quote.
        if let (Some(span), Some(pointer), Some(body)) = (d.span, &d.pointer, body) {
            if matches!(
                d.code(),
                "phone-not-e164" | "guid-format" | "enum-value-unknown" | "client-context-too-long"
            ) {
                let value = body.pointer(pointer.as_str()).unwrap();
                let written: Value = serde_json::from_str(&text[span.start..span.end]).unwrap();
                assert_eq!(&written, value, "{} marks the wrong token", d.code());
            }
        }
    }
}
