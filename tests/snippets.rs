//! Snippets: golden files for every language (`tests/snippets/`, reviewed against the
//! SDKs' sources; `UPDATE_SNIPPETS=1 cargo test --test snippets` rewrites them), and the
//! behaviour every generator owes: hostile strings stay inside their literals, a request
//! with errors gets a comment naming the first one, v1.0 names its own packages.
//! Python and JavaScript/TypeScript snippets are also executed against the real SDKs
//! (tests/sdk/); the others are parsed by tree-sitter grammars (tests/sdk/syntax_check.py).

use std::fs;
use std::path::Path;

use invite_playground::engine::snippet::{snippet, SnippetLang};
use invite_playground::engine::vocabulary::Vocabulary;
use invite_playground::model::ApiVersion;
use invite_playground::scenarios::{Mode, PRESETS};
use invite_playground::validate::{check, CheckOptions};

const SDK_LANGS: [SnippetLang; 8] = [
    SnippetLang::CSharp,
    SnippetLang::Go,
    SnippetLang::Java,
    SnippetLang::JavaScript,
    SnippetLang::TypeScript,
    SnippetLang::Php,
    SnippetLang::PowerShell,
    SnippetLang::Python,
];

fn extension(lang: SnippetLang) -> &'static str {
    match lang {
        SnippetLang::CSharp => "cs",
        SnippetLang::Go => "go",
        SnippetLang::Java => "java",
        SnippetLang::JavaScript => "js",
        SnippetLang::TypeScript => "ts",
        SnippetLang::Php => "php",
        SnippetLang::PowerShell => "ps1",
        SnippetLang::Python => "py",
        SnippetLang::Curl => "sh",
        SnippetLang::Http => "http",
        SnippetLang::Json => "json",
    }
}

/// Hostile text as it appears inside a JSON string (escaped quote, backslash, newline).
const HOSTILE: &str = concat!(
    r#"quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 "#,
    "\u{2028}",
    r#" ' ’ */ ?> bell \u0007 "#,
    // Hidden bidirectional controls, raw: each generator writes them as escapes.
    "\u{202e}rlo\u{2066}isolate"
);

/// A v1.0 body with every typed field, an undeclared key, a `null` and hostile strings.
fn hostile_body() -> String {
    format!(
        r##"{{"participants":[{{"@odata.type":"#microsoft.graph.invitationParticipantInfo","identity":{{"@odata.type":"#microsoft.graph.communicationsIdentitySet","phone":{{"id":"+12345678901","displayName":"{HOSTILE}"}},"user":null}},"replacesCallId":null,"participantId":"p-1","hidden":true,"removeFromDefaultAudioRoutingGroup":false}},{{"identity":{{"guest":{{"id":"g","nested":{{"list":[1,2.5,{{"k":"v"}}]}}}}}}}}],"clientContext":"{HOSTILE}"}}"##
    )
}

fn cases() -> Vec<(String, String, ApiVersion, String)> {
    let mut cases: Vec<(String, String, ApiVersion, String)> = PRESETS
        .iter()
        .map(|p| {
            (
                p.name.to_owned(),
                p.request(Mode::Corrected),
                ApiVersion::Beta,
                p.call_id.to_owned(),
            )
        })
        .collect();
    cases.push((
        "hostile-v1".to_owned(),
        hostile_body(),
        ApiVersion::V1,
        "a'b\"c$d".to_owned(),
    ));
    // Repeated names (the first place keeps the last value, as a JSON reader keeps
    // them) and numbers in the forms JSON allows, in additional data at every depth.
    cases.push((
        "repeated-and-numbers".to_owned(),
        r#"{"participants":[{"identity":{"user":{"id":"x","tags":{"a":1,"a":[1.50,-0,1e2,2E-3,12345678901234567890,1e400]}}},"note":{"n":0,"n":{"deep":[true,null,"s"]}}}],"x":-1.0,"x":{"y":[],"z":{}}}"#.to_owned(),
        ApiVersion::Beta,
        "call".to_owned(),
    ));
    cases.push((
        "invalid".to_owned(),
        r#"{"participants":[{"identity":{"user":{"id":"x","displayName":"*/ \n// evil"}},"hidden":"yes"}]}"#.to_owned(),
        ApiVersion::Beta,
        "call".to_owned(),
    ));
    cases
}

fn render(text: &str, api: ApiVersion, call_id: &str, lang: SnippetLang) -> String {
    let checked = check(
        text,
        &CheckOptions {
            version: api,
            ..CheckOptions::default()
        },
    );
    snippet(&checked, call_id, lang)
}

#[test]
fn every_language_matches_its_reviewed_golden_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snippets");
    let update = std::env::var_os("UPDATE_SNIPPETS").is_some();
    let mut stale = Vec::new();
    for (name, text, api, call_id) in cases() {
        for lang in SDK_LANGS {
            let path = dir.join(format!("{name}.{}", extension(lang)));
            let code = render(&text, api, &call_id, lang);
            if update {
                fs::write(&path, &code).unwrap();
            } else if fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "snippets differ from their golden files (UPDATE_SNIPPETS=1 to review and rewrite):\n{}",
        stale.join("\n")
    );
}

#[test]
fn a_request_with_errors_gets_code_headed_by_its_first_error() {
    let text = r#"{"participants":[{"identity":{"user":{"id":"x"}},"hidden":"yes"}]}"#;
    for lang in SDK_LANGS {
        let code = render(text, ApiVersion::Beta, "c", lang);
        assert!(
            code.contains("Graph would reject this request: type-mismatch"),
            "{lang}: {code}"
        );
        assert!(code.contains("hidden"), "{lang} keeps the property");
    }
    // Unreadable JSON still gives the call, with the syntax error named.
    let code = render("{\"participants\": [", ApiVersion::Beta, "c", SnippetLang::Python);
    assert!(
        code.contains("json-syntax") && code.contains("participants.invite.post"),
        "{code}"
    );
}

#[test]
fn hostile_strings_stay_inside_their_literals() {
    let text = hostile_body();
    // PowerShell and PHP single-quote: `$` is never expanded, quotes are doubled/escaped.
    let ps = render(&text, ApiVersion::V1, "a'b", SnippetLang::PowerShell);
    assert!(ps.contains("'a''b'"), "{ps}");
    assert!(ps.contains("dollar $x ${y}") && ps.contains("'' ’’"), "{ps}");
    let php = render(&text, ApiVersion::V1, "a'b", SnippetLang::Php);
    assert!(php.contains("byCallId('a\\'b')"), "{php}");
    // The C-family literals escape quotes, backslashes, line breaks and U+2028.
    for lang in [
        SnippetLang::CSharp,
        SnippetLang::Go,
        SnippetLang::Java,
        SnippetLang::JavaScript,
        SnippetLang::Python,
    ] {
        let code = render(&text, ApiVersion::V1, "c", lang);
        assert!(code.contains(r#"quote \" back \\ dollar"#), "{lang}: {code}");
        assert!(!code.contains('\u{2028}') && code.contains("\\u2028"), "{lang}");
        assert!(code.contains("new\\nline"), "{lang}");
    }
    // A comment cannot be closed or continued by a message.
    let invalid = render(
        r#"{"participants":[{"identity":{"user":{"id":"x"}},"hidden":"yes\n"}]}"#,
        ApiVersion::Beta,
        "c",
        SnippetLang::Go,
    );
    assert!(
        invalid.lines().next().unwrap().starts_with("// Graph would reject"),
        "{invalid}"
    );
}

#[test]
fn each_version_names_its_own_packages() {
    let text = PRESETS[0].request(Mode::Corrected);
    let beta = |lang| render(&text, ApiVersion::Beta, "c", lang);
    assert!(beta(SnippetLang::CSharp).contains("using Microsoft.Graph.Beta.Models;"));
    assert!(beta(SnippetLang::Python).contains("from msgraph_beta import GraphServiceClient"));
    assert!(beta(SnippetLang::PowerShell).contains("Invoke-MgBetaInviteCommunicationCallParticipant"));
    assert!(beta(SnippetLang::Go).contains("msgraph-beta-sdk-go"));
    let body = r#"{"participants":[{"identity":{"user":{"id":"x"}},"endpointType":"default"}]}"#;
    let v1 = |lang| render(body, ApiVersion::V1, "c", lang);
    assert!(v1(SnippetLang::CSharp).contains("using Microsoft.Graph.Models;"));
    assert!(v1(SnippetLang::Python).contains("from msgraph import GraphServiceClient"));
    assert!(v1(SnippetLang::PowerShell).contains("Invoke-MgInviteCommunicationCallParticipant"));
    assert!(v1(SnippetLang::Java).contains("com.microsoft.graph.communications"));
    assert!(v1(SnippetLang::Php).contains("use Microsoft\\Graph\\GraphServiceClient;"));
    // `endpointType` is beta-only on invitationParticipantInfo: additional data in v1.0.
    assert!(v1(SnippetLang::Python).contains("\"endpointType\" : \"default\""));
    assert!(render(body, ApiVersion::Beta, "c", SnippetLang::Python).contains("endpoint_type = EndpointType.Default"));
}

#[test]
fn names_round_trip() {
    for lang in SnippetLang::ALL {
        assert_eq!(SnippetLang::parse(lang.name()), Some(*lang));
    }
}

/// "Copy as cURL" read back (`engine::curl`, what the editor does with a pasted
/// command) is the request it was made from: the same body byte for byte through the
/// shell's quoting, hostile strings included, and the same findings.
#[test]
fn the_curl_snippet_reads_back_as_its_request() {
    let codes = |text: &str, api| -> Vec<&'static str> {
        let options = CheckOptions {
            version: api,
            ..CheckOptions::default()
        };
        check(text, &options).diagnostics.iter().map(|d| d.code()).collect()
    };
    for (name, text, api, call_id) in cases() {
        let curl = render(&text, api, &call_id, SnippetLang::Curl);
        let read = invite_playground::engine::curl::request_of(&curl).unwrap_or_else(|| panic!("{name}: {curl}"));
        let http = render(&text, api, &call_id, SnippetLang::Http);
        let body = |message: &str| message.split_once("\n\n").map(|(_, body)| body.trim_end().to_owned());
        assert_eq!(body(&read), body(&http), "{name}:\n{curl}\n---\n{read}");
        assert_eq!(codes(&read, api), codes(&http, api), "{name}:\n{read}\n---\n{http}");
    }
}

#[test]
fn deep_structures_cost_code_by_their_values_not_their_depth() {
    // The same 1,000 numbers 20 and 100 arrays deep: every line was indented as deep as
    // it nests (4 MB of numbers 120 deep made 982 MB of Python); past MAX_INDENT levels
    // a value's line costs no more, so only each level's own open and close lines grow.
    let nest = |depth: usize| {
        let numbers = vec!["1"; 1000].join(",");
        format!(
            r#"{{"participants":[{{"identity":{{"user":{{"id":"x"}}}}}}],"x":{}{numbers}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        )
    };
    let (shallow, deep) = (nest(20), nest(100));
    for lang in SDK_LANGS {
        let (shallow, deep) = (
            render(&shallow, ApiVersion::Beta, "c", lang),
            render(&deep, ApiVersion::Beta, "c", lang),
        );
        let per_level = (deep.len() - shallow.len()) / 80;
        assert!(per_level < 400, "{lang}: {per_level} bytes more for each level");
        // Near miss: while shallow, each level indents every value's line one step more.
        let (two, four) = (
            render(&nest(2), ApiVersion::Beta, "c", lang),
            render(&nest(4), ApiVersion::Beta, "c", lang),
        );
        let per_level = (four.len() - two.len()) / 2;
        assert!(
            per_level >= 1000,
            "{lang}: {per_level} bytes more for each shallow level"
        );
    }
}

#[test]
fn integers_past_64_bits_are_doubles_in_typed_languages() {
    let body = |number: &str| {
        format!(r#"{{"participants":[{{"identity":{{"user":{{"id":"x"}}}}}}],"n":[{number}],"m":{number}}}"#)
    };
    for (lang, big, fits) in [
        (
            SnippetLang::CSharp,
            "UntypedDouble(9223372036854775808d)",
            "UntypedLong(9223372036854775807L)",
        ),
        (
            SnippetLang::Java,
            "UntypedDouble(9223372036854775808d)",
            "UntypedLong(9223372036854775807L)",
        ),
        (
            SnippetLang::Go,
            "float64(9223372036854775808)",
            "int64(9223372036854775807)",
        ),
    ] {
        let code = render(&body("9223372036854775808"), ApiVersion::Beta, "c", lang);
        assert!(
            code.contains(big) && !code.contains("9223372036854775808L"),
            "{lang}: {code}"
        );
        // Near miss: the largest 64-bit integer, and the smallest, stay integers.
        let code = render(&body("9223372036854775807"), ApiVersion::Beta, "c", lang);
        assert!(code.contains(fits), "{lang}: {code}");
        let code = render(&body("-9223372036854775808"), ApiVersion::Beta, "c", lang);
        assert!(!code.contains("-9223372036854775808d"), "{lang}: {code}");
    }
}
