//! The front end's logic, target-independent and tested natively: what the user's
//! session holds ([`state`]), how each action changes it ([`state::reduce`]), composer
//! edits as span splices on the request text ([`edit`]), and the draft that is stored
//! and shared ([`share`]), the page's address as input and output ([`link`]: embeds,
//! docs links, Graph Explorer deep links). The yew app (`ui`) renders this state and dispatches actions;
//! the CLI does not need it.

pub mod edit;
pub mod link;
pub mod share;
pub mod state;
pub mod worker;
