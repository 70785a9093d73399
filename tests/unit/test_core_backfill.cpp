#include <doctest/doctest.h>

#include "core/backfill.hpp"

using namespace pmi;

namespace {

Note note_of(const std::string& path, const Date& date) {
    Note note;
    note.path = path;
    note.date = date;
    note.key_lines = {{"customer", 2}, {"date", 3}};
    return note;
}

} // namespace

TEST_CASE("parse_first_recorded follows renames back to the first add") {
    using namespace std::string_literals;
    // As git prints it, newest first: a.md renamed to c.md, then b.md added, then a.md added.
    const std::string log = "\x01"
                            "2026-11-23\0\nR100\0n/a.md\0n/c.md\0"s
                            "\x01"
                            "2026-11-20\0\nA\0n/b.md\0"s
                            "\x01"
                            "2026-01-02\0\nA\0n/a.md\0"s;
    const FirstRecorded recorded = parse_first_recorded(log);
    CHECK(recorded.size() == 2);
    CHECK(recorded.at("n/c.md") == Date{2026, 1, 2});
    CHECK(recorded.at("n/b.md") == Date{2026, 11, 20});
    CHECK(parse_first_recorded("").empty());
    CHECK(parse_first_recorded("garbage\0A"s).empty());
}

TEST_CASE("backfill_problems warns past the limit, using today for notes not in git") {
    const FirstRecorded recorded = {{"n/late.md", Date{2026, 11, 20}},
                                    {"n/ok.md", Date{2026, 11, 20}}};
    const std::vector<Note> notes = {
        note_of("n/late.md", Date{2026, 11, 5}), note_of("n/ok.md", Date{2026, 11, 6}),
        note_of("n/new.md", Date{2026, 10, 1}), note_of("n/future.md", Date{2026, 12, 1})};
    const auto problems = backfill_problems(notes, recorded, Date{2026, 11, 23}, 14);
    REQUIRE(problems.size() == 2);
    CHECK(format_problem(problems[0]) ==
          "n/late.md:3: warning: written 15 days after the interview (git first recorded it on "
          "2026-11-20): notes from memory are weaker evidence; write them within 14 days");
    CHECK(problems[1].path == "n/new.md");
    CHECK(problems[1].message.find("53 days") != std::string::npos);
    CHECK(problems[1].message.find("not in git yet") != std::string::npos);
    CHECK(backfill_problems(notes, recorded, Date{2026, 11, 23}, 60).empty());
}
