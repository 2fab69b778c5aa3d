//! The closed word classes time expressions are built from. These are English grammar (twelve
//! months, seven days, number words), not facts about the world, so they live in code. Shared
//! by the time stage and the quotes stage (a day after "said" is no speaker).

use chrono::Weekday;

/// A calendar or clock unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A part of the day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl DayPart {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month a season starts in (northern hemisphere, as TimeML assumes).
    pub(crate) fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A month name or its abbreviation ("August", "Aug.", "Sept."): 1–12. Case is the caller's
/// business: "May" and "March" are only months when written so and supported by context.
pub(crate) fn month(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let bare = lower.strip_suffix('.').unwrap_or(&lower);
    let month = match bare {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    // Abbreviations without their period are too often other words ("mar", "dec", "jun").
    let abbreviated = bare.len() <= 4 && !matches!(bare, "may" | "june" | "july");
    if abbreviated && !lower.ends_with('.') && !matches!(bare, "sept" | "aug") {
        return None;
    }
    Some(month)
}

/// A weekday name ("Tuesday", "Tues."), singular, or plural for sets ("Tuesdays").
pub(crate) fn weekday(word: &str) -> Option<(Weekday, bool)> {
    let lower = word.to_ascii_lowercase();
    let (bare, plural) = match lower.strip_suffix('s') {
        Some(stem) if stem.ends_with("day") => (stem, true),
        _ => (lower.as_str(), false),
    };
    let day = match bare {
        "monday" | "mon." => Weekday::Mon,
        "tuesday" | "tue." | "tues." => Weekday::Tue,
        "wednesday" | "wed." => Weekday::Wed,
        "thursday" | "thu." | "thur." | "thurs." => Weekday::Thu,
        "friday" | "fri." => Weekday::Fri,
        "saturday" | "sat." => Weekday::Sat,
        "sunday" | "sun." => Weekday::Sun,
        _ => return None,
    };
    Some((day, plural))
}

/// A unit word, singular or plural: ("years" → Year, plural).
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    let lower = word.to_ascii_lowercase();
    let (unit, plural) = match lower.as_str() {
        "second" => (Unit::Second, false),
        "seconds" => (Unit::Second, true),
        "minute" | "min" => (Unit::Minute, false),
        "minutes" | "mins" => (Unit::Minute, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    };
    Some((unit, plural))
}

/// A part-of-day word.
pub(crate) fn day_part(word: &str) -> Option<DayPart> {
    Some(match word.to_ascii_lowercase().as_str() {
        "morning" | "mornings" => DayPart::Morning,
        "afternoon" | "afternoons" => DayPart::Afternoon,
        "evening" | "evenings" => DayPart::Evening,
        "night" | "nights" | "overnight" => DayPart::Night,
        "daytime" => DayPart::Daytime,
        _ => return None,
    })
}

/// A season word.
pub(crate) fn season(word: &str) -> Option<Season> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "fall" | "autumn" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// A cardinal written as digits or words ("3", "1,200", "three", "twenty"); compound word
/// numbers ("twenty four", "twenty-four") are assembled by the recognizer.
pub(crate) fn cardinal(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if lower.chars().all(|c| c.is_ascii_digit() || c == ',') && !lower.starts_with(',') {
        return lower.replace(',', "").parse().ok();
    }
    Some(match lower.as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    })
}

/// An ordinal written as digits or words ("3rd", "third"): 1–31.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(digits) = lower.strip_suffix(suffix) {
            if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                return digits.parse().ok();
            }
        }
    }
    Some(match lower.as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "twenty-first" => 21,
        "thirtieth" => 30,
        _ => return None,
    })
}

/// Words before a quantity that TimeML keeps inside the expression, with the `mod` they give.
pub(crate) fn quantity_modifier(word: &str) -> Option<&'static str> {
    Some(match word {
        "nearly" | "almost" => "LESS_THAN",
        "about" | "around" | "roughly" | "approximately" | "some" => "APPROX",
        "over" => "MORE_THAN",
        "within" => "LESS_THAN",
        _ => return None,
    })
}

/// Two-word quantity modifiers: "more than", "less than", "at least", "up to", "at most".
pub(crate) fn quantity_modifier_pair(first: &str, second: &str) -> Option<&'static str> {
    Some(match (first, second) {
        ("more", "than") => "MORE_THAN",
        ("less", "than") | ("fewer", "than") | ("up", "to") | ("at", "most") => "LESS_THAN",
        ("at", "least") => "EQUAL_OR_MORE",
        _ => return None,
    })
}
