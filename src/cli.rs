//! The `invite-playground` command line (native only): arguments in, `check`,
//! `simulate` or the presets out, as text for people or JSON for scripts (SPEC §5).

use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{Read, Write};

use lexopt::prelude::*;

use crate::engine::call_context::{CallContext, CallKind, TokenKind};
use crate::engine::curl;
use crate::engine::diagnostic::lang::{byte_count, count, Lang};
use crate::engine::explain;
use crate::engine::http;
use crate::engine::input;
use crate::engine::model::ApiVersion;
use crate::engine::model::CallState;
use crate::engine::report;
use crate::engine::scenarios::{self, Preset};
use crate::engine::simulate::{self, Mode, Outcome, Settings, Timeline};
use crate::engine::snippet::{self, SnippetLang};
use crate::engine::source::terminal_safe;
use crate::engine::validate::{self, CheckOptions, Checked, ReceivedOptions, RequestFacts};
use crate::engine::vocabulary::Vocabulary;

const USAGE: &str = "\
usage:
  invite-playground check    [FILE|-|--preset NAME] [--format text|json] [--api beta|v1.0] [--mode corrected|doc-faithful]
  invite-playground simulate [FILE|-|--preset NAME] [--outcome NAME] [--mode corrected|doc-faithful]
                             [--seed N] [--call-kind group|peerToPeer] [--no-chat-info]
                             [--call-state STATE] [--no-pstn] [--token delegated|application]
                             [--api beta|v1.0] [--format text|json]
  invite-playground snippet  [FILE|-|--preset NAME] --lang LANG [--api beta|v1.0] [--mode corrected|doc-faithful]
  invite-playground explain  [FILE|-] [--request FILE] [--api beta|v1.0] [--format text|json]
  invite-playground mock     [--listen 127.0.0.1:7171] [--outcome NAME] [--speed 1|10|instant] [--seed N]
                             [--call FILE] [--callback URL] [--format text|json] [call-context flags as simulate]
  invite-playground presets  [--format text|json]
  invite-playground preset NAME [--mode corrected|doc-faithful]
  invite-playground help | --help | --version

FILE is a JSON body, an HTTP request message or a cURL command (read as the request it
sends, its `-d @file` data from the current directory); `-` or no FILE reads standard input.
Inputs over 64 MiB are refused; --max-bytes N sets another limit, up to 512 MiB.
`check --preset` and `preset` use the docs' text unless `--mode corrected`;
`simulate --preset` and `snippet --preset` use the text of its mode (corrected by default).
check and simulate exit 0 without errors (warnings allowed), 1 with errors, 2 on a usage or I/O problem.
`mock` is a local Graph for a bot's own code: point the SDK's base URL at it; it answers
invites and operations as `simulate` does and POSTs the notifications to the callback URL
(--callback, else the call's, see --call FILE: a JSON call context). A request header
X-Playground-Outcome: NAME (and X-Playground-Seed: N) overrides --outcome (--seed); without
one, the n-th invite plays seed --seed + n and says so in its answer's X-Playground-Seed.
LANG is one of csharp, go, java, javascript, typescript, php, powershell, python, curl, http, json.
";

/// Runs the CLI; returns the process exit code.
///
/// Output is written once, at the end: a reader that closed the pipe early (`| head`)
/// has seen all it wanted, so a broken pipe is not an error and the command's own code
/// (0, or 1 for a request with errors) stands.
pub fn run(args: Vec<OsString>, stdin: &mut dyn Read, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let command = match parse(args) {
        Ok(command) => command,
        Err(message) => {
            // A message may quote a file name or an argument: escaped like all output.
            let _ = writeln!(
                stderr,
                "invite-playground: {}\n\n{USAGE}",
                terminal_safe(&message, &['\n'])
            );
            return 2;
        }
    };
    let mut output = Output {
        inner: std::io::BufWriter::with_capacity(64 * 1024, stdout),
        closed: false,
    };
    let code = match command {
        Command::Help => {
            let _ = writeln!(output, "{USAGE}");
            0
        }
        Command::Version => {
            let _ = writeln!(output, "invite-playground {}", env!("CARGO_PKG_VERSION"));
            0
        }
        command => match execute(command, stdin, &mut output, stderr) {
            Ok(code) => code,
            Err(message) => {
                let _ = writeln!(stderr, "invite-playground: {}", terminal_safe(&message, &['\n']));
                return 2;
            }
        },
    };
    match output.flush() {
        Ok(()) => code,
        Err(error) => {
            let _ = writeln!(stderr, "invite-playground: cannot write output: {error}");
            2
        }
    }
}

/// Standard output as the commands write it, as they make it (a run of a 64 MiB request
/// prints 268 MB: held whole first, it was one more copy), in 64 KiB writes (stdout
/// alone writes each line of pretty JSON at once). A reader that went away
/// (`| head -c 10`) sends the rest nowhere, quietly: the command keeps its own exit code.
struct Output<'a> {
    inner: std::io::BufWriter<&'a mut dyn Write>,
    closed: bool,
}

impl Output<'_> {
    fn unless_closed<T>(&mut self, result: std::io::Result<T>, closed: T) -> std::io::Result<T> {
        match result {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(closed)
            }
            other => other,
        }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(bytes.len());
        }
        let written = self.inner.write(bytes);
        self.unless_closed(written, bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let flushed = self.inner.flush();
        self.unless_closed(flushed, ())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Debug)]
enum Source {
    /// A file, read up to the byte limit.
    File(String, usize),
    /// Standard input, read up to the byte limit.
    Stdin(usize),
    Preset(&'static Preset),
}

#[derive(Debug)]
enum Command {
    Help,
    Version,
    Check {
        source: Source,
        format: Format,
        api: ApiVersion,
        mode: Option<Mode>,
    },
    Simulate {
        source: Source,
        format: Format,
        api: ApiVersion,
        settings: Settings,
        context: ContextFlags,
    },
    Snippet {
        source: Source,
        lang: SnippetLang,
        api: ApiVersion,
        mode: Mode,
    },
    Explain {
        source: Source,
        request: Option<String>,
        format: Format,
        api: ApiVersion,
    },
    Presets {
        format: Format,
    },
    Mock(crate::mock::Options),
    Preset {
        preset: &'static Preset,
        mode: Option<Mode>,
    },
}

/// Call-context flags; unset ones come from the preset or the docs' happy path.
#[derive(Debug, Default)]
struct ContextFlags {
    kind: Option<CallKind>,
    no_chat_info: bool,
    state: Option<CallState>,
    no_pstn: bool,
    token: Option<TokenKind>,
}

impl ContextFlags {
    fn apply(&self, mut context: CallContext) -> CallContext {
        if let Some(kind) = self.kind {
            context.kind = kind;
        }
        if self.no_chat_info {
            context.chat_info = false;
        }
        if let Some(state) = &self.state {
            context.state = state.clone();
        }
        if self.no_pstn {
            context.pstn_provisioned = false;
        }
        if let Some(token) = self.token {
            context.token = token;
        }
        context
    }
}

fn parse(args: Vec<OsString>) -> Result<Command, String> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut subcommand: Option<String> = None;
    let mut positional: Vec<String> = Vec::new();
    let mut format = Format::Text;
    let mut api = ApiVersion::Beta;
    let mut mode = None;
    let mut preset_name = None;
    let mut settings = Settings {
        seed: 1,
        ..Settings::default()
    };
    let mut context = ContextFlags::default();
    let mut stdin = false;
    let mut snippet_lang = None;
    let mut max_bytes = input::MAX_INPUT;
    let mut request_file = None;
    let mut listen = None;
    let mut speed = None;
    let mut call_file = None;
    let mut callback = None;

    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("format") => {
                format = match text(&mut parser)?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("unknown format `{other}`; use text or json")),
                }
            }
            Long("api") => {
                let value = text(&mut parser)?;
                api = ApiVersion::parse(&value).ok_or(format!("unknown API version `{value}`; use beta or v1.0"))?;
            }
            Long("mode") => {
                let value = text(&mut parser)?;
                mode =
                    Some(Mode::parse(&value).ok_or(format!("unknown mode `{value}`; use corrected or doc-faithful"))?);
            }
            Long("preset") => preset_name = Some(text(&mut parser)?),
            Long("request") => request_file = Some(text(&mut parser)?),
            Long("listen") => {
                let value = text(&mut parser)?;
                listen =
                    Some(value.parse::<std::net::SocketAddr>().map_err(|_| {
                        format!("`--listen {value}` is not an address and port, such as 127.0.0.1:7171")
                    })?);
            }
            Long("speed") => {
                let value = text(&mut parser)?;
                speed = Some(match value.as_str() {
                    "instant" => f64::INFINITY,
                    "1" => 1.0,
                    "10" => 10.0,
                    _ => return Err(format!("unknown speed `{value}`; use 1, 10 or instant")),
                });
            }
            Long("call") => call_file = Some(text(&mut parser)?),
            Long("callback") => callback = Some(text(&mut parser)?),
            Long("max-bytes") => {
                let value = text(&mut parser)?;
                // A number too large for the machine is over the limit too, and says so.
                max_bytes = value
                    .parse()
                    .or_else(|error: std::num::ParseIntError| match error.kind() {
                        std::num::IntErrorKind::PosOverflow => Ok(usize::MAX),
                        _ => Err(format!("`--max-bytes {value}` is not a whole number of bytes")),
                    })?;
                // Past it the check could only answer "too large" after reading it all.
                if max_bytes > validate::MAX_TEXT {
                    return Err(format!(
                        "`--max-bytes {value}` is over {}, the largest input a check reads",
                        byte_count(Lang::En, validate::MAX_TEXT)
                    ));
                }
            }
            Long("lang") => {
                let value = text(&mut parser)?;
                snippet_lang = Some(SnippetLang::parse(&value).ok_or_else(|| {
                    format!(
                        "unknown language `{value}`; use one of {}",
                        SnippetLang::names().join(", ")
                    )
                })?);
            }
            Long("outcome") => {
                let value = text(&mut parser)?;
                settings.outcome = Outcome::parse(&value).ok_or_else(|| {
                    let names: Vec<&str> = Outcome::ALL.iter().map(|o| o.name()).collect();
                    format!("unknown outcome `{value}`; use one of {}", names.join(", "))
                })?;
            }
            Long("seed") => {
                let value = text(&mut parser)?;
                settings.seed = value
                    .parse()
                    .map_err(|_| format!("`--seed {value}` is not a whole number from 0 to {}", u64::MAX))?;
            }
            Long("call-kind") => {
                let value = text(&mut parser)?;
                context.kind = Some(
                    CallKind::parse(&value).ok_or(format!("unknown call kind `{value}`; use group or peerToPeer"))?,
                );
            }
            Long("no-chat-info") => context.no_chat_info = true,
            Long("call-state") => {
                let value = text(&mut parser)?;
                let state = CallState::parse(&value);
                if matches!(state, CallState::Other(_)) {
                    return Err(format!(
                        "unknown call state `{value}`; use one of {}",
                        CallState::MEMBERS.join(", ")
                    ));
                }
                context.state = Some(state);
            }
            Long("no-pstn") => context.no_pstn = true,
            Long("token") => {
                let value = text(&mut parser)?;
                context.token = Some(
                    TokenKind::parse(&value)
                        .ok_or(format!("unknown token kind `{value}`; use application or delegated"))?,
                );
            }
            Value(value) => {
                let value = value
                    .into_string()
                    .map_err(|v| format!("argument {v:?} is not UTF-8"))?;
                if subcommand.is_none() {
                    subcommand = Some(value);
                } else if value == "-" {
                    stdin = true;
                } else {
                    positional.push(value);
                }
            }
            other => return Err(other.unexpected().to_string()),
        }
    }

    let find_preset = |name: &str| {
        scenarios::preset(name).ok_or_else(|| {
            let names: Vec<&str> = scenarios::PRESETS.iter().map(|p| p.name).collect();
            format!("unknown preset `{name}`; use one of {}", names.join(", "))
        })
    };
    let source = |positional: &[String]| -> Result<Source, String> {
        match (&preset_name, positional, stdin) {
            (Some(name), [], false) => Ok(Source::Preset(find_preset(name)?)),
            (None, [file], false) => Ok(Source::File(file.clone(), max_bytes)),
            (None, [], _) => Ok(Source::Stdin(max_bytes)),
            _ => Err("give one input: a FILE, `-` or `--preset NAME`".to_owned()),
        }
    };
    match subcommand.as_deref() {
        None => Err("missing command".to_owned()),
        Some("help") => Ok(Command::Help),
        Some("check") => Ok(Command::Check {
            source: source(&positional)?,
            format,
            api,
            mode,
        }),
        Some("simulate") => {
            let source = source(&positional)?;
            if let Some(mode) = mode {
                settings.mode = mode;
            }
            if settings.mode == Mode::DocFaithful && !matches!(source, Source::Preset(_)) {
                return Err(
                    "`--mode doc-faithful` needs `--preset NAME`: it replays that example's documented JSON".to_owned(),
                );
            }
            Ok(Command::Simulate {
                source,
                format,
                api,
                settings,
                context,
            })
        }
        Some("snippet") => Ok(Command::Snippet {
            source: source(&positional)?,
            lang: snippet_lang.ok_or("`snippet` needs `--lang LANG`")?,
            api,
            mode: mode.unwrap_or_default(),
        }),
        Some("explain") => Ok(Command::Explain {
            source: source(&positional)?,
            request: request_file,
            format,
            api,
        }),
        Some("mock") => {
            if !positional.is_empty() || stdin || preset_name.is_some() {
                return Err("`mock` takes no input: the bot's SDK sends it requests".to_owned());
            }
            let call = match call_file {
                Some(file) => {
                    let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
                    // An unknown member's message lists the members already; JSON that does
                    // not parse gets the list here.
                    let value = serde_json::from_str(&text).map_err(|e| {
                        format!(
                            "{file} is not JSON ({e}): a call context is a JSON object with any of {}",
                            CallContext::members().join(", ")
                        )
                    })?;
                    CallContext::from_written(value).map_err(|e| format!("{file} is not a call context: {e}"))?
                }
                None => CallContext::default(),
            };
            let mut call = context.apply(call);
            if let Some(url) = callback {
                if !url.starts_with("http://") {
                    return Err(format!(
                        "`--callback {url}`: the mock delivers over plain http to a webhook on this machine or network"
                    ));
                }
                call.callback_url = url;
            }
            Ok(Command::Mock(crate::mock::Options {
                listen: listen.unwrap_or_else(|| std::net::SocketAddr::from(([127, 0, 0, 1], 7171))),
                settings,
                speed: speed.unwrap_or(1.0),
                context: call,
                json_log: matches!(format, Format::Json),
            }))
        }
        Some("presets") if positional.is_empty() => Ok(Command::Presets { format }),
        Some("presets") => Err(format!(
            "`presets` lists every example and takes no NAME; for one example use `preset {}`",
            positional[0]
        )),
        Some("preset") => match positional.as_slice() {
            [name] => Ok(Command::Preset {
                preset: find_preset(name)?,
                mode,
            }),
            _ => Err("`preset` takes one NAME".to_owned()),
        },
        Some(other) => Err(format!("unknown command `{other}`")),
    }
}

fn text(parser: &mut lexopt::Parser) -> Result<String, String> {
    let value = parser.value().map_err(|e| e.to_string())?;
    value.into_string().map_err(|v| format!("argument {v:?} is not UTF-8"))
}

/// The input bytes, the name to print in positions, and the preset it came from.
fn read(
    source: &Source,
    mode: Mode,
    stdin: &mut dyn Read,
) -> Result<(Vec<u8>, String, Option<&'static Preset>), String> {
    match source {
        Source::File(path, limit) => {
            let bytes = read_file(path, *limit).map_err(|e| format!("cannot read `{path}`: {e}"))?;
            Ok((bytes, path.clone(), None))
        }
        Source::Stdin(limit) => {
            let bytes = read_limited(stdin, *limit, 0).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok((bytes, "<stdin>".to_owned(), None))
        }
        Source::Preset(preset) => Ok((
            preset.request(mode).into_bytes(),
            format!("preset:{}", preset.name),
            Some(preset),
        )),
    }
}

/// [`read`] for a request: a cURL command (bash or Windows `cmd`, as the page reads a
/// pasted one) is read as the HTTP message it sends, and a note on standard error says
/// so and where its data starts, since positions are then in that message. Its data
/// files (`-d @body.json`, `@-` for standard input) are read as cURL reads them, from
/// the current directory and up to the same byte limit, and the note names them.
fn read_request(
    source: &Source,
    mode: Mode,
    stdin: &mut dyn Read,
    notes: &mut dyn Write,
) -> Result<(Vec<u8>, String, Option<&'static Preset>), String> {
    let (bytes, name, preset) = read(source, mode, stdin)?;
    let Some(text) = std::str::from_utf8(&bytes).ok().filter(|text| curl::is_command(text)) else {
        return Ok((bytes, name, preset));
    };
    let limit = match source {
        Source::File(_, limit) | Source::Stdin(limit) => *limit,
        Source::Preset(_) => input::MAX_INPUT,
    };
    let mut files = Vec::new();
    let mut read_file = |file: curl::DataFile<'_>| {
        let option = file.option;
        let shown = terminal_safe(file.name, &[]);
        let contents = if file.name == "-" {
            if matches!(source, Source::Stdin(_)) {
                return Err(format!(
                    "the cURL command on standard input sends `{option} @-`, standard input, which held the command itself: save the data to a file and name it (`{option} @body.json`)"
                ));
            }
            read_limited(&mut *stdin, limit, 0)
                .map_err(|e| format!("cannot read standard input, the data of the cURL command's `{option} @-`: {e}"))?
        } else {
            read_file(file.name, limit)
                .map_err(|e| format!("cannot read `{shown}`, the data of the cURL command's `{option} @{shown}` (read from the current directory, as cURL reads it): {e}"))?
        };
        files.push((shown.into_owned(), file.read));
        Ok(contents)
    };
    let Some(message) = curl::request_reading(text, &mut read_file) else {
        return Ok((bytes, name, preset));
    };
    let message = message?;
    // A data file need not be UTF-8, but the head before it is the command's own text.
    let lossy = String::from_utf8_lossy(&message);
    let data_line = lossy[..input::split_message(&lossy).body_offset].matches('\n').count() + 1;
    let from: String = files
        .iter()
        .map(|(file, read)| match read {
            _ if file == "-" => " (standard input)".to_owned(),
            curl::FileData::Stripped => format!(" (`{file}`, its line breaks dropped as `-d @file` drops them)"),
            curl::FileData::AsIs => format!(" (`{file}`)"),
        })
        .collect::<Vec<_>>()
        .join(" and");
    let _ = writeln!(
        notes,
        "note: {} is a cURL command, read as the HTTP request it sends: its method and URL on line 1, a header a line, a blank line, then its data{from} from line {data_line}; positions are in that request",
        terminal_safe(&name, &[])
    );
    Ok((message, name, preset))
}

/// The file at `path`, up to `limit` bytes ([`read_limited`]). Its size is asked first,
/// so the buffer is made once (`take` hides the file's own hint, and growing by doubling
/// left a 64 MiB input in a 128 MiB buffer).
fn read_file(path: &str, limit: usize) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |meta| meta.len());
    read_limited(file, limit, size)
}

/// At most `limit` bytes; more is an error that names the limit, so `check /dev/zero`
/// or a runaway pipe stops instead of eating memory. `size` is how long the input says it
/// is (0 when unknown): room for it, capped at the limit, is made at once.
fn read_limited(reader: impl Read, limit: usize, size: u64) -> std::io::Result<Vec<u8>> {
    let room = usize::try_from(size).unwrap_or(usize::MAX).min(limit) + 1;
    let mut bytes = Vec::with_capacity(room);
    reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(std::io::Error::other(format!(
            "the input is larger than {} (raise the limit with --max-bytes N)",
            byte_count(Lang::En, limit)
        )));
    }
    Ok(bytes)
}

fn execute(command: Command, stdin: &mut dyn Read, out: &mut dyn Write, notes: &mut dyn Write) -> Result<i32, String> {
    let io = |e: std::io::Error| format!("cannot write output: {e}");
    match command {
        Command::Help | Command::Version => Ok(0),
        // Runs until Ctrl-C; logs as it goes rather than at the end.
        Command::Mock(options) => {
            out.flush().map_err(io)?;
            Ok(crate::mock::run(options))
        }
        Command::Check {
            source,
            format,
            api,
            mode,
        } => {
            let (bytes, name, preset) = read_request(&source, mode.unwrap_or(Mode::DocFaithful), stdin, notes)?;
            let context = preset.map(Preset::context).unwrap_or_default();
            let checked = validate::check_bytes(&bytes, &CheckOptions { version: api, context });
            match format {
                Format::Json => writeln!(out, "{}", check_json(&checked)).map_err(io)?,
                Format::Text => write!(out, "{}", check_text(&checked, &name)).map_err(io)?,
            }
            Ok(if checked.is_valid() { 0 } else { 1 })
        }
        Command::Simulate {
            source,
            format,
            api,
            settings,
            context,
        } => {
            let (bytes, _, preset) = read_request(&source, settings.mode, stdin, notes)?;
            let context = context.apply(preset.map(Preset::context).unwrap_or_default());
            let checked = validate::check_bytes(
                &bytes,
                &CheckOptions {
                    version: api,
                    context: context.clone(),
                },
            );
            // The checked request holds the body's text: the input is not needed while
            // the run reads its tree again (one times the input at the peak).
            drop(bytes);
            let timeline = simulate::simulate(&checked, &context, settings, preset);
            let (rejected, answer) = report::rejected(&checked, &timeline);
            match format {
                Format::Json => write_json(out, &report::simulate(&checked, &timeline))?,
                Format::Text => {
                    if let (true, Some(status)) = (rejected, answer) {
                        writeln!(
                            out,
                            "rejected: the request has errors, so Graph answers {status} and the `{}` outcome is never reached (run `check` to see them)",
                            timeline.outcome.name()
                        )
                        .map_err(io)?;
                    }
                    write_timeline(out, &timeline).map_err(io)?
                }
            }
            // As `check`: 1 when the request's errors got it rejected.
            Ok(if rejected { 1 } else { 0 })
        }
        Command::Snippet {
            source,
            lang,
            api,
            mode,
        } => {
            let (bytes, _, preset) = read_request(&source, mode, stdin, notes)?;
            let context = preset.map(Preset::context).unwrap_or_default();
            let call_id = context.call_id.clone();
            let checked = validate::check_bytes(&bytes, &CheckOptions { version: api, context });
            // As for a run: the code reads the checked request's copy of the text.
            drop(bytes);
            let code = snippet::Snippet {
                checked: &checked,
                call_id: &call_id,
                lang,
            };
            write!(out, "{code}").map_err(io)?;
            Ok(0)
        }
        Command::Explain {
            source,
            request,
            format,
            api,
        } => {
            let (bytes, name, _) = read(&source, Mode::Corrected, stdin)?;
            let request = match request {
                Some(path) => {
                    let (bytes, _, _) =
                        read_request(&Source::File(path, input::MAX_INPUT), Mode::Corrected, stdin, notes)?;
                    let checked = validate::check_bytes(
                        &bytes,
                        &CheckOptions {
                            version: api,
                            ..CheckOptions::default()
                        },
                    );
                    Some(RequestFacts::of(&checked, &CallContext::default().call_id))
                }
                None => None,
            };
            let explained = explain::explain_bytes(&bytes, &ReceivedOptions { version: api, request });
            let received = &explained.received;
            let report = report::explain(&explained, Lang::En);
            let valid = report["valid"] == true;
            match format {
                Format::Json => write_json(out, &report)?,
                Format::Text => {
                    let name = terminal_safe(&name, &[]).into_owned();
                    let kind = received.kind.map_or("unrecognised", |kind| kind.name());
                    let status = received.http_status.map(|s| format!(" (HTTP {s})")).unwrap_or_default();
                    writeln!(out, "{name}: {kind}{status}").map_err(io)?;
                    for item in &explained.items {
                        let mut head = format!("  [{}]", item.step);
                        if let Some(status) = &item.status {
                            head.push_str(&format!(" status {}", terminal_safe(status, &[])));
                        }
                        if let Some(code) = item.code {
                            head.push_str(&format!(" code {code}"));
                        }
                        if let Some(subcode) = item.subcode {
                            head.push_str(&format!("/{subcode}"));
                        }
                        writeln!(
                            out,
                            "{head}\n    {}\n    next: {}\n    source: {}",
                            item.meaning.en, item.next.en, item.source
                        )
                        .map_err(io)?;
                    }
                    if explained.unexplained > 0 {
                        writeln!(
                            out,
                            "{name}: {} more notifications not explained (the first {} are)",
                            explained.unexplained,
                            explain::MAX_EXPLAINED
                        )
                        .map_err(io)?;
                    }
                    let listing = Checked {
                        diagnostics: received.diagnostics.clone(),
                        omitted: received.omitted,
                        ..Checked::default()
                    };
                    write!(out, "{}", check_text(&listing, &name)).map_err(io)?;
                }
            }
            Ok(if valid { 0 } else { 1 })
        }
        Command::Presets { format } => {
            match format {
                Format::Json => write_json(out, &report::presets(Lang::En))?,
                Format::Text => {
                    writeln!(out, "presets:").map_err(io)?;
                    for preset in scenarios::PRESETS {
                        writeln!(out, "  {:<10} {}", preset.name, preset.title.en).map_err(io)?;
                    }
                    writeln!(out, "outcomes:").map_err(io)?;
                    for outcome in Outcome::ALL {
                        writeln!(out, "  {:<16} {}", outcome.name(), outcome.describe(Lang::En)).map_err(io)?;
                    }
                    writeln!(out, "modes:\n  corrected        what the real service sends\n  doc-faithful     the docs' JSON byte for byte, defects annotated").map_err(io)?;
                }
            }
            Ok(0)
        }
        Command::Preset { preset, mode } => {
            write!(out, "{}", preset.request(mode.unwrap_or(Mode::DocFaithful))).map_err(io)?;
            Ok(0)
        }
    }
}

/// `check --format json` (see [`report::check`]).
pub fn check_json(checked: &Checked) -> serde_json::Value {
    report::check(checked, Lang::En)
}

/// `file:line:column: severity[code]: message`, then the help, then a summary.
pub fn check_text(checked: &Checked, name: &str) -> String {
    let mut out = String::new();
    let name = terminal_safe(name, &[]);
    for diagnostic in &checked.diagnostics {
        let place = match diagnostic.position {
            Some(position) => format!("{name}:{}:{}", position.line, position.column),
            None => name.to_string(),
        };
        out.push_str(&format!(
            "{place}: {}[{}]: {}\n",
            diagnostic.severity(),
            diagnostic.code(),
            terminal_safe(&diagnostic.message(Lang::En), &[])
        ));
        if let Some(help) = diagnostic.help(Lang::En) {
            out.push_str(&format!("  help: {}\n", terminal_safe(&help, &[])));
        }
    }
    if checked.omitted.total() > 0 {
        out.push_str(&format!(
            "{name}: {} more not listed (a check lists at most the first {} of each severity, fewer when their pointers are long)\n",
            checked.omitted.total(),
            validate::MAX_LISTED
        ));
    }
    let errors = checked.count(crate::engine::diagnostic::Severity::Error);
    let warnings = checked.count(crate::engine::diagnostic::Severity::Warning);
    let verdict = if errors == 0 { "valid" } else { "invalid" };
    out.push_str(&format!(
        "{name}: {verdict}: {}, {}\n",
        count(Lang::En, errors, ("error", "errors"), ("erro", "erros")),
        count(Lang::En, warnings, ("warning", "warnings"), ("aviso", "avisos"))
    ));
    out
}

/// A JSON report, pretty (indented at most `http::MAX_INDENT` levels), written as it is
/// serialized (not made into a string first), and a newline.
fn write_json(out: &mut dyn Write, report: &impl serde::Serialize) -> Result<(), String> {
    let io = |e: std::io::Error| format!("cannot write output: {e}");
    http::to_writer_capped(&mut *out, report).map_err(|e| match e.io_error_kind() {
        Some(_) => io(e.into()),
        None => e.to_string(),
    })?;
    writeln!(out).map_err(io)
}

/// A readable transcript of the timeline, written as it is made: an event's body is
/// held once at a time (a run of a 64 MiB request prints 268 MB, and built whole first
/// it took 1.1 GB).
fn write_timeline(out: &mut dyn Write, timeline: &Timeline) -> std::io::Result<()> {
    writeln!(
        out,
        "outcome: {}   mode: {}   call: {}",
        timeline.outcome.name(),
        timeline.mode.name(),
        terminal_safe(&timeline.call_id, &[])
    )?;
    for event in &timeline.events {
        let seconds = event.at_ms as f64 / 1000.0;
        let arrow = format!("{} -> {}", serde_plain(&event.from), serde_plain(&event.to));
        let line = event.start_line();
        write!(
            out,
            "\n[+{seconds:>7.3}s] {arrow:<14} {} {}\n",
            serde_plain(&event.kind),
            terminal_safe(&line, &[])
        )?;
        for (name, value) in &event.headers {
            writeln!(out, "{}: {}", terminal_safe(name, &[]), terminal_safe(value, &[]))?;
        }
        let body = event.display_body();
        let body = if body.contains("\r\n") {
            Cow::Owned(body.replace("\r\n", "\n"))
        } else {
            Cow::Borrowed(body.as_str())
        };
        if !body.trim().is_empty() {
            writeln!(out, "\n{}", terminal_safe(body.trim_matches('\n'), &['\n', '\t']))?;
        }
        for note in &event.notes {
            let tag = match note.defect {
                Some(id) => format!("{} {id}", serde_plain(&note.kind)),
                None => serde_plain(&note.kind),
            };
            let place = note.pointer.as_ref().map(|p| format!(" at `{p}`")).unwrap_or_default();
            writeln!(out, "  note [{tag}]{}: {}", terminal_safe(&place, &[]), note.text.en)?;
        }
    }
    if !timeline.signals.is_empty() {
        writeln!(out, "\nsignals:")?;
        for signal in &timeline.signals {
            writeln!(
                out,
                "  [+{:>7.3}s] {} -> {}: {}",
                signal.at_ms as f64 / 1000.0,
                terminal_safe(&lifeline(&signal.from, timeline), &[]),
                terminal_safe(&lifeline(&signal.to, timeline), &[]),
                signal.kind.label(Lang::En)
            )?;
        }
    }
    Ok(())
}

fn lifeline(lifeline: &simulate::Lifeline, timeline: &Timeline) -> String {
    use simulate::Lifeline::*;
    match lifeline {
        Bot => "bot".into(),
        Graph => "graph".into(),
        GroupCall => format!("call {}", timeline.call_id),
        Invitee(index) => timeline
            .invitees
            .get(*index)
            .cloned()
            .unwrap_or_else(|| format!("invitee {index}")),
        ReplacedCall => format!("replaced call {}", timeline.replaced_call.as_deref().unwrap_or("?")),
    }
}

fn serde_plain(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
