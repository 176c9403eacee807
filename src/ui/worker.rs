//! The page's side of the Web Worker (`src/worker.rs`): started on first use, so the
//! snippet generators and the explainer load only when the Code view or the Received
//! panel asks, or a large request needs checking; each reply goes to the callback of the
//! job with its id. Jobs and replies cross as postcard bytes (`app::worker::encode`;
//! see there for why not JSON or serde-wasm-bindgen); a job's own text travels beside
//! them, as a string of its own ([`Task::take_text`]): copying 4 MiB through the wasm's
//! memory would block the page.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::app::worker::{decode, encode, Job, Reply, Task, READY};
use crate::ui::panic_banner;

/// Where trunk puts the worker's loader (`index.html`, `data-loader-shim`).
const LOADER: &str = "./invite-worker_loader.js";

type Done = Box<dyn FnOnce(Reply)>;
type Handlers = (Closure<dyn Fn(MessageEvent)>, Closure<dyn Fn(ErrorEvent)>);

struct Service {
    worker: Worker,
    next_id: u64,
    pending: HashMap<u64, Done>,
    /// Jobs asked before the worker said it is ready: a message posted before its wasm
    /// has set its handler would be lost. `None` once ready.
    waiting: Option<Vec<JsValue>>,
    // Kept alive as long as the worker.
    _handlers: Handlers,
}

thread_local! {
    static SERVICE: RefCell<Option<Service>> = const { RefCell::new(None) };
    /// The last text pasted as a whole, with the JavaScript string it came from.
    static PASTED: RefCell<Option<(Rc<str>, JsValue)>> = const { RefCell::new(None) };
}

/// Remembers that `text` was pasted as `js`, a string JavaScript already holds: the next
/// job about this very text sends `js` to the worker instead of converting the megabytes
/// back out of the wasm (4 MiB: 18 ms of the page's task, profiled).
pub fn remember_pasted(text: &Rc<str>, js: JsValue) {
    PASTED.with(|pasted| *pasted.borrow_mut() = Some((text.clone(), js)));
}

/// The JavaScript string `text` was pasted as, if it is that very text (the same `Rc`:
/// comparing 4 MiB took 7 ms); taken, since the worker keeps what it checked.
fn pasted_js(text: &Rc<str>) -> Option<JsValue> {
    PASTED
        .with(|pasted| pasted.borrow_mut().take_if(|(known, _)| Rc::ptr_eq(known, text)))
        .map(|(_, js)| js)
}

/// This page's build, as trunk's hashed name of its module says (`?v=` and the hash of
/// `invite-playground-<hash>.js`; empty if it is not there). The worker's files keep
/// fixed names, so they are asked for under it (the loader passes it on, see
/// `scripts/externalize-boot.mjs`): a browser's cache never pairs this page with another
/// build's worker, whose answers it could not read.
fn build_query() -> String {
    let module = gloo::utils::document()
        .query_selector("link[rel=modulepreload]")
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute("href"));
    let hash = module
        .as_deref()
        .and_then(|href| href.strip_suffix(".js")?.rsplit_once('-'));
    hash.filter(|(_, hash)| hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|(_, hash)| format!("?v={hash}"))
        .unwrap_or_default()
}

fn start() -> Option<Service> {
    let worker = Worker::new(&format!("{LOADER}{}", build_query())).ok()?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        if data.as_string().as_deref() == Some(READY) {
            SERVICE.with(|service| {
                if let Some(service) = service.borrow_mut().as_mut() {
                    for job in service.waiting.take().unwrap_or_default() {
                        let _ = service.worker.post_message(&job);
                    }
                }
            });
            return;
        }
        let Some(reply) = data
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| decode::<Reply>(&bytes.to_vec()))
        else {
            return;
        };
        let done = SERVICE.with(|service| {
            service
                .borrow_mut()
                .as_mut()
                .and_then(|service| service.pending.remove(&reply.id))
        });
        if let Some(done) = done {
            done(reply);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker that fails (its wasm panicked, or would not load) answers nothing more:
    // the page says so, and the next question starts a new one.
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(|event: ErrorEvent| {
        if let Some(failed) = SERVICE.with(|service| service.borrow_mut().take()) {
            failed.worker.terminate();
            // This handler is one of them and is running: they are leaked, not dropped.
            std::mem::forget(failed._handlers);
        }
        panic_banner::show(&format!("worker: {}", event.message()));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Service {
        worker,
        next_id: 1,
        pending: HashMap::new(),
        waiting: Some(Vec::new()),
        _handlers: (on_message, on_error),
    })
}

/// Hands `task` to the worker; `done` gets the reply. Returns the job's id (callers keep
/// the latest one and ignore replies with another: newest wins), or `None` when no
/// worker can be started, so the caller says so instead of waiting.
pub fn ask(task: Task, done: impl FnOnce(Reply) + 'static) -> Option<u64> {
    ask_with(task, None, done)
}

/// As [`ask`], for a task whose text is `text`: if that very text was just pasted, the
/// pasted JavaScript string crosses instead of a conversion of it (see [`remember_pasted`]).
pub fn ask_about(text: &Rc<str>, task: Task, done: impl FnOnce(Reply) + 'static) -> Option<u64> {
    ask_with(task, pasted_js(text), done)
}

fn ask_with(task: Task, js_text: Option<JsValue>, done: impl FnOnce(Reply) + 'static) -> Option<u64> {
    SERVICE.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = start();
        }
        let service = cell.as_mut()?;
        let id = service.next_id;
        service.next_id += 1;
        let mut task = task;
        let text = task.take_text();
        let job = encode(&Job { id, task })?;
        let message = js_sys::Array::of2(
            &js_sys::Uint8Array::from(&job[..]),
            &js_text.unwrap_or_else(|| JsValue::from_str(&text)),
        )
        .into();
        match service.waiting.as_mut() {
            Some(waiting) => waiting.push(message),
            None => service.worker.post_message(&message).ok()?,
        }
        service.pending.insert(id, Box::new(done));
        Some(id)
    })
}
