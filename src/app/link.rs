//! The page's address as input, and the address for a state: the query parameters a
//! docs page puts in an embed or a link (`?preset=example-3&view=run&autorun=1`), and
//! Graph Explorer's own deep links (`?request=…&method=POST&version=beta&requestBody=…`)
//! opened unchanged. Pure (tested natively): the page reads `location.search` and hands
//! it here.
//!
//! Nothing from the address is executed or injected as markup: values become a draft
//! (text the engine checks like any paste), names from closed vocabularies, or
//! [`LinkProblem`]s the page shows while opening with the defaults.

use std::fmt::Write as _;

use crate::app::share::Draft;
use crate::app::state::{Speed, Theme};
use crate::engine::credential;
use crate::engine::diagnostic::lang::{tr, Lang};
use crate::engine::model::ApiVersion;
use crate::engine::scenarios::{self, Mode, Preset};
use crate::engine::simulate::Outcome;
use crate::engine::validate::json_value;
use crate::engine::vocabulary::Vocabulary;

/// The longest address a share link or an embed may have: browsers refuse longer ones
/// (Firefox's default limit is 1 MiB, Chromium's 2 MiB), so a link past it would open
/// nothing, or the wrong page, for the person it is sent to.
pub const MAX_LINK: usize = 1 << 20;

/// The parameters this page reads; any other is reported (and ignored).
const KNOWN: &[&str] = &[
    "preset",
    "mode",
    "outcome",
    "seed",
    "speed",
    "lang",
    "theme",
    "api",
    "view",
    "autorun",
    "readonly",
    "embed",
    "body",
    "http",
    "received",
    "reset", // Graph Explorer's deep-link parameters (ECOSYSTEM §2).
    "request",
    "method",
    "version",
    "GraphUrl",
    "requestBody",
    "headers",
];

/// Which parts of the page show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Views {
    /// The request editor and its findings (and, outside embeds, the composer).
    pub request: bool,
    /// The simulation: controls, diagram, event cards.
    pub run: bool,
    /// The request as code in the SDKs' languages.
    pub code: bool,
    /// The Received panel.
    pub received: bool,
}

impl Default for Views {
    fn default() -> Self {
        Views {
            request: true,
            run: true,
            code: true,
            received: true,
        }
    }
}

impl Views {
    const NAMES: [&'static str; 4] = ["request", "run", "code", "received"];

    fn parse(list: &str) -> Result<Views, String> {
        let mut views = Views {
            request: false,
            run: false,
            code: false,
            received: false,
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "request" => views.request = true,
                "run" => views.run = true,
                "code" => views.code = true,
                "received" => views.received = true,
                other => return Err(other.to_owned()),
            }
        }
        if views
            == (Views {
                request: false,
                run: false,
                code: false,
                received: false,
            })
        {
            return Err(list.to_owned());
        }
        Ok(views)
    }

    fn list(self) -> String {
        let flags = [self.request, self.run, self.code, self.received];
        Self::NAMES
            .iter()
            .zip(flags)
            .filter_map(|(name, on)| on.then_some(*name))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// How the page presents itself; fixed for the page's life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Presentation {
    /// Inside another page's `<iframe>`: no page header, compact, no storage, and the
    /// frame's height and events posted to the parent.
    pub embed: bool,
    pub views: Views,
    /// Plays the run as soon as the page is ready.
    pub autorun: bool,
    /// The request can be read and run, not edited.
    pub readonly: bool,
}

/// Something in the address that could not be used; the page still opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    UnknownParameter(String),
    /// A value outside the parameter's vocabulary: what was given and what is accepted.
    BadValue {
        name: String,
        value: String,
        accepted: String,
    },
    /// `body`, `http`, `received`, `requestBody` or `headers` is not base64 (or not
    /// UTF-8 text).
    BadBase64 {
        name: String,
    },
    /// Graph Explorer's `headers` is not a JSON array of `{name, value}`.
    BadHeaders,
    /// A Graph Explorer link for another API than this playground covers.
    OtherApi {
        method: String,
        path: String,
    },
}

impl LinkProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            LinkProblem::UnknownParameter(name) => format!(
                "{} `{name}`",
                tr(lang, "The link has an unknown parameter", "O link tem um parâmetro desconhecido")
            ),
            LinkProblem::BadValue { name, value, accepted } => format!(
                "`{name}={value}`: {} {accepted}",
                tr(lang, "not used; accepted:", "ignorado; aceitos:")
            ),
            LinkProblem::BadBase64 { name } if name == "received" => format!(
                "`{name}`: {}",
                tr(
                    lang,
                    "not base64 text, so the Received panel opens empty",
                    "não é texto em base64, então o painel Recebido abre vazio"
                )
            ),
            LinkProblem::BadBase64 { name } => format!(
                "`{name}`: {}",
                tr(
                    lang,
                    "not base64 text, so the link's request could not be read; the default example is open instead",
                    "não é texto em base64, então a solicitação do link não pôde ser lida; o exemplo padrão foi aberto"
                )
            ),
            LinkProblem::BadHeaders => tr(
                lang,
                "`headers`: not a base64 JSON array of {name, value}; the request opened without them",
                "`headers`: não é um array JSON em base64 de {name, value}; a solicitação abriu sem eles",
            )
            .to_owned(),
            LinkProblem::OtherApi { method, path } => format!(
                "{} `{method} {path}`. {}",
                tr(lang, "This Graph Explorer link asks for", "Este link do Graph Explorer pede"),
                tr(
                    lang,
                    "Invite Playground covers only `POST /communications/calls/{id}/participants/invite` (which Graph Explorer cannot call); the default example is open instead.",
                    "O Invite Playground cobre apenas `POST /communications/calls/{id}/participants/invite` (que o Graph Explorer não consegue chamar); o exemplo padrão foi aberto."
                )
            ),
        }
    }
}

/// What an address asks for. `None` fields leave the page's own (stored) choice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Link {
    /// The request and run settings, when the address names any.
    pub draft: Option<Draft>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub speed: Option<Speed>,
    /// What the bot received, for the Received panel (credentials scrubbed): a docs page
    /// about notifications embeds the explainer with its own sample.
    pub received: Option<String>,
    pub presentation: Presentation,
    pub problems: Vec<LinkProblem>,
}

fn is_on(value: &str) -> Option<bool> {
    match value {
        "" | "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

fn accepted<T: Vocabulary>(all: &[T]) -> String {
    all.iter().map(|v| v.name()).collect::<Vec<_>>().join(", ")
}

impl Link {
    /// Reads `query` (with or without its leading `?`).
    pub fn parse(query: &str) -> Link {
        let mut link = Link::default();
        let params: Vec<(String, String)> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let get = |name: &str| params.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        for (name, _) in &params {
            if !KNOWN.contains(&name.as_str())
                && !link
                    .problems
                    .iter()
                    .any(|p| p == &LinkProblem::UnknownParameter(name.clone()))
            {
                link.problems.push(LinkProblem::UnknownParameter(name.clone()));
            }
        }
        let bad = |link: &mut Link, name: &str, value: &str, accepted: String| {
            link.problems.push(LinkProblem::BadValue {
                name: name.to_owned(),
                value: value.to_owned(),
                accepted,
            });
        };

        // Presentation and preferences.
        for (name, flag) in [("embed", 0), ("autorun", 1), ("readonly", 2)] {
            if let Some(value) = get(name) {
                match is_on(value) {
                    Some(on) => match flag {
                        0 => link.presentation.embed = on,
                        1 => link.presentation.autorun = on,
                        _ => link.presentation.readonly = on,
                    },
                    None => bad(&mut link, name, value, "1, 0".into()),
                }
            }
        }
        if let Some(value) = get("view") {
            match Views::parse(value) {
                Ok(views) => link.presentation.views = views,
                Err(_) => bad(&mut link, "view", value, Views::NAMES.join(", ")),
            }
        }
        if let Some(value) = get("lang") {
            match Lang::from_tag(&value.to_ascii_lowercase()) {
                Some(lang) => link.lang = Some(lang),
                None => bad(&mut link, "lang", value, "en, pt-BR".into()),
            }
        }
        if let Some(value) = get("theme") {
            match Theme::parse(value) {
                Some(theme) => link.theme = Some(theme),
                None => bad(&mut link, "theme", value, "light, dark".into()),
            }
        }
        if let Some(value) = get("speed") {
            let speed = match value {
                "1" => Some(Speed::Real),
                "10" => Some(Speed::Fast),
                other => Speed::parse(other),
            };
            match speed {
                Some(speed) => link.speed = Some(speed),
                None => bad(&mut link, "speed", value, "1, 10, instant".into()),
            }
        }

        // The request: a preset, then a text of our own or a Graph Explorer link over it.
        let mut draft: Option<Draft> = None;
        let mut mode = Mode::default();
        if let Some(value) = get("mode") {
            match Mode::parse(value) {
                Some(m) => mode = m,
                None => bad(&mut link, "mode", value, accepted(Mode::ALL)),
            }
        }
        if let Some(value) = get("preset") {
            match scenarios::preset(value) {
                Some(preset) => draft = Some(preset_draft(preset, mode)),
                None => bad(
                    &mut link,
                    "preset",
                    value,
                    scenarios::PRESETS.iter().map(|p| p.name).collect::<Vec<_>>().join(", "),
                ),
            }
        }
        for name in ["body", "http"] {
            if let Some(value) = get(name) {
                match decode_base64_text(value) {
                    Some(text) => {
                        let mut base = draft.take().unwrap_or_default();
                        base.text = credential::scrub(&text);
                        base.preset = None;
                        draft = Some(base);
                    }
                    None => link.problems.push(LinkProblem::BadBase64 { name: name.to_owned() }),
                }
            }
        }
        if let Some(value) = get("received") {
            match decode_base64_text(value) {
                Some(text) => link.received = Some(credential::scrub(&text)).filter(|text| !text.trim().is_empty()),
                None => link.problems.push(LinkProblem::BadBase64 {
                    name: "received".into(),
                }),
            }
        }
        if let Some(path) = get("request") {
            match graph_explorer(&params, path, &mut link.problems) {
                Some(text) => {
                    let mut base = draft.take().unwrap_or_default();
                    base.text = credential::scrub(&text);
                    base.preset = None;
                    base.version = if get("version") == Some("v1.0") {
                        ApiVersion::V1
                    } else {
                        ApiVersion::Beta
                    };
                    draft = Some(base);
                }
                None => draft = None,
            }
        }
        let mut settings = draft.is_some();
        let mut draft = draft.unwrap_or_else(|| preset_draft(&scenarios::PRESETS[0], mode));
        draft.mode = mode;
        settings |= get("mode").is_some();
        if let Some(value) = get("outcome") {
            match Outcome::parse(value) {
                Some(outcome) => {
                    draft.outcome = outcome;
                    settings = true;
                }
                None => bad(&mut link, "outcome", value, accepted(Outcome::ALL)),
            }
        }
        if let Some(value) = get("seed") {
            match value.parse() {
                Ok(seed) => {
                    draft.seed = seed;
                    settings = true;
                }
                Err(_) => bad(&mut link, "seed", value, "0 … 18446744073709551615".into()),
            }
        }
        if let Some(value) = get("api") {
            match ApiVersion::parse(value) {
                Some(version) => {
                    draft.version = version;
                    settings = true;
                }
                None => bad(&mut link, "api", value, "beta, v1.0".into()),
            }
        }
        link.draft = settings.then_some(draft);
        link
    }

    /// The query (without `?`) that opens `draft` as it is, presented as asked:
    /// an unedited preset by name, any other request as base64url text (credentials
    /// scrubbed), and what the Received panel holds, if anything, the same way.
    /// Defaults are left out, so links stay short.
    pub fn query(draft: &Draft, lang: Lang, theme: Theme, speed: Speed, presentation: Presentation) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if presentation.embed {
            out.append_pair("embed", "1");
        }
        let unedited = draft
            .preset
            .filter(|p| p.request(draft.mode) == draft.text && p.context() == draft.context);
        match unedited {
            Some(preset) => {
                out.append_pair("preset", preset.name);
            }
            None => {
                out.append_pair("body", &encode_base64url(credential::scrub(&draft.text).as_bytes()));
            }
        }
        if let Some(received) = draft.received.as_deref().filter(|text| !text.trim().is_empty()) {
            out.append_pair("received", &encode_base64url(credential::scrub(received).as_bytes()));
        }
        if draft.mode != Mode::default() {
            out.append_pair("mode", draft.mode.name());
        }
        if draft.outcome != Outcome::default() {
            out.append_pair("outcome", draft.outcome.name());
        }
        if draft.seed != 1 {
            out.append_pair("seed", &draft.seed.to_string());
        }
        if draft.version != ApiVersion::default() {
            out.append_pair("api", draft.version.name());
        }
        if lang != Lang::default() {
            out.append_pair("lang", lang.tag());
        }
        if theme != Theme::default() {
            out.append_pair("theme", theme.name());
        }
        if speed != Speed::default() {
            out.append_pair("speed", speed.name());
        }
        if presentation.views != Views::default() {
            out.append_pair("view", &presentation.views.list());
        }
        if presentation.autorun {
            out.append_pair("autorun", "1");
        }
        if presentation.readonly {
            out.append_pair("readonly", "1");
        }
        out.finish()
    }

    /// The `<iframe>` a docs author pastes for `query` served from `page_url`.
    pub fn embed_code(page_url: &str, query: &str, title: &str) -> String {
        let escape = |text: &str| {
            text.replace('&', "&amp;")
                .replace('"', "&quot;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        format!(
            // `clipboard-write`: the embed's Copy buttons work inside the frame.
            "<iframe src=\"{}?{}\" title=\"{}\" allow=\"clipboard-write\" loading=\"lazy\" width=\"100%\" height=\"640\" style=\"border: 0; max-width: 100%;\"></iframe>",
            escape(page_url),
            escape(query),
            escape(title)
        )
    }
}

fn preset_draft(preset: &'static Preset, mode: Mode) -> Draft {
    Draft {
        text: preset.request(mode).to_owned(),
        context: preset.context(),
        preset: Some(preset),
        mode,
        seed: 1,
        ..Draft::default()
    }
}

/// The HTTP message a Graph Explorer deep link describes, or `None` (with the problem
/// recorded) when it names another API.
fn graph_explorer(params: &[(String, String)], path: &str, problems: &mut Vec<LinkProblem>) -> Option<String> {
    let get = |name: &str| params.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let method = get("method").unwrap_or("GET").to_ascii_uppercase();
    let version = get("version").unwrap_or("v1.0");
    let host = get("GraphUrl")
        .unwrap_or("https://graph.microsoft.com")
        .trim_end_matches('/');
    let path = path.trim_start_matches('/');
    let segments: Vec<&str> = path
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let invite = matches!(
        segments.as_slice(),
        ["communications" | "app", "calls", _, "participants", "invite"]
    );
    if !invite {
        problems.push(LinkProblem::OtherApi {
            method,
            path: format!("/{version}/{path}"),
        });
        return None;
    }
    let mut text = format!("{method} {host}/{version}/{path}\n");
    if let Some(encoded) = get("headers") {
        let headers = decode_base64_text(encoded)
            // The engine's own JSON reader: serde_json's from-text path would be new bytes
            // in the app's first load.
            .and_then(|json| json_value(&json))
            .and_then(|value| {
                value
                    .as_array()?
                    .iter()
                    .map(|h| {
                        Some((
                            h.get("name")?.as_str()?.to_owned(),
                            h.get("value")?.as_str()?.to_owned(),
                        ))
                    })
                    .collect::<Option<Vec<_>>>()
            });
        match headers {
            // One per line; a line break inside a name or value would forge another.
            Some(headers) => {
                for (name, value) in headers {
                    let _ = writeln!(
                        text,
                        "{}: {}",
                        name.replace(['\r', '\n'], " "),
                        value.replace(['\r', '\n'], " ")
                    );
                }
            }
            None => problems.push(LinkProblem::BadHeaders),
        }
    }
    match get("requestBody") {
        Some(encoded) => match decode_base64_text(encoded) {
            Some(body) => {
                text.push('\n');
                text.push_str(&body);
            }
            None => {
                problems.push(LinkProblem::BadBase64 {
                    name: "requestBody".into(),
                });
                return None;
            }
        },
        None => text.push('\n'),
    }
    Some(text)
}

/// Decodes base64 in either alphabet (standard or URL-safe), padding optional. A space
/// is read as `+`: a query decoder turns an unescaped `+` into one, as Graph Explorer
/// links leave them. `None` unless the bytes are UTF-8 text.
///
/// By hand rather than the `base64` crate: decoding and encoding are the 40 lines below,
/// and the crate would be part of the app's first load.
pub fn decode_base64_text(encoded: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(encoded.len() / 4 * 3 + 3);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in encoded.trim().bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' | b' ' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    // A lone leftover character (6 bits) cannot end valid base64.
    if bits >= 6 {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// base64url without padding, as links carry it.
pub fn encode_base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(text: &str) -> String {
        encode_base64url(text.as_bytes())
    }

    #[test]
    fn base64_round_trips_in_both_alphabets() {
        for text in ["", "a", "ab", "abc", "abcd", "{\"x\": \"é漢😀\"}\r\n", "\u{0}\u{1f}"] {
            let url = b64(text);
            assert!(!url.contains(['+', '/', '=']));
            assert_eq!(decode_base64_text(&url).as_deref(), Some(text), "{url}");
            let standard = url.replace('-', "+").replace('_', "/");
            let padded = format!("{standard}{}", "=".repeat((4 - standard.len() % 4) % 4));
            assert_eq!(decode_base64_text(&padded).as_deref(), Some(text));
            // A query decoder's `+` → space.
            assert_eq!(decode_base64_text(&padded.replace('+', " ")).as_deref(), Some(text));
        }
        assert_eq!(decode_base64_text("eyJh!"), None);
        assert_eq!(decode_base64_text("a"), None);
        assert_eq!(decode_base64_text(&encode_base64url(&[0xff, 0xfe])), None, "not UTF-8");
    }

    #[test]
    fn a_docs_embed_link_opens_its_preset_views_and_run() {
        let link =
            Link::parse("?embed=1&preset=example-3&view=run&autorun=1&outcome=declined&speed=10&lang=pt-BR&theme=dark");
        assert!(link.problems.is_empty(), "{:?}", link.problems);
        let draft = link.draft.unwrap();
        assert_eq!(draft.preset.unwrap().name, "example-3");
        assert_eq!(draft.outcome, Outcome::Declined);
        assert_eq!(link.lang, Some(Lang::PtBr));
        assert_eq!(link.theme, Some(Theme::Dark));
        assert_eq!(link.speed, Some(Speed::Fast));
        assert_eq!(
            link.presentation,
            Presentation {
                embed: true,
                views: Views {
                    request: false,
                    run: true,
                    code: false,
                    received: false
                },
                autorun: true,
                readonly: false,
            }
        );
    }

    #[test]
    fn bad_values_are_reported_and_defaults_kept() {
        let link =
            Link::parse("preset=example-9&outcome=maybe&view=diagram&seed=x&lang=fr&embed=2&utm_source=docs&body=%%%");
        let names: Vec<String> = link.problems.iter().map(|p| p.message(Lang::En)).collect();
        for expected in [
            "`preset=example-9`",
            "`outcome=maybe`",
            "`view=diagram`",
            "`seed=x`",
            "`lang=fr`",
            "`embed=2`",
            "`utm_source`",
            "`body`",
        ] {
            assert!(names.iter().any(|n| n.contains(expected)), "{expected} in {names:?}");
        }
        assert!(link.draft.is_none());
        assert_eq!(link.presentation, Presentation::default());
        assert!(Link::parse("").problems.is_empty() && Link::parse("").draft.is_none());
    }

    #[test]
    fn a_graph_explorer_link_opens_exactly_its_request() {
        let body = r#"{"participants":[{"identity":{"user":{"id":"278405a3-f568-4b3e-b684-009193463064"}}}],"clientContext":"c"}"#;
        let standard = encode_base64url(body.as_bytes()).replace('-', "+").replace('_', "/");
        let headers = encode_base64url(br#"[{"name":"Content-Type","value":"application/json"}]"#);
        let query = format!(
            "request=communications%2Fcalls%2Fab6233a5%2Fparticipants%2Finvite&method=POST&version=beta&GraphUrl=https://graph.microsoft.com&requestBody={standard}&headers={headers}"
        );
        let link = Link::parse(&query);
        assert!(link.problems.is_empty(), "{:?}", link.problems);
        let draft = link.draft.unwrap();
        assert_eq!(
            draft.text,
            format!("POST https://graph.microsoft.com/beta/communications/calls/ab6233a5/participants/invite\nContent-Type: application/json\n\n{body}")
        );
        assert_eq!(draft.version, ApiVersion::Beta);
        assert!(draft.preset.is_none());

        let other = Link::parse("request=me%2Fevents&method=GET&version=v1.0&GraphUrl=https://graph.microsoft.com");
        assert_eq!(
            other.problems,
            vec![LinkProblem::OtherApi {
                method: "GET".into(),
                path: "/v1.0/me/events".into()
            }]
        );
        assert!(other.draft.is_none());
        let broken =
            Link::parse("request=communications/calls/x/participants/invite&method=POST&version=beta&requestBody=!!");
        assert_eq!(
            broken.problems,
            vec![LinkProblem::BadBase64 {
                name: "requestBody".into()
            }]
        );
        assert!(broken.draft.is_none());
        // A header value cannot add a line of its own.
        let sneaky = encode_base64url(br#"[{"name":"X","value":"a\r\nAuthorization: Bearer eyJhbGciOi"}]"#);
        let link = Link::parse(&format!(
            "request=communications/calls/x/participants/invite&method=POST&headers={sneaky}"
        ));
        let text = link.draft.unwrap().text;
        assert_eq!(text.lines().filter(|l| l.starts_with("X:")).count(), 1);
        assert!(!text.lines().any(|l| l.starts_with("Authorization")));
    }

    #[test]
    fn a_state_round_trips_through_its_query() {
        let preset = scenarios::preset("example-2").unwrap();
        let draft = Draft {
            outcome: Outcome::NoAnswer,
            seed: 9,
            ..preset_draft(preset, Mode::DocFaithful)
        };
        let presentation = Presentation {
            embed: true,
            views: Views {
                request: true,
                run: true,
                code: false,
                received: false,
            },
            autorun: true,
            readonly: true,
        };
        let query = Link::query(&draft, Lang::PtBr, Theme::Dark, Speed::Instant, presentation);
        assert!(
            query.contains("preset=example-2") && !query.contains("body="),
            "{query}"
        );
        let back = Link::parse(&query);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.draft.as_ref(), Some(&draft));
        assert_eq!(back.presentation, presentation);
        assert_eq!(
            (back.lang, back.theme, back.speed),
            (Some(Lang::PtBr), Some(Theme::Dark), Some(Speed::Instant))
        );

        // An edited request travels as text, without its token.
        let edited = Draft {
            text: "POST /beta/communications/calls/x/participants/invite\nAuthorization: Bearer eyJ0eXAiOiJKV1QiLCJh\n\n{\"é\": 1}".into(),
            ..draft
        };
        let query = Link::query(&edited, Lang::En, Theme::Light, Speed::Real, Presentation::default());
        assert!(query.contains("body=") && !query.contains("preset="));
        let text = Link::parse(&query).draft.unwrap().text;
        assert!(text.contains("{\"é\": 1}") && !text.contains("eyJ0eXAi"));
        let code = Link::embed_code("https://x.example/play/", &query, "Example \"2\" <b>");
        assert!(
            code.starts_with("<iframe src=\"https://x.example/play/?body=") && code.contains("&quot;2&quot; &lt;b&gt;")
        );
    }

    #[test]
    fn what_the_bot_received_travels_in_the_link_without_its_token() {
        let received = "POST https://bot.contoso.com/api/calls\r\nAuthorization: Bearer eyJ0eXAiOiJKV1QiLCJh\r\n\r\n{\"value\": [{\"changeType\": \"déleted\"}]}";
        let draft = Draft {
            received: Some(received.into()),
            ..preset_draft(&scenarios::PRESETS[0], Mode::Corrected)
        };
        let query = Link::query(&draft, Lang::En, Theme::Light, Speed::Real, Presentation::default());
        assert!(query.contains("preset=example-1&received="), "{query}");
        let back = Link::parse(&query);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        let text = back.received.expect("received");
        assert!(text.contains("\"déleted\"") && text.contains("\r\n\r\n"), "{text}");
        assert!(
            !text.contains("eyJ0eXAi") && text.contains(credential::PLACEHOLDER),
            "{text}"
        );
        // Only the panel: the request stays the page's own (no draft from the address).
        let only = Link::parse(&format!("received={}", encode_base64url(b"{\"value\": []}")));
        assert_eq!((only.draft, only.received.as_deref()), (None, Some("{\"value\": []}")));
        // Nothing to carry: an empty panel adds nothing, and a blank one opens empty.
        let blank = Draft {
            received: Some(" \n".into()),
            ..draft
        };
        let query = Link::query(&blank, Lang::En, Theme::Light, Speed::Real, Presentation::default());
        assert!(!query.contains("received"), "{query}");
        assert_eq!(Link::parse("received=ICAK").received, None);
        // Not base64: said, and the panel opens empty with the request as it was.
        let bad = Link::parse("preset=example-2&received=%%%");
        assert_eq!(bad.received, None);
        assert_eq!(bad.draft.and_then(|d| d.preset).map(|p| p.name), Some("example-2"));
        assert_eq!(
            bad.problems,
            [LinkProblem::BadBase64 {
                name: "received".into()
            }]
        );
        assert!(bad.problems[0].message(Lang::En).contains("Received panel opens empty"));
    }
}
