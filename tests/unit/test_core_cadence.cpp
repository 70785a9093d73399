#include <doctest/doctest.h>

#include "core/cadence.hpp"
#include "render/cadence.hpp"

using namespace pmi;

namespace {

Note note_of(const std::string& pm, const Date& date, const std::string& customer,
             const std::string& segment = "", const std::string& kind = "") {
    Note note;
    note.pm = pm;
    note.date = date;
    note.customer = customer;
    note.segment = segment;
    note.kind = kind;
    note.product = "portal";
    note.path = "prod/interviews/portal/" + customer + "-" + format_date(date) + ".md";
    return note;
}

} // namespace

TEST_CASE("build_cadence_report") {
    Config config;
    config.team = {{"ana", "Ana", "", std::nullopt, {Week{Date{2026, 11, 2}}}},
                   {"bo", "Bo", "", Date{2026, 11, 9}, {}}};
    const Date today{2026, 11, 25}; // a Wednesday
    const std::vector<Note> notes = {
        note_of("ana", Date{2026, 9, 28}, "Before"), // before the window: starts the first gap
        note_of("ana", Date{2026, 10, 26}, "Acme", "smb"),
        note_of("ana", Date{2026, 10, 27}, "Acme", "smb"),
        note_of("ana", Date{2026, 10, 27}, "Globex", "enterprise"),
        note_of("ana", Date{2026, 11, 16}, "acme", ""),
        note_of("ana", Date{2026, 11, 17}, "Sales call", "", "sales"), // does not count
        note_of("ana", Date{2026, 12, 1}, "Future"),                   // after today
    };
    const CadenceReport report = build_cadence_report(config, notes, today, 1);
    CHECK(report.first == Date{2026, 10, 19}); // the Monday of the week holding 2026-10-25
    REQUIRE(report.quota.weeks.size() == 6);
    REQUIRE(report.rows.size() == 2);

    const PmCadence& ana = report.rows[0];
    CHECK(cadence_strip(ana.quota) == ".3a.1.");
    CHECK(ana.interviews == 4);
    // Interview days 09-28 | 10-26, 10-27, 11-16: gaps 28, 1, 20; then open 9 days.
    REQUIRE(ana.median_gap_days);
    CHECK(*ana.median_gap_days == 20);
    REQUIRE(ana.longest_gap);
    CHECK(ana.longest_gap->days == 28);
    CHECK(ana.longest_gap->to == Date{2026, 10, 26});
    CHECK_FALSE(ana.longest_gap->open);
    CHECK(ana.customers == std::vector<NameCount>{{"Acme", 3}, {"Globex", 1}});
    CHECK(ana.segments == std::vector<NameCount>{{"smb", 2}, {"enterprise", 1}});

    const PmCadence& bo = report.rows[1];
    CHECK(cadence_strip(bo.quota) == "---...");
    CHECK(bo.interviews == 0);
    CHECK_FALSE(bo.median_gap_days);
    CHECK_FALSE(bo.longest_gap);

    SUBCASE("an open gap longer than any other is the longest") {
        const auto later = build_cadence_report(config, notes, Date{2027, 1, 20}, 3);
        REQUIRE(later.rows[0].longest_gap);
        CHECK(later.rows[0].longest_gap->open);
        CHECK(later.rows[0].longest_gap->days == 50); // from the 2026-12-01 note
        CHECK(later.rows[0].longest_gap->from == Date{2026, 12, 1});
    }
    SUBCASE("an even number of gaps takes the mean of the middle two") {
        auto more = notes;
        more.push_back(note_of("ana", Date{2026, 11, 20}, "Initech"));
        const auto even = build_cadence_report(config, more, today, 1);
        CHECK(*even.rows[0].median_gap_days == doctest::Approx(12)); // 1, 4, 20, 28
    }
    SUBCASE("filters narrow the PMs") {
        QuotaOptions filters;
        filters.pms = {"bo"};
        CHECK(build_cadence_report(config, notes, today, 1, filters).rows.size() == 1);
    }
    SUBCASE("table and json carry the same numbers") {
        const Table table = cadence_table(report);
        REQUIRE(table.rows.size() == 2);
        CHECK(table.rows[0][1].text == ".3a.1.");
        CHECK(table.rows[0][3].text == "20 days");
        CHECK(table.rows[0][4].text == "28 days (to 2026-10-26)");
        CHECK(table.rows[0][5].text == "2: Acme 3, Globex 1");
        CHECK(table.rows[1][4].text == "-");
        const std::string json = cadence_json(report, View{});
        CHECK(json.find("\"strip\": \".3a.1.\"") != std::string::npos);
        CHECK(json.find("\"median_gap_days\": 20") != std::string::npos);
        CHECK(json.find("\"median_gap_days\": null") != std::string::npos);
    }
}
