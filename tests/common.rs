//! Helpers shared by the integration tests.

use std::path::PathBuf;

/// The shared data directory from `TEXTFACTS_DATA` (default `../shared/data`),
/// or `None` after printing one line saying the caller skipped.
pub fn data_dir(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("TEXTFACTS_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped {test}: no data at {} (set TEXTFACTS_DATA)", dir.display());
        None
    }
}
