//! Every public type is `Send + Sync + Unpin + UnwindSafe + RefUnwindSafe`, so it
//! can be stored in statics and shared across threads.

use std::panic::{RefUnwindSafe, UnwindSafe};

fn assert_auto<T: Send + Sync + Unpin + UnwindSafe + RefUnwindSafe>() {}

#[test]
fn public_types_are_thread_safe() {
    use textfacts::*;
    assert_auto::<Analyzer>();
    assert_auto::<AnalyzerBuilder>();
    assert_auto::<CaseMode>();
    assert_auto::<CasualtyFact>();
    assert_auto::<CasualtyRecord>();
    assert_auto::<Count>();
    assert_auto::<CountRecord>();
    assert_auto::<Document>();
    assert_auto::<LocationRecord>();
    assert_auto::<Place>();
    assert_auto::<PlaceResolver>();
    assert_auto::<Entity>();
    assert_auto::<EntityId>();
    assert_auto::<EntityMatch>();
    assert_auto::<EntityRecord>();
    assert_auto::<Error>();
    assert_auto::<FindIter<'static, 'static>>();
    assert_auto::<FindOverlappingIter<'static, 'static>>();
    assert_auto::<HtmlPage>();
    assert_auto::<OffsetConverter<'static>>();
    assert_auto::<Gazetteer>();
    assert_auto::<GazetteerBuilder>();
    assert_auto::<Interval>();
    assert_auto::<Layer>();
    assert_auto::<NumberKind>();
    assert_auto::<NumberPhrase<'static>>();
    assert_auto::<NumberPhrases<'static>>();
    assert_auto::<NumberRecord>();
    assert_auto::<Outcome>();
    assert_auto::<Sentence<'static>>();
    assert_auto::<SentenceRecord>();
    assert_auto::<Sentences<'static>>();
    assert_auto::<Span>();
    assert_auto::<TextSpan>();
    assert_auto::<Token<'static>>();
    assert_auto::<TokenKind>();
    assert_auto::<TokenRecord>();
    assert_auto::<Toll>();
    assert_auto::<TollRecord>();
    assert_auto::<Tokens<'static>>();
}
