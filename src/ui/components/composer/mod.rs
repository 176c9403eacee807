//! The composer: the request and its call as a form. It reads the body the core parsed
//! and changes the text only through `edit::apply`, so form and editor never disagree.

mod call_panel;
mod field;
mod participant_card;

use serde_json::{json, Value};
use yew::prelude::*;

use self::call_panel::CallPanel;
use self::field::{Field, FieldDiagnostics};
use self::participant_card::ParticipantCard;
use crate::app::edit::Edit;
use crate::engine::diagnostic::lang::tr;
use crate::engine::pointer::JsonPointer;
use crate::ui::browser;
use crate::ui::hooks::use_progressive;
use crate::ui::store::{use_checked, use_dispatch, use_document, use_lang, Action};

/// The DOM id of the form field that edits `pointer`, so a diagnostic can focus it.
pub fn field_id(pointer: &str) -> String {
    format!("field{}", pointer.replace('/', "--"))
}

/// Graph takes at most 5; past a few more, cards help nobody and cost a lot to render.
const CARD_LIMIT: usize = 12;

/// Cards drawn per frame when many appear at once: a card is ~50 elements, and twelve of
/// them in the same task as a pasted one-line body's marks made a 77 ms task (measured).
const CARD_CHUNK: usize = 2;

#[function_component(Composer)]
pub fn composer() -> Html {
    let (lang, dispatch, document, checked) = (use_lang(), use_dispatch(), use_document(), use_checked());
    let body = checked.request.body().filter(|body| body.is_object());
    let participants: &[Value] = body
        .and_then(|body| body.get("participants"))
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let drawn = use_progressive(participants.len().min(CARD_LIMIT), CARD_CHUNK);
    // A participant added here is where the next thing is typed: its card comes into
    // view with focus on its first field (the button that added it moved down, on a
    // phone out of sight).
    let added = use_mut_ref(|| false);
    {
        let added = added.clone();
        use_effect_with(participants.len(), move |&count| {
            if std::mem::take(&mut *added.borrow_mut()) && count > 0 {
                let pointer = JsonPointer::root().key("participants").index(count - 1).key("identity");
                browser::focus_panel(&field_id(pointer.as_str()));
            }
        });
    }

    let form = match body {
        // A large body would put megabytes into input fields, and its full check is
        // made only for a run (`Document::is_large`): the form steps aside.
        _ if document.is_large() => html! {
            <p class="hint" role="note" id="composer-bulk">
                { tr(lang, "This request is too large for the form; the diagnostics and the simulation still cover all of it.", "Esta solicitação é grande demais para o formulário; os diagnósticos e a simulação ainda cobrem tudo.") }
            </p>
        },
        None => html! {
            <p class="composer-blocked" role="note">
                { tr(lang, "The form needs a body that is a JSON object: fix the errors marked in the editor.", "O formulário precisa de um corpo que seja um objeto JSON: corrija os erros marcados no editor.") }
            </p>
        },
        Some(body) => {
            let count = participants.len();
            let on_add = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    *added.borrow_mut() = true;
                    dispatch.dispatch(Action::Edit(Edit::AddParticipant));
                    // An add the form could not make leaves the count as it was: the
                    // next change of it, a paste say, must not take the focus.
                    let added = added.clone();
                    gloo::timers::callback::Timeout::new(0, move || *added.borrow_mut() = false).forget();
                })
            };
            html! {
                <>
                    <ClientContextField value={body.get("clientContext").and_then(Value::as_str).map(str::to_owned)} />
                    <h3>{ format!("{} ({count}/5)", tr(lang, "Participants", "Participantes")) }</h3>
                    <FieldDiagnostics pointer={"/participants".to_owned()} exact={true} />
                    <ol class="participants">
                        { for participants.iter().take(drawn).enumerate().map(|(index, participant)| html! {
                            <ParticipantCard key={index} index={index} count={count} participant={participant.clone()} />
                        }) }
                    </ol>
                    if count > CARD_LIMIT {
                        <p class="hint">{ format!("{} {}", count - CARD_LIMIT, tr(lang, "more participants are only in the editor", "participantes a mais estão só no editor")) }</p>
                    }
                    <button type="button" class="button" id="add-participant" onclick={on_add}>
                        { tr(lang, "+ Add participant", "+ Adicionar participante") }
                    </button>
                </>
            }
        }
    };
    html! {
        <div class="composer">
            <CallPanel />
            <h3>{ tr(lang, "Invite body", "Corpo do convite") }</h3>
            if !document.is_large() {
                <FieldDiagnostics pointer={String::new()} exact={true} />
            }
            { form }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ClientContextProps {
    value: Option<String>,
}

/// `clientContext` with a live count against the 256-character limit and a GUID button.
#[function_component(ClientContextField)]
fn client_context_field(props: &ClientContextProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    let pointer = JsonPointer::root().key("clientContext");
    let length = props.value.as_deref().map_or(0, |v| v.chars().count());
    let on_change = {
        let dispatch = dispatch.clone();
        let pointer = pointer.clone();
        Callback::from(move |text: String| {
            let value = (!text.is_empty()).then(|| json!(text));
            dispatch.dispatch(Action::Edit(Edit::Set {
                pointer: pointer.clone(),
                value,
            }));
        })
    };
    let on_new_guid = {
        let dispatch = dispatch.clone();
        let pointer = pointer.clone();
        Callback::from(move |_: MouseEvent| {
            // Randomness for a fresh id is the UI's business; the core only formats it.
            let seed = (js_sys::Math::random() * 9_007_199_254_740_991.0) as u64;
            let guid = crate::engine::simulate::Ids::new(seed).guid();
            dispatch.dispatch(Action::Edit(Edit::Set {
                pointer: pointer.clone(),
                value: Some(json!(guid)),
            }));
        })
    };
    let over = length > crate::engine::validate::MAX_CLIENT_CONTEXT;
    html! {
        <div class="client-context">
            <Field pointer={pointer.as_str().to_owned()} label={tr(lang, "clientContext", "clientContext")}
                   value={props.value.clone().unwrap_or_default()} on_change={on_change}
                   placeholder={tr(lang, "a unique string, e.g. a GUID", "uma string única, p. ex. um GUID")} />
            <div class="field-tools">
                <span class={classes!("counter", over.then_some("over"))} id="client-context-count" aria-live="polite">
                    { format!("{length} / {}", crate::engine::validate::MAX_CLIENT_CONTEXT) }
                </span>
                <button type="button" class="button small" id="new-guid" onclick={on_new_guid}>{ tr(lang, "New GUID", "Novo GUID") }</button>
            </div>
        </div>
    }
}
