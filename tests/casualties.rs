//! Casualty facts: one table of hand-written cases per rule family of the
//! casualties README, and the dev-set figures through the analyzer with the
//! benchmark gazetteers.

use std::collections::BTreeMap;
use textfacts::{Analyzer, Document, Gazetteer};

/// The places the table cases name, so that location rules are tested apart
/// from the gazetteer's coverage.
const PLACES: &[&str] = &[
    "Maiduguri",
    "Chamonix",
    "Lampedusa",
    "Kherson",
    "Peshawar",
    "Leipzig",
    "Assam",
    "Minsk",
    "Katsina",
    "Mogadishu",
    "Kenya",
    "Queensland",
    "Tbilisi",
    "Hama",
    "Damascus",
    "Indonesia",
    "Mina",
    "Johannesburg",
    "Geneva",
    "Rabat",
    "Aden",
    "Kabul",
    "Syria",
    "Homs",
    "Lyon",
    "France",
    "Texas",
    "Oklahoma",
    "Izmir",
    "Kyiv",
    "Cebu",
    "Dhaka",
    "Lagos",
    "Quito",
    "Bogotá",
    "Manila",
    "Mosul",
    "Nineveh",
    "Iraq",
    "Ukraine",
    "Nablus",
    "West Bank",
    "Niamey",
    "Austin",
    "Kaduna State",
    "Mexico City",
];

fn analyzer() -> Analyzer {
    let mut b = Gazetteer::builder();
    for (i, p) in PLACES.iter().enumerate() {
        b.add(p, "LOC", &format!("test:{i}"), p);
    }
    let g = b.build().expect("test gazetteer builds");
    Analyzer::builder().gazetteer(g).build()
}

/// One fact as `outcome|count|victims|location` (`-` for none), `|hedged` appended when hedged.
fn render(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .casualties()
        .iter()
        .map(|f| {
            let v = f.victims.as_ref().map_or("-", |s| s.text.as_str());
            let l = f.location.as_ref().map_or("-", |s| s.text.as_str());
            let h = if f.hedged { "|hedged" } else { "" };
            format!("{}|{}|{v}|{l}{h}", f.outcome.as_str(), f.count.text)
        })
        .collect();
    out.sort();
    out
}

fn check(family: &str, cases: &[(&str, &[&str])]) {
    check_with(&analyzer(), family, cases);
}

fn check_with(a: &Analyzer, family: &str, cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = render(&a.analyze(text));
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        want.sort();
        if got != want {
            failures.push(format!("{text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{family}: {} failing\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn outcomes_and_their_signals() {
    check(
        "outcomes",
        &[
            (
                "Gunmen killed 14 villagers in Maiduguri on Sunday.",
                &["killed|14|villagers|Maiduguri"],
            ),
            (
                "Nine hikers perished in an avalanche near Chamonix.",
                &["killed|Nine|hikers|Chamonix"],
            ),
            (
                "At least 11 migrants drowned when their dinghy sank near Lampedusa.",
                &["killed|At least 11|migrants|Lampedusa"],
            ),
            (
                "Troops executed 6 prisoners in Kherson, witnesses said.",
                &["killed|6|prisoners|Kherson"],
            ),
            ("The heatwave has claimed 210 lives across Assam.", &["killed|210|-|Assam"]),
            ("The blaze took the life of a retired nurse.", &["killed|a|nurse|-"]),
            ("She took her own life; he was a teacher all his life.", &[]),
            ("Deaths from the outbreak have reached 1,300.", &["killed|1,300|-|-"]),
            (
                "A bomb blast injured 23 shoppers at a market in Peshawar.",
                &["injured|23|shoppers|Peshawar"],
            ),
            (
                "Eight police officers were hurt during the riot in Leipzig.",
                &["injured|Eight|officers|Leipzig"],
            ),
            ("The collapse left 40 workers injured.", &["injured|40|workers|-"]),
            (
                "Rescuers said 17 climbers remain unaccounted for after the avalanche.",
                &["missing|17|climbers|-"],
            ),
            (
                "Floods forced 20,000 people from their homes in Assam.",
                &["displaced|20,000|people|Assam"],
            ),
            (
                "About 8,000 residents were evacuated from Cebu.",
                &["displaced|About 8,000|residents|Cebu"],
            ),
            ("Police detained 35 demonstrators in Minsk.", &["arrested|35|demonstrators|Minsk"]),
            ("Authorities have made 120 arrests since Friday.", &["arrested|120|-|-"]),
            ("Police took 14 fans into custody.", &["arrested|14|fans|-"]),
            (
                "Militants abducted 30 schoolgirls in Katsina.",
                &["kidnapped|30|schoolgirls|Katsina"],
            ),
            (
                "Four aid workers are being held hostage in Mogadishu.",
                &["kidnapped|Four|workers|Mogadishu"],
            ),
            ("2 killed, 9 wounded in Dhaka blast", &["killed|2|-|Dhaka", "injured|9|-|Dhaka"]),
            ("Storm Leaves 8 Dead, Thousands Without Power In Texas", &["killed|8|-|Texas"]),
            ("Police Say 4 Killed In Mall Shooting", &["killed|4|-|-"]),
            ("Minibus Crash Kills 14, Injures 22", &["killed|14|-|-", "injured|22|-|-"]),
            (
                "Thousands were left homeless after the cyclone hit Dhaka.",
                &["displaced|Thousands|-|Dhaka"],
            ),
            // Offenders who get away are not displaced.
            ("The driver fled the scene; two gunmen fled on foot.", &[]),
            (
                "A landslide buried 30 homes, leaving 18 people dead and 9 missing.",
                &["killed|18|people|-", "missing|9|-|-"],
            ),
            (
                "Forty people were treated for injuries after the stampede.",
                &["injured|Forty|people|-"],
            ),
            ("Twelve officers suffered minor injuries in Lyon.", &["injured|Twelve|officers|Lyon"]),
            ("The blast left 25 people with serious injuries.", &["injured|25|people|-"]),
            (
                "Twenty-three soldiers were taken captive by the rebels.",
                &["kidnapped|Twenty-three|soldiers|-"],
            ),
            ("Four were found dead in Quito after the mudslide.", &["killed|Four|-|Quito"]),
            (
                "The toll rose to 19 after two injured people died.",
                &["killed|19|-|-", "killed|two|people|-", "injured|two|people|-"],
            ),
        ],
    );
}

#[test]
fn agents_and_metaphors_give_nothing() {
    check(
        "agents",
        &[
            ("Three gunmen killed two guards at the bank.", &["killed|two|guards|-"]),
            ("Five lawmakers killed the amendment on Tuesday.", &[]),
            ("The talks are dead, 20 delegates said.", &[]),
            ("Nine senators hurt the bill's chances.", &[]),
        ],
    );
}

#[test]
fn rates_shares_and_non_persons_give_nothing() {
    check(
        "rates, shares, non-persons",
        &[
            ("Road accidents kill 1,500 people a year in Lagos.", &[]),
            ("Half of the 80 dead were children.", &["killed|80|-|-"]),
            ("30 percent of those injured were women.", &[]),
            ("The storm killed 300 cattle in Queensland.", &[]),
            ("Troops seized 12 tonnes of explosives.", &[]),
            ("The flood killed people in 14 districts.", &[]),
            ("Over 300 people were rescued from the rubble.", &[]),
            ("About 90 passengers were on board.", &[]),
            // The total of a share is not who the outcome happened to...
            ("Nearly a third of the 600 tenants were evacuated.", &[]),
            ("Most of the 45 miners were hurt in the collapse.", &[]),
            ("Some of the 70 protesters fled into the hills.", &[]),
            // ... unless it carries the outcome itself.
            ("A quarter of the 36 people arrested were minors.", &["arrested|36|people|-"]),
        ],
    );
}

#[test]
fn zero_counts() {
    check(
        "zero",
        &[
            ("No one was injured in the blast.", &["injured|No one|-|-"]),
            ("There were no fatalities.", &["killed|no|-|-"]),
            ("None of the 25 passengers was hurt.", &["injured|None|passengers|-"]),
            (
                "The fire destroyed 40 homes in Tbilisi, but nobody was hurt.",
                &["injured|nobody|-|Tbilisi"],
            ),
            ("There were no reports of injuries.", &[]),
        ],
    );
}

#[test]
fn victims_partitives_and_totals_with_parts() {
    check(
        "victims",
        &[
            (
                "The attack killed 22 people, including five police officers.",
                &["killed|22|people|-", "killed|five|officers|-"],
            ),
            (
                "The crash killed 9 people, six of them tourists.",
                &["killed|9|people|-", "killed|six|tourists|-"],
            ),
            (
                "A mortar strike wounded 15 soldiers, three of them critically.",
                &["injured|15|soldiers|-", "injured|three|-|-"],
            ),
            // an inner total with its own outcome word is a fact too
            (
                "Five of the 9 pilgrims killed in Kabul were women.",
                &["killed|9|pilgrims|Kabul", "killed|Five|pilgrims|Kabul"],
            ),
            (
                "Two of three men detained were freed.",
                &["arrested|Two|men|-", "arrested|three|men|-"],
            ),
            // ... also past a coordinated noun; a part that was freed is not
            (
                "Police secured the release of 12 of the 40 pupils and teachers abducted.",
                &["kidnapped|40|pupils|-"],
            ),
            ("Troops freed 6 of the 19 hostages seized.", &["kidnapped|19|hostages|-"]),
            // a participle is no victims noun
            (
                "Searchers found 11 bodies, four of them burned.",
                &["killed|11|-|-", "killed|four|-|-"],
            ),
            // the last member of a list of parts whose first members are no counts
            (
                "Nine people were hurt, including all on board the bus, and one cyclist on the road.",
                &["injured|Nine|people|-", "injured|one|cyclist|-"],
            ),
            // a part with a later status of its own states that status only
            ("Officers detained 23 fans, 8 of whom were later charged.", &["arrested|23|fans|-"]),
            (
                "The crash injured 14 people, three of whom were airlifted to hospital.",
                &["injured|14|people|-"],
            ),
            (
                "The 25 injured included eight firefighters.",
                &["injured|25|-|-", "injured|eight|firefighters|-"],
            ),
            ("Two of the dead were nurses.", &["killed|Two|nurses|-"]),
            ("Four children were among those killed.", &["killed|Four|children|-"]),
            (
                "The landslide killed 12 people: seven adults and five children.",
                &["killed|12|people|-", "killed|seven|adults|-", "killed|five|children|-"],
            ),
            ("The blast wounded dozens of commuters.", &["injured|dozens|commuters|-"]),
            ("Soldiers killed 30 and injured many others.", &["killed|30|-|-"]),
            ("Three of the passengers were killed.", &["killed|Three|passengers|-"]),
            (
                "Several hundred people were detained, among them 20 journalists.",
                &["arrested|Several hundred|people|-", "arrested|20|journalists|-"],
            ),
            // Rules v2: a singular part no number covers is a fact of 1.
            (
                "Among those killed were a doctor and 2 nurses.",
                &["killed|2|nurses|-", "killed|a|doctor|-"],
            ),
            ("Migrants were among 34 people who drowned off Cebu.", &["killed|34|people|Cebu"]),
        ],
    );
}

#[test]
fn superseded_and_conflicting_values() {
    check(
        "superseded, conflicting",
        &[
            ("The death toll climbed from 23 to 31 overnight.", &["killed|31|-|-"]),
            ("Police raised the number of dead to 17, up from 12.", &["killed|17|-|-"]),
            (
                "The government said 8 protesters died, but activists put the toll at 25.",
                &["killed|8|protesters|-", "killed|25|-|-"],
            ),
            (
                "Three more bodies were found, bringing the death toll to 41.",
                &["killed|Three|-|-", "killed|41|-|-"],
            ),
        ],
    );
}

#[test]
fn hedged_classes() {
    check(
        "hedged",
        &[
            (
                "As many as 40 people may have been killed.",
                &["killed|As many as 40|people|-|hedged"],
            ),
            (
                "Up to 2,000 people could be displaced if the river bursts its banks.",
                &["displaced|Up to 2,000|people|-|hedged"],
            ),
            // a modal on the verb that takes the count
            (
                "The heatwave could cause about 900 more deaths in Lyon.",
                &["killed|about 900|-|Lyon|hedged"],
            ),
            (
                "Authorities fear 30 miners died in the flooded shaft.",
                &["killed|30|miners|-|hedged"],
            ),
            ("Six sailors are presumed drowned.", &["killed|Six|sailors|-|hedged"]),
            ("The militia threatened to kill 10 hostages.", &["killed|10|hostages|-|hedged"]),
            ("The army denied that 15 civilians were wounded.", &["injured|15|civilians|-|hedged"]),
            (
                "About 4,000 residents were ordered to evacuate.",
                &["displaced|About 4,000|residents|-|hedged"],
            ),
            (
                "Seven crew members are missing and feared dead.",
                &["missing|Seven|members|-", "killed|Seven|members|-|hedged"],
            ),
            (
                "The blast, which could be heard across the city, killed 12 people.",
                &["killed|12|people|-"],
            ),
            (
                "Police said 7 people were killed, a figure that could not be verified.",
                &["killed|7|people|-"],
            ),
            // "May" capitalised inside a sentence is the month
            ("The May bombing killed 31 shoppers.", &["killed|31|shoppers|-"]),
        ],
    );
}

#[test]
fn location_rule_and_its_exclusions() {
    check(
        "location",
        &[
            // nearest place; other sentences never count
            (
                "The quake hit Izmir on Monday. Rescuers said 30 people died.",
                &["killed|30|people|-"],
            ),
            // 1. reference point of a measured distance
            (
                "Fighting killed 19 people in Hama, 200 kilometres north of Damascus.",
                &["killed|19|people|Hama"],
            ),
            // 2. origin, destination, place of treatment
            (
                "Twenty pilgrims from Indonesia died in a stampede in Mina.",
                &["killed|Twenty|pilgrims|Mina"],
            ),
            ("Ten injured miners were flown to Johannesburg.", &["injured|Ten|miners|-"]),
            ("A Kyiv-bound train derailed, injuring 14 passengers.", &["injured|14|passengers|-"]),
            (
                "Five people were wounded and taken to a hospital in Kyiv.",
                &["injured|Five|people|-"],
            ),
            // 3. place of the source
            ("A Geneva-based rights group said 45 people were killed.", &["killed|45|people|-"]),
            ("The interior ministry in Rabat said 12 migrants drowned.", &["killed|12|migrants|-"]),
            // 4. names inside other names
            ("Pirates kidnapped 8 sailors in the Gulf of Aden.", &["kidnapped|8|sailors|-"]),
            ("The Kabul health ministry said 9 people died.", &["killed|9|people|-"]),
            // ... a longer capitalised name: an organisation, a building, a person
            ("The Kabul National Police said 9 people died.", &["killed|9|people|-"]),
            ("A Ukraine military drone killed 4 soldiers.", &["killed|4|soldiers|-"]),
            // ... but a force's building is in the place
            (
                "A gunman wounded 3 officers at Kabul police headquarters.",
                &["injured|3|officers|Kabul"],
            ),
            ("Syria's health ministry said 9 people died.", &["killed|9|people|-"]),
            // ... or a genitive before an organisation's or a person's name,
            // not before a site in the place
            (
                "Gunmen killed two of Iraq's Border Guards near their post.",
                &["killed|two|Guards|-"],
            ),
            ("A blast at Kabul's Grand Mosque killed 5 people.", &["killed|5|people|Kabul"]),
            (
                "Four people were hurt, the Texas Department of Health said.",
                &["injured|Four|people|-"],
            ),
            (
                "The blast left 3 dead and scores wounded in Hama.",
                &["killed|3|-|Hama", "injured|scores|-|Hama"],
            ),
            (
                "Two people died at the Damascus Central Hospital in Homs.",
                &["killed|Two|people|Homs"],
            ),
            ("Police director Aden Farah said 12 people were arrested.", &["arrested|12|people|-"]),
            // ... but places side by side, after "the" or a compass word, are places
            ("Four people died in Homs Syria.", &["killed|Four|people|Homs"]),
            ("Six people died in Northern Syria.", &["killed|Six|people|Syria"]),
            // 2. a place that describes a person: residence, office
            ("Police arrested a 40-year-old Kabul man.", &["arrested|a|man|-"]),
            ("Four France soldiers were wounded, officials said.", &["injured|Four|soldiers|-"]),
            (
                "Two Kenya service members were killed in a raid on a camp in Mogadishu.",
                &["killed|Two|members|Mogadishu"],
            ),
            (
                "Troops entered the old city of Homs, killing two guards.",
                &["killed|two|guards|Homs"],
            ),
            ("Kabul mayor Omar Said said two people died.", &["killed|two|people|-"]),
            ("Kherson regional governor Ivan Petrenko said 3 people died.", &["killed|3|people|-"]),
            ("The mayor of the Syrian city of Homs was shot dead.", &["killed|The|mayor|-"]),
            (
                "The consul in the port city of Aden was taken hostage.",
                &["kidnapped|The|consul|Aden"],
            ),
            // 5. the larger of two nested places
            ("Five people were killed in Syria's Homs province.", &["killed|Five|people|Homs"]),
            ("Twelve people died in Lyon, France.", &["killed|Twelve|people|Lyon"]),
            // ... also past the smaller one's unit, a compass word, or "in"
            (
                "A car bomb killed 7 people in Mosul, Nineveh Governorate, Iraq.",
                &["killed|7|people|Mosul"],
            ),
            (
                "Shelling killed 3 people in Kherson, southern Ukraine.",
                &["killed|3|people|Kherson"],
            ),
            ("Two people died in Nablus in the occupied West Bank.", &["killed|Two|people|Nablus"]),
            // ... but not the subject of "in": "the embassy of X in Y"
            (
                "Protesters stormed the embassy of France in Niamey, injuring 4 guards.",
                &["injured|4|guards|Niamey"],
            ),
            // a place the people are named with is their fact's own
            (
                "After deaths in Kabul, 2 people in Cebu and 1 in Manila died.",
                &["killed|1|-|Manila", "killed|2|people|Cebu"],
            ),
            // a place's unit word is no part of the location's name
            ("Bandits abducted 11 farmers in Kaduna State.", &["kidnapped|11|farmers|Kaduna"]),
            ("A fire killed 4 people in Mexico City.", &["killed|4|people|Mexico City"]),
            // facts of one event share its place
            (
                "A Texas plane crash near Austin leaves two dead, four injured.",
                &["killed|two|-|Austin", "injured|four|-|Austin"],
            ),
            // 6. a place that locates another clause or fact
            (
                "In Homs, 6 people were killed; in Hama, 4 died.",
                &["killed|6|people|Homs", "killed|4|-|Hama"],
            ),
            (
                "Storms killed 8 people in Texas and 3 in Oklahoma.",
                &["killed|8|people|Texas", "killed|3|-|Oklahoma"],
            ),
            (
                "Nine people were arrested in Dhaka and 4 in Lagos.",
                &["arrested|Nine|people|Dhaka", "arrested|4|-|Lagos"],
            ),
            // ... or locates a part counted after the fact
            (
                "Heat killed at least 40 people nationwide, with 9 deaths in Texas alone.",
                &["killed|at least 40|people|-", "killed|9|-|Texas"],
            ),
            (
                "Seven miners are missing, including 4 in Quito and 3 in Lagos.",
                &["missing|Seven|miners|-", "missing|4|-|Quito", "missing|3|-|Lagos"],
            ),
            // the sides of a border are reference points (rule 1)
            ("Shelling killed 3 people near the Iraq-Ukraine border.", &["killed|3|people|-"]),
            ("A mine near the Iraq border wounded 2 soldiers.", &["injured|2|soldiers|-"]),
            // a destination after a crossing (rule 2)
            ("Migrants trying to cross to Iraq: 9 drowned.", &["killed|9|-|-"]),
            // the far side of a border is a reference point (rule 1)
            (
                "Two guards were shot dead near the border with Iraq in Nineveh.",
                &["killed|Two|guards|Nineveh"],
            ),
            // ... while coordinated outcomes share the place after them
            (
                "Rockets killed 5 people and wounded 12 in Kherson.",
                &["killed|5|people|Kherson", "injured|12|-|Kherson"],
            ),
        ],
    );
}

#[test]
fn a_location_is_a_place_a_list_of_cities_and_countries_names() {
    check_with(
        &Analyzer::new(),
        "location kinds (built-in gazetteer and places)",
        &[
            // A place the city-and-country list lacks (a division elsewhere,
            // an island, a region) is never the location; a larger place
            // after it is, and it still locates its own fact
            (
                "Floods killed 9 people in Eastern Cape, South Africa.",
                &["killed|9|people|South Africa"],
            ),
            (
                "A ferry sank off Luzon, leaving 30 passengers missing.",
                &["missing|30|passengers|-"],
            ),
            ("Airstrikes across the Gaza Strip killed 26 people.", &["killed|26|people|-"]),
            (
                "Storms killed 4 people in Queensland and 2 in Sydney.",
                &["killed|4|people|-", "killed|2|-|Sydney"],
            ),
            // ... but a US state is listed, and so is a name that is also a city's
            ("Tornadoes killed 6 people in Kentucky.", &["killed|6|people|Kentucky"]),
            ("Shelling killed 8 people in Idlib Governorate.", &["killed|8|people|Idlib"]),
            // ... and a country by its own name, not a short or older form
            ("A U.S. drone strike killed 4 fighters in Somalia.", &["killed|4|fighters|Somalia"]),
            ("Storms killed 3 people across Britain.", &["killed|3|people|-"]),
            ("Floods killed 5 people in the Netherlands.", &["killed|5|people|Netherlands"]),
            // a dateline is the place of the source (rule 3)
            ("ROME (AP) -- Floods killed 14 people on Thursday.", &["killed|14|people|-"]),
        ],
    );
}

#[test]
fn the_clause_reader_finds_subjects_and_objects_across_real_syntax() {
    check(
        "clause reader",
        &[
            // appositions and comma asides
            (
                "In all more than 300 people, mostly civilians, have been killed in Syria.",
                &["killed|more than 300|people|Syria"],
            ),
            // the sentence's subject, which "before/after being ..." befalls
            (
                "A gunman killed 4 people at a market before being shot dead.",
                &["killed|A|gunman|-", "killed|4|people|-"],
            ),
            ("The driver was charged after being detained.", &["arrested|The|driver|-"]),
            ("A teenager died after being shot at a party.", &["killed|A|teenager|-"]),
            // a main verb's clause ends at "and" before a new subject
            ("A sniper opened fire and 4 pilgrims were wounded.", &["injured|4|pilgrims|-"]),
            (
                "Two guests suffered smoke inhalation and a porter was treated for a minor injury.",
                &["injured|a|porter|-"],
            ),
            // an object is the subject of its own relative clause only
            (
                "A man suspected of killing two people was detained in Minsk.",
                &["arrested|A|man|Minsk", "killed|two|people|Minsk"],
            ),
            (
                "Divers recovered the bodies of 3 fishermen reported missing on Monday.",
                &["killed|3|fishermen|-", "missing|3|fishermen|-"],
            ),
            (
                "Five people, including a child, were killed in Homs on Monday.",
                &["killed|Five|people|Homs"],
            ),
            (
                "At least eight, including three children, died in Aden.",
                &["killed|At least eight|-|Aden", "killed|three|children|Aden"],
            ),
            ("One guard was, according to the army, among the dead.", &["killed|One|guard|-"]),
            (
                "Two miners, police said, were missing after the collapse.",
                &["missing|Two|miners|-"],
            ),
            // parentheses and dashes
            ("Six crew (all of them Filipino) drowned near Cebu.", &["killed|Six|crew|Cebu"]),
            (
                "Everyone aboard — the pilot, two nurses and a patient — died in Quito.",
                &["killed|two|nurses|Quito", "killed|the|pilot|Quito", "killed|a|patient|Quito"],
            ),
            // coordination and enumeration
            (
                "Police detained 12 students and four teachers marching in Minsk.",
                &["arrested|12|students|Minsk", "arrested|four|teachers|Minsk"],
            ),
            (
                "80 soldiers, 45 civilians and dozens of rebels died in the fighting.",
                &["killed|80|soldiers|-", "killed|45|civilians|-", "killed|dozens|rebels|-"],
            ),
            (
                "A teacher and two pupils were hurt in Kabul.",
                &["injured|A|teacher|Kabul", "injured|two|pupils|Kabul"],
            ),
            // words between count and verb, relatives
            (
                "Four passengers of the ferry drowned off Lampedusa.",
                &["killed|Four|passengers|Lampedusa"],
            ),
            (
                "Nine workers who had been repairing the line died in Assam.",
                &["killed|Nine|workers|Assam"],
            ),
            ("A man wanted for the bombing was arrested in Rabat.", &["arrested|A|man|Rabat"]),
            (
                "Karim Said, a 30-year-old nurse who worked at the clinic, was kidnapped in Aden.",
                &["kidnapped|a|nurse|Aden"],
            ),
            ("The driver, who was drunk, was arrested in Lyon.", &["arrested|The|driver|Lyon"]),
            (
                "All aboard — Omar aged 60, his son Ali aged 9, and four others — died near Aden.",
                &["killed|his|son|Aden", "killed|four|-|Aden"],
            ),
            // a number of a thing inside an apposition is no count
            ("Ali Musa, 44, died on Friday in Kabul.", &[]),
            ("Her son, who had 3 cars, was killed in Lagos.", &["killed|Her|son|Lagos"]),
        ],
    );
}

#[test]
fn tolls_changes_nominals_and_ellipsis() {
    check(
        "toll phrases, change verbs, nominal triggers, ellipsis",
        &[
            (
                "The death toll from the storm's passage over Cebu, in the central islands, climbs to 48.",
                &["killed|48|-|Cebu"],
            ),
            (
                "Recovered bodies raised the confirmed death toll from nine to 26.",
                &["killed|26|-|-"],
            ),
            ("Deaths from the virus in France surpass 5,000.", &["killed|surpass 5,000|-|France"]),
            (
                "The number of people confirmed dead in Assam rose to 14.",
                &["killed|14|-|Assam"],
            ),
            ("It raised the total number of detained workers to 31.", &["arrested|31|-|-"]),
            ("Officials announce the arrest of 21 people in Rabat.", &["arrested|21|people|Rabat"]),
            (
                "Police report the abduction of 8 farmers near Katsina.",
                &["kidnapped|8|farmers|Katsina"],
            ),
            (
                "40 soldiers were wounded, as were 12 civilians.",
                &["injured|40|soldiers|-", "injured|12|civilians|-"],
            ),
            (
                "Two people died and about 500 residents evacuate as fires spread near Texas.",
                &["killed|Two|people|Texas", "displaced|about 500|residents|Texas"],
            ),
            ("Dozens of Houthi fighters were killed near Aden.", &["killed|Dozens|fighters|Aden"]),
            ("Three of Omar's brothers died in Homs.", &["killed|Three|brothers|Homs"]),
            ("Medics evacuated 3 children to a hospital in Kabul.", &[]),
            ("No deaths or injuries were reported in Kyiv.", &["killed|No|-|Kyiv", "injured|No|-|Kyiv"]),
            (
                "Twenty people — nine of them children — drowned near Lampedusa.",
                &["killed|Twenty|people|Lampedusa", "killed|nine|children|Lampedusa"],
            ),
            (
                "Rebels raided the farm, killing the owner and abducting his three daughters.",
                &["killed|the|owner|-", "kidnapped|three|daughters|-"],
            ),
        ],
    );
}

#[test]
fn singular_persons_and_a_lone_one_count_one() {
    check(
        "singulars and one (rules v2)",
        &[
            (
                "A lorry driver was killed when the bridge collapsed in Assam.",
                &["killed|A|driver|Assam"],
            ),
            ("Troops shot dead a 17-year-old student in Hama.", &["killed|a|student|Hama"]),
            ("Her nephew died in the fire.", &["killed|Her|nephew|-"]),
            ("A Labour supporter was shot and killed.", &["killed|A|supporter|-"]),
            ("An elderly mourner was injured in the crush.", &["injured|An|mourner|-"]),
            // an apposition is the person it follows, whoever counts first
            ("One hiker, a 58-year-old teacher, died in Chamonix.", &["killed|One|hiker|Chamonix"]),
            ("The cyclist, a father of two, was injured.", &["injured|The|cyclist|-"]),
            (
                "Three guards, a sergeant and two privates, were wounded.",
                &["injured|Three|guards|-"],
            ),
            // ... while a list of singulars stays a list
            (
                "A farmer, a nurse from Homs, and a boy were killed.",
                &["killed|A|farmer|-", "killed|a|boy|-", "killed|a|nurse|-"],
            ),
            // a verb between two person nouns ends the phrase
            ("A courier suffered minor injuries.", &["injured|A|courier|-"]),
            ("The injured boy was flown to Tbilisi.", &["injured|The|boy|-"]),
            (
                "Police in Lyon detained a 52-year-old Lyon teacher on Friday.",
                &["arrested|a|teacher|Lyon"],
            ),
            (
                "Salim Haddad, a retired engineer, died in the blast in Homs.",
                &["killed|a|engineer|Homs"],
            ),
            (
                "A farmer and his son were killed by the landslide.",
                &["killed|A|farmer|-", "killed|his|son|-"],
            ),
            (
                "A farmer and his three daughters were hurt in the storm.",
                &["injured|A|farmer|-", "injured|three|daughters|-"],
            ),
            (
                "The avalanche killed a skier and her two companions before rescuers arrived.",
                &["killed|a|skier|-", "killed|two|companions|-"],
            ),
            (
                "Divers recovered the bodies of three anglers and a guide.",
                &["killed|three|anglers|-", "killed|a|guide|-"],
            ),
            ("Crews pulled out four bodies and 12 survivors.", &["killed|four|-|-"]),
            // a part is no greater than its whole
            ("Three deaths among 40,000 vaccinated people were studied.", &["killed|Three|-|-"]),
            (
                "The shelling wounded 30 others, one critically, including 6 children.",
                &["injured|30|-|-", "injured|one|-|-", "injured|6|children|-"],
            ),
            (
                "Two pilots are among the 19 people hurt.",
                &["injured|Two|pilots|-", "injured|19|people|-"],
            ),
            (
                "Two nurses and a guard were abducted in Katsina.",
                &["kidnapped|Two|nurses|Katsina", "kidnapped|a|guard|Katsina"],
            ),
            (
                "The blast killed one and wounded nine in Kabul.",
                &["killed|one|-|Kabul", "injured|nine|-|Kabul"],
            ),
            ("One was declared dead at the scene.", &["killed|One|-|-"]),
            ("One of the climbers is still missing.", &["missing|One|climbers|-"]),
            // Not counts: ages, dates, addresses, identifiers, ordinals, agents, genitives.
            ("The storm killed 61-year-old Omar Diallo.", &[]),
            ("On Oct. 9 died the last of the old guard.", &[]),
            ("The Feb. 14 death of the singer shocked fans.", &["killed|the|singer|-"]),
            ("Smoke was seen at 22 Harbour Street, where nobody lived.", &[]),
            ("Police arrested a third man on Sunday.", &[]),
            ("Another soldier died on Tuesday.", &[]),
            ("Officials said early warnings averted hundreds of deaths.", &[]),
            ("All but one of the nine climbers died on the ridge.", &[]),
            ("A gunman killed 4 people in Texas.", &["killed|4|people|Texas"]),
            ("The minister's wife was killed in Kabul.", &[]),
            ("It was one of the deadliest storms; the only one to hit Manila.", &[]),
            ("Gunmen killed six, including a young mother, in Hama.", &["killed|six|-|Hama"]),
            ("If a worker is hurt, the firm pays.", &[]),
            ("Ahmed Noor was killed on Monday.", &[]),
            ("The death toll surpassed 2,000 in Syria.", &["killed|surpassed 2,000|-|Syria"]),
            ("Rescuers said the toll rose from 12 to 19 overnight.", &["killed|19|-|-"]),
            ("Thirty people or more were wounded in Dhaka.", &["injured|Thirty|people|Dhaka"]),
            // Ages set off by commas (news style) are no counts; the person is.
            ("A vendor, 58, was stabbed to death in Aden.", &["killed|A|vendor|Aden"]),
            (
                "Two brothers, 17 and 19, and their cousin, 22, were detained in Izmir.",
                &["arrested|Two|brothers|Izmir", "arrested|their|cousin|Izmir"],
            ),
            ("Farah Odeh, 31, died in the blast.", &[]),
            ("Two sisters, ages 6 and 9, drowned near Aden.", &["killed|Two|sisters|Aden"]),
            // A part that says how badly: no victims noun, still a fact.
            (
                "Four people were hurt, one critically, in Homs.",
                &["injured|Four|people|Homs", "injured|one|-|Homs"],
            ),
            (
                "Nine were wounded in Aden, including two seriously.",
                &["injured|Nine|-|Aden", "injured|two|-|Aden"],
            ),
            // A count inside the counted noun's modifier, and a bare inner total.
            ("Five members of one family died in Hama.", &["killed|Five|members|Hama"]),
            ("Two members of the Kabul Fire Brigade were injured.", &["injured|Two|members|-"]),
            ("Three of five climbers died near Kabul.", &["killed|Three|climbers|Kabul"]),
            // A participle coordinated with the outcome word.
            ("A cyclist was struck and killed in Lyon.", &["killed|A|cyclist|Lyon"]),
            (
                "Two hikers were hit by a falling rock and killed near Kabul.",
                &["killed|Two|hikers|Kabul"],
            ),
            ("A guard was beaten and robbed in Homs.", &[]),
            // A death coordinated with the clause's first verb.
            ("A jogger was airlifted to a trauma centre but later died.", &["killed|A|jogger|-"]),
            ("Two climbers slipped on the ice and died.", &["killed|Two|climbers|-"]),
            ("A worker fell from scaffolding in Lyon and died.", &["killed|A|worker|Lyon"]),
            ("Two guards were beaten and later fled.", &[]),
        ],
    );
}

#[test]
fn shot_is_an_outcome_unless_a_result_is_stated() {
    check(
        "shot (rules v2)",
        &[
            ("Five teenagers were shot outside a cinema in Lyon.", &["shot|Five|teenagers|Lyon"]),
            ("A sniper shot 3 soldiers near Kherson.", &["shot|3|soldiers|Kherson"]),
            ("7 Shot Near Block Party In Texas", &["shot|7|-|Texas"]),
            ("Three Soldiers Killed In Kabul Attack", &["killed|Three|Soldiers|Kabul"]),
            ("Two guards were gunned down at the gate.", &["shot|Two|guards|-"]),
            (
                "At least nine marchers were struck by gunfire in Quito.",
                &["shot|At least nine|marchers|Quito"],
            ),
            ("Two officers were shot dead in Kabul.", &["killed|Two|officers|Kabul"]),
            ("Police shot and killed 4 robbers in Lagos.", &["killed|4|robbers|Lagos"]),
            ("Six bystanders were shot and wounded in Dhaka.", &["injured|Six|bystanders|Dhaka"]),
            ("Three men were shot to death in Manila.", &["killed|Three|men|Manila"]),
            (
                "Eight people were shot, two of them fatally, in Izmir.",
                &["shot|Eight|people|Izmir", "killed|two|-|Izmir"],
            ),
            (
                "Two brothers were shot, one fatally, outside a shop in Lagos.",
                &["shot|Two|brothers|Lagos", "killed|one|-|Lagos"],
            ),
            ("A cashier suffered a gunshot wound to the arm.", &["shot|A|cashier|-"]),
            ("The guard suffered life-threatening injuries.", &["injured|The|guard|-"]),
            ("The raid left one person dead in Lagos.", &["killed|one|person|Lagos"]),
            ("Police said a 16-year-old was shot near the park.", &["shot|a|-|-"]),
            (
                "The victim, identified as Tom Reyes, 27, was pronounced dead at the scene.",
                &["killed|The|victim|-"],
            ),
            ("Police shot at 20 protesters but missed.", &[]),
            ("Rebels shot down two helicopters.", &[]),
            ("There were 3 shootings in Kyiv this week.", &[]),
            ("It was a parting shot from 40 lawmakers.", &[]),
        ],
    );
}

#[test]
fn facts_carry_trigger_and_sentence_as_evidence() {
    let text = "Rain fell for days. Floods killed 12 villagers in Assam; 30 are missing.";
    let tokens: Vec<_> = textfacts::tokens(text).collect();
    let sentences: Vec<_> = textfacts::sentences(text).collect();
    let numbers: Vec<_> = textfacts::number_phrases(text).collect();
    let assam = text.find("Assam").expect("Assam");
    let places = [textfacts::Span::new(assam, assam + 5)];
    let facts = textfacts::casualty_facts(text, &tokens, &sentences, &numbers, &places);
    let got: Vec<_> = facts
        .iter()
        .map(|f| {
            (
                f.outcome(),
                f.count().span().slice(text),
                f.trigger().slice(text),
                f.sentence().slice(text),
                f.location().and_then(|s| s.slice(text)),
            )
        })
        .collect();
    let second = Some("Floods killed 12 villagers in Assam; 30 are missing.");
    assert_eq!(
        got,
        [
            (textfacts::Outcome::Killed, Some("12"), Some("killed"), second, Some("Assam")),
            (textfacts::Outcome::Missing, Some("30"), Some("missing"), second, Some("Assam")),
        ]
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Any mix of casualty words, numbers, places and punctuation: no panic,
    /// and every span of every fact slices the text.
    #[test]
    fn facts_are_well_formed(words in proptest::collection::vec(proptest::sample::select(vec![
        "killed", "dead", "died", "toll", "death", "of", "the", "at", "least", "27", "no", "one",
        "none", "were", "wounded", "missing", "feared", "may", "have", "in", "Homs", "Hama", ",",
        ";", ".", "people", "children", "including", "them", "among", "from", "to", "rose",
        "dozens", "É", "–", "'s", "-", "based", "hostage", "took", "fled", "their", "homes",
    ]), 0..40)) {
        let text = words.join(" ");
        let doc = analyzer().analyze(&text);
        for f in doc.casualties() {
            proptest::prop_assert_eq!(text.get(f.count.start..f.count.end), Some(f.count.text.as_str()));
            for s in [&f.victims].into_iter().flatten() {
                proptest::prop_assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
            }
            if let Some(s) = &f.location {
                proptest::prop_assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// The dev-set figures, recomputed the way shared/tools/eval_casualties.py does.

type Json = serde_json::Value;

fn interval_equal(g: &Json, s: &Json) -> bool {
    let side = |a: &Json, ai: &Json, b: &Json, bi: &Json| match (a.as_f64(), b.as_f64()) {
        (None, None) => a.is_null() && b.is_null(),
        (Some(x), Some(y)) => {
            let tol = 1e-6 * x.abs().max(y.abs());
            (x - y).abs() <= tol.max(1e-12)
                && ai.as_bool().unwrap_or(false) == bi.as_bool().unwrap_or(false)
        }
        _ => false,
    };
    side(&g["low"], &g["low_inclusive"], &s["low"], &s["low_inclusive"])
        && side(&g["high"], &g["high_inclusive"], &s["high"], &s["high_inclusive"])
}

fn text_of(v: &Json) -> Option<String> {
    v.get("text").and_then(Json::as_str).map(str::to_string)
}

fn victims_ok(g: &Json, s: &Json) -> bool {
    match (text_of(g), text_of(s)) {
        (Some(a), Some(b)) => a.trim().to_lowercase() == b.trim().to_lowercase(),
        (a, b) => a.is_none() && b.is_none(),
    }
}

fn location_ok(g: &Json, s: &Json) -> bool {
    text_of(g) == text_of(s)
}

fn attrs(g: &Json, s: &Json) -> [bool; 3] {
    [
        victims_ok(&g["victims"], &s["victims"]),
        location_ok(&g["location"], &s["location"]),
        g["hedged"].as_bool().unwrap_or(false) == s["hedged"].as_bool().unwrap_or(false),
    ]
}

/// A fact as the JSON contract writes it (built by hand: the test also runs
/// without the `serde` feature).
fn to_json(f: &textfacts::CasualtyRecord) -> Json {
    let iv = f.count.interval;
    let span = |s: &Option<textfacts::TextSpan>| match s {
        Some(s) => serde_json::json!({"text": s.text, "start": s.start, "end": s.end}),
        None => Json::Null,
    };
    serde_json::json!({
        "outcome": f.outcome.as_str(),
        "count": {
            "start": f.count.start, "end": f.count.end, "text": f.count.text,
            "approximate": f.count.approximate,
            "interval": {
                "low": iv.low(), "low_inclusive": iv.low_inclusive(),
                "high": iv.high(), "high_inclusive": iv.high_inclusive(),
            },
        },
        "victims": span(&f.victims),
        "location": f.location.as_ref().map_or(Json::Null, |s| {
            serde_json::json!({"text": s.text, "start": s.start, "end": s.end})
        }),
        "hedged": f.hedged,
    })
}

/// Fact P/R/F1, victims and location accuracy on matched facts, and the
/// false-alarm rate on no-fact cases of one gold file, through the analyzer
/// with the benchmark gazetteers (as `score_dev.py casualties` runs it).
struct Figures {
    f1: f64,
    victims: f64,
    location: f64,
    false_alarms: f64,
}

fn figures(dir: &std::path::Path, file: &str) -> Figures {
    let gdir = dir.join("gazetteer");
    let mut b = Gazetteer::builder();
    b.include_default(true);
    for f in ["countries.tsv", "geonames_cities.tsv", "us_admin.tsv"] {
        b.add_tsv_file(gdir.join(f)).expect("benchmark gazetteer loads");
    }
    let analyzer = Analyzer::builder().gazetteer(b.build().expect("gazetteer builds")).build();
    let gold = std::fs::read_to_string(dir.join("casualties").join(file)).expect("gold file");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let case: Json = serde_json::from_str(line).expect("gold line is JSON");
        let text = case["text"].as_str().expect("text");
        let sys: Vec<Json> = analyzer.analyze(text).casualties().iter().map(to_json).collect();
        let gf: Vec<Json> = case["facts"].as_array().cloned().unwrap_or_default();
        let mut used = vec![false; sys.len()];
        let mut tp = 0;
        for g in &gf {
            let mut best: Option<(usize, usize)> = None;
            for (si, s) in sys.iter().enumerate() {
                let key = !used[si]
                    && g["outcome"] == s["outcome"]
                    && interval_equal(&g["count"]["interval"], &s["count"]["interval"]);
                if !key {
                    continue;
                }
                let score = attrs(g, s).iter().filter(|x| **x).count();
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((si, score));
                }
            }
            if let Some((si, _)) = best {
                used[si] = true;
                tp += 1;
                let [v, l, _] = attrs(g, &sys[si]);
                *counts.entry("victims_ok").or_default() += usize::from(v);
                *counts.entry("loc_ok").or_default() += usize::from(l);
            }
        }
        *counts.entry("tp").or_default() += tp;
        *counts.entry("gold").or_default() += gf.len();
        *counts.entry("sys").or_default() += sys.len();
        if gf.is_empty() {
            *counts.entry("empty").or_default() += 1;
            *counts.entry("false_alarm").or_default() += usize::from(!sys.is_empty());
        }
    }
    let get = |k: &str| counts.get(k).copied().unwrap_or(0) as f64;
    let p = get("tp") / get("sys").max(1.0);
    let r = get("tp") / get("gold").max(1.0);
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let victims = get("victims_ok") / get("tp").max(1.0);
    let location = get("loc_ok") / get("tp").max(1.0);
    let false_alarms = get("false_alarm") / get("empty").max(1.0);
    println!(
        "casualties {file}: P {p:.3} R {r:.3} F1 {f1:.3} victims {victims:.3} \
         location {location:.3} false alarms {false_alarms:.3}"
    );
    Figures { f1, victims, location, false_alarms }
}

#[test]
fn dev_set_figures() {
    let Some(dir) = crate::common::data_dir("casualties dev set") else { return };
    let f = figures(&dir, "dev.jsonl");
    assert!(f.f1 >= 0.97, "fact F1 {:.3} < 0.97", f.f1);
    assert!(f.victims >= 0.95, "victims accuracy {:.3} < 0.95", f.victims);
    assert!(f.location >= 0.90, "location accuracy {:.3} < 0.90", f.location);
    assert!(f.false_alarms <= 0.05, "false-alarm rate {:.3} > 0.05", f.false_alarms);
}

/// Issue 16: the real-news sentences (v2 gold).
#[test]
fn real_dev_set_figures() {
    let Some(dir) = crate::common::data_dir("casualties real-dev set") else { return };
    let f = figures(&dir, "real-dev.jsonl");
    assert!(f.f1 >= 0.93, "fact F1 {:.3} < 0.93", f.f1);
    assert!(f.victims >= 0.95, "victims accuracy {:.3} < 0.95", f.victims);
    assert!(f.false_alarms <= 0.05, "false-alarm rate {:.3} > 0.05", f.false_alarms);
}
