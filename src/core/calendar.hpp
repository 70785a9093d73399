#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pmi {

// A calendar date in the proleptic Gregorian calendar.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    auto operator<=>(const Date&) const = default;
};

// The years pmi accepts: a date outside them is a typo (0000-01-01), not an interview.
inline constexpr int min_year = 1900;
inline constexpr int max_year = 2200;

// Parses exactly "YYYY-MM-DD" and rejects impossible dates such as 2026-02-30
// and years outside min_year..max_year.
std::optional<Date> parse_date(std::string_view text);

// Why parse_date rejects `text`: "is not in the form YYYY-MM-DD", "is not a real
// calendar date" or "is outside the years 1900 to 2200"; empty if it does not.
std::string date_problem(std::string_view text);
std::string format_date(const Date& date);

long days_since_epoch(const Date& date);
Date date_from_days(long days);
Date add_days(const Date& date, long days);
// The same day `months` calendar months earlier, clamped to that month's length.
Date months_before(const Date& date, int months);
// 1 = Monday … 7 = Sunday.
int iso_weekday(const Date& date);
const char* weekday_name(int iso_weekday);

enum class WeekStart { monday, sunday };

// A week, identified by its first day. Its label is the ISO week of its Monday,
// so with Sunday-start weeks "2026-W47" runs Sunday 15 to Saturday 21 November.
struct Week {
    Date start;
    auto operator<=>(const Week&) const = default;
};

Week week_containing(const Date& date, WeekStart week_start);
Date week_end(const Week& week);
Week next_week(const Week& week);
Week previous_week(const Week& week);
std::string week_label(const Week& week); // "2026-W47"

struct IsoWeek {
    int year;
    int week;
};
IsoWeek iso_week(const Date& date);
int iso_weeks_in_year(int year);

// Parses "this", "last", "2026-W47" (any case) or a date inside the week.
// Throws pmi::Error with the valid range for a week that does not exist.
Week parse_week(std::string_view text, const Date& today, WeekStart week_start);

// An inclusive range of dates.
struct Period {
    Date first;
    Date last;
    bool contains(const Date& date) const { return first <= date && date <= last; }
};

// The weeks whose weekdays (Monday to Friday) all fall inside `period`: the
// weeks an absence from `first` to `last` takes out. A week the period only
// touches (away from Wednesday, or on Sunday alone) is not among them.
std::vector<Week> weeks_within(const Period& period, WeekStart week_start);

// Today from `override_text` ("YYYY-MM-DD", from --today or PMI_TODAY), else the clock.
Date resolve_today(std::string_view override_text);

} // namespace pmi
