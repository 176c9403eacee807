//! Renders a request for people and tools: as an HTTP message, as a cURL command, as
//! pretty JSON. Used by presets, the CLI and the app's export menu.

use serde_json::Value;

/// A request to render.
#[derive(Clone, Copy, Debug)]
pub struct OutgoingRequest<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a Value,
}

/// Two-space indented JSON, as the docs print it.
pub fn pretty_json(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

/// `METHOD URL`, the headers, a blank line, the pretty body and a final newline.
pub fn http_message(request: &OutgoingRequest<'_>) -> String {
    let mut out = format!("{} {}\n", request.method, request.url);
    for (name, value) in request.headers {
        out.push_str(&format!("{name}: {value}\n"));
    }
    out.push('\n');
    out.push_str(&pretty_json(request.body));
    out.push('\n');
    out
}

/// A POSIX-shell cURL command; every argument single-quoted so nothing is expanded.
pub fn curl(request: &OutgoingRequest<'_>) -> String {
    let mut out = format!("curl -X {} {}", request.method, shell_quote(request.url));
    for (name, value) in request.headers {
        out.push_str(&format!(
            " \\\n  -H {}",
            shell_quote(&format!("{name}: {value}"))
        ));
    }
    out.push_str(&format!(
        " \\\n  --data-raw {}",
        shell_quote(&pretty_json(request.body))
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
            method: "POST",
            url: "https://graph.microsoft.com/beta/x",
            headers: &[("Content-Type", "application/json")],
            body: &body,
        });
        assert!(command.starts_with("curl -X POST 'https://graph.microsoft.com/beta/x'"));
        assert!(command.contains("-H 'Content-Type: application/json'"));
        assert!(command.contains(r#""it'\''s""#));
    }
}
