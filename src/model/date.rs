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

#[cfg(test)]
mod tests {
    use super::*;

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
