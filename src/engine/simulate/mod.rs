//! The simulator: a checked request, the call it goes into and an outcome in; a
//! timeline of HTTP messages and webhook notifications out, exactly as Graph would send
//! them (corrected mode) or as the docs print them (doc-faithful mode).
//!
//! Time is an input: every event carries `atMs` on a simulated clock, and every id and
//! date comes from [`clock`] and the user's seed, so a run is reproducible byte for byte.

mod clock;
mod corrected;
mod doc_faithful;
mod outcome;
mod timeline;

use crate::engine::call_context::CallContext;
use crate::engine::scenarios::Preset;
use crate::engine::validate::Checked;

pub use self::clock::Ids;
pub use self::corrected::KEPT_AS_GRAPH_SENDS;
pub use self::outcome::{Outcome, SyncFailure};
pub use self::timeline::{
    format_seconds, Actor, Event, EventKind, Lifeline, Note, NoteKind, Signal, SignalKind, Subject, Timeline,
};
pub use crate::engine::http::reason_phrase;
pub use crate::engine::scenarios::Mode;

/// What the user chose besides the request and the call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub outcome: Outcome,
    pub mode: Mode,
    pub seed: u64,
}

/// Plays the exchange for a checked request. Doc-faithful mode needs `preset` (it
/// replays that example's JSON); without one it falls back to corrected mode.
pub fn simulate(checked: &Checked, context: &CallContext, settings: Settings, preset: Option<&Preset>) -> Timeline {
    match (settings.mode, preset) {
        (Mode::DocFaithful, Some(preset)) => doc_faithful::play(checked, context, settings, preset),
        _ => corrected::play(
            checked,
            context,
            Settings {
                mode: Mode::Corrected,
                ..settings
            },
            preset,
        ),
    }
}

/// How Graph refuses `checked` at once, if it has an error: the first in the order the
/// service checks things. Whatever the outcome asked for, such a request is refused.
pub fn refusal(checked: &Checked) -> Option<SyncFailure> {
    corrected::rejection(checked)
}

/// The run of a request already known to be refused with `refusal` (see [`refusal`]):
/// the request and Graph's error answer. `checked` needs only the request's head and
/// text ([`crate::engine::validate::read_head`]), so a large request's run needs no
/// second full check. Equal to [`simulate`] of the fully checked request in corrected
/// mode, except that the request's body is not parsed again (`body` is `null`; the
/// text, which is what is shown, is the same).
pub fn refused(checked: &Checked, context: &CallContext, settings: Settings, refusal: SyncFailure) -> Timeline {
    let settings = Settings {
        mode: Mode::Corrected,
        ..settings
    };
    corrected::refused(checked, context, settings, refusal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::validate::{check, read_head, CheckOptions};

    #[test]
    fn a_refusal_plays_from_the_head_alone_as_the_full_run_does() {
        let participant = r#"{"identity": {"user": {"id": "x"}}}"#;
        let many_errors = format!(
            r#"{{"participants": [{}], "clientContext": 7}}"#,
            [participant; 9].join(",")
        );
        let texts = [
            r#"{"participants": [], "clientContext": "c"}"#.to_owned(),
            r#"{"participants": [{"identity": {"user": {"id": "8"}}},]}"#.to_owned(),
            "   ".to_owned(),
            many_errors.clone(),
            format!("POST https://graph.microsoft.com/v1.0/communications/calls/abc/participants/invite\r\nContent-Type: application/json\r\nclient-request-id: 3e1d\r\nAuthorization: Bearer eyJ.x.y\r\n\r\n{many_errors}"),
            format!("GET https://graph.microsoft.com/beta/communications/calls/abc/participants/invite\n\n{many_errors}"),
            "POST /communications/calls/abc/participants/invite\nContent-Type: application/json\n\n".to_owned(),
        ];
        let options = CheckOptions::default();
        let context = CallContext::default();
        for text in &texts {
            let full = check(text, &options);
            let refusal = refusal(&full).unwrap_or_else(|| panic!("refused: {text}"));
            for outcome in [Outcome::Success, Outcome::Forbidden, Outcome::Declined] {
                let settings = Settings {
                    outcome,
                    mode: Mode::Corrected,
                    seed: 7,
                };
                // The same run: a request event keeps its body as text in both.
                let expected = simulate(&full, &context, settings, None);
                let light = refused(&read_head(text, &options), &context, settings, refusal.clone());
                assert_eq!(light, expected, "{text} / {outcome:?}");
                assert!(light.events[1].status.is_some_and(|status| status >= 400));
            }
        }
        // A request without errors has no refusal: its run needs the typed request.
        let valid = crate::engine::scenarios::PRESETS[0].corrected_request();
        assert_eq!(refusal(&check(&valid, &options)), None);
    }

    #[test]
    fn seconds_are_formatted_without_floats() {
        assert_eq!(format_seconds(2863, 3), "2.863 s");
        assert_eq!(format_seconds(2863, 1), "2.9 s");
        assert_eq!(format_seconds(50, 1), "0.1 s");
        assert_eq!(format_seconds(60_250, 0), "60 s");
        assert_eq!(format_seconds(0, 3), "0.000 s");
    }
}
