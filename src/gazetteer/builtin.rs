//! The built-in list: `data/default-gazetteer.tsv`, embedded, and served
//! from its compiled image (`image.rs`).

use super::build::build;
use super::matcher::Matcher;
use super::parse::{self, Rows};
use super::{CaseMode, Gazetteer, Inner};
use std::sync::Arc;

/// The built-in list, embedded at compile time.
pub(super) const DEFAULT_TSV: &str = include_str!("../../data/default-gazetteer.tsv");
pub(super) const DEFAULT_TSV_NAME: &str = "data/default-gazetteer.tsv";
/// The built-in list compiled (see `image.rs`); a test keeps it in step with
/// the TSV.
const DEFAULT_IMAGE: &[u8] = include_bytes!("../../data/default-gazetteer.image");

/// The built-in default gazetteer (`data/default-gazetteer.tsv`: countries,
/// major cities, regions, organisations, demonyms under `NORP`) with smart
/// case, read on first use from its compiled image (a few milliseconds).
///
/// # Examples
///
/// ```
/// let g = textfacts::default_gazetteer();
/// let _ = g.find_iter("Peace talks in Geneva").count();
/// ```
#[must_use]
pub fn default_gazetteer() -> &'static Gazetteer {
    static DEFAULT: once_cell::sync::Lazy<Gazetteer> = once_cell::sync::Lazy::new(|| {
        let inner = Inner::read_image(DEFAULT_IMAGE).or_else(|| {
            let mut rows = Rows::default();
            // The embedded file is checked by a test; should it ever be
            // malformed, the rows before the bad line are still served.
            let _ = parse::parse_tsv(DEFAULT_TSV.as_bytes(), &mut rows);
            let built = build(&[&rows], CaseMode::Smart, true).ok()?;
            Arc::try_unwrap(built.inner).ok()
        });
        let inner = inner.unwrap_or_else(|| Inner {
            matcher: Matcher::build(&[]),
            entities: Vec::new(),
            case_mode: CaseMode::Smart,
            context_rules: true,
            builtin: false,
            places: Vec::new(),
        });
        Gazetteer { inner: Arc::new(Inner { builtin: true, ..inner }) }
    });
    &DEFAULT
}

#[cfg(test)]
mod tests {
    use super::super::image;
    use super::*;

    /// Builds the built-in list from its TSV, as `default_gazetteer` did
    /// before images.
    fn built_from_tsv() -> Gazetteer {
        let mut rows = Rows::default();
        parse::parse_tsv(DEFAULT_TSV.as_bytes(), &mut rows).unwrap();
        build(&[&rows], CaseMode::Smart, true).unwrap()
    }

    #[test]
    fn default_image_is_fresh() {
        let image = built_from_tsv().inner.write_image();
        let file = "data/default-gazetteer.image";
        image::assert_fresh(&image, DEFAULT_IMAGE, file, "default_image_is_fresh");
    }

    #[test]
    fn image_reads_back_what_was_written() {
        let built = built_from_tsv();
        let image = built.inner.write_image();
        let read = Inner::read_image(&image).unwrap();
        assert_eq!(read.write_image(), image);
        assert_eq!(read.entities, built.inner.entities);
        let read = Gazetteer { inner: Arc::new(read) };
        let text = "Protesters in São Paulo, the UN in Geneva and al-Quds; the pro-Beijing camp.";
        let spans =
            |g: &Gazetteer| g.find_iter(text).map(|m| (m.span(), m.entity())).collect::<Vec<_>>();
        assert_eq!(spans(&read), spans(&built));
        // Every cut of the image is refused, never a panic.
        for cut in (0..image.len()).step_by(997) {
            assert!(Inner::read_image(&image[..cut]).is_none());
        }
        assert!(Inner::read_image(b"not an image").is_none());
    }

    #[test]
    fn default_embeds_the_file() {
        let mut rows = Rows::default();
        parse::parse_tsv(DEFAULT_TSV.as_bytes(), &mut rows).unwrap();
        assert!(default_gazetteer().entities_len() > 0);
        assert_eq!(default_gazetteer().entities_len(), {
            let ids: std::collections::HashSet<_> = rows.iter().map(|r| r.id).collect();
            ids.len()
        });
    }
}
