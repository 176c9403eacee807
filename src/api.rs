//! The ES module API (wasm only): the engine for a docs site or a test suite, as
//! `invite-api.js` beside the app (`static/api/invite-playground.js` wraps it so one
//! `import` is enough). Plain JavaScript objects in and out through serde-wasm-bindgen,
//! never JSON strings; every result has the shape the CLI's `--format json` prints
//! (`engine::report`), so the two agree. A request may be a cURL command, read as the
//! message it sends, as the CLI and the page read one (`engine::curl`); `fromCurl` hands
//! that message back, since positions are in it. No UI code is linked in. Natively it
//! is an empty program.

#[cfg(target_arch = "wasm32")]
mod api {
    use serde::{Deserialize, Serialize};
    use wasm_bindgen::prelude::*;

    use invite_playground::call_context::CallContext;
    use invite_playground::engine::curl;
    use invite_playground::engine::diagnostic::lang::Lang;
    use invite_playground::engine::explain;
    use invite_playground::engine::report;
    use invite_playground::engine::snippet::{self, SnippetLang};
    use invite_playground::engine::vocabulary::Vocabulary;
    use invite_playground::model::ApiVersion;
    use invite_playground::scenarios::{self, Mode, Preset};
    use invite_playground::simulate::{self, Outcome, Settings};
    use invite_playground::validate::{self, CheckOptions, Checked, ReceivedOptions, RequestFacts};

    /// Every option any function takes, by its JavaScript name; each function reads the
    /// ones it documents (`invite-playground.d.ts`). Unknown names are refused, here and
    /// in `call`, so a typo is an error rather than a silent default.
    #[derive(Default, Deserialize)]
    #[serde(default, rename_all = "camelCase", deny_unknown_fields)]
    struct Options {
        api: Option<String>,
        lang: Option<String>,
        outcome: Option<String>,
        mode: Option<String>,
        seed: Option<u64>,
        /// Read by `CallContext::from_written`, which names a member it does not know.
        call: Option<serde_json::Value>,
        preset: Option<String>,
        request: Option<String>,
    }

    fn fail(what: impl std::fmt::Display) -> JsError {
        JsError::new(&format!("invite-playground: {what}"))
    }

    /// The options object, read through a `serde_json::Value`: serde-wasm-bindgen reads a
    /// struct by looking up the names it knows, so `deny_unknown_fields` never saw a typo
    /// such as `outcom` (measured: `simulate(text, {outcom: "declined"})` succeeded).
    fn options(value: JsValue) -> Result<Options, JsError> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options::default());
        }
        if !value.is_object() || js_sys::Array::is_array(&value) {
            return Err(fail(format_args!("options must be an object, not {}", type_of(&value))));
        }
        read_as_json(&value, "", 0)?;
        let json: serde_json::Value =
            serde_wasm_bindgen::from_value(value).map_err(|e| fail(format_args!("options: {e}")))?;
        serde_json::from_value(json).map_err(|e| fail(format_args!("options: {e}")))
    }

    /// How deep an options object may nest: `call.replacedCall.id` is four levels.
    const OPTIONS_DEPTH: usize = 8;

    /// Refuses what the options' reading through a `serde_json::Value` would get wrong:
    /// an object nested past [`OPTIONS_DEPTH`] or holding itself (serde-wasm-bindgen
    /// recursed until the wasm stack ran into its data: "memory access out of bounds",
    /// and every later call on the page failed too, measured), and a number JSON cannot
    /// hold (`NaN`, `Infinity`), which would become `null` and so the default unseen
    /// (`seed: NaN` ran seed 1).
    fn read_as_json(value: &JsValue, at: &str, depth: usize) -> Result<(), JsError> {
        if let Some(number) = value.as_f64() {
            if !number.is_finite() {
                // As JavaScript writes it (Rust writes `inf`).
                let number = match number {
                    n if n.is_nan() => "NaN",
                    n if n > 0.0 => "Infinity",
                    _ => "-Infinity",
                };
                return Err(fail(format_args!(
                    "options: `{at}` is {number}, which no option takes; write a finite number"
                )));
            }
        } else if value.is_object() {
            if depth == OPTIONS_DEPTH {
                return Err(fail(format_args!(
                    "options: `{at}` nests deeper than any option ({OPTIONS_DEPTH} levels), or holds itself"
                )));
            }
            for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
                let entry: js_sys::Array = entry.unchecked_into();
                let key = entry.get(0).as_string().unwrap_or_default();
                let path = if at.is_empty() { key } else { format!("{at}.{key}") };
                read_as_json(&entry.get(1), &path, depth + 1)?;
            }
        }
        Ok(())
    }

    /// What JavaScript's `typeof` says of `value` (`"array"` for an array).
    fn type_of(value: &JsValue) -> String {
        if js_sys::Array::is_array(value) {
            return "an array".to_owned();
        }
        let name = value.js_typeof().as_string().unwrap_or_default();
        match name.as_str() {
            "object" if value.is_null() => "null".to_owned(),
            "undefined" => name,
            "object" => "an object".to_owned(),
            _ => format!("a {name}"),
        }
    }

    /// A function's text argument: a string, or a clear error naming what came instead
    /// (wasm-bindgen's glue would throw `Cannot read properties of undefined`).
    fn text(value: JsValue, function: &str) -> Result<String, JsError> {
        value.as_string().ok_or_else(|| {
            fail(format_args!(
                "{function}(text): the text must be a string, not {}",
                type_of(&value)
            ))
        })
    }

    fn named<T: Vocabulary>(what: &str, name: Option<&str>, default: T) -> Result<T, JsError> {
        match name {
            None => Ok(default),
            Some(name) => T::parse(name).ok_or_else(|| {
                let names: Vec<&str> = T::ALL.iter().map(|v| v.name()).collect();
                JsError::new(&format!(
                    "invite-playground: unknown {what} `{name}`; use one of {}",
                    names.join(", ")
                ))
            }),
        }
    }

    impl Options {
        fn version(&self) -> Result<ApiVersion, JsError> {
            named("api", self.api.as_deref(), ApiVersion::Beta)
        }

        /// The language of messages: `en` (default) or `pt-BR`.
        fn language(&self) -> Result<Lang, JsError> {
            match self.lang.as_deref() {
                None => Ok(Lang::En),
                Some(tag) => Lang::from_tag(&tag.to_ascii_lowercase())
                    .ok_or_else(|| JsError::new(&format!("invite-playground: unknown lang `{tag}`; use en or pt-BR"))),
            }
        }

        fn preset(&self) -> Result<Option<&'static Preset>, JsError> {
            match self.preset.as_deref() {
                None => Ok(None),
                Some(name) => scenarios::preset(name)
                    .map(Some)
                    .ok_or_else(|| JsError::new(&format!("invite-playground: unknown preset `{name}`"))),
            }
        }

        /// The call: `call` over the preset's (or the docs' happy path).
        fn context(&self) -> Result<CallContext, JsError> {
            Ok(match (&self.call, self.preset()?) {
                (Some(call), _) => {
                    CallContext::from_written(call.clone()).map_err(|e| fail(format_args!("call: {e}")))?
                }
                (None, Some(preset)) => preset.context(),
                (None, None) => CallContext::default(),
            })
        }

        /// The request `text` (a cURL command read as the message it sends) checked with
        /// these options, and the call it was checked against.
        fn checked(&self, text: &str) -> Result<(Checked, CallContext), JsError> {
            let context = self.context()?;
            let options = CheckOptions {
                version: self.version()?,
                context: context.clone(),
            };
            Ok((validate::check(&request_text(text), &options), context))
        }
    }

    /// A request as the engine reads it: a cURL command becomes the message it sends
    /// (its `-d @file` kept as written: a page has no files, and the check says what the
    /// `@` means), anything else stays as it is.
    fn request_text(text: &str) -> std::borrow::Cow<'_, str> {
        curl::request_of(text).map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
    }

    fn to_js(value: &impl Serialize) -> Result<JsValue, JsError> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// `check(text, {api, lang, call, preset})`: `{valid, errors, warnings, diagnostics,
    /// omitted?}`, as `invite-playground check --format json`.
    #[wasm_bindgen]
    pub fn check(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let text = self::text(text, "check")?;
        let options = self::options(options)?;
        let (checked, _) = options.checked(&text)?;
        to_js(&report::check(&checked, options.language()?))
    }

    /// `simulate(text, {outcome, mode, seed, call, preset, api})`: the timeline with
    /// `valid` and `rejected`, as `invite-playground simulate --format json`.
    #[wasm_bindgen]
    pub fn simulate(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let text = self::text(text, "simulate")?;
        let options = self::options(options)?;
        let (checked, context) = options.checked(&text)?;
        let settings = Settings {
            outcome: named("outcome", options.outcome.as_deref(), Outcome::default())?,
            mode: named("mode", options.mode.as_deref(), Mode::default())?,
            seed: options.seed.unwrap_or(1),
        };
        let timeline = simulate::simulate(&checked, &context, settings, options.preset()?);
        to_js(&report::simulate(&checked, &timeline))
    }

    /// `explain(text, {request, api, lang})`: what a received payload is and means, as
    /// `invite-playground explain --format json`; `request` is the request sent.
    #[wasm_bindgen]
    pub fn explain(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let text = self::text(text, "explain")?;
        let options = self::options(options)?;
        let version = options.version()?;
        let request = options.request.as_deref().map(|request| {
            let checked = validate::check(
                &request_text(request),
                &CheckOptions {
                    version,
                    ..CheckOptions::default()
                },
            );
            RequestFacts::of(&checked, &CallContext::default().call_id)
        });
        let explained = explain::explain(&text, &ReceivedOptions { version, request });
        to_js(&report::explain(&explained, options.language()?))
    }

    /// `snippet(text, {lang, api, call, preset})`: the request as code in an SDK's
    /// language (`csharp`, `go`, `java`, `javascript`, `typescript`, `php`, `powershell`,
    /// `python`, `curl`, `http`, `json`), as `invite-playground snippet`.
    #[wasm_bindgen]
    pub fn snippet(text: JsValue, options: JsValue) -> Result<String, JsError> {
        let text = self::text(text, "snippet")?;
        let options = self::options(options)?;
        let lang = named("snippet lang", options.lang.as_deref(), SnippetLang::default())?;
        let (checked, context) = options.checked(&text)?;
        Ok(snippet::snippet(&checked, &context.call_id, lang))
    }

    /// `fromCurl(text)`: the HTTP request message a cURL command sends (bash, or Windows
    /// `cmd` as browsers copy it), as `check`, `simulate` and `snippet` read it and their
    /// positions count in it; `null` for any other text, or a command whose quotes do not
    /// close or that has no URL.
    #[wasm_bindgen(js_name = fromCurl)]
    pub fn from_curl(text: JsValue) -> Result<JsValue, JsError> {
        // `null`, as the types say: wasm-bindgen gives `undefined` for `None`.
        let message = curl::request_of(&self::text(text, "fromCurl")?);
        Ok(message.map_or(JsValue::NULL, |message| JsValue::from_str(&message)))
    }

    /// `presets({lang})`: `{presets: [{name, title, request}], outcomes, modes}`; each
    /// preset's `request` is its corrected text, ready for `check` or `simulate`.
    #[wasm_bindgen]
    pub fn presets(options: JsValue) -> Result<JsValue, JsError> {
        let options = self::options(options)?;
        let mut listing = report::presets(options.language()?);
        if let Some(list) = listing["presets"].as_array_mut() {
            for (entry, preset) in list.iter_mut().zip(scenarios::PRESETS) {
                entry["request"] = serde_json::Value::String(preset.request(Mode::Corrected));
            }
        }
        to_js(&listing)
    }

    /// The package version this module was built from.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_owned()
    }
}

fn main() {}
