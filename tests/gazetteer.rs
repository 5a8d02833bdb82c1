//! Tests for the gazetteer layer.
