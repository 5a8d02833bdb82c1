//! Placeholder: the pipeline benchmark lands with the analyzer issue.
fn main() {}
