//! The languages the playground speaks, and the one shape two-language text takes.
//!
//! Every user-facing word in the engine is a [`Text`]: an English and a Portuguese
//! version side by side, so adding a string without its translation does not compile.

use serde::{Deserialize, Serialize};

use crate::engine::vocabulary::Vocabulary;

/// A language the playground speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "pt-BR")]
    PtBr,
}

crate::vocabulary!(Lang { En => "en", PtBr => "pt-BR" });

impl Lang {
    /// The BCP 47 tag (`lang` attribute, `--lang`, stored setting).
    pub fn tag(self) -> &'static str {
        self.name()
    }

    /// A tag as people write it: `pt` and `pt-br` mean Brazilian Portuguese too.
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag {
            "pt" | "pt-br" => Some(Lang::PtBr),
            _ => Lang::parse(tag),
        }
    }

    /// The language's own name, for a language picker.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::PtBr => "Português (Brasil)",
        }
    }
}

/// One text in every language. `S` is `&'static str` for the engine's own words and
/// `String` for messages built from the user's input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text<S = &'static str> {
    pub en: S,
    pub pt: S,
}

impl<S> Text<S> {
    pub const fn new(en: S, pt: S) -> Self {
        Text { en, pt }
    }

    /// The version for `lang`.
    pub fn get(&self, lang: Lang) -> &S {
        match lang {
            Lang::En => &self.en,
            Lang::PtBr => &self.pt,
        }
    }

    /// The version for `lang`, by value.
    pub fn into_lang(self, lang: Lang) -> S {
        match lang {
            Lang::En => self.en,
            Lang::PtBr => self.pt,
        }
    }
}

impl Text {
    /// A name every language writes alike (`cURL`, `C#`, `HTTP`).
    pub const fn same(name: &'static str) -> Self {
        Text::new(name, name)
    }

    /// The static text for `lang`.
    pub fn pick(self, lang: Lang) -> &'static str {
        self.into_lang(lang)
    }
}

/// A text of the engine's own words, owned, as messages built from input are:
/// `text("expected a comma", "esperava uma vírgula")`.
pub fn text(en: impl Into<String>, pt: impl Into<String>) -> Text<String> {
    Text::new(en.into(), pt.into())
}

/// Shorthand for a UI label: `tr(lang, "Run", "Executar")`.
pub fn tr(lang: Lang, en: &'static str, pt: &'static str) -> &'static str {
    Text::new(en, pt).pick(lang)
}

/// A count with its noun in the right number: `count(lang, 1, ("error", "errors"),
/// ("erro", "erros"))` is "1 error". Both languages use the singular for 1 only.
pub fn count(lang: Lang, n: usize, en: (&'static str, &'static str), pt: (&'static str, &'static str)) -> String {
    let (one, many) = Text::new(en, pt).into_lang(lang);
    format!("{} {}", grouped(lang, n), if n == 1 { one } else { many })
}

/// `n` with its thousands grouped as each language writes them: "120,000" in English,
/// "120.000" in Portuguese (ABNT). A 4 MiB paste has six-digit counts.
pub fn grouped(lang: Lang, n: usize) -> String {
    let separator = Text::new(",", ".").pick(lang);
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// A size in bytes as a person reads it: "1 byte", "1,500 bytes", and whole mebibytes
/// as "64 MiB (67,108,864 bytes)" (limits: the CLI's input, the mock's body).
pub fn byte_count(lang: Lang, n: usize) -> String {
    const MIB: usize = 1 << 20;
    let bytes = grouped(lang, n);
    match n {
        1 => "1 byte".to_owned(),
        _ if n >= MIB && n.is_multiple_of(MIB) => format!("{} MiB ({bytes} bytes)", n / MIB),
        _ => format!("{bytes} bytes"),
    }
}

/// A name Graph (or the playground) spells in English on the wire (a call state, an
/// operation status, an outcome) as a label in `lang`; the wire text itself never
/// changes. Unknown names are shown as they are.
pub fn wire_label(lang: Lang, name: &str) -> &str {
    if lang == Lang::En {
        return name;
    }
    match name {
        "incoming" => "recebida",
        "establishing" => "estabelecendo",
        "ringing" => "tocando",
        "established" => "estabelecida",
        "hold" => "em espera",
        "transferring" => "transferindo",
        "transferAccepted" => "transferência aceita",
        "redirecting" => "redirecionando",
        "terminating" => "encerrando",
        "terminated" => "encerrada",
        "notStarted" | "NotStarted" => "não iniciada",
        "running" | "Running" => "em andamento",
        "completed" | "Completed" => "concluída",
        "failed" | "Failed" => "falhou",
        "success" => "sucesso",
        "no-answer" => "sem resposta",
        "declined" => "recusado",
        "media-error" => "erro de mídia",
        "pstn-no-sponsor" => "PSTN sem patrocinador",
        "replace-failed" => "falha ao substituir",
        "unauthorized" => "não autorizado",
        "forbidden" => "proibido",
        "call-not-found" => "chamada não encontrada",
        "throttled" => "limitado",
        "server-error" => "erro do serviço",
        other => other,
    }
}

/// Serializes a [`Text`] as its English version (the JSON reports are in English
/// unless a language is asked for).
pub fn serialize_english<S: Serialize, Ser: serde::Serializer>(
    text: &Text<S>,
    serializer: Ser,
) -> Result<Ser::Ok, Ser::Error> {
    text.en.serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_aliases() {
        assert_eq!(Lang::from_tag("pt"), Some(Lang::PtBr));
        assert_eq!(Lang::from_tag("pt-BR"), Some(Lang::PtBr));
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Text::new("run", "executar").pick(Lang::PtBr), "executar");
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        let noun = (("error", "errors"), ("erro", "erros"));
        assert_eq!(count(Lang::En, 1, noun.0, noun.1), "1 error");
        assert_eq!(count(Lang::En, 0, noun.0, noun.1), "0 errors");
        assert_eq!(count(Lang::PtBr, 1, noun.0, noun.1), "1 erro");
        assert_eq!(count(Lang::PtBr, 2, noun.0, noun.1), "2 erros");
        assert_eq!(count(Lang::En, 120_000, noun.0, noun.1), "120,000 errors");
        assert_eq!(count(Lang::PtBr, 1_234_567, noun.0, noun.1), "1.234.567 erros");
    }

    #[test]
    fn thousands_are_grouped_as_each_language_writes_them() {
        for (n, en, pt) in [
            (0, "0", "0"),
            (999, "999", "999"),
            (1_000, "1,000", "1.000"),
            (99_537, "99,537", "99.537"),
            (100_000, "100,000", "100.000"),
        ] {
            assert_eq!(grouped(Lang::En, n), en);
            assert_eq!(grouped(Lang::PtBr, n), pt);
        }
    }

    #[test]
    fn wire_names_get_portuguese_labels_and_stay_english_in_english() {
        assert_eq!(wire_label(Lang::PtBr, "established"), "estabelecida");
        assert_eq!(wire_label(Lang::PtBr, "Running"), "em andamento");
        assert_eq!(wire_label(Lang::En, "established"), "established");
        assert_eq!(wire_label(Lang::PtBr, "onHold"), "onHold");
    }
}
