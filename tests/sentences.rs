//! Sentence boundaries on hard cases, one table per family of phenomena.
//!
//! The cases are written for this crate (none is taken from another
//! project's test suite). A case passes only when the whole list of
//! sentences is exactly right.

/// Runs every case of a family and reports all failures at once.
fn check(family: &str, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got: Vec<&str> = textfacts::sentences(text).map(|s| s.as_str()).collect();
        if got != *want {
            failures.push(format!("  {text:?}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{family}: {} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn plain_terminal_punctuation() {
    check(
        "terminal punctuation",
        &[
            ("The bridge held. The road did not.", &["The bridge held.", "The road did not."]),
            ("Who called? Nobody knows.", &["Who called?", "Nobody knows."]),
            ("It worked! We cheered.", &["It worked!", "We cheered."]),
            ("Really?! That is news.", &["Really?!", "That is news."]),
            ("Stop!! Look first.", &["Stop!!", "Look first."]),
            ("Who?? Me?", &["Who??", "Me?"]),
            ("Now?! Are you sure?", &["Now?!", "Are you sure?"]),
        ],
    );
}

#[test]
fn no_break_before_a_lowercase_word() {
    check(
        "lowercase continuation",
        &[
            ("Did Ruth and co. sign the lease?", &["Did Ruth and co. sign the lease?"]),
            (
                "The bakery on Elm st. past the church closed.",
                &["The bakery on Elm st. past the church closed."],
            ),
            (
                "He won a car on Jackpot! during the reruns.",
                &["He won a car on Jackpot! during the reruns."],
            ),
            (
                "The app Gumbo! raised money in May. It grew.",
                &["The app Gumbo! raised money in May.", "It grew."],
            ),
            ("Fees, taxes, etc. are listed below.", &["Fees, taxes, etc. are listed below."]),
            ("\"Who?\" asked the guard.", &["\"Who?\" asked the guard."]),
            ("She said 'Enough.' and left.", &["She said 'Enough.' and left."]),
        ],
    );
}

#[test]
fn lowercase_starts_when_the_text_writes_them_everywhere() {
    check(
        "lowercase writer",
        &[
            ("i saw it. then i left.", &["i saw it.", "then i left."]),
            ("ok. so what. whatever.", &["ok.", "so what.", "whatever."]),
            ("we met Bob! he says hi. see you.", &["we met Bob!", "he says hi.", "see you."]),
        ],
    );
}

#[test]
fn abbreviations_and_initials_that_end_a_sentence() {
    check(
        "abbreviation at a sentence end",
        &[
            (
                "The call came at 7 A.M. The mayor answered.",
                &["The call came at 7 A.M.", "The mayor answered."],
            ),
            (
                "We closed at 11 p.m. Then we drove home.",
                &["We closed at 11 p.m.", "Then we drove home."],
            ),
            ("By 8 a.m. Dr. Lee had arrived.", &["By 8 a.m. Dr. Lee had arrived."]),
            // After a clock time late in its sentence, any capitalised word
            // but a day, a month or a time zone opens the next one.
            (
                "The ferry left the pier at 6 a.m. Coastguards saw it sink.",
                &["The ferry left the pier at 6 a.m.", "Coastguards saw it sink."],
            ),
            (
                "The hearing was moved to 2 p.m. Thursday in the annex.",
                &["The hearing was moved to 2 p.m. Thursday in the annex."],
            ),
            (
                "Markets reopen at 9 a.m. Tokyo time on Monday.",
                &["Markets reopen at 9 a.m. Tokyo time on Monday."],
            ),
            ("Around 5 a.m. Miller heard shots.", &["Around 5 a.m. Miller heard shots."]),
            // A month's abbreviation late in its sentence likewise; a day
            // number or another date word goes on.
            (
                "Exports slumped in Feb. Traders blamed the strike.",
                &["Exports slumped in Feb.", "Traders blamed the strike."],
            ),
            (
                "The vote is due on Tues. Nov. 8 in the capital.",
                &["The vote is due on Tues. Nov. 8 in the capital."],
            ),
            ("The fire broke out Oct. 3 near Reno.", &["The fire broke out Oct. 3 near Reno."]),
            (
                "The staff went home at 6 P.M. Mrs. Cole stayed on.",
                &["The staff went home at 6 P.M.", "Mrs. Cole stayed on."],
            ),
            (
                "The bids came from Acme Corp. They lost.",
                &["The bids came from Acme Corp.", "They lost."],
            ),
            ("He moved to the U.K. How odd.", &["He moved to the U.K.", "How odd."]),
            (
                "Doors shut at 10 p.m. Everybody left by midnight.",
                &["Doors shut at 10 p.m.", "Everybody left by midnight."],
            ),
            (
                "The suit names Apex Ltd. Officials declined to comment.",
                &["The suit names Apex Ltd.", "Officials declined to comment."],
            ),
            (
                "She works for the U.N. Security Council.",
                &["She works for the U.N. Security Council."],
            ),
            (
                "The prize went to Tom and I. Nobody else qualified.",
                &["The prize went to Tom and I.", "Nobody else qualified."],
            ),
            ("We met Henry I. Cole at the gate.", &["We met Henry I. Cole at the gate."]),
            (
                "He lives in Washington, D.C. He likes it.",
                &["He lives in Washington, D.C.", "He likes it."],
            ),
        ],
    );
}

#[test]
fn abbreviations_and_initials_inside_a_sentence() {
    check(
        "abbreviation inside a sentence",
        &[
            ("Gen. R. E. Lee spoke. He left.", &["Gen. R. E. Lee spoke.", "He left."]),
            (
                "Dr. A. B. Carter met Mr. Ng in Ft. Worth.",
                &["Dr. A. B. Carter met Mr. Ng in Ft. Worth."],
            ),
            ("You can see Mt. Rainier from the deck.", &["You can see Mt. Rainier from the deck."]),
            ("That is Smith Jr.'s car.", &["That is Smith Jr.'s car."]),
            ("Turn to p. 12 for the map.", &["Turn to p. 12 for the map."]),
            ("See you soon.\n\nP.S. Bring the map.", &["See you soon.", "P.S. Bring the map."]),
            ("She paid Briggs & Co. last week.", &["She paid Briggs & Co. last week."]),
            ("I lived in the U.S. for ten years.", &["I lived in the U.S. for ten years."]),
            ("He works for the U.S. Navy in Norfolk.", &["He works for the U.S. Navy in Norfolk."]),
            // AP-style state abbreviations before a lowercase word.
            (
                "A Tupelo, Miss. teacher and a Salem, Mass. nurse moved to Joplin, Mo. last May.",
                &["A Tupelo, Miss. teacher and a Salem, Mass. nurse moved to Joplin, Mo. last May."],
            ),
            ("She sang at Mass. Then she left.", &["She sang at Mass.", "Then she left."]),
        ],
    );
}

#[test]
fn multi_period_abbreviations() {
    check(
        "multi-period abbreviations",
        &[
            ("She moved to the U.S.A. last year.", &["She moved to the U.S.A. last year."]),
            (
                "She moved to the U.S.A. Her sister stayed.",
                &["She moved to the U.S.A.", "Her sister stayed."],
            ),
            ("He holds a Ph.D. in botany.", &["He holds a Ph.D. in botany."]),
            ("Use a tool, e.g. a wrench, here.", &["Use a tool, e.g. a wrench, here."]),
        ],
    );
}

#[test]
fn numbers_and_measurements() {
    check(
        "numbers",
        &[
            ("The ticket was $12.50 today. Fine.", &["The ticket was $12.50 today.", "Fine."]),
            // A temperature scale is no initial.
            (
                "The pool was 31 °C. Swimmers left; it hit 90 F. Ice sold out.",
                &["The pool was 31 °C.", "Swimmers left; it hit 90 F.", "Ice sold out."],
            ),
            (
                "See item No. 3.1. It explains the rule.",
                &["See item No. 3.1.", "It explains the rule."],
            ),
            (
                "Record N°. 12.44.3. It was found later.",
                &["Record N°. 12.44.3.", "It was found later."],
            ),
            ("The air hit 38°C. Then it rained.", &["The air hit 38°C.", "Then it rained."]),
            ("He got home at 11p.m. and slept.", &["He got home at 11p.m. and slept."]),
            (
                "Output rose 4.5 percent. Stocks fell.",
                &["Output rose 4.5 percent.", "Stocks fell."],
            ),
        ],
    );
}

#[test]
fn numbered_lettered_and_bulleted_lists() {
    check(
        "lists",
        &[
            (
                "1. Buy milk 2. Pay rent 3. Call home",
                &["1. Buy milk", "2. Pay rent", "3. Call home"],
            ),
            ("1) Buy milk 2) Pay rent", &["1) Buy milk", "2) Pay rent"]),
            ("1.) Buy milk. 2.) Pay rent.", &["1.) Buy milk.", "2.) Pay rent."]),
            ("1.) Buy milk 2.) Pay rent", &["1.) Buy milk", "2.) Pay rent"]),
            ("a) Red cars b) Green cars", &["a) Red cars", "b) Green cars"]),
            (
                "a. Red cars b. Green cars c. Blue vans",
                &["a. Red cars", "b. Green cars", "c. Blue vans"],
            ),
            ("• 4. Sign in • 5. Sign out", &["• 4. Sign in", "• 5. Sign out"]),
            ("•7. Sign in •8. Sign out", &["•7. Sign in", "•8. Sign out"]),
            (
                "You need:\n1. A passport\n2. A ticket",
                &["You need:", "1. A passport", "2. A ticket"],
            ),
            ("Bring:\n- boots\n- a coat", &["Bring:", "- boots", "- a coat"]),
            (
                "Check two things: 1. Is the lid on? 2. Is it cold?",
                &["Check two things:", "1. Is the lid on?", "2. Is it cold?"],
            ),
            (
                "The steps are:\n*1. Unplug it.\n*2. Wait.",
                &["The steps are:", "*1. Unplug it.", "*2. Wait."],
            ),
            // Not a list: the labels do not open a sentence.
            (
                "We ranked them by 1) price and 2) speed.",
                &["We ranked them by 1) price and 2) speed."],
            ),
        ],
    );
}

#[test]
fn quotes_and_parentheses_after_the_period() {
    check(
        "quotes and parentheses",
        &[
            (
                "She said, \"It is done.\" Then she left.",
                &["She said, \"It is done.\"", "Then she left."],
            ),
            ("\"We won!\" he shouted.", &["\"We won!\" he shouted."]),
            (
                "He paused (the room was silent.) and went on.",
                &["He paused (the room was silent.) and went on."],
            ),
            (
                "It rained. (Nobody minded.) We stayed.",
                &["It rained.", "(Nobody minded.)", "We stayed."],
            ),
            (
                "As one critic put it, \"the plot drags [...] and drags\" (Hale 112).",
                &["As one critic put it, \"the plot drags [...] and drags\" (Hale 112)."],
            ),
            (
                "He wrote that \"the data are clear.\" (Lee 2020)",
                &["He wrote that \"the data are clear.\" (Lee 2020)"],
            ),
            (
                "They \"went on . . . and on\" (Ruiz, p. 9). Then it ended.",
                &["They \"went on . . . and on\" (Ruiz, p. 9).", "Then it ended."],
            ),
            // A parenthesis after a plain period is a sentence of its own.
            ("It fell. (Smith 1994). Prices rose.", &["It fell.", "(Smith 1994).", "Prices rose."]),
            ("It rose.[4] Later it fell.", &["It rose.[4]", "Later it fell."]),
        ],
    );
}

#[test]
fn ellipses() {
    check(
        "ellipses",
        &[
            ("I thought ... no, forget it.", &["I thought ... no, forget it."]),
            ("I wanted more.... Nobody offered.", &["I wanted more....", "Nobody offered."]),
            ("They waited . . . and waited.", &["They waited . . . and waited."]),
            ("The road went on . . . I kept walking.", &["The road went on . . . I kept walking."]),
            (
                "She stopped the letter there . . . . The next page was blank.",
                &["She stopped the letter there . . . .", "The next page was blank."],
            ),
            ("He knew...she knew.", &["He knew...she knew."]),
            // Glued to a word that opens sentences, an ellipsis ends one.
            ("We waited...Was it over?", &["We waited...", "Was it over?"]),
            ("He called it...Mercury Nine.", &["He called it...Mercury Nine."]),
            ("...Then the lights went out.", &["...Then the lights went out."]),
            (
                "The vote passed. ...and then the hall emptied.",
                &["The vote passed.", "...and then the hall emptied."],
            ),
            (
                "It ended with a sigh. . . . Then silence.",
                &["It ended with a sigh. . . .", "Then silence."],
            ),
        ],
    );
}

#[test]
fn emails_and_urls() {
    check(
        "e-mail and URLs",
        &[
            (
                "Write to ann.lee@example.org. She replies fast.",
                &["Write to ann.lee@example.org.", "She replies fast."],
            ),
            (
                "Details are at https://example.net/a/b.html. Read them.",
                &["Details are at https://example.net/a/b.html.", "Read them."],
            ),
            ("Visit www.example.com today.", &["Visit www.example.com today."]),
            ("Mail mailto:bob@example.com for help.", &["Mail mailto:bob@example.com for help."]),
        ],
    );
}

#[test]
fn message_headers_and_attachments() {
    check(
        "messages",
        &[
            (
                "Jo Bell <jo@example.com> Please call.",
                &["Jo Bell <jo@example.com>", "Please call."],
            ),
            (
                "Report attached << File: notes.xls >> Call me later.",
                &["Report attached << File: notes.xls >>", "Call me later."],
            ),
            ("See <<a.doc>> <<b.xls>> and call.", &["See <<a.doc>> <<b.xls>> and call."]),
            (
                "Write to jo@example.com <mailto:jo@example.com> today.",
                &["Write to jo@example.com <mailto:jo@example.com> today."],
            ),
            ("Thanks again.\n\nCordially,\nAnn Lee", &["Thanks again.", "Cordially,", "Ann Lee"]),
        ],
    );
}

#[test]
fn missing_space_after_a_period() {
    check(
        "missing space",
        &[
            ("It closed on Tuesday.Mr. Hale left.", &["It closed on Tuesday.", "Mr. Hale left."]),
            ("Hello.World is a phrase.", &["Hello.", "World is a phrase."]),
        ],
    );
}
