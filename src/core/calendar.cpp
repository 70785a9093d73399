#include "core/calendar.hpp"

#include <chrono>
#include <cstdlib>
#include <fmt/format.h>

#include "core/error.hpp"
#include "util/strings.hpp"

namespace pmi {

static bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

static bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return !text.empty();
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
    if (!all_digits(year) || !all_digits(month) || !all_digits(day))
        return std::nullopt;
    Date date{static_cast<int>(*util::parse_long(year)), static_cast<int>(*util::parse_long(month)),
              static_cast<int>(*util::parse_long(day))};
    if (date.month < 1 || date.month > 12 || date.day < 1 ||
        date.day > days_in_month(date.year, date.month) || date.year < min_year ||
        date.year > max_year)
        return std::nullopt;
    return date;
}

std::string date_problem(std::string_view text) {
    if (parse_date(text))
        return {};
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        all_digits(text.substr(0, 4)) && all_digits(text.substr(5, 2)) &&
                        all_digits(text.substr(8, 2));
    if (!shaped)
        return "is not in the form YYYY-MM-DD";
    const long year = *util::parse_long(text.substr(0, 4));
    if (year < min_year || year > max_year)
        return fmt::format("is outside the years {} to {}", min_year, max_year);
    return "is not a real calendar date";
}

std::string format_date(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_since_epoch(const Date& date) {
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (date.month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + date.day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date date_from_days(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

Date months_before(const Date& date, int months) {
    const int index = date.year * 12 + (date.month - 1) - months;
    const int year = index / 12;
    const int month = index % 12 + 1;
    return {year, month, std::min(date.day, days_in_month(year, month))};
}

Date add_days(const Date& date, long days) {
    return date_from_days(days_since_epoch(date) + days);
}

int iso_weekday(const Date& date) {
    const long days = days_since_epoch(date);      // 1970-01-01 was a Thursday
    const long weekday = ((days % 7) + 7 + 3) % 7; // 0 = Monday
    return static_cast<int>(weekday) + 1;
}

const char* weekday_name(int weekday) {
    static constexpr const char* names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
    return names[(weekday - 1) % 7];
}

Week week_containing(const Date& date, WeekStart week_start) {
    const int weekday = iso_weekday(date);
    if (week_start == WeekStart::sunday)
        return {add_days(date, -(weekday % 7))};
    return {add_days(date, -(weekday - 1))};
}

Date week_end(const Week& week) {
    return add_days(week.start, 6);
}
Week next_week(const Week& week) {
    return {add_days(week.start, 7)};
}
Week previous_week(const Week& week) {
    return {add_days(week.start, -7)};
}

IsoWeek iso_week(const Date& date) {
    // The ISO week-year is the year of the Thursday of the date's week.
    const Date thursday = add_days(date, 4 - iso_weekday(date));
    const long first_day = days_since_epoch({thursday.year, 1, 1});
    const int week = static_cast<int>((days_since_epoch(thursday) - first_day) / 7) + 1;
    return {thursday.year, week};
}

int iso_weeks_in_year(int year) {
    return iso_week({year, 12, 28}).week;
}

std::string week_label(const Week& week) {
    const Date monday = iso_weekday(week.start) == 7 ? add_days(week.start, 1) : week.start;
    const IsoWeek iso = iso_week(monday);
    return fmt::format("{:04}-W{:02}", iso.year, iso.week);
}

static Date monday_of_iso_week(int year, int week) {
    const Date january4{year, 1, 4}; // always in week 1
    const Date week1_monday = add_days(january4, -(iso_weekday(january4) - 1));
    return add_days(week1_monday, 7L * (week - 1));
}

Week parse_week(std::string_view text, const Date& today, WeekStart week_start) {
    const std::string lowered = util::to_lower_ascii(util::trim(text));
    if (lowered == "this" || lowered.empty())
        return week_containing(today, week_start);
    if (lowered == "last")
        return previous_week(week_containing(today, week_start));
    if (lowered.size() >= 7 && lowered[4] == '-' && lowered[5] == 'w') {
        const auto year = util::parse_long(std::string_view(lowered).substr(0, 4));
        const auto week = util::parse_long(std::string_view(lowered).substr(6));
        if (year && week && lowered.size() <= 8) {
            if (*year < min_year || *year > max_year)
                throw Error(fmt::format("week '{}' is outside the years {} to {}", text, min_year,
                                        max_year));
            const int weeks = iso_weeks_in_year(static_cast<int>(*year));
            if (*week < 1 || *week > weeks)
                throw Error(fmt::format("week '{}' does not exist: {} has weeks {:04}-W01 to "
                                        "{:04}-W{:02}",
                                        text, *year, *year, *year, weeks));
            const Date monday =
                monday_of_iso_week(static_cast<int>(*year), static_cast<int>(*week));
            return week_start == WeekStart::sunday ? Week{add_days(monday, -1)} : Week{monday};
        }
    }
    if (const auto date = parse_date(lowered))
        return week_containing(*date, week_start);
    throw Error(fmt::format("invalid week '{}': use this, last, YYYY-Www (e.g. 2026-W47) or a "
                            "date YYYY-MM-DD inside the week",
                            text));
}

std::vector<Week> weeks_within(const Period& period, WeekStart week_start) {
    std::vector<Week> weeks;
    for (Week week = week_containing(period.first, week_start); week.start <= period.last;
         week = next_week(week)) {
        // Monday is the first or second day of the week, Friday four days later.
        const Date monday = iso_weekday(week.start) == 1 ? week.start : add_days(week.start, 1);
        if (period.contains(monday) && period.contains(add_days(monday, 4)))
            weeks.push_back(week);
    }
    return weeks;
}

Date resolve_today(std::string_view override_text) {
    const std::string_view text = override_text;
    if (!text.empty()) {
        if (const auto date = parse_date(text))
            return *date;
        throw Error(fmt::format("invalid date for today '{}': {}", text, date_problem(text)));
    }
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
    localtime_r(&seconds, &local);
    return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

} // namespace pmi
