//! The Web Worker (wasm only): receives `app::worker::Job`s from the page (postcard bytes
//! and, beside them, the job's own text: `Task::put_text`) and answers `Reply`s as
//! postcard bytes (`app::worker::encode`). Loaded on first use, so the snippet
//! generators and the explainer are not part of the app's first load. Natively it is an
//! empty program.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use invite_playground::app::worker::{decode, encode, handle, Job, READY};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that is not a Job is ignored: the page is the only sender.
        let data = js_sys::Array::from(&event.data());
        let bytes = data.get(0).dyn_into::<js_sys::Uint8Array>().map(|bytes| bytes.to_vec());
        let Some(mut job) = bytes.ok().and_then(|bytes| decode::<Job>(&bytes)) else {
            return;
        };
        job.task.put_text(data.get(1).as_string().unwrap_or_default());
        if let Some(reply) = encode(&handle(job)) {
            let _ = reply_to.post_message(&js_sys::Uint8Array::from(&reply[..]));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
