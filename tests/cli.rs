//! The `invite-playground` binary as scripts use it: commands, flags, exit codes, and
//! the JSON shapes of `check` and `simulate`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn cli(args: &[&str], stdin: &str) -> Output {
    cli_in(std::path::Path::new("."), args, stdin)
}

/// [`cli`] run in `dir`, where relative file names are read.
fn cli_in(dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_invite-playground"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // A command that does not read its input may exit first: a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)))
}

const VALID: &str =
    r#"{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}],"clientContext":"c"}"#;

#[test]
fn check_exits_by_verdict() {
    assert_eq!(cli(&["check", "-"], VALID).status.code(), Some(0));
    // Warnings alone still pass.
    let warning = VALID.replace("278405a3-f568-4b3e-b684-009193463064", "not-a-guid");
    assert_eq!(cli(&["check"], &warning).status.code(), Some(0));
    assert_eq!(cli(&["check", "-"], "{\"participants\": []}").status.code(), Some(1));
    assert_eq!(cli(&["check", "/no/such/file.json"], "").status.code(), Some(2));
    assert_eq!(cli(&["check", "--format", "xml"], VALID).status.code(), Some(2));
    assert_eq!(cli(&["frobnicate"], "").status.code(), Some(2));
    assert_eq!(cli(&["check", "--preset", "example-9"], "").status.code(), Some(2));
}

#[test]
fn check_json_has_the_documented_shape() {
    let output = cli(
        &["check", "--format", "json", "-"],
        "{\n  \"participants\": [{\"identity\": {\"phone\": {\"id\": \"555\"}}}]\n}",
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 0);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let phone = diagnostics.iter().find(|d| d["code"] == "phone-not-e164").unwrap();
    assert_eq!(phone["severity"], "error");
    assert_eq!(phone["pointer"], "/participants/0/identity/phone/id");
    assert_eq!((phone["line"].as_u64(), phone["column"].as_u64()), (Some(2), Some(50)));
    assert!(phone["message"].as_str().unwrap().contains("`555`"));
    assert!(phone["help"].is_string());
    let info = diagnostics
        .iter()
        .find(|d| d["code"] == "client-context-missing")
        .unwrap();
    assert_eq!(info["severity"], "info");
    for key in ["severity", "code", "pointer", "line", "column", "message", "help"] {
        assert!(phone.get(key).is_some(), "{key}");
    }
}

#[test]
fn check_text_names_file_line_and_column() {
    let dir = std::env::temp_dir().join(format!("invite-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("request.json");
    std::fs::write(&file, "{\n  \"participants\": []\n}").unwrap();
    let output = cli(&["check", file.to_str().unwrap()], "");
    let text = String::from_utf8(output.stdout).unwrap();
    let expected = format!(
        "{}:2:19: error[participants-empty]: `participants` is empty",
        file.display()
    );
    assert!(text.contains(&expected), "{text}");
    assert!(text.contains("  help: "), "{text}");
    // The summary counts in words a person reads, not "error(s)".
    let summary = format!("{}: invalid: 1 error, 0 warnings\n", file.display());
    assert!(text.ends_with(&summary), "{text}");
    let many = cli(&["check", "-"], r#"{"participants": [1, 2]}"#);
    let many = String::from_utf8(many.stdout).unwrap();
    assert!(many.ends_with("<stdin>: invalid: 2 errors, 0 warnings\n"), "{many}");
}

/// A cURL command, on one line or many, after a comment or not, bash's or `cmd`'s, is
/// read as the request it sends, as the page reads a pasted one; a note on standard
/// error says so and where its data starts. One that cannot be read (a quote left open,
/// no URL) is named as a cURL command, not read as a malformed HTTP message or JSON
/// with a stray `#`.
#[test]
fn a_curl_command_is_read_as_the_request_it_sends() {
    let url = "https://graph.microsoft.com/v1.0/communications/calls/2f1a1100-726f-4705-a6b1-3c5c3e9f1f2e/participants/invite";
    for (command, data_line) in [
        (format!("curl {url} -H 'Authorization: Bearer t' -H 'Content-Type: application/json' -d '{{\"participants\":[]}}'"), 5),
        (format!("curl -X POST {url} \\\n  -H 'Content-Type: application/json' \\\n  -d '{{\"participants\":[]}}'"), 4),
        (format!("# error: participants-empty\ncurl -X POST {url} -H \"Content-Type: application/json\" -d '{{\"participants\":[]}}'"), 4),
        (format!("curl ^\"{url}^\" ^\r\n  -H ^\"Content-Type: application/json^\" ^\r\n  --data-raw ^\"^{{^\\^\"participants^\\^\":[]^}}^\""), 4),
    ] {
        let output = cli(&["check", "-"], &command);
        let (text, note) = (String::from_utf8(output.stdout).unwrap(), String::from_utf8(output.stderr).unwrap());
        assert_eq!(
            note,
            format!("note: <stdin> is a cURL command, read as the HTTP request it sends: its method and URL on line 1, a header a line, a blank line, then its data from line {data_line}; positions are in that request\n"),
            "{command}"
        );
        assert!(text.contains(&format!("<stdin>:{data_line}:17: error[participants-empty]")), "{command}: {text}");
        assert!(!text.contains("json-syntax"), "{text}");
    }
    // `simulate` and `snippet` read it the same way; JSON output stays JSON.
    let command = format!("curl -X POST {url} -H 'Authorization: Bearer t' -H 'Content-Type: application/json' -d '{{\"participants\":[{{\"identity\":{{\"user\":{{\"id\":\"278405a3-f568-4b3e-b684-009193463064\"}}}}}}]}}'");
    let run = json(&cli(&["simulate", "-", "--format", "json"], &command));
    assert_eq!(run["events"][1]["status"], 200, "{run}");
    let http = String::from_utf8(cli(&["snippet", "-", "--lang", "http"], &command).stdout).unwrap();
    assert!(http.starts_with(&format!("POST {url}\n")), "{http}");
    // Data from a file, as cURL reads it from the current directory: `-d @file` drops
    // its line breaks, `--json @file` keeps them, `@-` is standard input; a file that
    // cannot be read, or `@-` when standard input held the command, is an I/O problem.
    let dir = std::env::temp_dir().join(format!("invite-playground-curl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("body.json"), "{\r\n  \"participants\": []\r\n}\r\n").unwrap();
    let head = format!("curl -X POST {url} -H 'Authorization: Bearer t'");
    std::fs::write(
        dir.join("send.sh"),
        format!("{head} -H 'Content-Type: application/json' -d @body.json\n"),
    )
    .unwrap();
    for (args, stdin, at, from) in [
        (
            vec!["check", "send.sh"],
            String::new(),
            "send.sh:5:20: error[participants-empty]",
            " (`body.json`, its line breaks dropped as `-d @file` drops them)",
        ),
        (
            vec!["check", "-"],
            format!("{head} --json @body.json"),
            "<stdin>:6:19: error[participants-empty]",
            " (`body.json`)",
        ),
        (
            vec!["check", "send.sh", "--format", "json"],
            String::new(),
            r#""code":"participants-empty","pointer":"/participants","line":5,"column":20"#,
            " (`body.json`, its line breaks dropped as `-d @file` drops them)",
        ),
    ] {
        let output = cli_in(&dir, &args, &stdin);
        let (text, note) = (
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        );
        assert_eq!(output.status.code(), Some(1), "{args:?}: {text}{note}");
        assert!(note.contains(&format!("then its data{from} from line 5;")), "{note}");
        assert!(text.contains(at), "{text}");
    }
    std::fs::write(
        dir.join("stdin.sh"),
        format!("{head} -H 'Content-Type: application/json' --data-binary @-"),
    )
    .unwrap();
    let output = cli_in(&dir, &["check", "stdin.sh"], "{\"participants\": []}");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("then its data (standard input) from line 5"));
    for (args, stdin, problem) in [
        (vec!["check", "-"], format!("{head} --json @missing.json"), "cannot read `missing.json`, the data of the cURL command's `--json @missing.json` (read from the current directory, as cURL reads it): "),
        (vec!["check", "-"], format!("{head} -d @-"), "the cURL command on standard input sends `-d @-`, standard input, which held the command itself"),
    ] {
        let output = cli_in(&dir, &args, &stdin);
        assert_eq!(output.status.code(), Some(2), "{stdin}");
        assert!(output.stdout.is_empty());
        assert!(String::from_utf8(output.stderr).unwrap().starts_with(&format!("invite-playground: {problem}")), "{stdin}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
    for command in [
        "curl -X POST 'https://graph.microsoft.com",
        "curl -d '{}'",
        "# error: participants-empty\ncurl -X POST 'https://x/invite -d '{}'",
    ] {
        let output = cli(&["check", "-"], command);
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(output.stderr.is_empty(), "{command}");
        assert!(
            text.contains("<stdin>:1:1: error[json-syntax]") || text.contains("<stdin>:2:1: error[json-syntax]"),
            "{text}"
        );
        assert!(text.contains("this is a cURL command: one pasted whole"), "{text}");
        assert!(text.ends_with("invalid: 1 error, 0 warnings\n"), "{command}: {text}");
    }
}

#[test]
fn check_reads_the_api_version_flag_and_http_input() {
    let body = r#"{"participants":[{"endpointType":"default","identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}],"clientContext":"c"}"#;
    let v1 = json(&cli(&["check", "--api", "v1.0", "--format", "json"], body));
    assert!(v1["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "property-not-in-version"));
    let beta = json(&cli(&["check", "--format", "json"], body));
    assert!(!beta["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "property-not-in-version"));
    // The URL's version wins over the flag.
    let http = format!("POST /beta/communications/calls/abc/participants/invite\nAuthorization: Bearer t\nContent-Type: application/json\n\n{body}");
    let from_url = json(&cli(&["check", "--api", "v1.0", "--format", "json"], &http));
    assert_eq!(from_url["valid"], true, "{from_url}");
    assert!(!from_url["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "property-not-in-version"));
}

#[test]
fn simulate_json_has_the_documented_shape() {
    let output = cli(
        &["simulate", "--preset", "example-3", "--format", "json", "--seed", "3"],
        "",
    );
    assert_eq!(output.status.code(), Some(0));
    let timeline = json(&output);
    assert_eq!(timeline["outcome"], "success");
    assert_eq!(timeline["mode"], "corrected");
    let events = timeline["events"].as_array().unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "request",
            "response",
            "notification",
            "notification",
            "notification",
            "notification"
        ]
    );
    assert_eq!(events[0]["from"], "bot");
    assert_eq!(events[0]["to"], "graph");
    assert_eq!(events[1]["status"], 200);
    assert!(events[1]["headers"]["Location"]
        .as_str()
        .unwrap()
        .contains("/operations/"));
    assert_eq!(events[2]["url"], "https://bot.contoso.com/api/calls");
    assert_eq!(events[2]["body"]["@odata.type"], "#microsoft.graph.commsNotifications");
    for event in events {
        assert!(event["atMs"].is_u64());
        assert!(event.get("body").is_some());
    }
    // Deterministic: same seed, same bytes.
    let again = cli(
        &["simulate", "--preset", "example-3", "--format", "json", "--seed", "3"],
        "",
    );
    assert_eq!(output.stdout, again.stdout);
}

#[test]
fn simulate_flags_change_the_call() {
    let two = r#"{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}},{"identity":{"user":{"id":"7e1b4346-85a6-4bdd-abe3-d11c5d420efe"}}}],"clientContext":"c"}"#;
    let status = |args: &[&str]| json(&cli(args, two))["events"][1]["status"].as_u64();
    assert_eq!(status(&["simulate", "--format", "json"]), Some(200));
    assert_eq!(
        status(&["simulate", "--format", "json", "--call-kind", "peerToPeer"]),
        Some(400)
    );
    assert_eq!(status(&["simulate", "--format", "json", "--no-chat-info"]), Some(400));
    assert_eq!(
        status(&["simulate", "--format", "json", "--call-state", "establishing"]),
        Some(409)
    );
    assert_eq!(
        status(&["simulate", "--format", "json", "--token", "delegated"]),
        Some(403)
    );
    assert_eq!(
        status(&["simulate", "--format", "json", "--outcome", "throttled"]),
        Some(429)
    );
    let phone = r#"{"participants":[{"identity":{"phone":{"id":"+12345678901"}}}],"clientContext":"c"}"#;
    let failed = json(&cli(&["simulate", "--format", "json", "--no-pstn"], phone));
    assert_eq!(
        failed["events"][2]["body"]["value"][0]["resourceData"]["status"],
        "failed"
    );
    assert_eq!(
        cli(&["simulate", "--call-state", "sleeping"], two).status.code(),
        Some(2)
    );
    assert_eq!(cli(&["simulate", "--outcome", "maybe"], two).status.code(), Some(2));
}

#[test]
fn doc_faithful_needs_a_preset_and_replays_the_docs() {
    assert_eq!(
        cli(&["simulate", "--mode", "doc-faithful"], VALID).status.code(),
        Some(2)
    );
    let output = cli(
        &[
            "simulate",
            "--preset",
            "example-2",
            "--mode",
            "doc-faithful",
            "--format",
            "json",
        ],
        "",
    );
    let timeline = json(&output);
    assert_eq!(timeline["mode"], "doc-faithful");
    let operation = &timeline["events"][2];
    assert_eq!(operation["body"]["value"][0]["resourceData"]["id"], Value::Null);
    assert!(operation["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["defect"] == "A-6"));
    let text =
        String::from_utf8(cli(&["simulate", "--preset", "example-2", "--mode", "doc-faithful"], "").stdout).unwrap();
    assert!(text.contains("note [defect A-7]"), "{text}");
}

#[test]
fn presets_and_preset_list_and_print() {
    let listing = json(&cli(&["presets", "--format", "json"], ""));
    let names: Vec<&str> = listing["presets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["example-1", "example-2", "example-3", "example-4", "example-5"]);
    assert_eq!(listing["outcomes"].as_array().unwrap().len(), 11);
    let text = String::from_utf8(cli(&["presets"], "").stdout).unwrap();
    assert!(text.contains("no-answer") && text.contains("example-5"));
    let doc = String::from_utf8(cli(&["preset", "example-1"], "").stdout).unwrap();
    assert!(doc.starts_with("POST https://graph.microsoft.com/beta/communications/calls/{id}/participants/invite"));
    assert!(doc.contains("Content-Length: 464"));
    let corrected = String::from_utf8(cli(&["preset", "example-1", "--mode", "corrected"], "").stdout).unwrap();
    assert!(corrected.contains("Authorization: Bearer {token}"));
    // A printed preset checks clean.
    assert_eq!(cli(&["check", "-"], &corrected).status.code(), Some(0));
}

/// `args` run with `stdin` as raw bytes, and the JSON report.
fn json_of_bytes(args: &[&str], stdin: &[u8]) -> (Option<i32>, serde_json::Value) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_invite-playground"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let output = child.wait_with_output().unwrap();
    (output.status.code(), json(&output))
}

#[test]
fn invalid_utf8_is_a_json_syntax_error_with_a_position() {
    let (code, report) = json_of_bytes(&["check", "--format", "json"], b"{\"clientContext\": \"\xff\"}");
    assert_eq!(code, Some(1));
    let first = &report["diagnostics"][0];
    assert_eq!(first["code"], "json-syntax");
    assert_eq!(first["column"], 20);
    // What the bot received, too: named first, the rest still read.
    let (code, report) = json_of_bytes(
        &["explain", "-", "--format", "json"],
        b"{\"error\": {\"code\": \"\xff\", \"message\": \"m\"}}",
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        report["diagnostics"][0]["message"],
        "the body is not valid JSON: byte 0xFF is not valid UTF-8"
    );
    assert_eq!(report["kind"], "error");
}

/// What `explain` reads that is not clean UTF-8 JSON says so once, as `check` does: a
/// bad first byte or a byte-order mark before the body is never taken for a status line
/// (it was "`\u{FFFD}{}` is not a status line" and "no body here to explain").
#[test]
fn explain_names_a_bad_first_byte_or_a_bom_once_and_never_a_status_line() {
    for (bytes, message) in [
        (&b"\xff{\"value\": []}"[..], "the body is not valid JSON: byte 0xFF is not valid UTF-8"),
        (
            &b"\xef\xbb\xbf{\"value\": []}"[..],
            "the body is not valid JSON: the text has a byte-order mark (U+FEFF), which JSON does not allow: save it as UTF-8 without a BOM",
        ),
        (&b"  \xff"[..], "the body is not valid JSON: byte 0xFF is not valid UTF-8"),
    ] {
        let (code, report) = json_of_bytes(&["explain", "-", "--format", "json"], bytes);
        assert_eq!(code, Some(1));
        let diagnostics = report["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0]["code"], "json-syntax");
        assert_eq!(diagnostics[0]["message"], message);
        // Graph sent it: the help is about the copy, not about what Graph reads.
        let help = diagnostics[0]["help"].as_str().unwrap();
        assert!(help.starts_with("Graph sends strict JSON"), "{help}");
    }
    // A request's help still says what Graph reads.
    let (_, report) = json_of_bytes(&["check", "--format", "json"], b"\xff{}");
    let help = report["diagnostics"][0]["help"].as_str().unwrap();
    assert!(help.starts_with("Graph reads strict JSON"), "{help}");
}

/// UTF-16 (Windows PowerShell's `>`), with or without its byte-order mark, is named as
/// such by `check` and `explain`, and not read as anything else.
#[test]
fn utf16_is_named_by_check_and_explain() {
    let utf16 = |text: &str, bom: bool| -> Vec<u8> {
        let mark = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        mark.into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect()
    };
    for bom in [true, false] {
        let (code, report) = json_of_bytes(&["check", "--format", "json"], &utf16("{\"participants\": []}", bom));
        assert_eq!(code, Some(1));
        let message = report["diagnostics"][0]["message"].as_str().unwrap().to_owned();
        assert!(
            message.contains("the text is UTF-16") && message.ends_with("save it as UTF-8"),
            "{message}"
        );
        let (code, report) = json_of_bytes(&["explain", "-", "--format", "json"], &utf16("{\"value\": []}", bom));
        assert_eq!(code, Some(1));
        let diagnostics = report["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert!(diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("the text is UTF-16"));
        assert_eq!(report["items"], serde_json::json!([]));
    }
}

#[test]
fn a_diagnostic_without_a_place_in_the_body_has_no_pointer_key() {
    let dir = std::env::temp_dir().join(format!("invite-cli-pointer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("request.http");
    std::fs::write(&file, "POST /x\nContent-Type: application/json\n\n{\"participants\": [").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_invite-playground"))
        .args(["check", file.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for diagnostic in report["diagnostics"].as_array().unwrap() {
        let code = diagnostic["code"].as_str().unwrap();
        if [
            "json-syntax",
            "path-invalid",
            "header-authorization-missing",
            "request-line-invalid",
        ]
        .contains(&code)
        {
            assert!(diagnostic.get("pointer").is_none(), "{code}: {diagnostic}");
        }
    }
    assert!(report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "json-syntax"));
}

/// A writer whose reader went away, as `| head -c 10` leaves stdout.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_keeps_the_commands_own_exit_code() {
    let run = |args: &[&str]| {
        let mut stderr = Vec::new();
        let code = invite_playground::cli::run(
            args.iter().map(Into::into).collect(),
            &mut std::io::empty(),
            &mut ClosedPipe,
            &mut stderr,
        );
        (code, String::from_utf8(stderr).unwrap())
    };
    assert_eq!(run(&["check", "--preset", "example-1"]), (1, String::new()));
    assert_eq!(
        run(&["check", "--preset", "example-1", "--mode", "corrected"]),
        (0, String::new())
    );
    assert_eq!(run(&["presets"]), (0, String::new()));
}

/// A reader that takes the first `room` bytes and then goes away, as `| head -c N`
/// does in the middle of a long transcript (output is written as it is made).
struct PipeClosingAfter {
    room: usize,
    taken: Vec<u8>,
    /// How it goes away: `BrokenPipe`, or a full disk (`StorageFull`).
    error: std::io::ErrorKind,
}

impl std::io::Write for PipeClosingAfter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.taken.len() >= self.room {
            return Err(std::io::Error::from(self.error));
        }
        let n = bytes.len().min(self.room - self.taken.len());
        self.taken.extend_from_slice(&bytes[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_pipe_closed_mid_transcript_keeps_the_exit_code_and_what_was_read() {
    for (args, code) in [
        (&["simulate", "--preset", "example-1"][..], 0),
        (&["simulate", "--preset", "example-1", "--format", "json"][..], 0),
        (&["check", "--preset", "example-2"][..], 1),
    ] {
        let mut stderr = Vec::new();
        let mut out = PipeClosingAfter {
            room: 300,
            taken: Vec::new(),
            error: std::io::ErrorKind::BrokenPipe,
        };
        let status = invite_playground::cli::run(
            args.iter().map(Into::into).collect(),
            &mut std::io::empty(),
            &mut out,
            &mut stderr,
        );
        assert_eq!(
            (status, String::from_utf8(stderr).unwrap()),
            (code, String::new()),
            "{args:?}"
        );
        assert_eq!(out.taken.len(), 300, "{args:?}");
        // What was read is the start of the whole output.
        let whole = cli(args, "");
        assert!(whole.stdout.starts_with(&out.taken), "{args:?}");
    }
}

/// Code is written as it is made (a 64 MiB body's is hundreds of megabytes): a reader
/// that goes away gets the start of it and the command exits 0; a full disk stops it
/// with exit 2 and the reason, never a truncated file presented as whole.
#[test]
fn code_larger_than_the_output_buffer_streams_and_a_failed_write_is_reported() {
    let participant = r#"{"identity": {"user": {"id": "u", "x": [1, {"y": null}]}}}"#;
    let body = format!(
        r#"{{"participants": [{}], "clientContext": "c"}}"#,
        vec![participant; 2_000].join(",")
    );
    let file = std::env::temp_dir().join(format!("invite-cli-stream-{}.json", std::process::id()));
    std::fs::write(&file, &body).unwrap();
    for lang in [
        "go",
        "java",
        "php",
        "python",
        "csharp",
        "javascript",
        "powershell",
        "curl",
        "http",
        "json",
    ] {
        let args = ["snippet", file.to_str().unwrap(), "--lang", lang];
        let whole = cli(&args, "");
        assert!(whole.stdout.len() > 150_000, "{lang}: {}", whole.stdout.len());
        for (error, code) in [
            (std::io::ErrorKind::BrokenPipe, 0),
            (std::io::ErrorKind::StorageFull, 2),
        ] {
            let mut stderr = Vec::new();
            let mut out = PipeClosingAfter {
                room: 100_000,
                taken: Vec::new(),
                error,
            };
            let status = invite_playground::cli::run(
                args.iter().map(Into::into).collect(),
                &mut std::io::empty(),
                &mut out,
                &mut stderr,
            );
            let stderr = String::from_utf8(stderr).unwrap();
            assert_eq!(status, code, "{lang} {error:?}: {stderr}");
            assert_eq!(out.taken, whole.stdout[..100_000], "{lang} {error:?}");
            if code == 2 {
                assert!(
                    stderr.contains("cannot write output: no storage space"),
                    "{lang}: {stderr}"
                );
            } else {
                assert_eq!(stderr, "", "{lang}");
            }
        }
    }
    std::fs::remove_file(file).unwrap();
}

#[test]
fn simulating_a_request_with_errors_says_it_was_rejected() {
    let output = cli(&["simulate", "-"], r#"{"participants": []}"#);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("rejected: the request has errors, so Graph answers 400"),
        "{text}"
    );
    let json = json(&cli(&["simulate", "-", "--format", "json"], r#"{"participants": []}"#));
    assert_eq!(
        (json["valid"].as_bool(), json["rejected"].as_bool()),
        (Some(false), Some(true))
    );
    // A chosen failure outcome of a valid request is a successful simulation.
    let throttled = cli(&["simulate", "--preset", "example-1", "--outcome", "throttled"], "");
    assert_eq!(throttled.status.code(), Some(0));
    // The docs' request replayed in doc-faithful mode reaches the documented answer.
    let replay = cli(&["simulate", "--preset", "example-1", "--mode", "doc-faithful"], "");
    assert_eq!(replay.status.code(), Some(0));
}

#[test]
fn presets_with_a_name_points_to_preset() {
    let output = cli(&["presets", "example-2"], "");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("for one example use `preset example-2`"), "{stderr}");
}

#[test]
fn text_output_never_carries_terminal_control_characters() {
    let hostile = "POST https://graph.microsoft.com/beta/communications/calls/\u{1b}]0;pwned\u{7}/participants/invite\nAuthorization: Bearer abcdefghijkl\u{1b}[2J\nContent-Type: application/json\n\n{\"participants\":[{\"identity\":{\"user\":{\"id\":\"x\"}},\"e\\u001b[31mvil\\u202e\":1}]}";
    for args in [&["check", "-"][..], &["simulate", "-"][..]] {
        let output = cli(args, hostile);
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(text.contains("\\u{1b}"), "{args:?}: escaped, not dropped: {text}");
    }
}

#[test]
fn help_and_version_answer_on_standard_output() {
    for args in [&["--help"][..], &["-h"][..], &["help"][..], &["check", "--help"][..]] {
        let output = cli(args, "");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(
            String::from_utf8(output.stdout).unwrap().starts_with("usage:"),
            "{args:?}"
        );
    }
    for args in [&["--version"][..], &["-V"][..]] {
        let output = cli(args, "");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            text,
            format!("invite-playground {}\n", env!("CARGO_PKG_VERSION")),
            "{args:?}"
        );
    }
    let missing = cli(&[], "");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8(missing.stderr).unwrap().contains("missing command"));
}

#[test]
fn numbers_out_of_range_say_which_range() {
    let stderr = |args: &[&str]| {
        let output = cli(args, "{}");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        String::from_utf8(output.stderr).unwrap()
    };
    let huge = "99999999999999999999999";
    assert!(stderr(&["check", "-", "--max-bytes", huge]).contains("the largest input a check reads"));
    assert!(stderr(&["check", "-", "--max-bytes", "-1"]).contains("is not a whole number of bytes"));
    for seed in [huge, "-1", "1.5"] {
        let message = stderr(&["simulate", "--preset", "example-1", "--seed", seed]);
        assert!(message.contains("from 0 to 18446744073709551615"), "{message}");
    }
}

/// A closed standard input (`<&-`, a job started without one) is an I/O problem (exit
/// 2) that says so, not an empty request; `< /dev/null` stays an empty one, and a FILE
/// needs no standard input.
#[cfg(unix)]
#[test]
fn a_closed_standard_input_is_an_io_problem() {
    let binary = env!("CARGO_BIN_EXE_invite-playground");
    let run = |redirect: &str, args: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} {redirect}"))
            .arg(binary)
            .output()
            .unwrap()
    };
    for args in ["check -", "check", "simulate --format json", "explain -"] {
        let closed = run("<&-", args);
        assert_eq!(closed.status.code(), Some(2), "{args}");
        assert!(closed.stdout.is_empty(), "{args}");
        assert_eq!(
            String::from_utf8(closed.stderr).unwrap(),
            "invite-playground: cannot read standard input: it is closed (name a FILE, or pipe the request in)\n",
            "{args}"
        );
    }
    let empty = run("< /dev/null", "check -");
    assert_eq!(empty.status.code(), Some(1));
    assert!(String::from_utf8(empty.stdout).unwrap().contains("error[body-empty]"));
    let file = run("<&-", "check --preset example-1");
    assert_eq!(file.status.code(), Some(1));
}

#[test]
fn help_texts_name_the_actual_mistake() {
    let text = |input: &str| String::from_utf8(cli(&["check", "-"], input).stdout).unwrap();
    let bom = text("\u{feff}{\"participants\":[]}");
    assert!(bom.contains("byte-order mark (U+FEFF)"), "{bom}");
    let cr_only = text("POST /x\rContent-Type: application/json\r\r{}");
    assert!(cr_only.contains("bare carriage return (CR)"), "{cr_only}");
    let line = "POST https://graph.microsoft.com/beta/communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/participants/invite\nAuthorization: Bearer abcdefghij\n";
    let spaced = text(&format!("{line}Content Type: application/json\n\n{{}}"));
    assert!(spaced.contains("a header name is one word"), "{spaced}");
    let no_colon = text(&format!("{line}Content-Type application/json\n\n{{}}"));
    assert!(
        no_colon.contains("a header needs a `:` after its name: write `Content-Type: …`"),
        "{no_colon}"
    );
    let body_too_soon = text(&format!("{line}participants\n\n{{}}"));
    assert!(
        body_too_soon.contains("a header line is `Name: value`"),
        "{body_too_soon}"
    );
    let length = text(&format!(
        "{line}Content-Type: application/json\nContent-Length: 3\n\n{{\"participants\":[]}}"
    ));
    assert!(
        length.contains("compute it from the bytes it sends") && !length.contains("464"),
        "{length}"
    );
    let docs = String::from_utf8(cli(&["check", "--preset", "example-1"], "").stdout).unwrap();
    assert!(docs.contains("the docs' `464`"), "{docs}");
}

#[test]
fn inputs_over_the_limit_are_refused_with_the_limit_named() {
    let output = cli(&["check", "-", "--max-bytes", "5"], r#"{"participants":[]}"#);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("larger than 5 bytes") && stderr.contains("--max-bytes"),
        "{stderr}"
    );
    // An endless source stops at the default 64 MiB instead of eating memory.
    let zero = Command::new(env!("CARGO_BIN_EXE_invite-playground"))
        .args(["check", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(zero.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&zero.stderr);
    assert!(stderr.contains("larger than 64 MiB (67,108,864 bytes)"), "{stderr}");
    // One byte is one byte; a limit that is not whole MiB is given in bytes, grouped.
    let one = cli(&["check", "-", "--max-bytes", "1"], "{}");
    assert!(String::from_utf8(one.stderr).unwrap().contains("larger than 1 byte ("));
    let odd = cli(&["check", "-", "--max-bytes", "1500"], &"x".repeat(1501));
    assert!(String::from_utf8(odd.stderr)
        .unwrap()
        .contains("larger than 1,500 bytes ("));
    // The limit itself has one: the largest text a check reads.
    let output = cli(&["check", "-", "--max-bytes", "536870913"], "{}");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("over 512 MiB (536,870,912 bytes)"), "{stderr}");
    assert_eq!(
        cli(&["check", "-", "--max-bytes", "536870912"], "{}").status.code(),
        Some(1)
    );
    // At the limit exactly, it is read.
    let body = r#"{"participants":[]}"#;
    let limit = body.len().to_string();
    assert_eq!(cli(&["check", "-", "--max-bytes", &limit], body).status.code(), Some(1));
}

#[test]
fn explain_reads_what_the_bot_received() {
    let operation = r##"{"@odata.type":"#microsoft.graph.commsNotifications","value":[{"@odata.type":"#microsoft.graph.commsNotification","changeType":"deleted","resourceUrl":"/communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/operations/0f2d","resourceData":{"@odata.type":"#microsoft.graph.inviteParticipantsOperation","id":"0f2d","status":"failed","clientContext":"c","resultInfo":{"code":"410","subcode":301004,"message":"Client Media Error"},"participants":[]}}]}"##;
    let output = cli(&["explain", "-", "--format", "json"], operation);
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["kind"], "notifications");
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"], 1);
    let diagnostic = &report["diagnostics"][0];
    assert_eq!(diagnostic["code"], "type-mismatch");
    assert_eq!(diagnostic["pointer"], "/value/0/resourceData/resultInfo/code");
    let item = &report["items"][0];
    assert_eq!(item["step"], "operation-failed");
    assert_eq!(
        (item["code"].as_i64(), item["subcode"].as_i64()),
        (Some(410), Some(301004))
    );
    for key in ["meaning", "next", "source"] {
        assert!(item[key].is_string(), "{key}");
    }
    // A full HTTP response adds its status; a clean one exits 0.
    let response = "HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{\"error\":{\"code\":\"9997\",\"message\":\"Call not found.\"}}";
    let output = cli(&["explain", "-", "--format", "json"], response);
    assert_eq!(output.status.code(), Some(0));
    let report = json(&output);
    assert_eq!(
        (report["kind"].as_str(), report["httpStatus"].as_u64()),
        (Some("error"), Some(404))
    );
    assert_eq!(report["items"][0]["step"], "error-response");
    // Text for people; an unknown payload exits 1.
    let text = String::from_utf8(cli(&["explain", "-"], response).stdout).unwrap();
    assert!(
        text.contains("error (HTTP 404)") && text.contains("[error-response]") && text.contains("next:"),
        "{text}"
    );
    assert_eq!(cli(&["explain", "-"], "{\"x\":1}").status.code(), Some(1));
}

#[test]
fn explain_correlates_with_the_request() {
    let dir = std::env::temp_dir().join(format!("invite-cli-explain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let request = dir.join("request.json");
    std::fs::write(&request, r#"{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}],"clientContext":"mine"}"#).unwrap();
    let operation = r##"{"@odata.type":"#microsoft.graph.inviteParticipantsOperation","id":"op","status":"Running","clientContext":"theirs","participants":[]}"##;
    let report = json(&cli(
        &[
            "explain",
            "-",
            "--request",
            request.to_str().unwrap(),
            "--format",
            "json",
        ],
        operation,
    ));
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["diagnostics"][0]["code"], "correlation-mismatch");
    assert_eq!(report["items"][0]["step"], "action-response");
}

#[test]
fn mock_refuses_bad_flags_and_a_taken_port_clearly() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().to_string();
    let output = cli(&["mock", "--listen", &port], "");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("cannot listen on {port}")) && stderr.contains("--listen"),
        "{stderr}"
    );

    let typo = std::env::temp_dir().join(format!("invite-playground-call-{}.json", std::process::id()));
    std::fs::write(&typo, r#"{"calId": "c"}"#).unwrap();
    for (args, says) in [
        (&["mock", "--speed", "2"][..], "unknown speed `2`"),
        (&["mock", "--listen", "localhost"][..], "is not an address and port"),
        (&["mock", "--callback", "https://bot.example/api"][..], "plain http"),
        (
            &["mock", "--call", "/no/such/call.json"][..],
            "cannot read /no/such/call.json",
        ),
        (&["mock", "body.json"][..], "takes no input"),
        // A typo in a call file is named, not read as the docs' call.
        (
            &["mock", "--call", typo.to_str().unwrap()][..],
            "unknown member `calId`; the members are callId,",
        ),
        // A file name is escaped like all output: no raw ESC reaches the terminal.
        (
            &["mock", "--call", "/no/such/\u{1b}[2Jcall.json"][..],
            "cannot read /no/such/\\u{1b}[2Jcall.json",
        ),
    ] {
        let output = cli(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains('\u{1b}'), "{args:?}");
    }
    let _ = std::fs::remove_file(&typo);
}
