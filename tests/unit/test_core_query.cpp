#include <doctest/doctest.h>

#include "core/query.hpp"

using namespace pmi;

namespace {

Note paired_note(const char* lead, std::vector<std::string> with) {
    Note note;
    note.pm = lead;
    note.with = std::move(with);
    note.date = {2026, 11, 20};
    return note;
}

} // namespace

TEST_CASE("pm_role") {
    const Note note = paired_note("ann", {"bob", "cy"});
    CHECK(pm_role(note, {"ann"}) == "lead");
    CHECK(pm_role(note, {"cy"}) == "with");
    CHECK(pm_role(note, {"bob", "ann"}) == "lead"); // leading wins
    CHECK(pm_role(note, {"dee"}).empty());
}

TEST_CASE("matches: --pm as lead, or as lead or with") {
    const Note note = paired_note("ann", {"bob"});
    NoteFilter filter;
    filter.pms = {"bob"};
    CHECK_FALSE(matches(note, filter));
    filter.pm_match = PmMatch::lead_or_with;
    CHECK(matches(note, filter));
    filter.pms = {"ann"};
    CHECK(matches(note, filter));
    filter.pms = {"cy"};
    CHECK_FALSE(matches(note, filter));
}
