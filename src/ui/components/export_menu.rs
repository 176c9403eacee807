//! Export and share: copy the request as cURL, HTTP or JSON, download the timeline, and
//! copy a share link whose fragment carries the draft (never the token).

use yew::prelude::*;

use crate::engine::diagnostic::lang::tr;
use crate::engine::http::{self, OutgoingRequest};
use crate::ui::browser;
use crate::ui::store::{use_store, Action, Notice};

#[function_component(ExportMenu)]
pub fn export_menu() -> Html {
    let store = use_store();
    let lang = store.lang;
    let copy_as = |format: &'static str| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(request) = OutgoingRequest::from_checked(&store.checked, &store.context.call_id) else {
                store.dispatch(Action::Notify(Notice::EditNeedsValidJson));
                return;
            };
            let text = match format {
                "cURL" => export::curl(&request),
                "HTTP" => export::http_message(&request),
                _ => export::pretty_json(&request.body),
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
