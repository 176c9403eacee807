//! One participant as a card: identity kind, the fields that kind has, the
//! invitation options, and move/remove buttons.

use serde_json::{json, Value};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::field::{Field, FieldDiagnostics};
use super::field_id;
use crate::app::edit::Edit;
use crate::engine::diagnostic::lang::{tr, Lang};
use crate::engine::model::ApiVersion;
use crate::engine::model::{EndpointType, IdentityKind};
use crate::engine::pointer::JsonPointer;
use crate::ui::store::{use_checked, use_dispatch, use_lang, Action};

#[derive(Properties, PartialEq)]
pub struct ParticipantCardProps {
    pub index: usize,
    pub count: usize,
    pub participant: Value,
}

/// The identity fields each kind shows, with their labels.
fn kind_fields(kind: IdentityKind, lang: Lang) -> Vec<(&'static str, &'static str)> {
    let id = match kind {
        IdentityKind::Phone => tr(lang, "Phone number (E.164)", "Número de telefone (E.164)"),
        IdentityKind::User | IdentityKind::OnPremises => tr(lang, "Azure AD object id", "Id de objeto do Azure AD"),
        IdentityKind::Application | IdentityKind::ApplicationInstance => tr(lang, "Application id", "Id do aplicativo"),
        _ => tr(lang, "Id", "Id"),
    };
    let mut fields = vec![("id", id)];
    if kind != IdentityKind::Phone {
        fields.push(("displayName", tr(lang, "Display name", "Nome de exibição")));
    }
    if matches!(
        kind,
        IdentityKind::User | IdentityKind::ApplicationInstance | IdentityKind::OnPremises
    ) {
        fields.push(("tenantId", tr(lang, "Tenant id", "Id do locatário")));
    }
    if kind == IdentityKind::Guest {
        fields.push(("email", tr(lang, "Email", "Email")));
    }
    fields
}

#[function_component(ParticipantCard)]
pub fn participant_card(props: &ParticipantCardProps) -> Html {
    let (lang, dispatch, checked) = (use_lang(), use_dispatch(), use_checked());
    let index = props.index;
    let pointer = JsonPointer::root().key("participants").index(index);
    let identity = props.participant.get("identity").and_then(Value::as_object);
    let kinds_present: Vec<IdentityKind> = IdentityKind::ALL
        .into_iter()
        .filter(|kind| {
            identity
                .and_then(|set| set.get(kind.key()))
                .is_some_and(Value::is_object)
        })
        .collect();
    let kind = kinds_present.first().copied();

    let edit = |edit: Edit| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Edit(edit.clone())))
    };
    let set_text = |pointer: JsonPointer, keep_empty: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| {
            let value = if text.is_empty() && !keep_empty {
                None
            } else {
                Some(json!(text))
            };
            dispatch.dispatch(Action::Edit(Edit::Set {
                pointer: pointer.clone(),
                value,
            }));
        })
    };
    let on_kind = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let key = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(kind) = IdentityKind::from_key(&key) {
                dispatch.dispatch(Action::Edit(Edit::SetIdentityKind { index, kind }));
            }
        })
    };
    let on_endpoint = {
        let dispatch = dispatch.clone();
        let pointer = pointer.key("endpointType");
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let value = (!value.is_empty()).then(|| json!(value));
            dispatch.dispatch(Action::Edit(Edit::Set {
                pointer: pointer.clone(),
                value,
            }));
        })
    };
    let text_at = |value: Option<&Value>| value.and_then(Value::as_str).unwrap_or_default().to_owned();
    let kind_select_id = field_id(pointer.key("identity").as_str());

    let identity_fields = kind.map(|kind| {
        let identity_pointer = pointer.key("identity").key(kind.key());
        let identity_value = identity.and_then(|set| set.get(kind.key()));
        kind_fields(kind, lang)
            .into_iter()
            .map(|(name, label)| {
                let field_pointer = identity_pointer.key(name);
                html! {
                    <Field pointer={field_pointer.as_str().to_owned()} label={label}
                           value={text_at(identity_value.and_then(|v| v.get(name)))}
                           on_change={set_text(field_pointer.clone(), name == "id")} />
                }
            })
            .collect::<Html>()
    });
    let endpoint = text_at(props.participant.get("endpointType"));

    html! {
        <li class="participant-card" aria-label={format!("{} {}", tr(lang, "Participant", "Participante"), index + 1)}>
            <div class="card-head">
                <strong>{ format!("{} {}", tr(lang, "Participant", "Participante"), index + 1) }</strong>
                <div class="card-actions">
                    <button type="button" class="button small" onclick={edit(Edit::MoveParticipant { from: index, to: index.saturating_sub(1) })}
                            disabled={index == 0} aria-label={format!("{} {}", tr(lang, "Move up participant", "Mover para cima o participante"), index + 1)}>{ "↑" }</button>
                    <button type="button" class="button small" onclick={edit(Edit::MoveParticipant { from: index, to: index + 1 })}
                            disabled={index + 1 >= props.count} aria-label={format!("{} {}", tr(lang, "Move down participant", "Mover para baixo o participante"), index + 1)}>{ "↓" }</button>
                    <button type="button" class="button small danger" onclick={edit(Edit::RemoveParticipant(index))}
                            aria-label={format!("{} {}", tr(lang, "Remove participant", "Remover participante"), index + 1)}>{ tr(lang, "Remove", "Remover") }</button>
                </div>
            </div>
            <FieldDiagnostics pointer={pointer.as_str().to_owned()} exact={true} />
            <div class="field">
                <label for={kind_select_id.clone()}>{ tr(lang, "Identity kind", "Tipo de identidade") }</label>
                <select id={kind_select_id} onchange={on_kind}>
                    if kind.is_none() {
                        <option value="" selected=true disabled=true>{ "—" }</option>
                    }
                    { for IdentityKind::ALL.iter().map(|option| html! {
                        <option value={option.key()} selected={Some(*option) == kind}>{ option.key() }</option>
                    }) }
                </select>
                <FieldDiagnostics pointer={pointer.key("identity").as_str().to_owned()} exact={true} />
                if let Some(kind) = kind {
                    <FieldDiagnostics pointer={pointer.key("identity").key(kind.key()).as_str().to_owned()} exact={true} />
                }
            </div>
            { identity_fields.unwrap_or_default() }
            <details class="more-options">
                <summary>{ tr(lang, "Invitation options", "Opções do convite") }</summary>
                <Field pointer={pointer.key("replacesCallId").as_str().to_owned()} label="replacesCallId"
                       value={text_at(props.participant.get("replacesCallId"))}
                       on_change={set_text(pointer.key("replacesCallId"), false)}
                       placeholder={tr(lang, "id of a peer-to-peer call to replace", "id de uma chamada ponto a ponto a substituir")} />
                <Field pointer={pointer.key("participantId").as_str().to_owned()} label="participantId"
                       value={text_at(props.participant.get("participantId"))}
                       on_change={set_text(pointer.key("participantId"), false)}
                       placeholder={tr(lang, "to move a participant between meetings", "para mover um participante entre reuniões")} />
                if checked.request.version == ApiVersion::Beta || !endpoint.is_empty() {
                    <div class="field">
                        <label for={field_id(pointer.key("endpointType").as_str())}>{ "endpointType" }</label>
                        <select id={field_id(pointer.key("endpointType").as_str())} onchange={on_endpoint}>
                            <option value="" selected={endpoint.is_empty()}>{ tr(lang, "(not set)", "(não definido)") }</option>
                            { for EndpointType::MEMBERS.iter().map(|member| html! {
                                <option value={*member} selected={endpoint == *member}>{ *member }</option>
                            }) }
                        </select>
                        <FieldDiagnostics pointer={pointer.key("endpointType").as_str().to_owned()} exact={true} />
                    </div>
                }
            </details>
        </li>
    }
}
