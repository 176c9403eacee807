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
pub use self::outcome::Outcome;
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

#[cfg(test)]
mod tests {
    use super::format_seconds;

    #[test]
    fn seconds_are_formatted_without_floats() {
        assert_eq!(format_seconds(2863, 3), "2.863 s");
        assert_eq!(format_seconds(2863, 1), "2.9 s");
        assert_eq!(format_seconds(50, 1), "0.1 s");
        assert_eq!(format_seconds(60_250, 0), "60 s");
        assert_eq!(format_seconds(0, 3), "0.000 s");
    }
}
