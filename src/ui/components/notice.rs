//! A dismissible bar for messages that are not diagnostics (a broken share link, a copy).

use yew::prelude::*;

use crate::app::state::ReplacedBy;
use crate::engine::diagnostic::lang::{tr, Lang};
use crate::ui::store::{on_click, use_dispatch, use_lang, Action, Notice};

fn text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::ShareLinkUnreadable(why) => format!(
            "{} ({why})",
            tr(lang, "The share link could not be read, so the default example is shown", "O link compartilhado não pôde ser lido, então o exemplo padrão é mostrado")
        ),
        Notice::DraftUnreadable(why) => format!(
            "{} ({why})",
            tr(lang, "Your saved draft could not be read and was discarded", "Seu rascunho salvo não pôde ser lido e foi descartado")
        ),
        Notice::EditNeedsValidJson => tr(
            lang,
            "The form can change the request once its body is valid JSON: fix the error marked in the editor first",
            "O formulário pode alterar a solicitação quando o corpo for JSON válido: corrija primeiro o erro marcado no editor",
        )
        .to_owned(),
        Notice::Copied(what) => format!("{} {}", tr(lang, "Copied:", "Copiado:"), what.get(lang)),
        Notice::ClipboardUnavailable => tr(lang, "This browser does not allow copying here", "Este navegador não permite copiar aqui").to_owned(),
        Notice::WorkerUnavailable => tr(
            lang,
            "This page could not start its worker, so runs, code and explanations cannot be shown; the CLI does all three (invite-playground simulate, snippet, explain)",
            "Esta página não conseguiu iniciar seu worker, então execuções, código e explicações não podem ser mostrados; a CLI faz os três (invite-playground simulate, snippet, explain)",
        )
        .to_owned(),
        Notice::LinkProblems(problems) => problems.join(" · "),
        Notice::WasReset => tr(lang, "The playground was reset", "O playground foi redefinido").to_owned(),
        Notice::DraftNotKept => tr(
            lang,
            "This browser does not let the page keep your draft (its storage is blocked or full), so a reload starts afresh: copy a share link to keep your work",
            "Este navegador não deixa a página guardar seu rascunho (o armazenamento está bloqueado ou cheio), então recarregar recomeça do zero: copie um link de compartilhamento para guardar seu trabalho",
        )
        .to_owned(),
        Notice::LinkTooLong(length) => format!(
            "{} ({}{}{} MB; {})",
            tr(lang, "This request is too large to carry in a link, so nothing was copied", "Esta solicitação é grande demais para caber em um link, então nada foi copiado"),
            // Megabytes to one decimal, rounded up: integer arithmetic, no float formatting
            // in the wasm.
            length.div_ceil(100_000) / 10,
            tr(lang, ".", ","),
            length.div_ceil(100_000) % 10,
            tr(lang, "browsers open addresses of up to 1 MB: copy the request as JSON instead", "navegadores abrem endereços de até 1 MB: copie a solicitação como JSON"),
        ),
        Notice::Replaced(replaced) => match replaced.by {
            ReplacedBy::Example(example) => format!(
                "{} {}",
                tr(lang, "Your request was replaced by", "Sua solicitação foi substituída por"),
                example.title(lang)
            ),
            ReplacedBy::Cleared => tr(lang, "Your request was cleared", "Sua solicitação foi limpa").to_owned(),
            ReplacedBy::CurlMessage => tr(
                lang,
                "Your cURL command is shown as the HTTP request it sends, to be checked",
                "Seu comando cURL é mostrado como a solicitação HTTP que ele envia, para ser verificada",
            )
            .to_owned(),
        },
        Notice::ReceivedReplaced { cleared: true, .. } => {
            tr(lang, "What you put in Received was cleared", "O que você colocou em Recebido foi limpo").to_owned()
        }
        Notice::ReceivedReplaced { cleared: false, .. } => tr(
            lang,
            "What you put in Received was replaced by the run's message",
            "O que você colocou em Recebido foi substituído pela mensagem da execução",
        )
        .to_owned(),
        Notice::InputTooLarge(bytes) => format!(
            "{} ({} MiB; {} 64 MiB)",
            tr(lang, "That paste is too large to check here; the request is unchanged", "Esse texto colado é grande demais para verificar aqui; a solicitação não mudou"),
            bytes / (1024 * 1024),
            tr(lang, "the limit is", "o limite é"),
        ),
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    /// Whether a notice answering an action may float. Not in an embed: its frame is as
    /// tall as its content, so the bottom of its view can be far below the docs page's.
    pub floating: bool,
}

/// How long a "Copied" toast stays.
const COPIED_MS: u32 = 4_000;

/// A notice about the page as it opened sits above the panels; one that answers an
/// action floats at the bottom of the view (a toast), so that it is seen wherever the
/// action was (a copy from the code, far down a phone's page) and moves nothing; in an
/// embed it sits above the panels too. A "Copied" notice goes by itself.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeBarProps) -> Html {
    let (lang, dispatch) = (use_lang(), use_dispatch());
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.notice.clone(), move |notice| {
            let later = matches!(notice, Some(Notice::Copied(_))).then(|| {
                gloo::timers::callback::Timeout::new(COPIED_MS, move || dispatch.dispatch(Action::DismissNotice))
            });
            move || drop(later)
        });
    }
    let Some(notice) = &props.notice else {
        return html! {};
    };
    let send = |action| on_click(&dispatch, action);
    html! {
        <div class={classes!("notice", (props.floating && notice.answers_an_action()).then_some("toast"))} role="status" id="notice">
            <span>{ super::prose(&text(notice, lang)) }</span>
            if matches!(notice, Notice::Replaced(_) | Notice::ReceivedReplaced { .. }) {
                <button type="button" class="button small primary" id="notice-undo" onclick={send(|| Action::Undo)}>{ tr(lang, "Undo", "Desfazer") }</button>
            }
            <button type="button" class="button small" onclick={send(|| Action::DismissNotice)}>{ tr(lang, "Dismiss", "Fechar") }</button>
        </div>
    }
}
