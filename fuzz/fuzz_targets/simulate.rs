//! `simulate` on arbitrary input, outcome, mode, seed and call: never panics, events are
//! in time order, and the same seed gives the same bytes.
#![no_main]

use arbitrary::Arbitrary;
use invite_playground::call_context::{CallContext, CallKind, TokenKind};
use invite_playground::model::CallState;
use invite_playground::scenarios::PRESETS;
use invite_playground::simulate::{simulate, Mode, Outcome, Settings};
use invite_playground::validate::{check, CheckOptions};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    outcome: u8,
    doc_faithful: bool,
    preset: u8,
    seed: u64,
    peer_to_peer: bool,
    chat_info: bool,
    established: bool,
    delegated: bool,
    pstn: bool,
}

fuzz_target!(|input: Input| {
    let context = CallContext {
        kind: if input.peer_to_peer { CallKind::PeerToPeer } else { CallKind::Group },
        chat_info: input.chat_info,
        state: if input.established { CallState::Established } else { CallState::Establishing },
        token: if input.delegated { TokenKind::Delegated } else { TokenKind::Application },
        pstn_provisioned: input.pstn,
        ..CallContext::default()
    };
    let preset = PRESETS.get(usize::from(input.preset) % (PRESETS.len() + 1));
    let settings = Settings {
        outcome: Outcome::ALL[usize::from(input.outcome) % Outcome::ALL.len()],
        mode: if input.doc_faithful { Mode::DocFaithful } else { Mode::Corrected },
        seed: input.seed,
    };
    let checked = check(&input.text, &CheckOptions { context: context.clone(), ..CheckOptions::default() });
    let first = simulate(&checked, &context, settings, preset);
    assert!(first.events.windows(2).all(|pair| pair[0].at_ms <= pair[1].at_ms));
    assert!(!first.events.is_empty());
    let again = simulate(&checked, &context, settings, preset);
    assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&again).unwrap());
});
