//! The top bar: title, preset and mode, outcome, language and theme.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::diagnostic::lang::{tr, Lang};
use crate::engine::scenarios::PRESETS;
use crate::engine::simulate::{Mode, Outcome};
use crate::ui::store::{use_store, Action, Theme};

#[function_component(Header)]
pub fn header() -> Html {
    let store = use_store();
    let lang = store.lang;

    let on_preset = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let name = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = crate::engine::scenarios::preset(&name) {
                store.dispatch(Action::LoadPreset(preset, store.mode));
            }
        })
    };
    let on_mode = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let mode = Mode::parse(&event.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default();
            match store.preset {
                // Switching mode reloads the example in that mode (doc text or corrected text).
                Some(preset) => store.dispatch(Action::LoadPreset(preset, mode)),
                None => store.dispatch(Action::SetMode(mode)),
            }
        })
    };
    let on_outcome = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let outcome =
                Outcome::parse(&event.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default();
            store.dispatch(Action::SetOutcome(outcome));
        })
    };
    let on_lang = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let tag = event.target_unchecked_into::<HtmlSelectElement>().value();
            store.dispatch(Action::SetLang(Lang::from_tag(&tag).unwrap_or_default()));
        })
    };
    let on_theme = {
        let store = store.clone();
        let next = if store.theme == Theme::Light {
            Theme::Dark
        } else {
            Theme::Light
        };
        Callback::from(move |_: MouseEvent| store.dispatch(Action::SetTheme(next)))
    };
    let current_preset = store.preset.map(|p| p.name).unwrap_or("");

    html! {
        <header class="header">
            <div class="brand">
                <h1>{ "Invite Playground" }</h1>
                <p class="tagline">
                    <code>{ "POST /communications/calls/{id}/participants/invite" }</code>
                    { tr(lang, " · Microsoft Graph, simulated in your browser", " · Microsoft Graph, simulado no seu navegador") }
                </p>
            </div>
            <div class="toolbar" role="toolbar" aria-label={tr(lang, "Playground settings", "Configurações do playground")}>
                <label class="control">
                    <span>{ tr(lang, "Example", "Exemplo") }</span>
                    <select id="preset-select" onchange={on_preset}>
                        <option value="" selected={current_preset.is_empty()} disabled=true>{ tr(lang, "Your request", "Sua solicitação") }</option>
                        { for PRESETS.iter().map(|preset| html! {
                            <option value={preset.name} selected={preset.name == current_preset}>{ preset.title(lang) }</option>
                        }) }
                    </select>
                </label>
                <label class="control">
                    <span>{ tr(lang, "Mode", "Modo") }</span>
                    <select id="mode-select" onchange={on_mode}>
                        <option value="corrected" selected={store.mode == Mode::Corrected}>{ tr(lang, "Corrected (what Graph sends)", "Corrigido (o que o Graph envia)") }</option>
                        <option value="doc-faithful" selected={store.mode == Mode::DocFaithful}>{ tr(lang, "Doc-faithful (the docs' JSON)", "Fiel à documentação (o JSON da documentação)") }</option>
                    </select>
                </label>
                <label class="control">
                    <span>{ tr(lang, "Outcome", "Resultado") }</span>
                    <select id="outcome-select" onchange={on_outcome}>
                        { for Outcome::ALL.iter().map(|outcome| html! {
                            <option value={outcome.name()} selected={*outcome == store.outcome}>{ format!("{} — {}", outcome.name(), outcome.describe(lang)) }</option>
                        }) }
                    </select>
                </label>
                <label class="control">
                    <span>{ tr(lang, "Language", "Idioma") }</span>
                    <select id="lang-select" onchange={on_lang}>
                        { for Lang::ALL.iter().map(|option| html! {
                            <option value={option.tag()} selected={*option == lang}>{ option.endonym() }</option>
                        }) }
                    </select>
                </label>
                <button id="theme-toggle" type="button" class="button" onclick={on_theme} aria-pressed={(store.theme == Theme::Dark).to_string()}>
                    { if store.theme == Theme::Dark { tr(lang, "Light theme", "Tema claro") } else { tr(lang, "Dark theme", "Tema escuro") } }
                </button>
            </div>
        </header>
    }
}
