//! The simulated call: API version, call id and kind, state, chatInfo, callback URL,
//! tenant, token and roles, PSTN, and the call a `replacesCallId` names.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::engine::vocabulary::Vocabulary;

use super::field::diagnostic_note;
use crate::engine::call_context::{CallContext, CallKind, ReplacedCall, TokenKind};
use crate::engine::diagnostic::lang::{tr, wire_label, Lang};
use crate::engine::model::ApiVersion;
use crate::engine::model::CallState;
use crate::ui::store::{use_dispatch, use_document, use_lang, use_verdict, Action};

#[function_component(CallPanel)]
pub fn call_panel() -> Html {
    let (lang, dispatch, document, verdict) = (use_lang(), use_dispatch(), use_document(), use_verdict());
    let context = document.context.clone();

    // Every control edits a copy of the context and dispatches it whole.
    let update = |change: fn(&mut CallContext, String)| {
        let dispatch = dispatch.clone();
        let context = context.clone();
        move |value: String| {
            let mut next = context.clone();
            change(&mut next, value);
            dispatch.dispatch(Action::SetContext(next));
        }
    };
    let on_text = |change: fn(&mut CallContext, String)| {
        let apply = update(change);
        Callback::from(move |event: InputEvent| apply(event.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_select = |change: fn(&mut CallContext, String)| {
        let apply = update(change);
        Callback::from(move |event: Event| apply(event.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_check = |change: fn(&mut CallContext, String)| {
        let apply = update(change);
        Callback::from(move |event: Event| {
            apply(event.target_unchecked_into::<HtmlInputElement>().checked().to_string())
        })
    };
    let on_version = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(Action::SetVersion(ApiVersion::parse(&value).unwrap_or_default()));
        })
    };
    let url_version = verdict.url_version;
    let replaced = context.replaced_call.clone();

    html! {
        <details class="call-panel" open=true>
            <summary>{ tr(lang, "The call", "A chamada") }</summary>
            <ul class="field-diagnostics" id="call-diagnostics">
                { for verdict.call.iter().map(|f| diagnostic_note(f.severity, &f.code, f.message.get(lang), lang)) }
            </ul>
            <div class="grid">
                <div class="field">
                    <label for="ctx-version">{ tr(lang, "API version", "Versão da API") }</label>
                    <select id="ctx-version" onchange={on_version} disabled={url_version.is_some()}>
                        { for [ApiVersion::Beta, ApiVersion::V1].iter().map(|v| html! {
                            <option value={v.name()} selected={*v == url_version.unwrap_or(document.version)}>{ v.name() }</option>
                        }) }
                    </select>
                    if url_version.is_some() {
                        <p class="hint">{ tr(lang, "taken from the request URL", "obtida da URL da solicitação") }</p>
                    }
                </div>
                <div class="field">
                    <label for="ctx-call-id">{ tr(lang, "Call id (when the URL has none)", "Id da chamada (quando a URL não tem)") }</label>
                    <input id="ctx-call-id" type="text" value={context.call_id.clone()} oninput={on_text(|c, v| c.call_id = v)} />
                </div>
                <div class="field">
                    <label for="ctx-kind">{ tr(lang, "Call kind", "Tipo de chamada") }</label>
                    <select id="ctx-kind" onchange={on_select(|c, v| c.kind = CallKind::parse(&v).unwrap_or_default())}>
                        <option value="group" selected={context.kind == CallKind::Group}>{ tr(lang, "group call", "chamada de grupo") }</option>
                        <option value="peerToPeer" selected={context.kind == CallKind::PeerToPeer}>{ tr(lang, "peer-to-peer", "ponto a ponto") }</option>
                    </select>
                </div>
                <div class="field">
                    <label for="ctx-state">{ tr(lang, "Call state", "Estado da chamada") }</label>
                    <select id="ctx-state" onchange={on_select(|c, v| c.state = CallState::parse(&v))}>
                        { for CallState::MEMBERS.iter().map(|member| html! {
                            <option value={*member} selected={context.state.as_str() == *member}>{ state_label(lang, member) }</option>
                        }) }
                    </select>
                </div>
                <div class="field checkbox">
                    <input id="ctx-chat-info" type="checkbox" checked={context.chat_info} onchange={on_check(|c, v| c.chat_info = v == "true")} />
                    <label for="ctx-chat-info">{ tr(lang, "The call has chatInfo", "A chamada tem chatInfo") }</label>
                </div>
                <div class="field checkbox">
                    <input id="ctx-pstn" type="checkbox" checked={context.pstn_provisioned} onchange={on_check(|c, v| c.pstn_provisioned = v == "true")} />
                    <label for="ctx-pstn">{ tr(lang, "The bot has a PSTN-enabled application instance", "O bot tem uma instância de aplicativo com PSTN") }</label>
                </div>
                <div class="field">
                    <label for="ctx-token">{ tr(lang, "Token", "Token") }</label>
                    <select id="ctx-token" onchange={on_select(|c, v| c.token = TokenKind::parse(&v).unwrap_or_default())}>
                        <option value="application" selected={context.token == TokenKind::Application}>{ tr(lang, "application (app-only)", "aplicativo (somente app)") }</option>
                        <option value="delegated" selected={context.token == TokenKind::Delegated}>{ tr(lang, "delegated (signed-in user)", "delegado (usuário conectado)") }</option>
                    </select>
                </div>
                <div class="field">
                    <label for="ctx-roles">{ tr(lang, "Application roles (comma-separated)", "Funções do aplicativo (separadas por vírgula)") }</label>
                    <input id="ctx-roles" type="text" value={context.roles.join(", ")}
                           oninput={on_text(|c, v| c.roles = v.split(',').map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned).collect())} />
                </div>
                <div class="field">
                    <label for="ctx-callback">{ tr(lang, "Callback URL (webhook)", "URL de callback (webhook)") }</label>
                    <input id="ctx-callback" type="url" value={context.callback_url.clone()} oninput={on_text(|c, v| c.callback_url = v)} />
                </div>
                <div class="field">
                    <label for="ctx-tenant">{ tr(lang, "Tenant id", "Id do locatário") }</label>
                    <input id="ctx-tenant" type="text" value={context.tenant_id.clone()} oninput={on_text(|c, v| c.tenant_id = v)} />
                </div>
                <div class="field">
                    <label for="ctx-replaced-state">{ tr(lang, "Replaced call's state", "Estado da chamada substituída") }</label>
                    <select id="ctx-replaced-state" onchange={on_select(|c, v| {
                        let id = c.replaced_call.as_ref().map(|r| r.id.clone()).unwrap_or_default();
                        c.replaced_call = Some(ReplacedCall { id, state: CallState::parse(&v) });
                    })}>
                        { for ["established", "terminated"].iter().map(|member| html! {
                            <option value={*member} selected={replaced.as_ref().map_or("established", |r| r.state.as_str()) == *member}>{ state_label(lang, member) }</option>
                        }) }
                    </select>
                </div>
            </div>
        </details>
    }
}

/// A call state as the select shows it: in Portuguese with the wire name beside it.
fn state_label(lang: Lang, member: &str) -> String {
    match wire_label(lang, member) {
        label if label == member => member.to_owned(),
        label => format!("{label} ({member})"),
    }
}
