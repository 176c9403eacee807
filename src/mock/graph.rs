//! What the local Graph answers, with no network in it (tested natively): which route a
//! request names, the invite's synchronous answer and the notifications to deliver
//! (both from the engine's simulator, so they are what `simulate` prints), the
//! operation as it stands at a moment, and Graph's error envelope for everything else.

use std::time::Duration;

use serde_json::Value;

use crate::engine::call_context::CallContext;
use crate::engine::http::Message;
use crate::engine::model::{ApiVersion, GraphError, GraphErrorEnvelope, InnerError};
use crate::engine::simulate::{self, EventKind, Outcome, Settings, Timeline};
use crate::engine::validate::{self, CheckOptions};
use crate::engine::vocabulary::Vocabulary;

/// Headers a test sends to choose one request's outcome and seed.
pub const OUTCOME_HEADER: &str = "x-playground-outcome";
pub const SEED_HEADER: &str = "x-playground-seed";

/// How long a finished operation can still be read before it is gone (404). Assumed:
/// GRAPH-FACTS does not say how long Graph keeps a finished operation.
pub const FINISHED_OPERATION_KEPT: Duration = Duration::from_secs(60);

/// What a request names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Invite {
        version: ApiVersion,
        call_id: String,
    },
    Operation {
        version: ApiVersion,
        call_id: String,
        operation_id: String,
    },
    /// A path this Graph does not serve.
    Unknown,
    /// A known path with another method than it takes.
    WrongMethod {
        allowed: &'static str,
    },
}

/// Reads a method and path (query left out) as the SDKs send them: both versions, any
/// run of slashes (the SDKs' `beta//communications`), and the deprecated `/app/calls`.
pub fn route(method: &str, path: &str) -> Route {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (version, rest) = match segments.split_first() {
        Some((version, rest)) => match ApiVersion::parse(version) {
            Some(version) => (version, rest),
            None => return Route::Unknown,
        },
        None => return Route::Unknown,
    };
    let call = match rest {
        ["communications", "calls", call, tail @ ..] | ["app", "calls", call, tail @ ..] => Some((*call, tail)),
        _ => None,
    };
    match (call, method) {
        (Some((call, ["participants", "invite"])), "POST") => Route::Invite {
            version,
            call_id: call.to_owned(),
        },
        (Some((_, ["participants", "invite"])), _) => Route::WrongMethod { allowed: "POST" },
        (Some((call, ["operations", operation])), "GET") => Route::Operation {
            version,
            call_id: call.to_owned(),
            operation_id: (*operation).to_owned(),
        },
        (Some((_, ["operations", _])), _) => Route::WrongMethod { allowed: "GET" },
        _ => Route::Unknown,
    }
}

/// The request as the engine reads it: the HTTP message with Graph's own host, every
/// header but `Host` and the playground's own.
pub fn request_text(method: &str, path_and_query: &str, headers: &[(String, String)], body: &str) -> String {
    let mut text = format!("{method} https://graph.microsoft.com{path_and_query}\n");
    for (name, value) in headers {
        let lower = name.to_ascii_lowercase();
        if lower == "host" || lower.starts_with("x-playground-") {
            continue;
        }
        text.push_str(&format!("{name}: {value}\n"));
    }
    text.push('\n');
    text.push_str(body);
    text
}

/// The outcome and seed for one request: its `X-Playground-*` headers over the mock's
/// flags. Without a seed header the `serial`-th request (from 0) plays seed
/// `--seed + serial`, so every invite gets its own ids and a test can still replay any
/// one with `simulate --seed` (the answer says which in `X-Playground-Seed`). A bad
/// header value is the caller's mistake: a 400 with what to send.
pub fn settings_for(defaults: Settings, serial: u64, headers: &[(String, String)]) -> Result<Settings, String> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    };
    let mut settings = defaults;
    settings.seed = defaults.seed.wrapping_add(serial);
    if let Some(value) = header(OUTCOME_HEADER) {
        settings.outcome = Outcome::parse(value).ok_or_else(|| {
            let names: Vec<&str> = Outcome::ALL.iter().map(|o| o.name()).collect();
            format!(
                "unknown outcome `{value}` in {OUTCOME_HEADER}; use one of {}",
                names.join(", ")
            )
        })?;
    }
    if let Some(value) = header(SEED_HEADER) {
        settings.seed = value
            .parse()
            .map_err(|_| format!("`{value}` in {SEED_HEADER} is not a whole number"))?;
    }
    Ok(settings)
}

/// An invite, played: what to answer now, what to deliver later, and the operation.
#[derive(Clone, Debug)]
pub struct Played {
    pub response: Message,
    /// The notifications in order, each with its time after the request.
    pub deliveries: Vec<(Duration, Message)>,
    pub operation: Option<Operation>,
}

/// The invite's operation over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    pub id: String,
    /// As the 200 gave it: running.
    pub running: Value,
    /// When it finished (after the request) and how.
    pub finished: Option<(Duration, Value)>,
}

/// Plays the invite `text` (see [`request_text`]) in `context`: the engine checks it and
/// the simulator answers, exactly as `simulate` does for that text, outcome and seed.
/// `client_request_id` (the caller's header) is echoed in the answer.
pub fn invite(text: &str, context: &CallContext, settings: Settings, client_request_id: Option<&str>) -> Played {
    let version = version_of(text);
    let checked = validate::check(
        text,
        &CheckOptions {
            version,
            context: context.clone(),
        },
    );
    let timeline = simulate::simulate(&checked, context, settings, None);
    played(&timeline, client_request_id)
}

fn version_of(text: &str) -> ApiVersion {
    let path = text.split_whitespace().nth(1).unwrap_or_default();
    if path.contains("/v1.0/") {
        ApiVersion::V1
    } else {
        ApiVersion::Beta
    }
}

fn played(timeline: &Timeline, client_request_id: Option<&str>) -> Played {
    let mut response = timeline
        .events
        .iter()
        .find(|e| e.kind == EventKind::Response)
        .map(|e| e.message.clone())
        .unwrap_or_else(|| Message::response(500, Vec::new(), Value::Null));
    if let Some(id) = client_request_id {
        echo_client_request_id(&mut response, id);
    }
    let deliveries: Vec<(Duration, Message)> = timeline
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Notification)
        .map(|e| (Duration::from_millis(e.at_ms), e.message.clone()))
        .collect();
    let operation = (response.status == Some(200))
        .then(|| response.body.get("id").and_then(Value::as_str))
        .flatten()
        .map(|id| Operation {
            id: id.to_owned(),
            running: response.body.clone(),
            finished: deliveries.iter().find_map(|(at, message)| {
                let data = message.body.pointer("/value/0/resourceData")?;
                let status = data.get("status")?.as_str()?;
                (data.get("id")?.as_str()? == id && matches!(status, "completed" | "failed"))
                    .then(|| (*at, data.clone()))
            }),
        });
    Played {
        response,
        deliveries,
        operation,
    }
}

/// Graph echoes the caller's `client-request-id`, in the header and in an error's
/// `innerError`.
fn echo_client_request_id(response: &mut Message, id: &str) {
    match response
        .headers
        .iter_mut()
        .find(|(n, _)| n.eq_ignore_ascii_case("client-request-id"))
    {
        Some((_, value)) => *value = id.to_owned(),
        None => response.headers.push(("client-request-id".into(), id.to_owned())),
    }
    if let Some(inner) = response.body.pointer_mut("/error/innerError/client-request-id") {
        *inner = Value::String(id.to_owned());
    }
}

impl Operation {
    /// The operation `elapsed` after the request: running, then finished, then gone.
    pub fn at(&self, elapsed: Duration, speed: f64) -> Option<&Value> {
        match &self.finished {
            Some((at, finished)) if elapsed >= scaled(*at, speed) => {
                (elapsed < scaled(*at, speed) + FINISHED_OPERATION_KEPT).then_some(finished)
            }
            _ => Some(&self.running),
        }
    }
}

/// A simulated time at the mock's speed (`f64::INFINITY`: at once).
pub fn scaled(at: Duration, speed: f64) -> Duration {
    if speed.is_infinite() {
        Duration::ZERO
    } else {
        at.div_f64(speed)
    }
}

/// Graph's error envelope, with the ids Graph puts in it.
pub fn error(
    status: u16,
    code: &str,
    message: String,
    request_id: &str,
    client_request_id: &str,
    date: String,
) -> Message {
    let envelope = GraphErrorEnvelope {
        error: GraphError {
            code: code.to_owned(),
            message,
            inner_error: Some(InnerError {
                date,
                request_id: request_id.to_owned(),
                client_request_id: client_request_id.to_owned(),
            }),
        },
    };
    Message::response(
        status,
        vec![
            ("Content-Type".into(), "application/json".into()),
            ("request-id".into(), request_id.to_owned()),
            ("client-request-id".into(), client_request_id.to_owned()),
        ],
        serde_json::to_value(envelope).unwrap_or(Value::Null),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scenarios::PRESETS;

    #[test]
    fn routes_take_both_versions_any_slashes_and_the_app_form() {
        let invite = |version| Route::Invite {
            version,
            call_id: "c1".into(),
        };
        assert_eq!(
            route("POST", "/beta/communications/calls/c1/participants/invite"),
            invite(ApiVersion::Beta)
        );
        assert_eq!(
            route("POST", "/beta//communications/calls/c1/participants/invite"),
            invite(ApiVersion::Beta)
        );
        assert_eq!(
            route("POST", "/v1.0/app/calls/c1/participants/invite"),
            invite(ApiVersion::V1)
        );
        assert_eq!(
            route("GET", "/v1.0/communications/calls/c1/operations/o1"),
            Route::Operation {
                version: ApiVersion::V1,
                call_id: "c1".into(),
                operation_id: "o1".into()
            }
        );
        assert_eq!(
            route("GET", "/beta/communications/calls/c1/participants/invite"),
            Route::WrongMethod { allowed: "POST" }
        );
        assert_eq!(
            route("DELETE", "/beta/communications/calls/c1/operations/o1"),
            Route::WrongMethod { allowed: "GET" }
        );
        for path in [
            "/",
            "",
            "/v2/communications/calls/c1/participants/invite",
            "/beta/me",
            "/beta/communications/calls/c1/participants/invite/x",
        ] {
            assert_eq!(route("POST", path), Route::Unknown, "{path}");
        }
    }

    #[test]
    fn an_invite_answers_and_delivers_what_simulate_plays() {
        let preset = &PRESETS[0];
        let context = preset.context();
        let body = preset.corrected_body();
        let body = serde_json::to_string(&body).unwrap();
        let headers = vec![
            ("Host".to_owned(), "127.0.0.1:7171".to_owned()),
            (
                "Authorization".to_owned(),
                "Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi".to_owned(),
            ),
            ("Content-Type".to_owned(), "application/json".to_owned()),
            ("X-Playground-Outcome".to_owned(), "success".to_owned()),
        ];
        let text = request_text(
            "POST",
            "/beta/communications/calls/c1/participants/invite",
            &headers,
            &body,
        );
        assert!(!text.contains("Host:") && !text.contains("X-Playground"));
        let settings = settings_for(
            Settings {
                seed: 1,
                ..Settings::default()
            },
            0,
            &headers,
        )
        .unwrap();
        assert_eq!(settings.seed, 1);
        let played = invite(&text, &context, settings, Some("my-request"));
        assert_eq!(played.response.status, Some(200));
        assert!(played
            .response
            .headers
            .contains(&("client-request-id".into(), "my-request".into())));
        assert!(played.response.headers.iter().any(|(n, _)| n == "Location"));

        // The same bodies, in the same order, as the simulator's run of that text.
        let checked = validate::check(
            &text,
            &CheckOptions {
                version: ApiVersion::Beta,
                context: context.clone(),
            },
        );
        let timeline = simulate::simulate(&checked, &context, settings, None);
        let expected: Vec<&Value> = timeline
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Notification)
            .map(|e| &e.message.body)
            .collect();
        let delivered: Vec<&Value> = played.deliveries.iter().map(|(_, m)| &m.body).collect();
        assert_eq!(delivered, expected);
        assert!(played.deliveries.windows(2).all(|w| w[0].0 <= w[1].0));

        // The operation: running, then completed, then gone.
        let operation = played.operation.unwrap();
        let (done_at, _) = operation.finished.clone().unwrap();
        assert_eq!(operation.at(Duration::ZERO, 1.0).unwrap()["status"], "Running");
        assert_eq!(operation.at(done_at, 1.0).unwrap()["status"], "completed");
        assert_eq!(operation.at(done_at + FINISHED_OPERATION_KEPT, 1.0), None);
        assert_eq!(
            operation.at(Duration::ZERO, f64::INFINITY).unwrap()["status"],
            "completed"
        );
    }

    #[test]
    fn a_failure_outcome_and_a_bad_request_answer_with_graphs_envelope() {
        let preset = &PRESETS[0];
        let context = preset.context();
        let text = request_text("POST", "/beta/communications/calls/c1/participants/invite", &[], "{}");
        let played = invite(&text, &context, Settings::default(), Some("abc"));
        assert_eq!(played.response.status, Some(401));
        assert_eq!(played.response.body["error"]["innerError"]["client-request-id"], "abc");
        assert!(played.deliveries.is_empty() && played.operation.is_none());

        let bad = vec![("x-playground-outcome".to_owned(), "maybe".to_owned())];
        assert!(settings_for(Settings::default(), 0, &bad)
            .unwrap_err()
            .contains("unknown outcome `maybe`"));
        let seed = vec![("X-Playground-Seed".to_owned(), "7".to_owned())];
        assert_eq!(settings_for(Settings::default(), 5, &seed).unwrap().seed, 7);
        // Without the header, each request its own seed, counted from --seed.
        assert_eq!(
            settings_for(Settings::default(), 5, &[]).unwrap().seed,
            Settings::default().seed + 5
        );
    }
}
