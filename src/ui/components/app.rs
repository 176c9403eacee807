//! The root component: owns the store, runs the side-effect hooks, provides the narrow
//! context ([`Shelf`]) and hands each view the slice it draws.

use std::rc::Rc;

use yew::prelude::*;

use super::code_view::CodeView;
use super::composer::Composer;
use super::diagnostics::DiagnosticsList;
use super::editor::Editor;
use super::header::Header;
use super::notice::NoticeBar;
use super::received::ReceivedPanel;
use super::simulation::Simulation;
use crate::app::link::{Link, Presentation};
use crate::app::share::Draft;
use crate::app::state::{Preferences, Speed};
use crate::engine::diagnostic::lang::tr;
use crate::engine::scenarios::Mode;
use crate::ui::browser;
use crate::ui::hooks::{
    initial_state, use_autorun, use_clock, use_embed_messages, use_media_with, use_persistence, use_system_theme,
    use_wanted, use_worker_check, use_worker_run,
};
use crate::ui::store::{use_document, Action, Notice, Shelf, Store};

/// The width under which the panels stand in one column (the stylesheet's own
/// `@media (max-width: 820px)`).
const ONE_COLUMN: &str = "(max-width: 820px)";

#[function_component(App)]
pub fn app() -> Html {
    // The address is read once: what it asks for is fixed for the page's life.
    let link = use_memo((), |_| Link::parse(&browser::query()));
    let presentation = link.presentation;
    let store: Store = {
        let link = link.clone();
        use_reducer(move || initial_state(&link))
    };
    use_persistence(&store, presentation.embed);
    use_system_theme(&store);
    use_clock(&store);
    use_worker_check(&store);
    use_worker_run(&store);
    use_wanted(&store);
    use_embed_messages(&store, presentation.embed);
    use_autorun(&store, presentation.autorun);
    let views = presentation.views;
    let lang = store.preferences.lang;
    let document = &store.document;
    let playback = &store.playback;
    let doc_mode = playback.mode == Mode::DocFaithful;
    let doc_edited = doc_mode
        && document
            .preset
            .is_some_and(|preset| preset.doc_request() != &*document.text);
    // The step the Received panel explains, marked on the diagram.
    let highlight = store
        .received
        .as_ref()
        .and_then(|received| received.view.as_ref()?.items.first().map(|item| item.step));
    let shelf = Shelf {
        dispatch: store.dispatcher(),
        lang,
        document: document.clone(),
        checked: store.checked.clone(),
        verdict: store.verdict.clone(),
    };
    let embed = presentation.embed;
    // Crossing the one-column width mounts the panels anew: the editors' carets and
    // scroll, and the focus, are noted before and put back after.
    let narrow = use_media_with(ONE_COLUMN, || {
        browser::keep_places(&["request-editor", "received-editor"])
    });
    use_effect_with(narrow, |_| browser::restore_places());
    let composer = (views.request && !presentation.readonly && !embed).then(|| {
        html! {
            <section class="panel composer-panel" aria-labelledby="composer-title">
                <h2 id="composer-title">{ tr(lang, "Compose", "Compor") }</h2>
                <Composer />
            </section>
        }
    });
    // Ctrl+Enter (⌘+Enter on a Mac) in the request runs it, as in other playgrounds,
    // wherever the Run button is on the page.
    let on_run_key = views.run.then(|| {
        let dispatch = store.dispatcher();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                dispatch.dispatch(Action::Run);
            }
        })
    });
    let editor = views.request.then(|| {
        html! {
            <section class="panel editor-panel" aria-labelledby="editor-title" onkeydown={on_run_key}>
                <h2 id="editor-title">{ tr(lang, "Request", "Solicitação") }</h2>
                <Editor focus={store.transient.focus.clone()} revision={store.revision} readonly={presentation.readonly}
                        check_pending={store.check_pending}
                        replaced={matches!(store.transient.notice, Some(Notice::Replaced(_)))} />
                <DiagnosticsList check_pending={store.check_pending} />
            </section>
        }
    });
    let received = views
        .received
        .then(|| html! { <ReceivedPanel received={store.received.clone()} correlate={views.request || link.draft.is_some()} with_run={views.run} /> });
    // What links and embed code carry of the Received panel.
    let received_text = store.received.as_ref().map(|doc| doc.text.clone());
    let simulation = views.run.then(|| {
        html! {
            <section class="panel simulation-panel" aria-labelledby="simulation-title">
                <h2 id="simulation-title">{ tr(lang, "Simulation", "Simulação") }</h2>
                <Simulation playback={playback.clone()} doc_without_preset={doc_mode && document.preset.is_none()}
                            doc_edited={doc_edited} highlight={highlight} tour={store.tour}
                            checking={store.check_pending} received={received_text.clone()}
                            with_received={views.received} in_embed={embed} />
            </section>
        }
    });
    let code = views
        .code
        .then(|| html! { <CodeView selected={store.preferences.code} /> });
    // In one column (a phone, a narrow window, an embed) the panels come in the order
    // they are read, in the document too: the request, Run and the run, what the bot
    // received, the code, the form. Ordered by CSS instead, they misled Chromium's scroll
    // anchoring, which follows the document: a run's first card scrolled a phone's page
    // away, and code filling in above a focused field pushed it off the screen.
    let layout = if embed || narrow {
        html! {
            <main class={classes!("layout", "one-column", embed.then_some("embed"))}>
                { editor }{ simulation }{ received }{ code }{ composer }
            </main>
        }
    } else {
        html! {
            <main class="layout">
                { composer }
                <div class="request-column">{ editor }{ received }</div>
                <div class="run-column">{ simulation }{ code }</div>
            </main>
        }
    };
    html! {
        <ContextProvider<Shelf> context={shelf}>
            if embed {
                <EmbedBar mode={playback.mode} outcome={playback.outcome} seed={playback.seed}
                          speed={playback.speed} preferences={store.preferences} presentation={presentation}
                          received={received_text} />
            } else {
                <Header preferences={store.preferences} preset={document.preset.map(|p| p.name)}
                        mode={playback.mode} outcome={playback.outcome} />
            }
            <NoticeBar notice={store.transient.notice.clone()} floating={!embed} />
            { layout }
            if !embed {
                <footer class="footer">
                    { tr(lang,
                        "Everything runs in this page: no token, request or telemetry leaves it. Graph behaviour follows the public docs; values no source pins down are marked \u{201c}assumed\u{201d}.",
                        "Tudo roda nesta página: nenhum token, solicitação ou telemetria sai dela. O comportamento do Graph segue a documentação pública; valores que nenhuma fonte define são marcados como \u{201c}presumidos\u{201d}.") }
                </footer>
            }
        </ContextProvider<Shelf>>
    }
}

#[derive(Properties, PartialEq)]
struct EmbedBarProps {
    mode: Mode,
    outcome: crate::engine::simulate::Outcome,
    seed: u64,
    speed: Speed,
    preferences: Preferences,
    presentation: Presentation,
    received: Option<Rc<str>>,
}

/// An embed's only chrome: the name and a way out to the full playground, carrying
/// what the embed shows now (its edits included). Not re-rendered by clock ticks.
#[function_component(EmbedBar)]
fn embed_bar(props: &EmbedBarProps) -> Html {
    let document = use_document();
    let lang = props.preferences.lang;
    let draft = Draft {
        text: document.text.to_string(),
        context: document.context.clone(),
        version: document.version,
        mode: props.mode,
        outcome: props.outcome,
        seed: props.seed,
        preset: document.preset,
        received: props.received.as_deref().map(str::to_owned),
    };
    let presentation = Presentation {
        embed: false,
        autorun: false,
        ..props.presentation
    };
    let query = Link::query(&draft, lang, props.preferences.theme, props.speed, presentation);
    let href = format!("{}?{query}", browser::page_url());
    html! {
        <header class="embed-bar">
            <h1 class="embed-title">{ "Invite Playground" }</h1>
            <a class="embed-open" id="open-full" href={href} target="_blank" rel="noopener">
                { tr(lang, "Open full playground", "Abrir o playground completo") }
                <span aria-hidden="true">{ " \u{2197}" }</span>
            </a>
        </header>
    }
}
