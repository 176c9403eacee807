//! The simulated clock and the seeded id generator: the only sources of time and
//! randomness the simulator has, so the same input and seed give the same bytes.

use std::time::{Duration, UNIX_EPOCH};

/// Simulated time zero: the day the 2020 seed page was translated (2020-12-19T09:00:00Z).
const EPOCH_SECONDS: u64 = 1_608_368_400;

/// A deterministic source of ids (SplitMix64, seeded by the user).
#[derive(Clone, Debug)]
pub struct Ids {
    state: u64,
}

impl Ids {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A version-4-shaped GUID, lowercase, as Graph writes ids.
    pub fn guid(&mut self) -> String {
        let high = u128::from(self.next_u64());
        let low = u128::from(self.next_u64());
        let bytes = ((high << 64) | low).to_be_bytes();
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .hyphenated()
            .to_string()
    }

    /// A small number in `0..bound`, for jitter and media source ids.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound.max(1)
    }
}

/// The RFC 3339 date `at_ms` milliseconds after simulated time zero.
pub fn date(at_ms: u64) -> String {
    let time = UNIX_EPOCH + Duration::from_secs(EPOCH_SECONDS) + Duration::from_millis(at_ms);
    humantime::format_rfc3339_seconds(time).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_ids() {
        let mut first = Ids::new(7);
        let mut second = Ids::new(7);
        assert_eq!(first.guid(), second.guid());
        let guid = first.guid();
        assert_eq!(guid.len(), 36);
        assert_eq!(&guid[14..15], "4");
        assert_ne!(Ids::new(8).guid(), Ids::new(7).guid());
    }

    #[test]
    fn dates_count_from_simulated_time_zero() {
        assert_eq!(date(0), "2020-12-19T09:00:00Z");
        assert_eq!(date(61_500), "2020-12-19T09:01:01Z");
    }
}
