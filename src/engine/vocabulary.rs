//! The one way a closed enum gets a stable name and back: modes, outcomes, languages,
//! API versions, severities, speeds and themes all speak through [`Vocabulary`], so the
//! CLI's flags, the share link, the URL and the app's selects agree on every spelling.

/// A closed set of values, each with one stable name.
pub trait Vocabulary: Copy + PartialEq + Sized + 'static {
    /// Every value, in the order menus and help texts list them.
    const ALL: &'static [Self];

    /// The stable name (`"doc-faithful"`, `"v1.0"`, `"pt-BR"`).
    fn name(self) -> &'static str;

    /// The value named `name` exactly; aliases belong in an override.
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.name() == name)
    }

    /// Every name, for "expected one of …" messages.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|value| value.name()).collect()
    }
}

/// Implements [`Vocabulary`] (and `Display` with the same name) for a fieldless enum.
#[macro_export]
macro_rules! vocabulary {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $crate::engine::vocabulary::Vocabulary for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$variant),+];

            fn name(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => $name,)+
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::engine::vocabulary::Vocabulary::name(*self))
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Vocabulary;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Colour {
        Red,
        DarkBlue,
    }

    crate::vocabulary!(Colour { Red => "red", DarkBlue => "dark-blue" });

    #[test]
    fn names_round_trip_and_unknown_names_are_none() {
        for colour in Colour::ALL {
            assert_eq!(Colour::parse(colour.name()), Some(*colour));
        }
        assert_eq!(Colour::parse("Red"), None);
        assert_eq!(Colour::DarkBlue.to_string(), "dark-blue");
        assert_eq!(Colour::names(), ["red", "dark-blue"]);
    }
}
