//! The mock's request handling on arbitrary input (method, path, headers, body): the
//! route never panics, a bad `X-Playground-*` header is a message not a crash, and an
//! invite always answers with a status and, when 200, an operation and its deliveries.
#![no_main]

use invite_playground::call_context::CallContext;
use invite_playground::mock::graph;
use invite_playground::simulate::Settings;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\u{0}');
    let (method, path, headers, body) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let headers: Vec<(String, String)> = headers
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    let _ = graph::route(method, path);
    if let Ok(settings) = graph::settings_for(Settings::default(), 3, &headers) {
        let request = graph::request_text("POST", path, &headers, body);
        let played = graph::invite(&request, &CallContext::default(), settings, None);
        let status = played.response.status.unwrap_or(0);
        assert!((200..600).contains(&status));
        assert_eq!(status == 200, played.operation.is_some());
    }
});
