//! The build's second core: a large gazetteer is parsed, folded and sorted
//! in two halves at once, on the calling thread and one scoped thread. Small
//! inputs, and machines with one core, build on the calling thread alone;
//! the result is the same either way.

use std::sync::{Mutex, OnceLock};

/// Work below this many bytes (or rows, times 64) stays on one thread: a
/// thread costs tens of microseconds to start.
pub(super) const MIN_BYTES: usize = 256 * 1024;

/// Whether work of `bytes` bytes is worth a second thread.
pub(super) fn worth_splitting(bytes: usize) -> bool {
    static CORES: OnceLock<bool> = OnceLock::new();
    bytes >= MIN_BYTES
        && *CORES.get_or_init(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1))
}

/// Runs `a` on this thread and `b` on a scoped thread when `split` (`b` runs
/// here after `a` when not, or when no thread can be started), returning both
/// results. A panic in `b` resumes on this thread.
pub(super) fn join<A, B, RA, RB>(split: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA,
    B: FnOnce() -> RB + Send,
    RB: Send,
{
    if !split {
        let ra = a();
        return (ra, b());
    }
    // `b` stays reachable here if the thread cannot be started.
    let slot = Mutex::new(Some(b));
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new().spawn_scoped(s, || {
            let b = slot.lock().ok().and_then(|mut b| b.take());
            b.map(|b| b())
        });
        let ra = a();
        let rb = match spawned.map(|h| h.join()) {
            Ok(Ok(Some(rb))) => Some(rb),
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            _ => None,
        };
        let rb = match rb {
            Some(rb) => rb,
            None => {
                let b = slot.lock().unwrap_or_else(|p| p.into_inner()).take();
                match b {
                    Some(b) => b(),
                    // Unreachable: the thread either took `b` and returned its
                    // result, or never started.
                    None => unreachable!("the second half ran nowhere"),
                }
            }
        };
        (ra, rb)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_runs_both_sides_either_way() {
        for split in [false, true] {
            let (a, b) = join(split, || 1 + 1, || "two".len());
            assert_eq!((a, b), (2, 3));
        }
        assert!(!worth_splitting(MIN_BYTES - 1));
    }
}
