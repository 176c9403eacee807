//! A bounded load test of `invite-playground mock` on loopback (`cargo bench --bench
//! mock_load`; scripts/bench.sh): 20 clients × 10 invites each, all at once, at
//! `--speed instant`, half succeeding and half declined, against the real binary.
//!
//! Checks that every invite is answered 200 and that every call's notifications reach
//! the webhook exactly once, in order, with the bodies the engine's simulator plays for
//! that request and the seed its answer names (what `simulate` prints). Prints
//! requests/s, latency percentiles and deliveries/s; exits 1 on any miss. The client and
//! the webhook are Rust (reqwest, axum) so the figures are the mock's, not a slow
//! client's.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(load::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod load {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    use axum::body::Bytes;
    use axum::extract::State;
    use axum::http::StatusCode;
    use invite_playground::call_context::CallContext;
    use invite_playground::mock::graph;
    use invite_playground::simulate::{Outcome, Settings};
    use serde_json::Value;

    const CLIENTS: usize = 20;
    const CALLS_PER_CLIENT: usize = 10;
    const TOKEN: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6W119.c2ln";

    type Received = Arc<Mutex<Vec<(Instant, Value)>>>;

    struct Answered {
        call_id: String,
        outcome: Outcome,
        seed: u64,
        status: u16,
        latency: Duration,
    }

    pub fn run() -> i32 {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        runtime.block_on(measure())
    }

    async fn webhook(State(received): State<Received>, body: Bytes) -> StatusCode {
        let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        received.lock().expect("not poisoned").push((Instant::now(), body));
        StatusCode::ACCEPTED
    }

    fn call_of(body: &Value) -> String {
        let url = body
            .pointer("/value/0/resourceUrl")
            .and_then(Value::as_str)
            .unwrap_or("");
        url.split("/calls/")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or("")
            .to_owned()
    }

    async fn measure() -> i32 {
        // The bot's webhook.
        let received: Received = Arc::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let hook = format!("http://{}/api/calls", listener.local_addr().expect("bound"));
        let app = axum::Router::new().fallback(webhook).with_state(received.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });

        // The mock, as a user runs it.
        let mut mock = Command::new(env!("CARGO_BIN_EXE_invite-playground"))
            .args([
                "mock",
                "--listen",
                "127.0.0.1:0",
                "--speed",
                "instant",
                "--format",
                "json",
            ])
            .args(["--callback", &hook])
            .stdout(Stdio::piped())
            .spawn()
            .expect("the invite-playground binary");
        let mut log = BufReader::new(mock.stdout.take().expect("piped"));
        let mut first = String::new();
        log.read_line(&mut first).expect("the mock's first log line");
        let first: Value = serde_json::from_str(&first).expect("a JSON log line");
        let base = first["url"].as_str().expect("the listening URL").to_owned();
        let delivery_lines = Arc::new(Mutex::new(0usize));
        let counter = delivery_lines.clone();
        std::thread::spawn(move || {
            for line in log.lines().map_while(Result::ok) {
                if line.contains("\"event\":\"delivery\"") {
                    *counter.lock().expect("not poisoned") += 1;
                }
            }
        });

        let preset = &invite_playground::scenarios::PRESETS[0];
        let body = serde_json::to_string(&preset.corrected_body()).expect("a body");
        let started = Instant::now();
        let clients = (0..CLIENTS).map(|client| {
            let base = base.clone();
            let body = body.clone();
            tokio::spawn(async move {
                let http = reqwest::Client::new();
                let mut answered = Vec::new();
                for n in 0..CALLS_PER_CLIENT {
                    let call_id = format!("load-{client:02}-{n:02}");
                    let outcome = if (client + n) % 2 == 0 {
                        Outcome::Success
                    } else {
                        Outcome::Declined
                    };
                    let sent = Instant::now();
                    let answer = http
                        .post(format!(
                            "{base}/beta/communications/calls/{call_id}/participants/invite"
                        ))
                        .header("Authorization", format!("Bearer {TOKEN}"))
                        .header("Content-Type", "application/json")
                        .header(
                            "X-Playground-Outcome",
                            invite_playground::engine::vocabulary::Vocabulary::name(outcome),
                        )
                        .body(body.clone())
                        .send()
                        .await;
                    let latency = sent.elapsed();
                    let (status, seed) = match answer {
                        Ok(answer) => (
                            answer.status().as_u16(),
                            answer
                                .headers()
                                .get("x-playground-seed")
                                .and_then(|v| v.to_str().ok()?.parse().ok())
                                .unwrap_or(u64::MAX),
                        ),
                        Err(_) => (0, u64::MAX),
                    };
                    answered.push(Answered {
                        call_id,
                        outcome,
                        seed,
                        status,
                        latency,
                    });
                }
                answered
            })
        });
        let mut answered = Vec::new();
        for client in clients.collect::<Vec<_>>() {
            answered.extend(client.await.unwrap_or_default());
        }
        let invites_took = started.elapsed();

        // What each call must receive: the simulator's notifications for its request.
        let context = CallContext {
            callback_url: hook.clone(),
            ..CallContext::default()
        };
        let expected: Vec<(String, Vec<Value>)> = answered
            .iter()
            .map(|a| {
                let path = format!("/beta/communications/calls/{}/participants/invite", a.call_id);
                let headers = [
                    ("Authorization".to_owned(), format!("Bearer {TOKEN}")),
                    ("Content-Type".to_owned(), "application/json".to_owned()),
                ];
                let text = graph::request_text("POST", &path, &headers, &body);
                let settings = Settings {
                    outcome: a.outcome,
                    seed: a.seed,
                    ..Settings::default()
                };
                let played = graph::invite(&text, &context, settings, None);
                (
                    a.call_id.clone(),
                    played.deliveries.into_iter().map(|(_, m)| m.body).collect(),
                )
            })
            .collect();
        let total: usize = expected.iter().map(|(_, bodies)| bodies.len()).sum();
        let deadline = Instant::now() + Duration::from_secs(30);
        while received.lock().expect("not poisoned").len() < total && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        tokio::time::sleep(Duration::from_millis(200)).await; // one too many would show now
        let _ = Command::new("kill").args(["-TERM", &mock.id().to_string()]).status();
        let exit = mock.wait().map(|s| s.code()).unwrap_or(None);

        let received = received.lock().expect("not poisoned").clone();
        let mut problems = Vec::new();
        let not_ok: Vec<&str> = answered
            .iter()
            .filter(|a| a.status != 200)
            .map(|a| a.call_id.as_str())
            .collect();
        if answered.len() != CLIENTS * CALLS_PER_CLIENT || !not_ok.is_empty() {
            problems.push(format!("{} answered; not 200: {not_ok:?}", answered.len()));
        }
        let wrong: Vec<&str> = expected
            .iter()
            .filter(|(call, bodies)| {
                let got: Vec<&Value> = received
                    .iter()
                    .filter(|(_, b)| call_of(b) == *call)
                    .map(|(_, b)| b)
                    .collect();
                got != bodies.iter().collect::<Vec<_>>()
            })
            .map(|(call, _)| call.as_str())
            .collect();
        if !wrong.is_empty() {
            problems.push(format!(
                "{} calls did not get their notifications exactly once and in order: {:?}",
                wrong.len(),
                &wrong[..wrong.len().min(5)]
            ));
        }
        let attempts = *delivery_lines.lock().expect("not poisoned");
        if received.len() != total || attempts != total || exit != Some(0) {
            problems.push(format!(
                "{} received, {attempts} attempts logged, {total} simulated; mock exit {exit:?}",
                received.len()
            ));
        }

        let mut latencies: Vec<Duration> = answered.iter().map(|a| a.latency).collect();
        latencies.sort();
        let at = |q: f64| latencies[((q * latencies.len() as f64) as usize).min(latencies.len() - 1)];
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let first = received.iter().map(|(t, _)| *t).min().unwrap_or(started);
        let last = received.iter().map(|(t, _)| *t).max().unwrap_or(first);
        println!(
            "mock load: {CLIENTS} clients × {CALLS_PER_CLIENT} invites, {total} notifications (loopback, --speed instant{})",
            if cfg!(debug_assertions) { ", debug build" } else { "" }
        );
        println!(
            "  invites: {:.0} requests/s; latency p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            latencies.len() as f64 / invites_took.as_secs_f64(),
            ms(at(0.5)),
            ms(at(0.95)),
            ms(latencies[latencies.len() - 1])
        );
        println!(
            "  deliveries: {:.0}/s; each exactly once and in order per call: {}",
            total as f64 / (last - first).as_secs_f64().max(1e-3),
            if wrong.is_empty() { "yes" } else { "NO" }
        );
        for problem in &problems {
            println!("FAIL {problem}");
        }
        i32::from(!problems.is_empty())
    }
}
