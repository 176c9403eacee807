//! Renders a request for people and tools: as an HTTP message, as a cURL command, as
//! pretty JSON. Used by presets, the CLI and the app's export menu.

use serde_json::Value;

use crate::diagnostic::ApiVersion;
use crate::validate::Checked;

/// A request to render.
#[derive(Clone, Debug, PartialEq)]
pub struct OutgoingRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Value,
}

impl OutgoingRequest {
    /// The checked request as it would be sent, when its body is JSON: the URL and
    /// headers as written, or for a bare body the invite URL of `call_id` with the two
    /// headers the docs require.
    pub fn from_checked(checked: &Checked, call_id: &str) -> Option<Self> {
        let request = &checked.request;
        let body = request.body.clone()?;
        let (method, url) = match &request.target {
            Some(target) => (target.method.clone(), target.url.clone()),
            None => ("POST".to_owned(), invite_url(request.version, call_id)),
        };
        let headers = if request.headers.is_empty() {
            default_headers()
        } else {
            request.headers.clone()
        };
        Some(OutgoingRequest {
            method,
            url,
            headers,
            body,
        })
    }
}

/// `https://graph.microsoft.com/{version}/communications/calls/{call_id}/participants/invite`
pub fn invite_url(version: ApiVersion, call_id: &str) -> String {
    format!("https://graph.microsoft.com/{version}/communications/calls/{call_id}/participants/invite")
}

/// `Authorization` (a placeholder token) and `Content-Type`, as the docs require.
pub fn default_headers() -> Vec<(String, String)> {
    vec![
        ("Authorization".to_owned(), crate::share::TOKEN_PLACEHOLDER.to_owned()),
        ("Content-Type".to_owned(), "application/json".to_owned()),
    ]
}

/// Two-space indented JSON, as the docs print it.
pub fn pretty_json(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// `METHOD URL`, the headers, a blank line, the pretty body and a final newline.
pub fn http_message(request: &OutgoingRequest) -> String {
    let mut out = format!("{} {}\n", request.method, request.url);
    for (name, value) in &request.headers {
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push('\n');
    out.push_str(&pretty_json(&request.body));
    out.push('\n');
    out
}

/// A POSIX-shell cURL command; every argument single-quoted so nothing is expanded.
pub fn curl(request: &OutgoingRequest) -> String {
    let mut out = format!("curl -X {} {}", request.method, shell_quote(&request.url));
    for (name, value) in &request.headers {
        out.push_str(&format!(" \\\n  -H {}", shell_quote(&format!("{name}: {value}"))));
    }
    out.push_str(&format!(
        " \\\n  --data-raw {}",
        shell_quote(&pretty_json(&request.body))
    ));
    out.push('\n');
    out
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn curl_quotes_every_argument() {
        let body = json!({"clientContext": "it's"});
        let command = curl(&OutgoingRequest {
            method: "POST".into(),
            url: "https://graph.microsoft.com/beta/x".into(),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body,
        });
        assert!(command.starts_with("curl -X POST 'https://graph.microsoft.com/beta/x'"));
        assert!(command.contains("-H 'Content-Type: application/json'"));
        assert!(command.contains(r#""it'\''s""#));
    }
}
