#include <doctest/doctest.h>

#include "core/calendar.hpp"
#include "core/error.hpp"

using namespace pmi;

static Date date(const char* text) {
    return *parse_date(text);
}

static std::string label_of(const char* text, WeekStart start = WeekStart::monday) {
    return week_label(week_containing(date(text), start));
}

TEST_CASE("parse_date") {
    CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
    SUBCASE("years outside 1900 to 2200") {
        CHECK(parse_date("1900-01-01"));
        CHECK(parse_date("2200-12-31"));
        CHECK_FALSE(parse_date("1899-12-31"));
        CHECK_FALSE(parse_date("0000-01-01"));
        CHECK_FALSE(parse_date("2201-01-01"));
        CHECK(date_problem("0000-01-01") == "is outside the years 1900 to 2200");
        CHECK(date_problem("2026-02-30") == "is not a real calendar date");
        CHECK(date_problem("2026-2-3") == "is not in the form YYYY-MM-DD");
        CHECK(date_problem("2026-02-03").empty());
        CHECK_THROWS_AS(parse_week("0000-W01", Date{2026, 1, 1}, WeekStart::monday), Error);
    }
    CHECK_FALSE(parse_date("2026-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));
    CHECK(parse_date("2000-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("2026-11-2x"));
}

TEST_CASE("add_days") {
    CHECK(add_days(date("2020-12-31"), 1) == Date{2021, 1, 1});
    CHECK(add_days(date("2024-03-01"), -1) == Date{2024, 2, 29});
    CHECK(add_days(date("2026-11-23"), -365) == Date{2025, 11, 23});
    CHECK(days_since_epoch(date("1970-01-01")) == 0);
    CHECK(date_from_days(days_since_epoch(date("2038-01-19"))) == Date{2038, 1, 19});
}

TEST_CASE("iso_weekday") {
    CHECK(iso_weekday(date("2026-11-23")) == 1); // Monday
    CHECK(iso_weekday(date("2026-11-22")) == 7); // Sunday
    CHECK(iso_weekday(date("1970-01-01")) == 4); // Thursday
    CHECK(std::string(weekday_name(7)) == "Sunday");
}

TEST_CASE("iso_week") {
    SUBCASE("the week-year differs from the calendar year around New Year") {
        CHECK(label_of("2020-12-31") == "2020-W53");
        CHECK(label_of("2021-01-03") == "2020-W53");
        CHECK(label_of("2021-01-04") == "2021-W01");
        CHECK(label_of("2024-12-30") == "2025-W01");
        CHECK(label_of("2025-01-01") == "2025-W01");
        CHECK(label_of("2027-01-01") == "2026-W53");
        CHECK(label_of("2016-01-03") == "2015-W53");
    }
    SUBCASE("an ordinary week") {
        CHECK(label_of("2026-11-16") == "2026-W47");
        CHECK(label_of("2026-11-22") == "2026-W47");
        CHECK(label_of("2026-11-23") == "2026-W48");
    }
    SUBCASE("weeks in a year") {
        CHECK(iso_weeks_in_year(2020) == 53);
        CHECK(iso_weeks_in_year(2021) == 52);
        CHECK(iso_weeks_in_year(2026) == 53);
        CHECK(iso_weeks_in_year(2025) == 52);
    }
}

TEST_CASE("week_containing") {
    SUBCASE("monday") {
        const Week week = week_containing(date("2026-11-19"), WeekStart::monday);
        CHECK(week.start == Date{2026, 11, 16});
        CHECK(week_end(week) == Date{2026, 11, 22});
        CHECK(week_containing(date("2021-01-03"), WeekStart::monday).start == Date{2020, 12, 28});
    }
    SUBCASE("sunday") {
        const Week week = week_containing(date("2026-11-19"), WeekStart::sunday);
        CHECK(week.start == Date{2026, 11, 15});
        CHECK(week_end(week) == Date{2026, 11, 21});
        CHECK(week_label(week) == "2026-W47");
        // A Sunday starts its own week, labelled by the Monday after it.
        const Week sunday = week_containing(date("2026-11-22"), WeekStart::sunday);
        CHECK(sunday.start == Date{2026, 11, 22});
        CHECK(week_label(sunday) == "2026-W48");
        CHECK(label_of("2024-12-29", WeekStart::sunday) == "2025-W01");
        CHECK(label_of("2021-01-02", WeekStart::sunday) == "2020-W53");
    }
    SUBCASE("next and previous across New Year") {
        const Week w53 = week_containing(date("2020-12-31"), WeekStart::monday);
        CHECK(week_label(next_week(w53)) == "2021-W01");
        CHECK(week_label(previous_week(next_week(w53))) == "2020-W53");
        CHECK(week_label(previous_week(week_containing(date("2025-01-01"), WeekStart::monday))) ==
              "2024-W52");
    }
}

TEST_CASE("parse_week") {
    const Date today = date("2026-11-25"); // a Wednesday in 2026-W48
    SUBCASE("this and last") {
        CHECK(parse_week("this", today, WeekStart::monday).start == Date{2026, 11, 23});
        CHECK(parse_week("last", today, WeekStart::monday).start == Date{2026, 11, 16});
        CHECK(parse_week("LAST", today, WeekStart::monday).start == Date{2026, 11, 16});
        CHECK(parse_week("this", today, WeekStart::sunday).start == Date{2026, 11, 22});
    }
    SUBCASE("a week label, any case") {
        CHECK(parse_week("2026-W47", today, WeekStart::monday).start == Date{2026, 11, 16});
        CHECK(parse_week("2026-w47", today, WeekStart::monday).start == Date{2026, 11, 16});
        CHECK(parse_week("2026-W47", today, WeekStart::sunday).start == Date{2026, 11, 15});
        CHECK(parse_week("2020-W53", today, WeekStart::monday).start == Date{2020, 12, 28});
        CHECK(parse_week("2025-W01", today, WeekStart::monday).start == Date{2024, 12, 30});
        CHECK(parse_week("2026-W1", today, WeekStart::monday).start == Date{2025, 12, 29});
    }
    SUBCASE("a date inside the week") {
        CHECK(parse_week("2021-01-03", today, WeekStart::monday).start == Date{2020, 12, 28});
        CHECK(week_label(parse_week("2024-12-31", today, WeekStart::monday)) == "2025-W01");
    }
    SUBCASE("a week that does not exist names the valid range") {
        CHECK_THROWS_WITH_AS(parse_week("2026-W54", today, WeekStart::monday),
                             "week '2026-W54' does not exist: 2026 has weeks 2026-W01 to 2026-W53",
                             Error);
        CHECK_THROWS_WITH_AS(parse_week("2021-W53", today, WeekStart::monday),
                             "week '2021-W53' does not exist: 2021 has weeks 2021-W01 to 2021-W52",
                             Error);
        CHECK_THROWS_AS(parse_week("2026-W00", today, WeekStart::monday), Error);
    }
    SUBCASE("garbage") {
        CHECK_THROWS_AS(parse_week("next", today, WeekStart::monday), Error);
        CHECK_THROWS_AS(parse_week("2026-02-30", today, WeekStart::monday), Error);
        CHECK_THROWS_AS(parse_week("2026-W4x", today, WeekStart::monday), Error);
    }
}

TEST_CASE("months_before clamps the day") {
    CHECK(months_before(Date{2026, 11, 23}, 6) == Date{2026, 5, 23});
    CHECK(months_before(Date{2026, 3, 31}, 1) == Date{2026, 2, 28});
    CHECK(months_before(Date{2024, 3, 31}, 1) == Date{2024, 2, 29});
    CHECK(months_before(Date{2026, 1, 15}, 13) == Date{2024, 12, 15});
}

TEST_CASE("weeks_within") {
    const auto labels = [](const Period& period, WeekStart start) {
        std::vector<std::string> out;
        for (const auto& week : weeks_within(period, start))
            out.push_back(week_label(week));
        return out;
    };
    SUBCASE("the weeks whose Monday to Friday the period covers") {
        // Sunday 20 December 2026 to Sunday 3 January 2027: W51 only by its Sunday.
        CHECK(labels({Date{2026, 12, 20}, Date{2027, 1, 3}}, WeekStart::monday) ==
              std::vector<std::string>{"2026-W52", "2026-W53"});
        // Monday to Friday is a week away; Tuesday to Friday is not.
        CHECK(labels({Date{2026, 11, 16}, Date{2026, 11, 20}}, WeekStart::monday) ==
              std::vector<std::string>{"2026-W47"});
        CHECK(labels({Date{2026, 11, 17}, Date{2026, 11, 20}}, WeekStart::monday).empty());
        CHECK(labels({Date{2026, 11, 20}, Date{2026, 11, 20}}, WeekStart::monday).empty());
    }
    SUBCASE("sunday weeks: the same weekdays") {
        // Monday 21 to Friday 25 December 2026 lies in the week from Sunday the 20th.
        const auto weeks =
            weeks_within({Date{2026, 12, 21}, Date{2026, 12, 25}}, WeekStart::sunday);
        REQUIRE(weeks.size() == 1);
        CHECK(weeks[0].start == Date{2026, 12, 20});
    }
}
