//! Tests for the numbers layer.
