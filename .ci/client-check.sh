#!/usr/bin/env bash
# A separate client crate that depends on textfacts by path must compile and run
# the README's first Rust example unchanged.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "textfacts-client-check"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
textfacts = { path = "$root" }

[workspace]
TOML
# The first ```rust block of the README, verbatim.
awk '/^```rust$/ {inside=1; next} inside && /^```$/ {exit} inside {print}' "$root/README.md" > "$dir/src/main.rs"
test -s "$dir/src/main.rs"
# Share the crate's target dir so dependencies are not built twice.
CARGO_TARGET_DIR="$root/target" cargo run --quiet --manifest-path "$dir/Cargo.toml"
