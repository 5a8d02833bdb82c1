//! Section 9 of numbers.md ("forms real text and other projects' test suites
//! use"): one table per subsection, written for this crate; property tests
//! that digit values are exact and that a phrase reads the same in any
//! sentence; `parse_number` on every form; and the forms-dev floor.

use proptest::prelude::*;
use textfacts::{number_phrases, parse_number, Interval, NumberKind};

use crate::numbers::{pt, run};

const N: NumberKind = NumberKind::Number;
const M: NumberKind = NumberKind::Money;
const P: NumberKind = NumberKind::Percent;
const F: NumberKind = NumberKind::Fraction;

#[test]
fn p1_fractions_and_mixed_numbers() {
    run(&[
        (
            "The hike took five and a half hours.",
            &[("five and a half", pt(5.5), false, N, Some("hours"))],
        ),
        (
            "A 3½ mile walk and a 12 1/4 inch pipe.",
            &[("3½", pt(3.5), false, N, None), ("12 1/4", pt(12.25), false, N, None)],
        ),
        (
            "The bill was two hundred and three quarters dollars.",
            &[("two hundred and three quarters", pt(200.75), false, M, Some("dollars"))],
        ),
        (
            "It holds sixty and three quarters litres.",
            &[("sixty and three quarters", pt(60.75), false, N, Some("litres"))],
        ),
        (
            "The tank holds nine and twenty-five hundredths gallons.",
            &[("nine and twenty-five hundredths", pt(9.25), false, N, Some("gallons"))],
        ),
        (
            "They will plant two and a quarter million trees.",
            &[("two and a quarter million", pt(2.25e6), false, N, Some("trees"))],
        ),
        (
            "A billion and a half people watched.",
            &[("A billion and a half", pt(1.5e9), false, N, Some("people"))],
        ),
        (
            "It sold 7 million and a half copies.",
            &[("7 million and a half", pt(7.5e6), false, N, Some("copies"))],
        ),
        (
            "She bought two dozen and a half roses.",
            &[("two dozen and a half", pt(30.0), false, N, Some("roses"))],
        ),
        (
            "She bought a dozen and a half roses.",
            &[("a dozen and a half", pt(18.0), false, N, Some("roses"))],
        ),
        (
            "Eight and a half thousand fans came.",
            &[("Eight and a half thousand", pt(8500.0), false, N, Some("fans"))],
        ),
        (
            "A quarter million homes and half million jobs.",
            &[
                ("A quarter million", pt(2.5e5), false, N, Some("homes")),
                ("half million", pt(5e5), false, N, Some("jobs")),
            ],
        ),
        (
            "It cost three quarters billion.",
            &[("three quarters billion", pt(7.5e8), false, N, None)],
        ),
        (
            "One third of a million voted.",
            &[("One third of a million", pt(1e6 / 3.0), false, N, None)],
        ),
        (
            "Only ¼ of them and ⅔ of us.",
            &[("¼", pt(0.25), false, F, None), ("⅔", pt(2.0 / 3.0), false, F, None)],
        ),
        ("Some 2/5 of the land.", &[("Some 2/5", pt(0.4), true, F, None)]),
        ("Two out of five doctors agree.", &[("Two out of five", pt(0.4), false, F, None)]),
        (
            "Seven eighths of the ice and a thousandth of a gram.",
            &[
                ("Seven eighths", pt(0.875), false, F, None),
                ("a thousandth", pt(0.001), false, F, None),
            ],
        ),
        (
            "It took 2 and a half days and 1.5 dozen eggs.",
            &[
                ("2 and a half", pt(2.5), false, N, Some("days")),
                ("1.5 dozen", pt(18.0), false, N, Some("eggs")),
            ],
        ),
        (
            "Quarter of a million fled; half of a billion stayed.",
            &[
                ("Quarter of a million", pt(2.5e5), false, N, None),
                ("half of a billion", pt(5e8), false, N, None),
            ],
        ),
        ("Seven over nine is small; 3 over 4 too.", &[]),
        (
            "Some stay until at least 26 and a fifth are renting.",
            &[
                ("at least 26", (Some(26.0), true, None, false), false, N, None),
                ("a fifth", pt(0.2), false, F, None),
            ],
        ),
        // Shares of a poll: "N in M" with N above one when M is ten or less,
        // a hundred or a thousand and no time unit follows.
        (
            "Over six in ten renters and 4 in 100 owners moved.",
            &[
                ("Over six in ten", (Some(0.6), false, None, false), false, F, None),
                ("4 in 100", pt(0.04), false, F, None),
            ],
        ),
        (
            "She won 3 in 10 minutes; sales were four in 2019.",
            &[
                ("3", pt(3.0), false, N, None),
                ("10", pt(10.0), false, N, Some("minutes")),
                ("four", pt(4.0), false, N, None),
            ],
        ),
        // A change by a share, before "to", "in"... or a mark.
        (
            "Fares went up by a quarter to 80 pence; use fell by half.",
            &[
                ("a quarter", pt(0.25), false, F, None),
                ("80", pt(80.0), false, M, Some("pence")),
                ("half", pt(0.5), false, F, None),
            ],
        ),
        ("The data was held by a third party.", &[]),
        // Not read: improper fractions, compound-ordinal denominators, other slashes.
        ("Nineteen fifths is odd; one forty-second too.", &[]),
        ("Marks of 7/15 and 30/100 were posted.", &[]),
    ]);
}

#[test]
fn p2_scale_words() {
    run(&[
        // A comma between the groups of a number in words.
        (
            "They counted seventy-two thousand, four hundred and nine ballots.",
            &[(
                "seventy-two thousand, four hundred and nine",
                pt(72409.0),
                false,
                N,
                Some("ballots"),
            )],
        ),
        (
            "Ten thousand, nine were found; one thousand, two thousand, more.",
            &[
                ("Ten thousand", pt(1e4), false, N, None),
                ("nine", pt(9.0), false, N, None),
                ("one thousand", pt(1e3), false, N, None),
                ("two thousand", pt(2e3), false, N, None),
            ],
        ),
        ("The fund lost six billions.", &[("six billions", pt(6e9), false, N, None)]),
        (
            "Fifteen thousands workers struck.",
            &[("Fifteen thousands", pt(15000.0), false, N, Some("workers"))],
        ),
        (
            "They ordered three dozens and sixty hundreds.",
            &[
                ("three dozens", pt(36.0), false, N, None),
                ("sixty hundreds", pt(6000.0), false, N, None),
            ],
        ),
        (
            "Five thousand millions were lost.",
            &[("Five thousand millions", pt(5e9), false, N, None)],
        ),
        ("Hundred fifteen boats left.", &[("Hundred fifteen", pt(115.0), false, N, Some("boats"))]),
        (
            "Thousand two hundred twenty signed.",
            &[("Thousand two hundred twenty", pt(1220.0), false, N, None)],
        ),
        (
            "They counted 7 thousand 4 hundred and 12 votes.",
            &[("7 thousand 4 hundred and 12", pt(7412.0), false, N, Some("votes"))],
        ),
        (
            "It has 3 million 200 thousand users.",
            &[("3 million 200 thousand", pt(3.2e6), false, N, Some("users"))],
        ),
        (
            "About 620 hundred tonnes.",
            &[("About 620 hundred", pt(62000.0), true, N, Some("tonnes"))],
        ),
        (
            "Three crore two lakh ten thousand voters.",
            &[("Three crore two lakh ten thousand", pt(30_210_000.0), false, N, Some("voters"))],
        ),
        (
            "The budget is Rs 8 lakh and ₹450 crore, or four lakh crore.",
            &[
                ("Rs 8 lakh", pt(8e5), false, M, None),
                ("₹450 crore", pt(4.5e9), false, M, None),
                ("four lakh crore", pt(4e12), false, N, None),
            ],
        ),
        (
            "Up to 6 lakhs pilgrims came.",
            &[("Up to 6 lakhs", (None, false, Some(6e5), true), false, N, Some("pilgrims"))],
        ),
        (
            "Lakhs of people.",
            &[("Lakhs", (Some(2e5), true, Some(1e6), false), true, N, Some("people"))],
        ),
        (
            "Debts of 7bln, 3 mil, 2tn and 9 cr.",
            &[
                ("7bln", pt(7e9), false, N, None),
                ("3 mil", pt(3e6), false, N, None),
                ("2tn", pt(2e12), false, N, None),
                ("9 cr", pt(9e7), false, N, None),
            ],
        ),
        (
            "Billions of euros flowed.",
            &[("Billions", (Some(2e9), true, Some(1e10), false), true, M, Some("euros"))],
        ),
        (
            "In 1985 thousands of people marched.",
            &[("thousands", (Some(2000.0), true, Some(10000.0), false), true, N, Some("people"))],
        ),
    ]);
}

#[test]
fn p3_digit_grouping() {
    run(&[
        ("The army sent 18 000 troops.", &[("18 000", pt(18000.0), false, N, Some("troops"))]),
        (
            "It holds 3\u{a0}250\u{a0}000 litres.",
            &[("3\u{a0}250\u{a0}000", pt(3_250_000.0), false, N, Some("litres"))],
        ),
        ("Toll: 1\u{202f}204.", &[("1\u{202f}204", pt(1204.0), false, N, None)]),
        ("We saw 9\u{2009}999 birds.", &[("9\u{2009}999", pt(9999.0), false, N, Some("birds"))]),
        (
            "It stored 5 028 448.0 litres and 1 000.50 more.",
            &[
                ("5 028 448.0", pt(5_028_448.0), false, N, Some("litres")),
                ("1 000.50", pt(1000.5), false, N, None),
            ],
        ),
        ("In 2021 400 homes burned.", &[("400", pt(400.0), false, N, Some("homes"))]),
        ("Ring 0845 600 7070 today.", &[]),
        (
            "Assets of 23,45,678 rupees.",
            &[("23,45,678", pt(2_345_678.0), false, M, Some("rupees"))],
        ),
        ("Rates of 3,25 and 7,5 apply.", &[]),
    ]);
}

#[test]
fn p4_decimals_in_words() {
    run(&[
        ("Growth was point seven percent.", &[("point seven percent", pt(0.7), false, P, None)]),
        (
            "Naught point four and zero point two.",
            &[
                ("Naught point four", pt(0.4), false, N, None),
                ("zero point two", pt(0.2), false, N, None),
            ],
        ),
        (
            "It is six point twelve metres.",
            &[("six point twelve", pt(6.12), false, N, Some("metres"))],
        ),
        (
            "Seven point sixty-five seconds.",
            &[("Seven point sixty-five", pt(7.65), false, N, Some("seconds"))],
        ),
        (
            "One point three billion people.",
            &[("One point three billion", pt(1.3e9), false, N, Some("people"))],
        ),
    ]);
}

#[test]
fn p5_signs() {
    run(&[
        ("It fell to minus 18 degrees.", &[("minus 18", pt(-18.0), false, N, Some("degrees"))]),
        (
            "Lows of −7 and negative 3.",
            &[("−7", pt(-7.0), false, N, None), ("negative 3", pt(-3.0), false, N, None)],
        ),
        (
            "A change of -1.5% and -€300.",
            &[("-1.5%", pt(-1.5), false, P, None), ("-€300", pt(-300.0), false, M, None)],
        ),
        ("We need plus 15 beds.", &[("plus 15", pt(15.0), false, N, Some("beds"))]),
        // "plus or minus" is a tolerance: the value is no negative.
        ("A margin of plus or minus 4 points.", &[("4", pt(4.0), false, N, Some("points"))]),
        ("Losses - 40 tanks.", &[("40", pt(40.0), false, N, Some("tanks"))]),
        // A dash glued after a percent sign joins two shares, it is no sign.
        (
            "A mix of 70%-30% sand and (-4%) growth.",
            &[
                ("70%", pt(70.0), false, P, None),
                ("30%", pt(30.0), false, P, None),
                ("-4%", pt(-4.0), false, P, None),
            ],
        ),
    ]);
}

#[test]
fn p6_money() {
    run(&[
        (
            "It paid $ 40 million and USD 900.",
            &[("$ 40 million", pt(4e7), false, M, None), ("USD 900", pt(900.0), false, M, None)],
        ),
        (
            "A grant of Rs. 12 lakh and NZ$ 80.",
            &[("Rs. 12 lakh", pt(1.2e6), false, M, None), ("NZ$ 80", pt(80.0), false, M, None)],
        ),
        (
            "Fares are 20 € and 45₾.",
            &[("20 €", pt(20.0), false, M, None), ("45₾", pt(45.0), false, M, None)],
        ),
        (
            "He owes 60 pesos and 700 EUR.",
            &[("60", pt(60.0), false, M, Some("pesos")), ("700", pt(700.0), false, M, Some("EUR"))],
        ),
        ("A fee of 250GBP.", &[("250", pt(250.0), false, M, Some("GBP"))]),
        (
            "It costs 75 cents, or 30 pence.",
            &[("75", pt(75.0), false, M, Some("cents")), ("30", pt(30.0), false, M, Some("pence"))],
        ),
        (
            "She paid 8 dollars 25 cents.",
            &[("8", pt(8.0), false, M, Some("dollars")), ("25", pt(25.0), false, M, Some("cents"))],
        ),
        (
            "He is 5 feet 4 inches tall.",
            &[("5", pt(5.0), false, N, Some("feet")), ("4", pt(4.0), false, N, Some("inches"))],
        ),
        ("It was 40 dollars 20.", &[("40", pt(40.0), false, M, Some("dollars"))]),
        // Colloquial currency names.
        (
            "A pint is four quid; the tickets ran 90 bucks.",
            &[("four", pt(4.0), false, M, Some("quid")), ("90", pt(90.0), false, M, Some("bucks"))],
        ),
        // "pc" glued (British press) is a percentage; spaced or in capitals it is not.
        (
            "Rents rose 4.5pc and 7pct; the star is 12 pc away; 3 PC games sold.",
            &[
                ("4.5pc", pt(4.5), false, P, None),
                ("7pct", pt(7.0), false, P, None),
                ("12", pt(12.0), false, N, None),
                ("3", pt(3.0), false, N, Some("games")),
            ],
        ),
    ]);
}

#[test]
fn p7_units_glued() {
    run(&[
        (
            "A 500ml bottle, a 12km trail and 9mm rounds.",
            &[
                ("500", pt(500.0), false, N, Some("ml")),
                ("12", pt(12.0), false, N, Some("km")),
                ("9", pt(9.0), false, N, Some("mm")),
            ],
        ),
        (
            "It weighs 150lbs or 20t.",
            &[("150", pt(150.0), false, N, Some("lbs")), ("20", pt(20.0), false, N, Some("t"))],
        ),
        ("The dam is 3.5m deep.", &[("3.5", pt(3.5), false, N, Some("m"))]),
        ("A crane with a reach of 60m.", &[("60", pt(60.0), false, N, Some("m"))]),
        (
            "Some 3m residents and £5m in aid.",
            &[("Some 3m", pt(3e6), true, N, Some("residents")), ("£5m", pt(5e6), false, M, None)],
        ),
        // A race's distance is metres; money before it stays millions.
        (
            "She took the 800m final and the 400m hurdles, then a €40m deal.",
            &[
                ("800", pt(800.0), false, N, Some("m")),
                ("400", pt(400.0), false, N, Some("m")),
                ("€40m", pt(4e7), false, M, None),
            ],
        ),
        (
            "He swam the 50m in 21.3 seconds.",
            &[("50", pt(50.0), false, N, Some("m")), ("21.3", pt(21.3), false, N, Some("seconds"))],
        ),
        // A glued unit makes a year-like number a measure.
        ("A 1200km pipeline.", &[("1200", pt(1200.0), false, N, Some("km"))]),
    ]);
}

#[test]
fn p8_small_vague_quantities() {
    run(&[
        ("A couple of days later.", &[("A couple", pt(2.0), true, N, Some("days"))]),
        (
            "We met a couple of thousand fans.",
            &[("a couple of thousand", pt(2000.0), true, N, Some("fans"))],
        ),
        (
            "About a couple dozen boats sank.",
            &[("About a couple dozen", pt(24.0), true, N, Some("boats"))],
        ),
        ("A pair of eagles nested.", &[("A pair", pt(2.0), false, N, Some("eagles"))]),
        (
            "Only a handful of shops opened.",
            &[("a handful", (Some(2.0), true, Some(10.0), false), true, N, Some("shops"))],
        ),
        ("A couple was arrested; few came; the tally was nil.", &[]),
    ]);
}

#[test]
fn p9_change_phrases() {
    run(&[
        // Two amounts of money after a change verb: the change and the level.
        (
            "The stock slid $1.20 to $44.80; seats cost $20 to $40.",
            &[
                ("$1.20", pt(1.2), false, M, None),
                ("$44.80", pt(44.8), false, M, None),
                ("$20 to $40", (Some(20.0), true, Some(40.0), true), false, M, None),
            ],
        ),
        (
            "Imports fell 4% to 2.1 million tonnes.",
            &[
                ("4%", pt(4.0), false, P, None),
                ("2.1 million", pt(2.1e6), false, N, Some("tonnes")),
            ],
        ),
        (
            "Prices eased 0.3 percent to 7%.",
            &[("0.3 percent", pt(0.3), false, P, None), ("7%", pt(7.0), false, P, None)],
        ),
        (
            "Its debt grew by 3% to $9 billion.",
            &[("3%", pt(3.0), false, P, None), ("$9 billion", pt(9e9), false, M, None)],
        ),
        (
            "Membership dropped to 40 from 55.",
            &[("40", pt(40.0), false, N, None), ("55", pt(55.0), false, N, None)],
        ),
        (
            "Rainfall ranged from 10 to 30 millimetres.",
            &[(
                "from 10 to 30",
                (Some(10.0), true, Some(30.0), true),
                false,
                N,
                Some("millimetres"),
            )],
        ),
        (
            "Costs rose 5 to 8 percent.",
            &[("5 to 8 percent", (Some(5.0), true, Some(8.0), true), false, P, None)],
        ),
    ]);
}

#[test]
fn p10_comparison_words() {
    run(&[
        (
            "Speeds higher than 90 and lower than 20.",
            &[
                ("higher than 90", (Some(90.0), false, None, false), false, N, None),
                ("lower than 20", (None, false, Some(20.0), false), false, N, None),
            ],
        ),
        (
            "Values of 70 or greater, 5 or less.",
            &[
                ("70 or greater", (Some(70.0), true, None, false), false, N, None),
                ("5 or less", (None, false, Some(5.0), true), false, N, None),
            ],
        ),
        (
            "Equal to or less than 12 seats.",
            &[(
                "Equal to or less than 12",
                (None, false, Some(12.0), true),
                false,
                N,
                Some("seats"),
            )],
        ),
        (
            "Above 40 and below 60 people.",
            &[(
                "Above 40 and below 60",
                (Some(40.0), false, Some(60.0), false),
                false,
                N,
                Some("people"),
            )],
        ),
        (
            "About 500 or more boats.",
            &[("About 500 or more", (Some(500.0), true, None, false), true, N, Some("boats"))],
        ),
        (
            "It equals 9 and is equal to 14.",
            &[("equals 9", pt(9.0), false, N, None), ("equal to 14", pt(14.0), false, N, None)],
        ),
    ]);
}

#[test]
fn p11_hedges() {
    run(&[
        ("On the order of 300 jobs.", &[("On the order of 300", pt(300.0), true, N, Some("jobs"))]),
        (
            "In the region of 70 patients.",
            &[("In the region of 70", pt(70.0), true, N, Some("patients"))],
        ),
    ]);
}

#[test]
fn p12_negatives() {
    run(&[
        ("The forty-second president and the twenty third stage.", &[]),
        ("The two hundred and fifth meeting; the three millionth user.", &[]),
        ("The one hundredth of a second counted.", &[("one hundredth", pt(0.01), false, F, None)]),
        ("He was fifty years old; she is over sixty years old; aged 71.", &[]),
        // An age with its qualifier, and none of its parts.
        ("Men aged over 40 and women aged between 18 and 35 applied.", &[]),
        (
            "The pupils, aged about nine, found 12 coins.",
            &[("12", pt(12.0), false, N, Some("coins"))],
        ),
        ("They won 4-2 and lost 1-3 after a 1-1 draw.", &[]),
        ("Take exit 9 or version 3 or nr. 4.", &[]),
        ("Dial 999 or +1 202 555 0143.", &[]),
        ("Meet at 7pm or half past nine on sept. 30.", &[]),
        ("One should rest; one cannot know.", &[]),
        ("The nineteen eighty-four novel.", &[]),
        (
            "Over the past 24 hours, three five-pointed stars.",
            &[
                ("24", pt(24.0), false, N, Some("hours")),
                ("three", pt(3.0), false, N, Some("stars")),
            ],
        ),
        (
            "It grew from 2.5 million in 1990 to 4.1 million in 2020.",
            &[
                ("2.5 million", pt(2.5e6), false, N, None),
                ("4.1 million", pt(4.1e6), false, N, None),
            ],
        ),
        ("Stars between 20 and 40 million years old; from version 1.2 to 1.4.", &[]),
        ("A sum of 1.1^23 over 10^6 cells.", &[]),
        // Ages set off by commas after a person or a name (news style).
        (
            "Lena Ortiz, 34, and two pilots, 41 and 45, flew; the crew of women, 12, stayed.",
            &[("two", pt(2.0), false, N, Some("pilots")), ("12", pt(12.0), false, N, None)],
        ),
        ("The pilot was named as Omar Haddad, 52.", &[]),
        // Names with a number in them: a brand, a product and its model.
        ("A 7-Eleven clerk and iPhone 15 buyers.", &[]),
        (
            "The town raised 3m krone, and the fee is to reach 40m yen.",
            &[("3m", pt(3e6), false, M, Some("krone")), ("40m", pt(4e7), false, M, Some("yen"))],
        ),
    ]);
}

/// Hyphens written for spaces inside a number ("two-and-a-half",
/// "$2.5-million", "half-a-dozen") read as the spaced form; a hyphen that
/// makes the number a modifier of the next word ("a 2-million-strong crowd",
/// "a three-and-a-half-year sentence") still gives nothing, and never a
/// value cut out of the longer form.
#[test]
fn hyphens_for_spaces() {
    run(&[
        (
            "Two-and-a-half thousand troops and one-and-a-half million refugees.",
            &[
                ("Two-and-a-half thousand", pt(2500.0), false, N, Some("troops")),
                ("one-and-a-half million", pt(1.5e6), false, N, Some("refugees")),
            ],
        ),
        (
            "She waited three-and-a-half years, down from over four-and-a-quarter.",
            &[
                ("three-and-a-half", pt(3.5), false, N, Some("years")),
                ("over four-and-a-quarter", (Some(4.25), false, None, false), false, N, None),
            ],
        ),
        (
            "A hundred-and-fifty guests and one hundred-and-twenty staff.",
            &[
                ("A hundred-and-fifty", pt(150.0), false, N, Some("guests")),
                ("one hundred-and-twenty", pt(120.0), false, N, Some("staff")),
            ],
        ),
        (
            "The city paid a $4.5-million settlement to 3-million residents.",
            &[
                ("$4.5-million", pt(4.5e6), false, M, None),
                ("3-million", pt(3e6), false, N, Some("residents")),
            ],
        ),
        (
            "It signed a 20-billion-rupee loan and a six-thousand-euro grant.",
            &[
                ("20-billion", pt(2e10), false, M, Some("rupee")),
                ("six-thousand", pt(6000.0), false, M, Some("euro")),
            ],
        ),
        (
            "Add half-a-dozen eggs, a half-dozen figs and half dozen plums.",
            &[
                ("half-a-dozen", pt(6.0), false, N, Some("eggs")),
                ("a half-dozen", pt(6.0), false, N, Some("figs")),
                ("half dozen", pt(6.0), false, N, Some("plums")),
            ],
        ),
        (
            "A half-million visitors and half-a-million more came.",
            &[
                ("A half-million", pt(5e5), false, N, Some("visitors")),
                ("half-a-million", pt(5e5), false, N, None),
            ],
        ),
        (
            "They sold three and a half dozen pies for .5 million pesos.",
            &[
                ("three and a half dozen", pt(42.0), false, N, Some("pies")),
                (".5 million", pt(5e5), false, M, Some("pesos")),
            ],
        ),
        ("A 2-million-strong crowd and a 1.5-million-year-old skull.", &[]),
        ("A three-and-a-half-year sentence after a nine-and-a-half-hour trial.", &[]),
        ("A five-pound note and two-euro coins.", &[]),
        // A glued unit or scale before the modifier's hyphen: no value, and
        // never "10m" read as ten million.
        ("A 3km-long convoy passed a 12m-high dam and a 2.5m-strong union.", &[]),
        (
            "A $3m-a-year contract and a 7bn-rupee fund.",
            &[("$3m", pt(3e6), false, M, None), ("7bn", pt(7e9), false, M, Some("rupee"))],
        ),
    ]);
}

#[test]
fn exact_values() {
    // Digits and scales do not drift: the f64 is the one nearest the written value.
    for (text, want) in [
        ("0.1 million", 100_000.0),
        ("1.1 million", 1_100_000.0),
        ("12.99", 12.99),
        ("4.35 billion", 4_350_000_000.0),
        ("0.07 percent", 0.07),
        ("3.3 lakh", 330_000.0),
    ] {
        let got = parse_number(text).and_then(|i| i.low());
        assert_eq!(got, Some(want), "{text}");
    }
}

#[test]
fn parse_number_reads_section_9_forms() {
    let cases: &[(&str, Interval)] = &[
        ("a million and a half", Interval::point(1.5e6)),
        ("two hundred and three quarters", Interval::point(200.75)),
        ("a quarter million", Interval::point(250_000.0)),
        ("2½", Interval::point(2.5)),
        ("four billions", Interval::point(4e9)),
        ("hundred twelve", Interval::point(112.0)),
        ("5 thousand 2 hundred and 40", Interval::point(5240.0)),
        ("two crore five lakh thirty thousand", Interval::point(20_530_000.0)),
        ("25 000", Interval::point(25_000.0)),
        ("45,67,890", Interval::point(4_567_890.0)),
        ("point five", Interval::point(0.5)),
        ("three point four million", Interval::point(3.4e6)),
        ("-$2,400", Interval::point(-2400.0)),
        ("Rs 5 lakh", Interval::point(500_000.0)),
        ("35 €", Interval::point(35.0)),
        ("a couple", Interval::point(2.0)),
        (
            "a handful",
            Interval::new(Some(2.0), true, Some(10.0), false).unwrap_or(Interval::point(0.0)),
        ),
        ("greater than 5", Interval::more_than(5.0)),
        ("about 300 or more", Interval::at_least(300.0)),
        ("in the region of 40", Interval::point(40.0)),
    ];
    for (text, want) in cases {
        assert_eq!(parse_number(text), Some(*want), "{text}");
    }
}

/// Digits as a writer might group them: plain, commas, or one kind of space.
fn grouped(int: u64, sep: &str) -> String {
    let digits = int.to_string();
    if sep.is_empty() {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// Section 9 forms whose value must not depend on the sentence around them.
const FORMS: &[&str] = &[
    "three and a half",
    "a million and a half",
    "two thirds of a million",
    "four billions",
    "5 thousand 2 hundred and 40",
    "two crore five lakh",
    "12\u{a0}500",
    "45,67,890",
    "three point four million",
    "minus 12",
    "$ 75 million",
    "Rs. 45 lakh",
    "35 €",
    "a couple of hundred",
    "a handful",
    "about 300 or more",
    "on the order of 500",
    "between 20 and 30",
    "more than 1.5 million",
    "2½",
];

const BEFORE: &[&str] = &["", "Officials said ", "Reports on Monday put it at ", "Witnesses saw "];
const AFTER: &[&str] = &["", ".", " people on Monday.", ", officials said.", " in the area"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn digit_phrases_have_the_value_of_their_digits(
        int in 0u64..10_000_000_000_000,
        frac in proptest::option::of(0u32..1_000_000),
        sep in prop_oneof![Just(""), Just(","), Just(" "), Just("\u{a0}"), Just("\u{202f}"), Just("\u{2009}")],
    ) {
        let mut num = grouped(int, sep);
        let mut plain = int.to_string();
        if let Some(f) = frac {
            num.push_str(&format!(".{f}"));
            plain.push_str(&format!(".{f}"));
        }
        let text = format!("They counted {num} boxes.");
        let found: Vec<_> = number_phrases(&text).collect();
        prop_assert_eq!(found.len(), 1, "{:?}", text);
        let p = found[0];
        prop_assert_eq!(p.as_str(), num.as_str());
        let want: f64 = plain.parse().map_err(|_| TestCaseError::fail("digits parse"))?;
        prop_assert_eq!(p.interval(), Interval::point(want), "{:?}", text);
    }

    #[test]
    fn a_phrase_reads_the_same_in_any_sentence(
        form in proptest::sample::select(FORMS),
        before in proptest::sample::select(BEFORE),
        after in proptest::sample::select(AFTER),
    ) {
        let alone: Vec<_> = number_phrases(form).map(|p| (p.span(), p.interval())).collect();
        prop_assert_eq!(alone.len(), 1, "{:?}", form);
        let text = format!("{before}{form}{after}");
        let shift = before.len();
        let embedded: Vec<_> = number_phrases(&text).map(|p| (p.span(), p.interval())).collect();
        let (span, interval) = alone[0];
        let same = embedded.iter().any(|(s, i)| {
            s.start == span.start + shift && s.end == span.end + shift && *i == interval
        });
        prop_assert!(same, "{:?} alone {:?}, in {:?}: {:?}", form, alone, text, embedded);
    }
}

/// forms-dev.jsonl: e2e F1, negative markers and recall per category, as
/// shared/tools/eval_numbers.py computes them.
#[test]
fn forms_dev_floor() {
    let Some(dir) = crate::common::data_dir("numbers_forms::forms_dev_floor") else { return };
    let path = dir.join("numbers").join("forms-dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("skipped numbers_forms::forms_dev_floor: no {}", path.display());
        return;
    };
    let score = crate::numbers::score_set(&raw);
    println!(
        "numbers forms-dev: e2e F1 {:.3}, negatives hit {}, categories {:?}",
        score.f1, score.negatives_hit, score.categories
    );
    assert!(score.f1 >= 0.95, "forms-dev e2e F1 {:.3} < 0.95", score.f1);
    assert!(score.negatives_hit <= 1, "{} negative markers hit", score.negatives_hit);
    for (category, hits, total) in &score.categories {
        let recall = *hits as f64 / (*total).max(1) as f64;
        assert!(recall >= 0.85, "category {category}: e2e recall {recall:.2} < 0.85");
    }
}
