//! Export and share: copy the request as cURL, HTTP or JSON, download the timeline, and
//! copy a share link whose fragment carries the draft (never the token).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::link::{Link, Presentation, Views, MAX_LINK};
use crate::app::share::Draft;
use crate::app::state::{Document, Playback, Shared, Speed, Theme};
use crate::app::worker::RunPart;
use crate::engine::diagnostic::lang::{tr, Text};
use crate::engine::http::{self, Message};
use crate::engine::scenarios::Mode;
use crate::engine::simulate::{Outcome, Timeline};
use crate::ui::browser;
use crate::ui::store::{use_checked, use_dispatch, use_document, use_lang, Action, Dispatch, Notice, Wanted};

#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// The run's settings (for the share link) and its timeline (for the download);
    /// the clock is left out so a tick does not re-render the menu.
    pub mode: Mode,
    pub outcome: Outcome,
    pub seed: u64,
    pub speed: Speed,
    pub timeline: Option<Shared<Timeline>>,
    /// What the Received panel holds: the embed code carries it, with that view.
    pub received: Option<Rc<str>>,
}

impl ExportMenuProps {
    pub fn of(playback: &Playback) -> Self {
        ExportMenuProps {
            mode: playback.mode,
            outcome: playback.outcome,
            seed: playback.seed,
            speed: playback.speed,
            timeline: playback.timeline.clone(),
            received: None,
        }
    }
}

/// Copies `what` (a link, or the embed code around one, whose address is `address`
/// characters long) and says how it went; past `link::MAX_LINK` nothing is copied and
/// the notice says why.
fn copy_link(text: &str, address: usize, what: Text, dispatch: &Dispatch) {
    if address > MAX_LINK {
        dispatch.dispatch(Action::Notify(Notice::LinkTooLong(address)));
    } else {
        browser::copy(text, what, dispatch);
    }
}

/// What a share link or an embed carries: the document, what the Received panel holds
/// and the run's settings.
fn draft_of(document: &Document, received: Option<&str>, mode: Mode, outcome: Outcome, seed: u64) -> Draft {
    Draft {
        text: document.text.to_string(),
        context: document.context.clone(),
        version: document.version,
        mode,
        outcome,
        seed,
        preset: document.preset,
        received: received.map(str::to_owned),
    }
}

#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportMenuProps) -> Html {
    let (lang, dispatch, document, checked) = (use_lang(), use_dispatch(), use_document(), use_checked());
    let copy_as = |format: &'static str| {
        let (dispatch, document, checked) = (dispatch.clone(), document.clone(), checked.clone());
        Callback::from(move |_: MouseEvent| {
            // A large document's full check is made when it is needed, like this.
            let checked = if document.is_large() {
                Shared::new(document.check())
            } else {
                checked.clone()
            };
            if !checked.request.has_json_body() {
                dispatch.dispatch(Action::Notify(Notice::EditNeedsValidJson));
                return;
            }
            let request = Message::from_checked(&checked, &document.context.call_id, false);
            let text = match format {
                "cURL" => http::curl(&request),
                "HTTP" => http::http_message(&request),
                _ => http::pretty_json(&request.body_json()),
            };
            browser::copy(&text, Text::same(format), &dispatch);
        })
    };
    // The request, its run's settings and what the Received panel holds.
    let on_share = {
        let (dispatch, document, received) = (dispatch.clone(), document.clone(), props.received.clone());
        let (mode, outcome, seed) = (props.mode, props.outcome, props.seed);
        Callback::from(move |_: MouseEvent| {
            let draft = draft_of(&document, received.as_deref(), mode, outcome, seed);
            let link = browser::share_link(&draft.to_json());
            let what = if draft.holds_credential() {
                Text::new("link (without the token)", "link (sem o token)")
            } else {
                Text::new("link", "link")
            };
            copy_link(&link, link.len(), what, &dispatch);
        })
    };
    // The <iframe> a docs author pastes: this request and run, request and run views,
    // and the Received panel with its payload when it holds one.
    let on_embed = {
        let (dispatch, document, received) = (dispatch.clone(), document.clone(), props.received.clone());
        let (mode, outcome, seed, speed) = (props.mode, props.outcome, props.seed, props.speed);
        Callback::from(move |_: MouseEvent| {
            let draft = draft_of(&document, received.as_deref(), mode, outcome, seed);
            let presentation = Presentation {
                embed: true,
                views: Views {
                    request: true,
                    run: true,
                    code: false,
                    received: received.is_some(),
                },
                ..Presentation::default()
            };
            let query = Link::query(&draft, lang, Theme::default(), speed, presentation);
            let title = match document.preset {
                Some(preset) => format!("Invite Playground: {}", preset.title(lang)),
                None => "Invite Playground: participant invite".to_owned(),
            };
            let url = browser::page_url();
            let code = Link::embed_code(&url, &query, &title);
            // The frame's address: `{url}?{query}`.
            let address = url.len() + 1 + query.len();
            let what = if draft.holds_credential() {
                Text::new("embed code (without the token)", "código de incorporação (sem o token)")
            } else {
                Text::new("embed code", "código de incorporação")
            };
            copy_link(&code, address, what, &dispatch);
        })
    };
    let on_download = {
        let (timeline, dispatch) = (props.timeline.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if timeline.as_ref().is_some_and(|timeline| timeline.abridged) {
                // The page holds only the start of this run's bodies: the worker writes it.
                dispatch.dispatch(Action::Want(Some(Wanted::Download)));
            } else if let Some(timeline) = &timeline {
                browser::download(
                    "invite-timeline.json",
                    &RunPart::Report.text(timeline),
                    "application/json",
                );
            }
        })
    };
    html! {
        <div class="export" role="group" aria-label={tr(lang, "Export and share", "Exportar e compartilhar")}>
            <button type="button" class="button small" id="copy-curl" onclick={copy_as("cURL")}>{ tr(lang, "Copy as cURL", "Copiar como cURL") }</button>
            <button type="button" class="button small" id="copy-http" onclick={copy_as("HTTP")}>{ tr(lang, "Copy as HTTP", "Copiar como HTTP") }</button>
            <button type="button" class="button small" id="copy-json" onclick={copy_as("JSON")}>{ tr(lang, "Copy as JSON", "Copiar como JSON") }</button>
            <button type="button" class="button small" id="share-link" onclick={on_share}>{ tr(lang, "Copy share link", "Copiar link") }</button>
            <button type="button" class="button small" id="copy-embed" onclick={on_embed}>{ tr(lang, "Copy embed code", "Copiar código de incorporação") }</button>
            <button type="button" class="button small" id="download-timeline" onclick={on_download} disabled={props.timeline.is_none()}>
                { tr(lang, "Download timeline (JSON)", "Baixar linha do tempo (JSON)") }
            </button>
        </div>
    }
}
