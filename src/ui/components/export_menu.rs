//! Export and share: copy the request as cURL, HTTP or JSON, download the timeline, and
//! copy a share link whose fragment carries the draft (never the token).

use serde_json::Value;
use yew::prelude::*;

use crate::export::{self, OutgoingRequest};
use crate::i18n::tr;
use crate::ui::browser;
use crate::ui::store::{use_store, Action, Notice, State};

/// The request as the export formats need it, when its body is JSON.
fn outgoing(state: &State) -> Option<(String, String, Vec<(String, String)>, Value)> {
    let request = &state.checked.request;
    let body = request.body.clone()?;
    let (method, url) = match &request.target {
        Some(target) => (target.method.clone(), target.url.clone()),
        None => (
            "POST".to_owned(),
            format!(
                "https://graph.microsoft.com/{}/communications/calls/{}/participants/invite",
                request.version, state.context.call_id
            ),
        ),
    };
    let headers = if request.headers.is_empty() {
        vec![
            ("Authorization".to_owned(), "Bearer {token}".to_owned()),
            ("Content-Type".to_owned(), "application/json".to_owned()),
        ]
    } else {
        request.headers.clone()
    };
    Some((method, url, headers, body))
}

#[function_component(ExportMenu)]
pub fn export_menu() -> Html {
    let store = use_store();
    let lang = store.lang;
    let copy_as = |format: &'static str| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let Some((method, url, headers, body)) = outgoing(&store) else {
                store.dispatch(Action::Notify(Notice::EditNeedsValidJson));
                return;
            };
            let headers: Vec<(&str, &str)> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let request = OutgoingRequest {
                method: &method,
                url: &url,
                headers: &headers,
                body: &body,
            };
            let text = match format {
                "cURL" => export::curl(&request),
                "HTTP" => export::http_message(&request),
                _ => export::pretty_json(&body),
            };
            let notice = if browser::copy(&text) {
                Notice::Copied(format)
            } else {
                Notice::ClipboardUnavailable
            };
            store.dispatch(Action::Notify(notice));
        })
    };
    let on_share = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let link = browser::share_link(&store.draft().to_json());
            let notice = if browser::copy(&link) {
                Notice::Copied("link")
            } else {
                Notice::ClipboardUnavailable
            };
            store.dispatch(Action::Notify(notice));
        })
    };
    let on_download = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(timeline) = &store.timeline {
                let json = serde_json::to_string_pretty(timeline.as_ref()).unwrap_or_default();
                browser::download("invite-timeline.json", &json, "application/json");
            }
        })
    };
    html! {
        <div class="export" role="group" aria-label={tr(lang, "Export and share", "Exportar e compartilhar")}>
            <button type="button" class="button small" id="copy-curl" onclick={copy_as("cURL")}>{ tr(lang, "Copy as cURL", "Copiar como cURL") }</button>
            <button type="button" class="button small" id="copy-http" onclick={copy_as("HTTP")}>{ tr(lang, "Copy as HTTP", "Copiar como HTTP") }</button>
            <button type="button" class="button small" id="copy-json" onclick={copy_as("JSON")}>{ tr(lang, "Copy as JSON", "Copiar como JSON") }</button>
            <button type="button" class="button small" id="share-link" onclick={on_share}>{ tr(lang, "Copy share link", "Copiar link") }</button>
            <button type="button" class="button small" id="download-timeline" onclick={on_download} disabled={store.timeline.is_none()}>
                { tr(lang, "Download timeline (JSON)", "Baixar linha do tempo (JSON)") }
            </button>
        </div>
    }
}
