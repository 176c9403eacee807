//! One labelled form field bound to a JSON Pointer, showing that place's diagnostics.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::vocabulary::Vocabulary;

use super::field_id;
use crate::ui::components::diagnostics::severity_label;
use crate::ui::components::prose;
use crate::ui::store::{use_checked, use_lang};

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub pointer: String,
    pub label: AttrValue,
    pub value: String,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub placeholder: AttrValue,
}

#[function_component(Field)]
pub fn field(props: &FieldProps) -> Html {
    let id = field_id(&props.pointer);
    let on_input = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            on_change.emit(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{ props.label.clone() }</label>
            <input id={id} type="text" spellcheck="false" autocomplete="off" value={props.value.clone()}
                   placeholder={props.placeholder.clone()} oninput={on_input} />
            <FieldDiagnostics pointer={props.pointer.clone()} exact={true} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldDiagnosticsProps {
    pub pointer: String,
    /// Only this pointer, or also every place below it.
    pub exact: bool,
}

/// The diagnostics the core placed at `pointer`.
#[function_component(FieldDiagnostics)]
pub fn field_diagnostics(props: &FieldDiagnosticsProps) -> Html {
    let (lang, checked) = (use_lang(), use_checked());
    let below = format!("{}/", props.pointer);
    let items: Vec<Html> = checked
        .diagnostics
        .iter()
        .filter(|d| {
            d.pointer
                .as_ref()
                .is_some_and(|p| p.as_str() == props.pointer || (!props.exact && p.as_str().starts_with(&below)))
        })
        .map(|d| diagnostic_note(d.severity(), d.code(), &d.message(lang), lang))
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! { <ul class="field-diagnostics">{ for items }</ul> }
}

/// One diagnostic as a short line under the field or panel it concerns.
pub fn diagnostic_note(
    severity: crate::engine::diagnostic::Severity,
    code: &str,
    message: &str,
    lang: crate::engine::diagnostic::lang::Lang,
) -> Html {
    html! {
        <li class={classes!("field-diagnostic", severity.name())} data-code={code.to_owned()}>
            <span class="severity">{ severity_label(severity, lang) }</span>{ " " }{ prose(message) }
        </li>
    }
}
