//! The machine-readable results, one shape for every front end: `check`, `simulate`,
//! `explain` and `presets` as JSON values. The CLI prints them (`--format json`) and
//! the ES module API (`src/api.rs`) hands them to JavaScript as plain objects, so both
//! say the same thing for the same input.

use serde_json::{json, Value};

use crate::engine::diagnostic::lang::Lang;
use crate::engine::diagnostic::Severity;
use crate::engine::explain::Explained;
use crate::engine::scenarios;
use crate::engine::simulate::{Outcome, Timeline};
use crate::engine::validate::Checked;
use crate::engine::vocabulary::Vocabulary;

/// `{valid, errors, warnings, diagnostics}`, and `omitted` (how many were counted but
/// not listed) when the body had more than the listing limit of a kind.
pub fn check(checked: &Checked, lang: Lang) -> Value {
    let diagnostics: Vec<_> = checked.diagnostics.iter().map(|d| d.report(lang)).collect();
    let mut report = json!({
        "valid": checked.is_valid(),
        "errors": checked.count(Severity::Error),
        "warnings": checked.count(Severity::Warning),
        "diagnostics": diagnostics,
    });
    if checked.omitted.total() > 0 {
        report["omitted"] = json!(checked.omitted.total());
    }
    report
}

/// Whether the request's own errors made Graph turn it down (doc-faithful runs replay
/// the docs' answer instead), and the status it answered: the chosen outcome is never
/// reached.
pub fn rejected(checked: &Checked, timeline: &Timeline) -> (bool, Option<u16>) {
    let answer = timeline.events.get(1).and_then(|event| event.status);
    (
        !checked.is_valid() && answer.is_some_and(|status| status >= 400),
        answer,
    )
}

/// The timeline with `valid` and `rejected`: serialized as it is written, never copied
/// into a `Value` first (a run of a 64 MiB request is hundreds of megabytes of JSON).
pub fn simulate<'t>(checked: &Checked, timeline: &'t Timeline) -> SimulateReport<'t> {
    SimulateReport {
        timeline,
        valid: checked.is_valid(),
        rejected: rejected(checked, timeline).0,
    }
}

/// What [`simulate`] reports: the timeline's own members, then `valid` and `rejected`.
#[derive(serde::Serialize)]
pub struct SimulateReport<'t> {
    #[serde(flatten)]
    timeline: &'t Timeline,
    valid: bool,
    rejected: bool,
}

/// `{kind, valid, errors, warnings, diagnostics, items, httpStatus?, unexplained?}` for
/// what the bot received; `valid` is false for an unrecognised payload; `unexplained`
/// counts the notifications past `explain::MAX_EXPLAINED`.
pub fn explain(explained: &Explained, lang: Lang) -> Value {
    let received = &explained.received;
    let count = |severity| {
        received.diagnostics.iter().filter(|d| d.severity() == severity).count()
            + match severity {
                Severity::Error => received.omitted.errors,
                _ => received.omitted.warnings,
            }
    };
    let errors = count(Severity::Error);
    let mut report = json!({
        "kind": received.kind.map(|kind| kind.name()),
        "valid": errors == 0 && received.kind.is_some(),
        "errors": errors,
        "warnings": count(Severity::Warning),
        "diagnostics": received.diagnostics.iter().map(|d| d.report(lang)).collect::<Vec<_>>(),
        "items": explained.items.iter().map(|item| item.report(lang)).collect::<Vec<_>>(),
    });
    if let Some(status) = received.http_status {
        report["httpStatus"] = json!(status);
    }
    if explained.unexplained > 0 {
        report["unexplained"] = json!(explained.unexplained);
    }
    report
}

/// The examples, outcomes and modes.
pub fn presets(lang: Lang) -> Value {
    let presets: Vec<_> = scenarios::PRESETS
        .iter()
        .map(|p| json!({"name": p.name, "title": p.title(lang)}))
        .collect();
    let outcomes: Vec<_> = Outcome::ALL
        .iter()
        .map(|o| json!({"name": o.name(), "description": o.describe(lang)}))
        .collect();
    json!({"presets": presets, "outcomes": outcomes, "modes": ["corrected", "doc-faithful"]})
}
