//! The build's second core: a large gazetteer is parsed, folded and sorted
//! in two halves at once, on the calling thread and one scoped thread. Small
//! inputs, and machines with one core, build on the calling thread alone;
//! the result is the same either way.

use std::sync::{Mutex, OnceLock};

#[cfg(test)]
thread_local! {
    /// Tests build on one thread to compare with two.
    static ONE_THREAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Work below this many bytes (or rows, times 64) stays on one thread: a
/// thread costs tens of microseconds to start.
pub(super) const MIN_BYTES: usize = 256 * 1024;

/// Whether work of `bytes` bytes is worth a second thread.
pub(super) fn worth_splitting(bytes: usize) -> bool {
    #[cfg(test)]
    if ONE_THREAD.with(std::cell::Cell::get) {
        return false;
    }
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

    /// A gazetteer large enough to be built in halves: ids repeated in a
    /// row and far apart, names shared by entities, every capitalisation,
    /// accents, stray spaces, place columns on some rows.
    fn large_tsv() -> String {
        let mut tsv = String::from("name\tlabel\tid\tcanonical\tlat\tlon\n");
        for i in 0..24_000usize {
            let id = if i % 7 == 0 { i / 5 } else { i / 2 };
            let name = match i % 6 {
                0 => format!("Town {i}"),
                1 => format!("town of {}", i / 10),
                2 => format!("\u{c9}cole {}", i % 1000),
                3 => format!(" Sankt  {} ", i % 333),
                4 => format!("U{}N", i % 50),
                _ => format!("ab{}", i % 17),
            };
            let label = if i % 11 == 0 { "ORG" } else { "LOC" };
            let place = if i % 3 == 0 {
                format!("\t{}\t10.5", (i % 90) as f64 - 45.0)
            } else {
                String::new()
            };
            tsv.push_str(&format!("{name}\t{label}\tx:{id}\t{name}{place}\r\n"));
        }
        tsv
    }

    /// The build of `text` (or its error and what the builder kept), as
    /// bytes to compare.
    fn outcome(text: &str, one_thread: bool, mode: super::super::CaseMode) -> String {
        ONE_THREAD.with(|c| c.set(one_thread));
        let mut b = super::super::Gazetteer::builder();
        b.case_mode(mode);
        let added = b.add_tsv(text).map(|_| ()).map_err(|e| e.to_string());
        let g = b.build();
        ONE_THREAD.with(|c| c.set(false));
        let g = g
            .map_err(|e| e.to_string())
            .map(|g| (g.entities_len(), g.inner.write_image(), format!("{:?}", g.inner.places)));
        format!("{added:?} {g:?}")
    }

    #[test]
    fn two_threads_build_what_one_builds() {
        let tsv = large_tsv();
        assert!(tsv.len() > 2 * MIN_BYTES);
        let lines: Vec<&str> = tsv.split_inclusive('\n').collect();
        let with_bad_line = |at: usize, bad: &str| {
            let mut l = lines.clone();
            l[at] = bad;
            l.concat()
        };
        let inputs = [
            tsv.clone(),
            with_bad_line(20_000, "X\tLOC\n"),
            with_bad_line(3_000, "\tLOC\tx:1\tX\n"),
            with_bad_line(23_999, "X\tLOC\tx:1\tX\t95\t0\n"),
        ];
        for mode in [super::super::CaseMode::Smart, super::super::CaseMode::Insensitive] {
            for (n, text) in inputs.iter().enumerate() {
                let same = outcome(text, false, mode) == outcome(text, true, mode);
                assert!(same, "input {n}, {mode:?}: two threads built another gazetteer");
            }
        }
        assert!(outcome(&inputs[1], false, super::super::CaseMode::Smart).contains("line 20001"));
    }
}
