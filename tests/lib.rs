//! The one integration-test binary (one link step): a module per capability.

mod common;

mod adversarial;
mod analyze_example;
mod auto_traits;
mod casualties;
mod default_gazetteer;
mod gazetteer;
#[cfg(feature = "serde")]
mod golden;
mod html;
mod numbers;
mod numbers_forms;
mod places;
mod public_api;
mod sentences;
mod tokenize;
mod tolls;
