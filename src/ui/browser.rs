//! The few browser services the app uses, each behind one function: clipboard, file
//! download, the URL fragment, local storage and large text from the page. Nothing here
//! makes a network request.

use js_sys::{JsString, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

use crate::app::state::Notice;
use crate::engine::diagnostic::lang::Text;
use crate::ui::store::{Action, Dispatch};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;
    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;
    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encodeInto)]
    fn encode_into(this: &Utf8Encoder, text: &JsString, into: &Uint8Array) -> EncodeResult;

    /// A promise seen as `then(settled, settled)`: one function for both outcomes, where
    /// js-sys's `then2` wants two closures kept alive (one of them never called).
    type Settling;
    #[wasm_bindgen(method, js_name = then)]
    fn then_either(this: &Settling, on_fulfilled: &wasm_bindgen::JsValue, on_rejected: &wasm_bindgen::JsValue);

    /// `{read, written}` of `encodeInto`.
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

/// Text from the page, still a JavaScript string: its `length()` (UTF-16 units, at most
/// its UTF-8 bytes) can refuse an oversized paste before anything is copied.
pub struct PageText(JsString);

impl PageText {
    /// What the user pasted (`DataTransfer.getData("text")`).
    pub fn pasted(data: &web_sys::DataTransfer) -> Self {
        let text = js_sys::Reflect::get(data, &"getData".into())
            .ok()
            .and_then(|get| get.dyn_into::<js_sys::Function>().ok())
            .and_then(|get| get.call1(data, &"text".into()).ok());
        PageText::from_value(text)
    }

    /// What a textarea holds (its `value`).
    pub fn of(area: &web_sys::HtmlTextAreaElement) -> Self {
        PageText::from_value(js_sys::Reflect::get(area, &"value".into()).ok())
    }

    /// Any JavaScript string (the benchmark page reads its inputs as the app does).
    pub fn new(text: JsString) -> Self {
        PageText(text)
    }

    fn from_value(value: Option<wasm_bindgen::JsValue>) -> Self {
        PageText(
            value
                .and_then(|v| v.dyn_into().ok())
                .unwrap_or_else(|| JsString::from("")),
        )
    }

    /// The JavaScript string itself (a reference, not a copy).
    pub fn js(&self) -> wasm_bindgen::JsValue {
        self.0.clone().into()
    }

    /// A lower bound of its UTF-8 length.
    pub fn min_bytes(&self) -> usize {
        self.0.length() as usize
    }

    /// The text in Rust. wasm-bindgen's own conversion copies character by character in
    /// JavaScript up to the first non-ASCII one (measured: 47 ms of a 4 MiB paste's
    /// 73 ms); the browser's `TextEncoder` and one copy take a few. Lone surrogates
    /// become U+FFFD, as with wasm-bindgen.
    pub fn into_string(self) -> String {
        // `encodeInto` writes straight into the wasm memory behind `bytes`: no copy in
        // JavaScript and none across (the benchmark page: 4 MiB in ~2 ms, `encode` then
        // `to_vec` ~9 ms). A text of n UTF-16 units is n bytes if ASCII, and at most 3n.
        // Room for 2 bytes a unit reads most text in one pass (the benchmark's non-ASCII
        // text, names in Latin, CJK and emoji, is 1.78): a second pass encodes a slice of
        // the string, a new string the browser converts again, and took a 4 MiB
        // non-ASCII read from 8.8 to 11.5 ms (measured in Chromium). Past 16 Mi units the
        // room is the text's length, so a 64 MiB paste does not ask for 128 MiB at once.
        let encoder = Utf8Encoder::new();
        let units = self.0.length() as usize;
        let room = if units <= ROOMY_UNITS { units * 2 } else { units };
        let mut bytes = vec![0u8; room];
        let (mut read, mut written) = (0usize, 0usize);
        loop {
            let rest = if read == 0 {
                self.0.clone()
            } else {
                self.0.slice(read as u32, units as u32)
            };
            let view = wasm_memory_view(&mut bytes[written..]);
            let done = encoder.encode_into(&rest, &view);
            read += done.read() as usize;
            written += done.written() as usize;
            if read >= units {
                break;
            }
            bytes.resize(written + (units - read) * 3, 0);
        }
        bytes.truncate(written);
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

/// Texts up to this many UTF-16 units are read into room for 2 bytes a unit
/// ([`PageText::into_string`]).
const ROOMY_UNITS: usize = 16 * 1024 * 1024;

/// A `Uint8Array` over `bytes` in the wasm memory (valid until the next allocation).
fn wasm_memory_view(bytes: &mut [u8]) -> Uint8Array {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    Uint8Array::new_with_byte_offset_and_length(
        &memory.buffer(),
        bytes.as_mut_ptr() as usize as u32,
        bytes.len() as u32,
    )
}

const DRAFT_KEY: &str = "invite-playground/draft";
/// What the Received panel holds, kept apart from the draft (see `save_received`).
const RECEIVED_KEY: &str = "invite-playground/received";
const LANG_KEY: &str = "invite-playground/lang";
const THEME_KEY: &str = "invite-playground/theme";
/// The fragment prefix of a share link: `#share=<percent-encoded draft JSON>`.
pub const SHARE_PREFIX: &str = "#share=";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Copies `text`, then says what happened once the browser has answered: copied
/// (`what`), or not: no clipboard here (an insecure context), or the write refused (no
/// permission, the page not focused). "Copied" was said before, whatever the answer.
pub fn copy(text: &str, what: Text, dispatch: &Dispatch) {
    let dispatch = dispatch.clone();
    let say = move |notice| dispatch.dispatch(Action::Notify(notice));
    let clipboard = window().map(|window| window.navigator().clipboard());
    let Some(clipboard) = clipboard.filter(|clipboard| !clipboard.is_undefined()) else {
        say(Notice::ClipboardUnavailable);
        return;
    };
    // One handler for both outcomes (only one is ever called, so it is freed after):
    // `writeText` fulfils with `undefined` and rejects with an error.
    let answered = wasm_bindgen::closure::Closure::once_into_js(move |result: wasm_bindgen::JsValue| {
        say(if result.is_undefined() {
            Notice::Copied(what)
        } else {
            Notice::ClipboardUnavailable
        });
    });
    clipboard
        .write_text(text)
        .unchecked_into::<Settling>()
        .then_either(&answered, &answered);
}

/// Offers `text` as a file download, without any request.
pub fn download(file_name: &str, text: &str, mime: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The draft JSON carried by the current URL's fragment, if it is a share link.
pub fn shared_draft() -> Option<Result<String, String>> {
    let hash = window()?.location().hash().ok()?;
    let encoded = hash.strip_prefix(SHARE_PREFIX)?;
    Some(
        js_sys::decode_uri_component(encoded)
            .map(String::from)
            .map_err(|_| "the link's text is not valid percent-encoding".to_owned()),
    )
}

/// A link to this page that carries `draft_json` in its fragment.
pub fn share_link(draft_json: &str) -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    format!(
        "{base}{SHARE_PREFIX}{}",
        String::from(js_sys::encode_uri_component(draft_json))
    )
}

/// Whether the page was opened with `?reset=1` (the panic banner's reset link).
pub fn reset_requested() -> bool {
    window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| search.contains("reset=1"))
}

/// Drops the query and fragment from the address bar without reloading.
pub fn clean_address() {
    if let Some(window) = window() {
        let path = window.location().pathname().unwrap_or_else(|_| "/".into());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// The page's local storage, if the browser lets it have one. It may not (all cookies
/// blocked, some private modes): reading `localStorage` then throws, and gloo's storage
/// turned that into an exception that stopped the page from starting (a blank page).
fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

pub fn load_draft() -> Option<String> {
    storage()?.get_item(DRAFT_KEY).ok().flatten()
}

pub fn load_received() -> Option<String> {
    storage()?.get_item(RECEIVED_KEY).ok().flatten()
}

/// Keeps the draft; `false` when the browser would not (no storage, or it is full). The
/// request comes first: a kept Received payload in its way is dropped and the draft
/// tried again. An older draft is then removed: a reload would open it as if it were
/// the latest work.
pub fn save_draft(draft_json: &str) -> bool {
    let Some(storage) = storage() else { return false };
    let mut saved = storage.set_item(DRAFT_KEY, draft_json).is_ok();
    if !saved && storage.get_item(RECEIVED_KEY).ok().flatten().is_some() {
        let _ = storage.remove_item(RECEIVED_KEY);
        saved = storage.set_item(DRAFT_KEY, draft_json).is_ok();
    }
    if !saved {
        let _ = storage.remove_item(DRAFT_KEY);
    }
    saved
}

/// Keeps what the Received panel holds (`None` forgets it), apart from the draft: a
/// payload the browser will not keep is simply not kept, and never costs the request
/// its place.
pub fn save_received(text: Option<&str>) {
    if let Some(storage) = storage() {
        let kept = text.is_some_and(|text| storage.set_item(RECEIVED_KEY, text).is_ok());
        if !kept {
            let _ = storage.remove_item(RECEIVED_KEY);
        }
    }
}

/// Forgets the draft and what the Received panel held.
pub fn clear_draft() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DRAFT_KEY);
        let _ = storage.remove_item(RECEIVED_KEY);
    }
}

pub fn load_setting(which: Setting) -> Option<String> {
    storage()?.get_item(which.key()).ok().flatten()
}

pub fn save_setting(which: Setting, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(which.key(), value);
    }
}

#[derive(Clone, Copy)]
pub enum Setting {
    Lang,
    Theme,
    CodeLang,
}

impl Setting {
    fn key(self) -> &'static str {
        match self {
            Setting::Lang => LANG_KEY,
            Setting::Theme => THEME_KEY,
            Setting::CodeLang => "invite-playground/code-lang",
        }
    }
}

/// The media query that holds while the system asks for dark colours.
pub const DARK_COLOURS: &str = "(prefers-color-scheme: dark)";

fn media_query(query: &str) -> Option<web_sys::MediaQueryList> {
    window().and_then(|w| w.match_media(query).ok().flatten())
}

/// Whether the CSS media `query` holds now.
pub fn media_matches(query: &str) -> bool {
    media_query(query).is_some_and(|list| list.matches())
}

/// Calls `on_change` with whether `query` holds each time that changes (a window
/// resized across a width, a phone turned). `None` where the browser cannot watch; the
/// watching stops when the returned handle is dropped.
pub fn watch_media(query: &str, on_change: impl Fn(bool) + 'static) -> Option<MediaWatch> {
    use wasm_bindgen::closure::Closure;
    let list = media_query(query)?;
    let watched = list.clone();
    let callback = Closure::<dyn FnMut()>::new(move || on_change(watched.matches()));
    list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(MediaWatch { list, callback })
}

/// Stops watching when dropped.
pub struct MediaWatch {
    list: web_sys::MediaQueryList,
    callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for MediaWatch {
    fn drop(&mut self) {
        let _ = self
            .list
            .remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}

/// The browser's first preferred language tag (`navigator.language`), such as `pt-BR`.
pub fn browser_language() -> Option<String> {
    window().and_then(|w| w.navigator().language())
}

/// Sets `lang` and `data-theme` on `<html>`.
pub fn set_document_attributes(lang: &str, theme: &str) {
    if let Some(root) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Moves focus to the element with `id`, first scrolling it to the top of the view unless
/// its top is already in the upper half: for a panel that grows down as it fills in.
pub fn focus_panel(id: &str) {
    let Some(element) = html_element(id) else { return };
    let top = element.get_bounding_client_rect().top();
    if !(0.0..viewport_height() / 2.0).contains(&top) {
        element.scroll_into_view();
    }
    focus_in_place(&element);
}

/// The height of the layout viewport, in CSS pixels.
fn viewport_height() -> f64 {
    window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// Focuses `element` without the browser's own scroll to it.
fn focus_in_place(element: &web_sys::HtmlElement) -> bool {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    element.focus_with_options(&options).is_ok()
}

/// Moves focus to the element with `id`. One not wholly in view is first scrolled to the
/// middle of it: at the bottom edge (the browser's own scroll), the field's diagnostics
/// under it were out of view, and a panel filling in above could push it out.
pub fn focus_element(id: &str) -> bool {
    let Some(element) = html_element(id) else {
        return false;
    };
    let rect = element.get_bounding_client_rect();
    if rect.top() < 0.0 || rect.bottom() > viewport_height() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
    focus_in_place(&element)
}

/// Where a text area stood: its selection and scroll.
struct AreaPlace {
    id: &'static str,
    selection: (u32, u32),
    scroll: (i32, i32),
}

/// What [`keep_places`] noted, for [`restore_places`].
#[derive(Default)]
struct Places {
    focused: Option<String>,
    areas: Vec<AreaPlace>,
}

thread_local! {
    static PLACES: std::cell::RefCell<Option<Places>> = const { std::cell::RefCell::new(None) };
}

/// Notes which element has focus, and the selection and scroll of the text areas with
/// these ids, while they are still on the page: panels mounted anew (the layout moving
/// between one column and three) get them back from [`restore_places`].
pub fn keep_places(ids: &[&'static str]) {
    let areas = ids
        .iter()
        .filter_map(|&id| {
            let area: web_sys::HtmlTextAreaElement = html_element(id)?.dyn_into().ok()?;
            Some(AreaPlace {
                id,
                selection: (area.selection_start().ok()??, area.selection_end().ok()??),
                scroll: (area.scroll_top(), area.scroll_left()),
            })
        })
        .collect();
    let focused = focused().map(|element| element.id()).filter(|id| !id.is_empty());
    PLACES.with(|places| *places.borrow_mut() = Some(Places { focused, areas }));
}

/// Puts back what [`keep_places`] noted, on the elements now carrying those ids.
pub fn restore_places() {
    let Some(places) = PLACES.with(|places| places.borrow_mut().take()) else {
        return;
    };
    for place in places.areas {
        let Some(area) = html_element(place.id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else {
            continue;
        };
        let _ = area.set_selection_range(place.selection.0, place.selection.1);
        area.set_scroll_top(place.scroll.0);
        area.set_scroll_left(place.scroll.1);
    }
    if let Some(element) = places.focused.as_deref().and_then(html_element) {
        focus_in_place(&element);
    }
}

/// The element that has focus, if any (not the page's body).
pub fn focused() -> Option<web_sys::HtmlElement> {
    let document = window()?.document()?;
    let active = document.active_element()?;
    if document.body().is_some_and(|body| *body == active) {
        return None;
    }
    active.dyn_into().ok()
}

/// When the panel `closing` goes (a tour ended, say), gives focus back to `opener`, or to
/// the element with id `fallback` when the opener has left the page, if focus was in the
/// panel or has been lost: without this, a keyboard user is sent back to the page's top.
pub fn return_focus(closing: &str, opener: Option<web_sys::HtmlElement>, fallback: &str) {
    let inside = html_element(closing).map(web_sys::Node::from);
    let lost = focused().is_none_or(|active| inside.is_some_and(|panel| panel.contains(Some(&active))));
    if !lost {
        return;
    }
    let target = opener
        .filter(|element| element.is_connected())
        .or_else(|| html_element(fallback));
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// The page's element with `id`, if it is an HTML element.
fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// The address's query (`?…`, or empty): what an embed or a docs link asks for.
pub fn query() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// This page's address without its query or fragment.
pub fn page_url() -> String {
    window()
        .map(|w| {
            let location = w.location();
            format!(
                "{}{}",
                location.origin().unwrap_or_default(),
                location.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Posts `{type: "invite-playground:<kind>", …fields}` to the page that frames this one
/// (nothing when the page is not framed). The fields are numbers and names, nothing
/// private, so any parent origin may read them.
pub fn post_to_parent(kind: &str, fields: &[(&str, wasm_bindgen::JsValue)]) {
    let Some(window) = window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if wasm_bindgen::JsValue::from(&parent) == wasm_bindgen::JsValue::from(&window) {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &format!("invite-playground:{kind}").into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*name).into(), value);
    }
    let _ = parent.post_message(&message, "*");
}

/// Calls `on_height` with the height of `#app` now and whenever it changes. The
/// observer lives as long as the returned handle.
pub fn watch_height(on_height: impl Fn(f64) + 'static) -> Option<HeightWatch> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let root = window()?.document()?.get_element_by_id("app")?;
    let measure = {
        let root = root.clone();
        move || root.get_bounding_client_rect().height().ceil()
    };
    on_height(measure());
    let callback = Closure::<dyn FnMut()>::new(move || on_height(measure()));
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some(HeightWatch {
        observer,
        _callback: callback,
    })
}

/// Stops observing when dropped.
pub struct HeightWatch {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for HeightWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_seen` once, the first time `element` comes within `margin` (a CSS margin,
/// as `rootMargin` takes it) of the viewport; inside an `<iframe>`, of the viewport of
/// the page around it. `None` where the browser cannot watch. The watching stops when
/// the returned handle is dropped.
pub fn when_seen(element: &web_sys::Element, margin: &str, on_seen: impl FnOnce() + 'static) -> Option<SeenWatch> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let mut on_seen = Some(on_seen);
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let seen = entries.iter().any(|entry| {
            entry
                .unchecked_into::<web_sys::IntersectionObserverEntry>()
                .is_intersecting()
        });
        if let Some(on_seen) = seen.then(|| on_seen.take()).flatten() {
            on_seen();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(margin);
    let observer = web_sys::IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    observer.observe(element);
    Some(SeenWatch {
        observer,
        _callback: callback,
    })
}

/// Stops watching when dropped.
pub struct SeenWatch {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for SeenWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
