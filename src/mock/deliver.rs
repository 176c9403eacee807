//! Delivering one call's notifications to the bot's webhook: in order, each at its
//! simulated time scaled by the mock's speed, with the headers the simulator gives
//! (Graph's). A delivery that fails (connection refused, timeout, any status but 2xx)
//! is retried with backoff, a bounded number of times; then it is logged as lost and
//! the next one goes. Each call has its own task, so a slow webhook of one call never
//! holds up another. The retry policy is assumed: GRAPH-FACTS does not state Graph's.

use std::time::{Duration, Instant};

use serde_json::json;
use tokio::sync::watch;

use super::graph::scaled;
use super::Log;
use crate::engine::http::Message;

/// One attempt's limit (assumed).
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(5);
/// Waits before the 2nd, 3rd and 4th attempts (assumed).
const BACKOFF: [Duration; 3] = [
    Duration::from_millis(250),
    Duration::from_secs(1),
    Duration::from_secs(4),
];

/// Delivers `deliveries` (each with its time after `started`) in order; stops early
/// when `stop` turns true (the mock is shutting down).
pub async fn call(
    client: &reqwest::Client,
    log: &Log,
    started: Instant,
    speed: f64,
    deliveries: Vec<(Duration, Message)>,
    mut stop: watch::Receiver<bool>,
) {
    let total = deliveries.len();
    for (index, (at, message)) in deliveries.into_iter().enumerate() {
        // Stopping: say what will not be delivered, so a test knows what it missed.
        let abandon = |log: &Log| {
            log.write(json!({
                "event": "delivery-abandoned",
                "url": message.url,
                "resource": message.body.pointer("/value/0/resourceUrl"),
                "notificationsLeft": total - index,
            }));
        };
        let due = started + scaled(at, speed);
        let wait = due.saturating_duration_since(Instant::now());
        tokio::select! {
            () = tokio::time::sleep(wait) => {},
            _ = stop.wait_for(|stop| *stop) => return abandon(log),
        }
        let Some(url) = message.url.clone() else {
            continue;
        };
        let body = serde_json::to_vec(&message.body).unwrap_or_default();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut request = client.post(&url).body(body.clone());
            for (name, value) in &message.headers {
                if !name.eq_ignore_ascii_case("content-length") {
                    request = request.header(name.as_str(), value.as_str());
                }
            }
            let result = tokio::select! {
                result = request.send() => result,
                _ = stop.wait_for(|stop| *stop) => return abandon(log),
            };
            // A URL the client cannot call (https, a bad host) will not get better.
            let mut hopeless = false;
            let (ok, status, problem) = match result {
                Ok(response) => {
                    let status = response.status();
                    (status.is_success(), Some(status.as_u16()), None)
                }
                Err(error) => {
                    hopeless = error.is_builder();
                    (false, None, Some(error_kind(&error)))
                }
            };
            let resource = message.body.pointer("/value/0/resourceUrl").and_then(|v| v.as_str());
            log.write(json!({
                "event": "delivery",
                "url": url,
                "resource": resource,
                "attempt": attempt,
                "status": status,
                "problem": problem,
                "delivered": ok,
            }));
            if ok {
                break;
            }
            let Some(backoff) = BACKOFF.get(attempt - 1).filter(|_| !hopeless) else {
                log.write(json!({"event": "delivery-lost", "url": url, "resource": resource, "attempts": attempt}));
                break;
            };
            tokio::select! {
                () = tokio::time::sleep(*backoff) => {},
                _ = stop.wait_for(|stop| *stop) => return abandon(log),
            }
        }
    }
}

fn error_kind(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        format!("no answer within {} s", ATTEMPT_TIMEOUT.as_secs())
    } else if error.is_connect() {
        "connection refused or unreachable".into()
    } else if error.is_builder() {
        "not a URL this mock can call (it delivers over http)".into()
    } else {
        "the connection failed".into()
    }
}
