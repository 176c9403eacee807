//! The top bar: title, preset and mode, outcome, language and theme.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::engine::diagnostic::lang::{tr, wire_label, Lang};
use crate::engine::scenarios::PRESETS;
use crate::engine::simulate::{Mode, Outcome};
use crate::engine::vocabulary::Vocabulary;
use crate::ui::store::{use_dispatch, Action, Preferences, Theme};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub preferences: Preferences,
    /// The loaded example's name, if the request came from one.
    pub preset: Option<&'static str>,
    pub mode: Mode,
    pub outcome: Outcome,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let dispatch = use_dispatch();
    let Preferences { lang, theme, .. } = props.preferences;

    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let name = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = crate::engine::scenarios::preset(&name) {
                dispatch.dispatch(Action::LoadPreset(preset));
            }
        })
    };
    let on_mode = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let mode = Mode::parse(&event.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default();
            // With an example loaded, the reducer reloads it in that mode.
            dispatch.dispatch(Action::SetMode(mode));
        })
    };
    let on_outcome = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let outcome =
                Outcome::parse(&event.target_unchecked_into::<HtmlSelectElement>().value()).unwrap_or_default();
            dispatch.dispatch(Action::SetOutcome(outcome));
        })
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let tag = event.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(Action::SetLang(Lang::from_tag(&tag).unwrap_or_default()));
        })
    };
    let on_theme = {
        let dispatch = dispatch.clone();
        let next = if theme == Theme::Light {
            Theme::Dark
        } else {
            Theme::Light
        };
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::SetTheme(next)))
    };
    let current_preset = props.preset.unwrap_or("");

    let on_help = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::StartTour))
    };
    html! {
        <header class="header">
            <div class="brand">
                <h1>
                    { "Invite Playground" }
                    <button type="button" class="button small help-button" id="help-button" onclick={on_help}
                            title={tr(lang, "Guided tour", "Tour guiado")} aria-label={tr(lang, "Guided tour", "Tour guiado")}>{ "?" }</button>
                </h1>
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
                        <option value="corrected" selected={props.mode == Mode::Corrected}>{ tr(lang, "Corrected (what Graph sends)", "Corrigido (o que o Graph envia)") }</option>
                        <option value="doc-faithful" selected={props.mode == Mode::DocFaithful}>{ tr(lang, "Doc-faithful (the docs' JSON)", "Fiel à documentação (o JSON da documentação)") }</option>
                    </select>
                </label>
                <label class="control">
                    <span>{ tr(lang, "Outcome", "Resultado") }</span>
                    <select id="outcome-select" onchange={on_outcome}>
                        { for Outcome::ALL.iter().map(|outcome| html! {
                            <option value={outcome.name()} selected={*outcome == props.outcome}>{ format!("{} — {}", wire_label(lang, outcome.name()), outcome.describe(lang)) }</option>
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
                <button id="theme-toggle" type="button" class="button" onclick={on_theme} aria-pressed={(theme == Theme::Dark).to_string()}>
                    { if theme == Theme::Dark { tr(lang, "Light theme", "Tema claro") } else { tr(lang, "Dark theme", "Tema escuro") } }
                </button>
            </div>
        </header>
    }
}
