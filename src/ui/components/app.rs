//! The root component: owns the store, runs the side-effect hooks, provides the narrow
//! context ([`Shelf`]) and hands each view the slice it draws.

use yew::prelude::*;

use super::code_view::CodeView;
use super::composer::Composer;
use super::diagnostics::DiagnosticsList;
use super::editor::Editor;
use super::header::Header;
use super::notice::NoticeBar;
use super::received::ReceivedPanel;
use super::simulation::Simulation;
use crate::engine::diagnostic::lang::tr;
use crate::engine::scenarios::Mode;
use crate::ui::hooks::{initial_state, use_clock, use_deferred_check, use_persistence};
use crate::ui::store::{Shelf, Store};

#[function_component(App)]
pub fn app() -> Html {
    let store: Store = use_reducer(initial_state);
    use_persistence(&store);
    use_clock(&store);
    use_deferred_check(&store);
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
    };
    html! {
        <ContextProvider<Shelf> context={shelf}>
            <Header preferences={store.preferences} preset={document.preset.map(|p| p.name)}
                    mode={playback.mode} outcome={playback.outcome} />
            <NoticeBar notice={store.transient.notice.clone()} />
            <main class="layout">
                <section class="panel composer-panel" aria-labelledby="composer-title">
                    <h2 id="composer-title">{ tr(lang, "Compose", "Compor") }</h2>
                    <Composer />
                </section>
                <div class="request-column">
                    <section class="panel editor-panel" aria-labelledby="editor-title">
                        <h2 id="editor-title">{ tr(lang, "Request", "Solicitação") }</h2>
                        <Editor focus={store.transient.focus.clone()} revision={store.revision} />
                        <DiagnosticsList check_pending={store.check_pending} />
                    </section>
                    <ReceivedPanel received={store.received.clone()} />
                </div>
                <div class="run-column">
                    <section class="panel simulation-panel" aria-labelledby="simulation-title">
                        <h2 id="simulation-title">{ tr(lang, "Simulation", "Simulação") }</h2>
                        <Simulation playback={playback.clone()} doc_without_preset={doc_mode && document.preset.is_none()}
                                    doc_edited={doc_edited} highlight={highlight} />
                    </section>
                    <CodeView selected={store.preferences.code} />
                </div>
            </main>
            <footer class="footer">
                { tr(lang,
                    "Everything runs in this page: no token, request or telemetry leaves it. Graph behaviour follows the public docs; values no source pins down are marked \u{201c}assumed\u{201d}.",
                    "Tudo roda nesta página: nenhum token, solicitação ou telemetria sai dela. O comportamento do Graph segue a documentação pública; valores que nenhuma fonte define são marcados como \u{201c}presumidos\u{201d}.") }
            </footer>
        </ContextProvider<Shelf>>
    }
}
