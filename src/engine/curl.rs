//! A cURL command read as the HTTP request message it sends, so that a command copied
//! from a terminal, a browser's "Copy as cURL (bash)" or the playground's own "Copy as
//! cURL" can be checked: the editor has the Web Worker turn a pasted command into the
//! message (with Undo), so this reader is not in the page's first load; the CLI reads a
//! command given as a request the same way (`cli::read_request`). Bash's quoting
//! is read (`'…'`, `"…"`, `$'…'`, backslashes, line continuations), and Windows `cmd`'s
//! as browsers' "Copy as cURL (cmd)" write it (`^` escapes and continuations, then the
//! C runtime's `"…"` and `\"`). No rule lives here.

/// The request message `text` stands for, if it is a whole cURL command with a URL:
/// `METHOD URL`, its headers, a blank line and its data. `None` for anything else,
/// including a command whose quotes do not close. Data cURL would read from a file
/// (`-d @body.json`) stays as it is written: the page reads no files, and the check
/// says what the `@` means.
pub fn request_of(text: &str) -> Option<String> {
    let message = request_reading(text, &mut |file: DataFile<'_>| {
        Ok::<_, std::convert::Infallible>(format!("@{}", file.name).into_bytes())
    })?;
    // Every byte came from `text` or is ASCII.
    message.ok().and_then(|bytes| String::from_utf8(bytes).ok())
}

/// [`request_of`], with each data file the command names (`-d @body.json`, `@-` for
/// standard input) read by `read` and sent as cURL sends it ([`FileData::sent`]):
/// [`FileData::Stripped`] for `-d`, `--data` and `--data-ascii`, which drop the file's
/// carriage returns and line feeds, [`FileData::AsIs`] for `--data-binary` and `--json`;
/// `--data-raw`'s `@` is its own. Bytes, since a file need not be UTF-8 (the check names
/// a UTF-16 one). `read`'s error stops the reading.
pub fn request_reading<E>(
    text: &str,
    read: &mut dyn FnMut(DataFile<'_>) -> Result<Vec<u8>, E>,
) -> Option<Result<Vec<u8>, E>> {
    let arguments = arguments(text)?;
    let words = if is_cmd(arguments) {
        crt_words(&cmd_unescaped(arguments))
    } else {
        shell_words(arguments)?
    };
    let mut request = Request::default();
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        let (flag, joined) = split_flag(&word);
        let mut value = || joined.clone().or_else(|| words.next());
        match flag {
            "-X" | "--request" => request.method = Some(value()?),
            "-H" | "--header" => request.headers.push(value()?),
            "-d" | "--data" | "--data-ascii" | "--data-binary" | "--json" | "--data-raw" => {
                let file = match flag {
                    "--data-raw" => None,
                    "--data-binary" | "--json" => Some(FileData::AsIs),
                    _ => Some(FileData::Stripped),
                };
                request.json |= flag == "--json";
                request.data.push(Data {
                    value: value()?,
                    option: flag.to_owned(),
                    file,
                });
            }
            "--url" => request.url = Some(value()?),
            "--oauth2-bearer" => request.bearer = Some(value()?),
            _ if VALUE_FLAGS.contains(&flag) => {
                value()?;
            }
            _ if word.starts_with('-') && word.len() > 1 => {}
            _ if request.url.is_none() => request.url = Some(word),
            _ => {}
        }
    }
    request.message(read)
}

/// A file a cURL command sends as its data: `name` as written after the `@` (`-` is
/// standard input), the option that names it (`-d`, `--json`…), and how cURL reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataFile<'a> {
    pub name: &'a str,
    pub option: &'a str,
    pub read: FileData,
}

/// How cURL sends a data file (its manual, `--data`): `-d @file` drops carriage returns
/// and line feeds, `--data-binary @file` sends every byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileData {
    Stripped,
    AsIs,
}

impl FileData {
    /// `contents` as cURL sends them.
    pub fn sent(self, mut contents: Vec<u8>) -> Vec<u8> {
        if self == FileData::Stripped {
            contents.retain(|&byte| byte != b'\r' && byte != b'\n');
        }
        contents
    }
}

/// Whether `text` is a cURL command (that [`request_of`] may read): cheap, for the page,
/// which has the Web Worker read it.
pub fn is_command(text: &str) -> bool {
    arguments(text).is_some()
}

/// What follows `curl` in `text`, after any comment lines before it (the playground's
/// own "Copy as cURL" names a request's first error in one).
fn arguments(text: &str) -> Option<&str> {
    let mut text = text.trim();
    while text.starts_with('#') {
        text = text.split_once('\n').map_or("", |(_, rest)| rest).trim_start();
    }
    text.strip_prefix("curl")
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_whitespace() || c == '\\'))
}

/// Options that take a value the request message does not show.
const VALUE_FLAGS: &[&str] = &[
    "-o",
    "--output",
    "-u",
    "--user",
    "-A",
    "--user-agent",
    "-e",
    "--referer",
    "-m",
    "--max-time",
    "--connect-timeout",
    "-w",
    "--write-out",
    "--retry",
    "-x",
    "--proxy",
    "-b",
    "--cookie",
    "-c",
    "--cookie-jar",
    "--cacert",
    "--cert",
    "--key",
    "-T",
    "--upload-file",
    "-F",
    "--form",
    "--resolve",
];

/// `-XPOST` and `-H'…'` as the flag and its joined value; `--data=…` likewise.
fn split_flag(word: &str) -> (&str, Option<String>) {
    if let Some(long) = word.strip_prefix("--") {
        if let Some((name, value)) = long.split_once('=') {
            return (&word[..name.len() + 2], Some(value.to_owned()));
        }
        return (word, None);
    }
    match word.as_bytes() {
        [b'-', b'X' | b'H' | b'd', _, ..] => (&word[..2], Some(word[2..].to_owned())),
        _ => (word, None),
    }
}

#[derive(Default)]
struct Request {
    method: Option<String>,
    url: Option<String>,
    headers: Vec<String>,
    data: Vec<Data>,
    json: bool,
    /// `--oauth2-bearer`'s token, which cURL sends as `Authorization: Bearer …` unless
    /// a header of that name is given.
    bearer: Option<String>,
}

/// A data option as written: its value, the option, and how cURL reads the file a value
/// that starts with `@` names (`None`: it never does, as `--data-raw`).
struct Data {
    value: String,
    option: String,
    file: Option<FileData>,
}

impl Request {
    fn message<E>(self, read: &mut dyn FnMut(DataFile<'_>) -> Result<Vec<u8>, E>) -> Option<Result<Vec<u8>, E>> {
        let url = self.url?;
        let has_data = !self.data.is_empty();
        let method = self
            .method
            .unwrap_or_else(|| if has_data { "POST" } else { "GET" }.to_owned());
        let mut out = format!("{method} {url}\n");
        let named = |name: &str| {
            self.headers
                .iter()
                .any(|h| h.split(':').next().is_some_and(|n| n.trim().eq_ignore_ascii_case(name)))
        };
        if let Some(token) = self.bearer.as_ref().filter(|_| !named("Authorization")) {
            out.push_str(&format!("Authorization: Bearer {token}\n"));
        }
        for header in &self.headers {
            out.push_str(header);
            out.push('\n');
        }
        // What `--json` and `-d` add, as curl sends them.
        if self.json && !named("Content-Type") {
            out.push_str("Content-Type: application/json\n");
        } else if has_data && !named("Content-Type") {
            out.push_str("Content-Type: application/x-www-form-urlencoded\n");
        }
        let mut out = out.into_bytes();
        if has_data {
            out.push(b'\n');
            for (at, data) in self.data.iter().enumerate() {
                if at > 0 {
                    out.push(b'&');
                }
                match (data.file, data.value.strip_prefix('@')) {
                    (Some(how), Some(name)) => {
                        let file = DataFile {
                            name,
                            option: &data.option,
                            read: how,
                        };
                        match read(file) {
                            Ok(contents) => out.extend_from_slice(&how.sent(contents)),
                            Err(error) => return Some(Err(error)),
                        }
                    }
                    _ => out.extend_from_slice(data.value.as_bytes()),
                }
            }
        }
        Some(Ok(out))
    }
}

/// Bash's words of `text`: whitespace separates them, quotes and backslashes join.
/// `None` when a quote does not close. Read byte by byte: every byte that matters is
/// ASCII, and the others are copied as they are, so UTF-8 stays whole.
fn shell_words(text: &str) -> Option<Vec<String>> {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut word: Option<Vec<u8>> = None;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at += 1;
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {
                words.extend(word.take().map(String::from_utf8).and_then(Result::ok));
            }
            // A comment, where a word would start: to the end of its line.
            b'#' if word.is_none() => {
                while bytes.get(at).is_some_and(|&b| b != b'\n') {
                    at += 1;
                }
            }
            b'\\' => {
                let escaped = *bytes.get(at)?;
                at += 1;
                match escaped {
                    // A line continuation, LF or CRLF.
                    b'\n' => {}
                    b'\r' if bytes.get(at) == Some(&b'\n') => at += 1,
                    _ => word.get_or_insert_default().push(escaped),
                }
            }
            b'\'' => {
                let end = at + bytes[at..].iter().position(|&b| b == b'\'')?;
                word.get_or_insert_default().extend_from_slice(&bytes[at..end]);
                at = end + 1;
            }
            b'"' => {
                let word = word.get_or_insert_default();
                loop {
                    let byte = *bytes.get(at)?;
                    at += 1;
                    match byte {
                        b'"' => break,
                        b'\\' => {
                            let escaped = *bytes.get(at)?;
                            at += 1;
                            match escaped {
                                b'"' | b'\\' | b'$' | b'`' => word.push(escaped),
                                b'\n' => {}
                                _ => word.extend_from_slice(&[b'\\', escaped]),
                            }
                        }
                        _ => word.push(byte),
                    }
                }
            }
            b'$' if bytes.get(at) == Some(&b'\'') => {
                at = ansi_c(bytes, at + 1, word.get_or_insert_default())?;
            }
            _ => word.get_or_insert_default().push(byte),
        }
    }
    words.extend(word.map(String::from_utf8).and_then(Result::ok));
    Some(words)
}

/// Whether `arguments` are written for Windows `cmd`, as bash would not write them:
/// they start with `^"` (Chrome and Edge write every quote so, the URL first), a `^`
/// ends a line outside quotes (`cmd`'s continuation), or a double-quoted string is
/// followed at once by another (the C runtime's `""` for a quote, as Firefox writes
/// it). Without these, a `cmd` command's `"…"` and `\"` read the same in bash's rules.
fn is_cmd(arguments: &str) -> bool {
    if arguments.trim_start().starts_with("^\"") {
        return true;
    }
    let bytes = arguments.as_bytes();
    // The end of the quoted string that starts after byte `at`, `\` escaping when
    // `escapes`; `None` when it does not close (then it is read as bash, and refused).
    let closing = |at: usize, quote: u8, escapes: bool| {
        let mut i = at;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'\\' if escapes => i += 2,
                _ if b == quote => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    };
    let mut caret = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        at += 1;
        match b {
            b'\'' => match closing(at, b'\'', false) {
                Some(end) => at = end,
                None => return false,
            },
            b'$' if bytes.get(at) == Some(&b'\'') => match closing(at + 1, b'\'', true) {
                Some(end) => at = end,
                None => return false,
            },
            b'"' => match closing(at, b'"', true) {
                Some(end) if bytes.get(end) == Some(&b'"') => return true,
                Some(end) => at = end,
                None => return false,
            },
            b'\\' => at += 1,
            b'\n' if caret => return true,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => {}
        }
        caret = b == b'^';
    }
    false
}

/// What `cmd` passes on of `text`: a `^` outside `cmd`'s own quotes takes the next
/// character as it is, and at a line's end joins the next line, whose first character
/// it takes as it is (so browsers write a line break in the data as `^`, two breaks).
/// An unescaped `"` turns `cmd`'s quoting on and off; inside it `^` is plain.
fn cmd_unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '^' if !quoted => {
                let Some(mut next) = chars.next() else { break };
                if next == '\r' {
                    next = chars.next_if_eq(&'\n').unwrap_or(next);
                }
                if next != '\n' {
                    out.push(next);
                    continue;
                }
                // A continuation: the next line's first character (a CRLF is one) is
                // taken as it is.
                chars.next_if_eq(&'\r');
                out.extend(chars.next());
            }
            '"' => {
                quoted = !quoted;
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// The C runtime's words of a Windows command line (as `CommandLineToArgvW` splits
/// it): whitespace outside quotes separates them, `"` quotes, `""` inside quotes is a
/// quote, and backslashes are plain unless a quote follows them (`\"` is a quote, `\\"`
/// a backslash and a quoting one). A quote left open ends at the end, as there.
fn crt_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            ' ' | '\t' | '\n' | '\r' if !quoted => words.extend(word.take()),
            '\\' => {
                let mut backslashes = 1;
                while chars.next_if_eq(&'\\').is_some() {
                    backslashes += 1;
                }
                let word = word.get_or_insert_default();
                if chars.peek() == Some(&'"') {
                    word.extend(std::iter::repeat_n('\\', backslashes / 2));
                    if backslashes % 2 == 1 {
                        chars.next();
                        word.push('"');
                    }
                } else {
                    word.extend(std::iter::repeat_n('\\', backslashes));
                }
            }
            '"' => {
                let word = word.get_or_insert_default();
                if quoted && chars.next_if_eq(&'"').is_some() {
                    word.push('"');
                } else {
                    quoted = !quoted;
                }
            }
            _ => word.get_or_insert_default().push(ch),
        }
    }
    words.extend(word);
    words
}

/// The rest of a `$'…'` string from byte `at` (Chrome's "Copy as cURL" writes bodies
/// with line breaks or quotes so), its escapes decoded into `word`; where it ends.
fn ansi_c(bytes: &[u8], mut at: usize, word: &mut Vec<u8>) -> Option<usize> {
    loop {
        let byte = *bytes.get(at)?;
        at += 1;
        match byte {
            b'\'' => return Some(at),
            b'\\' => {
                let escaped = *bytes.get(at)?;
                at += 1;
                let most = match escaped {
                    b'x' => 2,
                    b'u' => 4,
                    b'U' => 8,
                    _ => {
                        word.push(match escaped {
                            b'n' => b'\n',
                            b't' => b'\t',
                            b'r' => b'\r',
                            b'e' | b'E' => 0x1b,
                            other => other,
                        });
                        continue;
                    }
                };
                let digits = bytes[at..]
                    .iter()
                    .take(most)
                    .take_while(|b| b.is_ascii_hexdigit())
                    .count();
                let code = u32::from_str_radix(std::str::from_utf8(&bytes[at..at + digits]).ok()?, 16).ok()?;
                at += digits;
                let mut buffer = [0; 4];
                word.extend_from_slice(char::from_u32(code)?.encode_utf8(&mut buffer).as_bytes());
            }
            _ => word.push(byte),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_become_the_messages_they_send() {
        let command = "curl -X POST 'https://graph.microsoft.com/beta/communications/calls/c1/participants/invite' \\\n  -H 'Authorization: Bearer {token}' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\n  \"clientContext\": \"it'\\''s\"\n}'";
        assert_eq!(
            request_of(command).unwrap(),
            "POST https://graph.microsoft.com/beta/communications/calls/c1/participants/invite\nAuthorization: Bearer {token}\nContent-Type: application/json\n\n{\n  \"clientContext\": \"it's\"\n}"
        );
        // Chrome's bash form: `$'…'` with escapes, flags it adds, CRLF continuations.
        let chrome = "curl 'https://graph.microsoft.com/v1.0/communications/calls/c1/participants/invite' \\\r\n  -H 'accept: */*' \\\r\n  -H 'content-type: application/json' \\\r\n  --data-raw $'{\\n  \"a\": \"\\u00e9\\x41\\'\"\\n}' \\\r\n  --compressed";
        assert_eq!(
            request_of(chrome).unwrap(),
            "POST https://graph.microsoft.com/v1.0/communications/calls/c1/participants/invite\naccept: */*\ncontent-type: application/json\n\n{\n  \"a\": \"éA'\"\n}"
        );
        // Double quotes with escapes, joined flags, `--json`, a GET without data.
        assert_eq!(
            request_of("curl -XPOST \"https://x/y\" -H\"A: \\\"b\\\"\" -d \"{\\\"k\\\": 1}\"").unwrap(),
            "POST https://x/y\nA: \"b\"\nContent-Type: application/x-www-form-urlencoded\n\n{\"k\": 1}"
        );
        assert_eq!(
            request_of("curl --json '{}' --url=https://x/y -s -o out.json").unwrap(),
            "POST https://x/y\nContent-Type: application/json\n\n{}"
        );
        assert_eq!(request_of("  curl https://x/y\n").unwrap(), "GET https://x/y\n");
        // `--oauth2-bearer` is the `Authorization` header, unless one is given.
        assert_eq!(
            request_of("curl https://x/y --oauth2-bearer eyJ0 -d '{}'").unwrap(),
            "POST https://x/y\nAuthorization: Bearer eyJ0\nContent-Type: application/x-www-form-urlencoded\n\n{}"
        );
        assert_eq!(
            request_of("curl https://x/y --oauth2-bearer=eyJ0 -H 'authorization: Bearer b'").unwrap(),
            "GET https://x/y\nauthorization: Bearer b\n"
        );
        // Comments before it and after a word; a `#` inside a word is the word's.
        assert_eq!(
            request_of("# first error: …\n# more\ncurl https://x/y#frag -d a # the data\n").unwrap(),
            "POST https://x/y#frag\nContent-Type: application/x-www-form-urlencoded\n\na"
        );
    }

    /// Chrome's and Edge's "Copy as cURL (cmd)": every quote and most punctuation
    /// behind a `^`, `\"` for the data's quotes, a line break as `^` and two breaks,
    /// `%^` before what could name a variable; and a hand-written `cmd` command.
    #[test]
    fn windows_cmd_commands_are_read() {
        let data = "{\"participants\":[{\"a\":\"é b\\\\n\"}],\n\"x\":\"100%ok\"}";
        let chrome = concat!(
            "curl ^\"https://graph.microsoft.com/v1.0/communications/calls/c1/participants/invite^\" ^\r\n",
            "  -H ^\"content-type: application/json^\" ^\r\n",
            "  --data-raw ^\"^{^\\^\"participants^\\^\":^[^{^\\^\"a^\\^\":^\\^\"^é b^\\^\\n^\\^\"^}^]^,^\r\n\r\n",
            "^\\^\"x^\\^\":^\\^\"100^%^ok^\\^\"^}^\" ^\r\n",
            "  --compressed"
        );
        assert_eq!(
            request_of(chrome).unwrap(),
            format!("POST https://graph.microsoft.com/v1.0/communications/calls/c1/participants/invite\ncontent-type: application/json\n\n{data}")
        );
        // Typed by hand: `cmd`'s quotes keep a `^` (not escaped quotes: `cmd` does not
        // know `\"`, so `b^c` below is outside its quotes and loses the caret).
        let typed = "curl -X POST \"https://x/y\" -H \"X: a^b\" ^\n -d \"{\\\"a\\\": \\\"b^c\\\\\\\"\\\"}\"";
        assert_eq!(
            request_of(typed).unwrap(),
            "POST https://x/y\nX: a^b\nContent-Type: application/x-www-form-urlencoded\n\n{\"a\": \"bc\\\"\"}"
        );
        // Chrome doubles every backslash; curl.exe's C runtime halves only those before
        // a quote, so a JSON escape other than `\"` reaches Graph doubled: read so.
        assert_eq!(
            request_of("curl ^\"https://x/y^\" --data-raw ^\"^{^\\^\"a^\\^\":^\\^\"x^\\^\\ny^\\^\\^\\^\"^\\^\"^}^\"")
                .unwrap(),
            "POST https://x/y\nContent-Type: application/x-www-form-urlencoded\n\n{\"a\":\"x\\\\ny\\\"\"}"
        );
        // Firefox's "Copy as cURL (Windows)": `""` for a quote inside quotes.
        assert_eq!(
            request_of(r#"curl "https://x/y" -H "A: b" --data-raw "{""a"":""100"%"""}""#).unwrap(),
            "POST https://x/y\nA: b\nContent-Type: application/x-www-form-urlencoded\n\n{\"a\":\"100%\"}"
        );
        // Bash's own quoting stays bash's, carets and adjacent strings included.
        for (bash, data) in [
            ("curl https://x/y -d '^\"a' -d 'x^\ny'", "^\"a&x^\ny"),
            ("curl https://x/y -d \"a\"'b' -d $'\\'^' -d \"\\\"\"", "ab&'^&\""),
        ] {
            let message = request_of(bash).unwrap();
            assert_eq!(message.split_once("\n\n").unwrap().1, data, "{bash}");
        }
        // `""` inside quotes is a quote; a quote left open ends at the end.
        assert_eq!(crt_words(r#"a "b""c" "d e"#), ["a", "b\"c", "d e"]);
    }

    /// `-d @file` drops the file's line breaks, `--data-binary` and `--json` keep them,
    /// `--data-raw`'s `@` is its own; several data options join with `&`; the reader's
    /// error stops the reading; `request_of` keeps every `@name` as written.
    #[test]
    fn data_files_are_read_as_curl_reads_them() {
        let mut asked = Vec::new();
        let mut read = |file: DataFile<'_>| {
            asked.push((file.name.to_owned(), file.option.to_owned()));
            match file.name {
                "missing.json" => Err(format!("no {}", file.name)),
                _ => Ok(b"{\r\n  \"a\": 1\n}\n".to_vec()),
            }
        };
        let message = |command: &str, read: &mut dyn FnMut(DataFile<'_>) -> Result<Vec<u8>, String>| {
            String::from_utf8(request_reading(command, read).unwrap().unwrap()).unwrap()
        };
        let body = |message: String| message.split_once("\n\n").unwrap().1.to_owned();
        assert_eq!(body(message("curl https://x/y -d @b.json", &mut read)), "{  \"a\": 1}");
        assert_eq!(
            body(message("curl https://x/y --data-binary @b.json", &mut read)),
            "{\r\n  \"a\": 1\n}\n"
        );
        assert_eq!(
            message("curl https://x/y --json @-", &mut read),
            "POST https://x/y\nContent-Type: application/json\n\n{\r\n  \"a\": 1\n}\n"
        );
        assert_eq!(
            body(message("curl https://x/y --data-raw @b.json -d a", &mut read)),
            "@b.json&a"
        );
        assert_eq!(
            body(message("curl https://x/y -d x=1 --data=@b.json", &mut read)),
            "x=1&{  \"a\": 1}"
        );
        assert_eq!(
            request_reading("curl https://x/y -d @missing.json -d @b.json", &mut read),
            Some(Err("no missing.json".to_owned()))
        );
        assert_eq!(
            asked,
            [
                ("b.json", "-d"),
                ("b.json", "--data-binary"),
                ("-", "--json"),
                ("b.json", "--data"),
                ("missing.json", "-d")
            ]
            .map(|(name, option)| (name.to_owned(), option.to_owned()))
        );
        assert_eq!(
            request_of("curl https://x/y -d @b.json --json @-").unwrap(),
            "POST https://x/y\nContent-Type: application/json\n\n@b.json&@-"
        );
    }

    #[test]
    fn anything_else_is_not_read() {
        assert!(is_command("# note\ncurl https://x") && !is_command("curly https://x"));
        for text in [
            "",
            "{\"participants\": []}",
            "POST https://x/y",
            "curly https://x",
            "curl",
            "curl -H 'A: b'",
            "curl 'https://x/y",
            "curl https://x -d \"open",
            "curl https://x -d $'\\u{zz}'",
            "curl https://x -X",
        ] {
            assert_eq!(request_of(text), None, "{text:?}");
        }
    }
}
