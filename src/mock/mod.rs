//! `invite-playground mock` (native only): a local Microsoft Graph for a bot's own code.
//! It answers `participants/invite` and `GET operations/{id}` over real HTTP exactly as
//! the simulator does (`graph.rs`), then POSTs the run's notifications to the bot's
//! webhook at the simulated times (`deliver.rs`), logging every exchange.
//!
//! Bounded everywhere: request bodies, calls with deliveries pending, remembered
//! operations, retries. Ctrl-C or SIGTERM stops taking requests, lets deliveries in
//! flight finish for a few seconds, and reports the ones it abandons.

mod deliver;
pub mod graph;

use std::collections::{HashMap, VecDeque};
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{to_bytes, Body};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, Response, StatusCode, Uri};
use serde_json::{json, Value};
use tokio::sync::watch;

use crate::engine::call_context::CallContext;
use crate::engine::diagnostic::lang::{byte_count, Lang};
use crate::engine::http::Message;
use crate::engine::simulate::Settings;
use crate::engine::vocabulary::Vocabulary;

use self::graph::{Operation, Route};

/// The largest request body taken (Graph's own limit is about 4 MB; assumed).
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// Calls whose notifications are still being delivered; more get 429 with Retry-After.
const MAX_PENDING_CALLS: usize = 1024;
/// Operations remembered for `GET`; the oldest are forgotten first.
const MAX_OPERATIONS: usize = 100_000;
/// Answer headers that say how an invite was played, to replay it with `simulate`.
const SEED_ANSWER: &str = "X-Playground-Seed";
const OUTCOME_ANSWER: &str = "X-Playground-Outcome";
/// How long deliveries in flight may finish after Ctrl-C.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// What `invite-playground mock` was asked for.
#[derive(Clone, Debug)]
pub struct Options {
    pub listen: SocketAddr,
    /// The outcome and seed for requests without `X-Playground-*` headers.
    pub settings: Settings,
    /// Simulated seconds per real second; `f64::INFINITY` delivers at once.
    pub speed: f64,
    pub context: CallContext,
    pub json_log: bool,
}

struct Mock {
    options: Options,
    operations: Mutex<Operations>,
    pending_calls: AtomicUsize,
    next_request: AtomicU64,
    /// Counts invites: the n-th plays seed `--seed + n` unless it names its own.
    next_invite: AtomicU64,
    log: Log,
    client: reqwest::Client,
    stop: watch::Receiver<bool>,
}

#[derive(Default)]
struct Operations {
    by_id: HashMap<String, (Instant, Operation)>,
    order: VecDeque<String>,
}

/// Every exchange, one line each: text for people (control characters escaped) or JSON.
#[derive(Clone)]
struct Log {
    json: bool,
}

impl Log {
    fn write(&self, record: Value) {
        let line = if self.json {
            record.to_string()
        } else {
            let text = record
                .as_object()
                .map(|fields| {
                    fields
                        .iter()
                        .filter_map(|(key, value)| match value {
                            Value::Null => None,
                            Value::String(s) => Some(format!("{key}={s}")),
                            other => Some(format!("{key}={other}")),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            crate::engine::source::terminal_safe(&text, &[]).into_owned()
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// Runs the mock until Ctrl-C or SIGTERM; returns the exit code (2 when it cannot
/// listen).
pub fn run(options: Options) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("invite-playground mock: cannot start: {error}");
            return 2;
        }
    };
    runtime.block_on(serve(options))
}

async fn serve(options: Options) -> i32 {
    let listener = match tokio::net::TcpListener::bind(options.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!(
                "invite-playground mock: cannot listen on {}: {error}{}",
                options.listen,
                if error.kind() == std::io::ErrorKind::AddrInUse {
                    " (another program has that port: choose another with --listen)"
                } else {
                    ""
                }
            );
            return 2;
        }
    };
    let address = listener.local_addr().map_or(options.listen, |a| a);
    let (stop_tx, stop_rx) = watch::channel(false);
    let log = Log { json: options.json_log };
    let client = match reqwest::Client::builder()
        .timeout(deliver::ATTEMPT_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("invite-playground mock: cannot start its HTTP client: {error}");
            return 2;
        }
    };
    let mock = Arc::new(Mock {
        options,
        operations: Mutex::new(Operations::default()),
        pending_calls: AtomicUsize::new(0),
        next_request: AtomicU64::new(1),
        next_invite: AtomicU64::new(0),
        log: log.clone(),
        client,
        stop: stop_rx,
    });
    log.write(json!({
        "event": "listening",
        "url": format!("http://{address}"),
        "graphBaseUrl": format!("http://{address}/beta"),
        "speed": speed_name(mock.options.speed),
        "outcome": mock.options.settings.outcome.name(),
        "seed": mock.options.settings.seed,
        "callback": mock.options.context.callback_url,
    }));
    if !mock.options.context.callback_url.starts_with("http://") {
        log.write(json!({
            "event": "warning",
            "message": "notifications go to the call's callback URL, which this mock cannot call (it delivers over http); pass --callback http://127.0.0.1:PORT/PATH to receive them",
        }));
    }
    let app = axum::Router::new().fallback(handle).with_state(mock.clone());
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await;
    // Deliveries in flight get a grace period, then are told to stop.
    let pending = mock.pending_calls.load(Ordering::SeqCst);
    log.write(json!({"event": "stopping", "callsWithDeliveriesPending": pending}));
    let deadline = Instant::now() + SHUTDOWN_GRACE;
    while mock.pending_calls.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let abandoned = mock.pending_calls.load(Ordering::SeqCst);
    let _ = stop_tx.send(true);
    // Each abandoned call logs what it did not deliver; let those lines out first.
    let deadline = Instant::now() + Duration::from_secs(1);
    while mock.pending_calls.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    log.write(json!({"event": "stopped", "callsAbandoned": abandoned}));
    match served {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("invite-playground mock: {error}");
            1
        }
    }
}

fn speed_name(speed: f64) -> String {
    if speed.is_infinite() {
        "instant".into()
    } else {
        format!("{speed}")
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

async fn handle(
    State(mock): State<Arc<Mock>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response<Body> {
    let serial = mock.next_request.fetch_add(1, Ordering::Relaxed);
    let request_id = format!("00000000-0000-4000-8000-{serial:012x}");
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let client_request_id = headers
        .iter()
        .find(|(n, _)| n == "client-request-id")
        .map(|(_, v)| v.clone());
    let echo = client_request_id.clone().unwrap_or_else(|| request_id.clone());
    let fail =
        |status: u16, code: &str, message: String| graph::error(status, code, message, &request_id, &echo, http_date());
    let path = uri.path();
    let answer = match graph::route(method.as_str(), path) {
        Route::Unknown => fail(
            404,
            "UnknownError",
            format!("Resource not found for the segment '{}'. This local Graph serves participants/invite and operations (invite-playground mock).", path.rsplit('/').find(|s| !s.is_empty()).unwrap_or("/")),
        ),
        Route::WrongMethod { allowed } => {
            let mut answer = fail(405, "BadRequest", format!("The HTTP method '{method}' is not allowed here; use {allowed}."));
            answer.headers.push(("Allow".into(), allowed.into()));
            answer
        }
        Route::Operation { operation_id, .. } => operation(&mock, &operation_id)
            .map(|body| Message::response(200, vec![
                ("Content-Type".into(), "application/json".into()),
                ("request-id".into(), request_id.clone()),
                ("client-request-id".into(), echo.clone()),
            ], body))
            .unwrap_or_else(|| fail(404, "itemNotFound", format!("The operation '{operation_id}' was not found (it finished and is gone, or never existed)."))),
        Route::Invite { .. } => match to_bytes(body, MAX_BODY).await {
            Err(_) => fail(413, "RequestEntityTooLarge", format!("The request body is over {}.", byte_count(Lang::En, MAX_BODY))),
            // Not UTF-8 (UTF-16 from PowerShell, say): `check`'s words, as the simulator
            // answers any body that is not JSON.
            Ok(bytes) => match crate::engine::validate::utf8_text(&bytes) {
                Ok(body) => invite(&mock, &method, &uri, &headers, body, client_request_id.as_deref(), &fail),
                Err(problem) => fail(400, "BadRequest", problem.message(Lang::En)),
            },
        },
    };
    let answered = |name: &str| answer.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    mock.log.write(json!({
        "event": "request",
        "method": method.as_str(),
        "path": uri.path(),
        "status": answer.status,
        "outcome": answered(OUTCOME_ANSWER),
        "seed": answered(SEED_ANSWER),
        "operation": answer.body.get("id"),
        "error": answer.body.pointer("/error/code"),
    }));
    to_response(&answer)
}

fn invite(
    mock: &Arc<Mock>,
    method: &Method,
    uri: &Uri,
    headers: &[(String, String)],
    body: &str,
    client_request_id: Option<&str>,
    fail: &dyn Fn(u16, &str, String) -> Message,
) -> Message {
    let serial = mock.next_invite.fetch_add(1, Ordering::Relaxed);
    let settings = match graph::settings_for(mock.options.settings, serial, headers) {
        Ok(settings) => settings,
        Err(message) => return fail(400, "BadRequest", message),
    };
    if mock.pending_calls.load(Ordering::SeqCst) >= MAX_PENDING_CALLS {
        let mut answer = fail(
            429,
            "TooManyRequests",
            format!("{MAX_PENDING_CALLS} calls still have notifications to deliver; try again shortly."),
        );
        answer.headers.push(("Retry-After".into(), "1".into()));
        return answer;
    }
    let path_and_query = uri.path_and_query().map_or("/", |p| p.as_str());
    let text = graph::request_text(method.as_str(), path_and_query, headers, body);
    let played = graph::invite(&text, &mock.options.context, settings, client_request_id);
    let started = Instant::now();
    if let Some(operation) = played.operation.clone() {
        remember(mock, started, operation);
    }
    if !played.deliveries.is_empty() {
        mock.pending_calls.fetch_add(1, Ordering::SeqCst);
        let mock = mock.clone();
        let deliveries = played.deliveries.clone();
        tokio::spawn(async move {
            deliver::call(
                &mock.client,
                &mock.log,
                started,
                mock.options.speed,
                deliveries,
                mock.stop.clone(),
            )
            .await;
            mock.pending_calls.fetch_sub(1, Ordering::SeqCst);
        });
    }
    let mut response = played.response;
    response.headers.push((SEED_ANSWER.into(), settings.seed.to_string()));
    response
        .headers
        .push((OUTCOME_ANSWER.into(), settings.outcome.name().to_owned()));
    response
}

fn remember(mock: &Mock, started: Instant, operation: Operation) {
    let Ok(mut operations) = mock.operations.lock() else {
        return;
    };
    if operations.order.len() >= MAX_OPERATIONS {
        if let Some(oldest) = operations.order.pop_front() {
            operations.by_id.remove(&oldest);
        }
    }
    operations.order.push_back(operation.id.clone());
    operations.by_id.insert(operation.id.clone(), (started, operation));
}

fn operation(mock: &Mock, id: &str) -> Option<Value> {
    let operations = mock.operations.lock().ok()?;
    let (started, operation) = operations.by_id.get(id)?;
    operation.at(started.elapsed(), mock.options.speed).cloned()
}

fn to_response(message: &Message) -> Response<Body> {
    let body = if message.body.is_null() {
        Vec::new()
    } else {
        serde_json::to_vec(&message.body).unwrap_or_default()
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() =
        StatusCode::from_u16(message.status.unwrap_or(500)).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in &message.headers {
        // The body's length is the server's to say.
        if name.eq_ignore_ascii_case("content-length") {
            continue;
        }
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

/// Now, as Graph writes dates in an error's `innerError`.
fn http_date() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}
