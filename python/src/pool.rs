//! The worker pool of `analyze_batch` and `analyze_arrow`, safe under `fork`.
//!
//! A forked child inherits rayon's bookkeeping but not its threads: a child
//! that used the parent's pool would wait forever for workers that do not
//! exist. So the pool remembers the process that started it, and a process
//! that finds another process's pool starts its own (the stale one is leaked,
//! never dropped: dropping it would signal threads that are not there).
//! rayon's global pool is never used.

use rayon::ThreadPool;
use std::sync::{Arc, Mutex, TryLockError};

static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// The pool of this process, started on first use.
pub fn pool() -> Result<Arc<ThreadPool>, String> {
    let pid = std::process::id();
    // Never block on the lock: a fork while another thread held it leaves it
    // held for good in the child. It is held only for a few instructions, so
    // a few tries tell a busy lock from an orphaned one.
    for _ in 0..1000 {
        let mut slot = match POOL.try_lock() {
            Ok(slot) => slot,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => {
                std::thread::yield_now();
                continue;
            }
        };
        if let Some((owner, pool)) = &*slot {
            if *owner == pid {
                return Ok(Arc::clone(pool));
            }
        }
        if let Some(stale) = slot.take() {
            std::mem::forget(stale);
        }
        let pool = Arc::new(start()?);
        *slot = Some((pid, Arc::clone(&pool)));
        return Ok(pool);
    }
    start().map(Arc::new)
}

fn start() -> Result<ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("textfacts-{i}"))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}
