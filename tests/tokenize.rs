//! Tests for the tokenize layer.
