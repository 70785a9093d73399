#include <doctest/doctest.h>

#include "core/themes.hpp"
#include "render/themes.hpp"

using namespace pmi;

namespace {

Note make_note(const std::string& customer, Date date, const std::string& product,
               std::vector<std::string> tags) {
    Note note;
    note.path = "n/" + product + "/" + customer + ".md";
    note.customer = customer;
    note.date = date;
    note.pm = "caroline";
    note.product = product;
    note.tags = std::move(tags);
    return note;
}

} // namespace

TEST_CASE("build_themes") {
    std::vector<Note> notes = {
        make_note("Acme", {2026, 11, 20}, "portal", {"sso", "api"}),
        make_note("Acme", {2026, 11, 10}, "billing", {"SSO", "api", "pricing"}),
        make_note("Beta", {2026, 11, 5}, "portal", {"pricing"}),
        make_note("Old", {2026, 1, 5}, "portal", {"pricing"}),
        make_note("Prev", {2026, 10, 20}, "portal", {"pricing", "export", "sso"}),
    };
    notes[0].segment = "enterprise";
    notes[0].interviewees = {{"Jo", "end user"}, {"Al", ""}};
    notes[0].kind = "sales";
    notes[3].segment = "smb";
    const Period period{{2026, 11, 1}, {2026, 11, 30}};
    const ThemesReport report =
        build_themes(notes, {"portal", "billing", "mobile"}, period, {2026, 11, 30});

    CHECK(report.previous.first == Date{2026, 10, 2});
    CHECK(report.previous.last == Date{2026, 10, 31});
    CHECK(report.interviews == 3);
    CHECK(report.products == std::vector<std::string>{"billing", "portal"});
    REQUIRE(report.matrix.size() == 3);
    CHECK(report.matrix[0].tag == "api");
    CHECK(report.matrix[0].counts == std::vector<std::size_t>{1, 1});
    CHECK(report.matrix[2].tag == "sso");
    CHECK(report.matrix[2].total == 2);

    REQUIRE(report.segments.size() == 2);
    CHECK(report.segments[0].name == "(none)");
    CHECK(report.segments[0].count == 2);
    CHECK(report.quiet_segments == std::vector<std::string>{"smb"});
    CHECK(report.quiet_products == std::vector<std::string>{"mobile"});
    REQUIRE(report.roles.size() == 2);
    CHECK(report.roles[0].name == "(none)");
    CHECK(report.roles[0].count == 3);
    REQUIRE(report.kinds.size() == 2);
    CHECK(report.kinds[0].name == "learning");
    CHECK(report.kinds[0].count == 2);

    REQUIRE(report.top_customers.size() == 2);
    CHECK(report.top_customers[0].name == "Acme");
    CHECK(report.top_customers[0].count == 2);
    REQUIRE(report.lapsed.size() == 1);
    CHECK(report.lapsed[0].customer == "Old");
    CHECK(report.lapsed[0].last == Date{2026, 1, 5});

    REQUIRE(report.rising.size() == 3);
    CHECK(report.rising[0].tag == "api");
    CHECK(report.rising[0].delta() == 2);
    CHECK(report.rising[1].tag == "pricing");
    CHECK(report.rising[2].tag == "sso");
    CHECK(report.rising[2].before == 1);
    REQUIRE(report.falling.size() == 1);
    CHECK(report.falling[0].tag == "export");
    CHECK(report.falling[0].delta() == -1);

    REQUIRE(report.pairs.size() == 1);
    CHECK(report.pairs[0].first == "api");
    CHECK(report.pairs[0].second == "sso");
    CHECK(report.pairs[0].count == 2);
}

TEST_CASE("themes_text") {
    const ThemesReport report =
        build_themes({}, {"portal"}, {{2026, 11, 1}, {2026, 11, 30}}, {2026, 11, 30});
    const std::string text = themes_text(report, View{});
    CHECK(text.find("Themes 2026-11-01 to 2026-11-30: 0 interviews\n") == 0);
    CHECK(text.find("Products with no interview in the period\nPRODUCT\nportal\n") !=
          std::string::npos);
    CHECK(text.find("  no tags\n") != std::string::npos);
}
