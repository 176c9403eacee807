//! The one binary: the browser app on wasm32, the `invite-playground` CLI natively.

#[cfg(target_arch = "wasm32")]
fn main() {
    invite_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args = std::env::args_os().skip(1).collect();
    // Unlocked handles: `mock` logs from its server's threads while `run` holds these
    // (a lock held here would deadlock them). `run` writes its output in one piece.
    let mut stdin: Box<dyn std::io::Read> = if stdin_is_closed() {
        Box::new(ClosedStdin)
    } else {
        Box::new(std::io::stdin())
    };
    let code = invite_playground::cli::run(args, &mut stdin, &mut std::io::stdout(), &mut std::io::stderr());
    std::process::exit(code);
}

/// Whether the process started with its standard input closed (`<&-`, a job started
/// without one): Rust's start-up then puts `/dev/null` there, opened read-write, where
/// a shell's `< /dev/null` opens it read-only (an empty input, and read as one).
#[cfg(unix)]
fn stdin_is_closed() -> bool {
    use rustix::fs::{fcntl_getfl, fstat, stat, OFlags};

    let stdin = std::io::stdin();
    let read_write = fcntl_getfl(&stdin).is_ok_and(|flags| flags & OFlags::RWMODE == OFlags::RDWR);
    let same_file = |a: rustix::fs::Stat, b: rustix::fs::Stat| (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino);
    read_write && matches!((fstat(&stdin), stat("/dev/null")), (Ok(here), Ok(null)) if same_file(here, null))
}

#[cfg(all(not(unix), not(target_arch = "wasm32")))]
fn stdin_is_closed() -> bool {
    false
}

/// Standard input that was closed: reading it is an I/O error the CLI reports (exit 2)
/// rather than an empty request checked as one.
#[cfg(not(target_arch = "wasm32"))]
struct ClosedStdin;

#[cfg(not(target_arch = "wasm32"))]
impl std::io::Read for ClosedStdin {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other(
            "it is closed (name a FILE, or pipe the request in)",
        ))
    }
}
