//! A cURL command read as the HTTP request message it sends, so that a command copied
//! from a terminal, a browser's "Copy as cURL (bash)" or the playground's own "Copy as
//! cURL" can be checked: the editor has the Web Worker turn a pasted command into the
//! message (with Undo), so this reader is not in the page's first load. Bash's quoting
//! is read (`'…'`, `"…"`, `$'…'`, backslashes, line continuations); Windows `cmd`
//! quoting (`^`) is not. No rule lives here.

/// The request message `text` stands for, if it is a whole cURL command with a URL:
/// `METHOD URL`, its headers, a blank line and its data. `None` for anything else,
/// including a command whose quotes do not close.
pub fn request_of(text: &str) -> Option<String> {
    let words = shell_words(arguments(text)?)?;
    let mut request = Request::default();
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        let (flag, joined) = split_flag(&word);
        let mut value = || joined.clone().or_else(|| words.next());
        match flag {
            "-X" | "--request" => request.method = Some(value()?),
            "-H" | "--header" => request.headers.push(value()?),
            "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii" => request.data.push(value()?),
            "--json" => {
                request.data.push(value()?);
                request.json = true;
            }
            "--url" => request.url = Some(value()?),
            _ if VALUE_FLAGS.contains(&flag) => {
                value()?;
            }
            _ if word.starts_with('-') && word.len() > 1 => {}
            _ if request.url.is_none() => request.url = Some(word),
            _ => {}
        }
    }
    request.message()
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
    "--oauth2-bearer",
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
    data: Vec<String>,
    json: bool,
}

impl Request {
    fn message(self) -> Option<String> {
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
        if has_data {
            out.push('\n');
            out.push_str(&self.data.join("&"));
        }
        Some(out)
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
        // Comments before it and after a word; a `#` inside a word is the word's.
        assert_eq!(
            request_of("# first error: …\n# more\ncurl https://x/y#frag -d a # the data\n").unwrap(),
            "POST https://x/y#frag\nContent-Type: application/x-www-form-urlencoded\n\na"
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
