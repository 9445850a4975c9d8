//! Dates as `YYYY-MM-DD`, from a count of days or seconds since 1970-01-01 (UTC): the
//! bookmarks' and visits' dates, and the dates of the open data.

/// `YYYY-MM-DD` of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn of_day(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The date of `secs` since 1970, UTC: `2026-11-23`.
pub fn of_seconds(secs: u64) -> String {
    of_day(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// `text` as a date `YYYY-MM-DD` that exists (`2024-02-29` does, `2023-02-29` not),
/// surrounding spaces trimmed; `None` for anything else.
pub fn parse(text: &str) -> Option<String> {
    let text = text.trim();
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    (1..=days).contains(&day).then(|| text.to_owned())
}

/// Today (UTC), as `YYYY-MM-DD`.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    of_seconds(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_that_exist_are_dates() {
        assert_eq!(parse(" 2024-02-29 ").as_deref(), Some("2024-02-29"));
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "01/02/2026",
            "",
            "2026-00-10",
            "2026-01-00",
            "２０２６-01-01",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(parse("2000-02-29").as_deref(), Some("2000-02-29"));
        assert_eq!(parse("1900-02-29"), None);
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(of_seconds(0), "1970-01-01");
        assert_eq!(of_seconds(1_795_392_000), "2026-11-23");
        assert_eq!(of_seconds(951_782_400), "2000-02-29");
        assert_eq!(of_day(1_451_606_400_000 / 86_400_000), "2016-01-01");
        assert_eq!(of_day(11_016), "2000-02-29");
        assert_eq!(of_day(-1), "1969-12-31");
    }
}
