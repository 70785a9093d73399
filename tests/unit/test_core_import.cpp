#include <doctest/doctest.h>

#include "core/import.hpp"

using namespace pmi;

namespace {
std::string loose(std::string_view text, DateOrder order = DateOrder::unknown) {
    const auto date = parse_loose_date(text, order);
    return date ? format_date(*date) : "error: " + date.error();
}
} // namespace

TEST_CASE("parse_loose_date") {
    CHECK(loose("2026-11-20") == "2026-11-20");
    CHECK(loose("2026/11/20") == "2026-11-20");
    CHECK(loose("11/20/2026") == "2026-11-20");
    CHECK(loose("20/11/2026") == "2026-11-20");
    CHECK(loose("20.11.2026") == "2026-11-20");
    CHECK(loose("5/5/2026") == "2026-05-05");
    CHECK(loose("20 Nov 2026") == "2026-11-20");
    CHECK(loose("20 November 2026") == "2026-11-20");
    CHECK(loose("Nov 20, 2026") == "2026-11-20");
    CHECK(loose("Friday, November 20th, 2026") == "2026-11-20");
    CHECK(loose("2026-11-20 14:30") == "2026-11-20");
    CHECK(loose("2026-11-20T14:30:00Z") == "2026-11-20");
    CHECK(loose(" 2026-11-20 ") == "2026-11-20");
    CHECK(loose("03/04/2026", DateOrder::mdy) == "2026-03-04");
    CHECK(loose("03/04/2026", DateOrder::dmy) == "2026-04-03");
    CHECK(loose("03/04/2026").find("ambiguous") != std::string::npos);
    CHECK(loose("13/04/2026", DateOrder::mdy).find("not a real calendar date") !=
          std::string::npos);
    CHECK(loose("11/20/26").find("four-digit year") != std::string::npos);
    CHECK(loose("2026-02-30").find("not a real calendar date") != std::string::npos);
    CHECK(loose("").find("empty") != std::string::npos);
    CHECK(loose("soon").find("not a date") != std::string::npos);
    CHECK(loose("20 Nov").find("not a date") != std::string::npos);
    CHECK(loose("123456-1-1").find("not a date") != std::string::npos);
}

TEST_CASE("parse_import_map") {
    const auto map = parse_import_map({"date=Date, customer = Account", "crm_id=Opp"});
    CHECK(map.entries.size() == 3);
    CHECK(map.key_of("Account") == "customer");
    CHECK(map.key_of(" account ") == "customer");
    CHECK(map.key_of("Notes").empty());
    CHECK_THROWS_WITH_AS(parse_import_map({"date"}), doctest::Contains("is not KEY=SOURCE"), Error);
    CHECK_THROWS_WITH_AS(parse_import_map({"tag=Tags"}), doctest::Contains("did you mean 'tags'"),
                         Error);
    CHECK_THROWS_AS(parse_import_map({"date=A,date=B"}), Error);
    CHECK_THROWS_AS(parse_import_map({"imported=A"}), Error);
}

TEST_CASE("note_from_row") {
    const std::vector<std::string> header{"When", "Who", "PM", "Notes", "Extra"};
    const auto map = parse_import_map({"date=When,customer=Who,pm=PM,body=Notes"});
    const ImportDefaults defaults{"", "portal", "", DateOrder::unknown};

    SUBCASE("mapped columns, the body, and the rest as labelled lines") {
        const auto imported = note_from_row(
            header, {"20 Nov 2026", "Acme\nCorp", "dev", "Said hi.", "a\nb"}, map, defaults);
        CHECK(imported.note.customer == "Acme Corp");
        CHECK(format_date(imported.note.date) == "2026-11-20");
        CHECK(imported.note.product == "portal");
        CHECK(imported.body == "Said hi.\n\n## Imported\n- Extra: a\n  b\n");
        CHECK(imported.id.size() == 16);
    }
    SUBCASE("the id does not depend on the column order") {
        const auto a = note_from_row(header, {"2026-11-20", "Acme", "dev", "", ""}, map, defaults);
        const auto b = note_from_row({"PM", "Who", "When", "Notes", "Extra"},
                                     {"dev", "Acme", "2026-11-20", "", ""}, map, defaults);
        const auto c = note_from_row(header, {"2026-11-21", "Acme", "dev", "", ""}, map, defaults);
        CHECK(a.id == b.id);
        CHECK(a.id != c.id);
    }
    SUBCASE("rows that cannot be a note") {
        CHECK_THROWS_WITH_AS(
            note_from_row(header, {"2026-11-20", "Acme", "", "", ""}, map, defaults),
            doctest::Contains("no pm"), Error);
        CHECK_THROWS_WITH_AS(note_from_row(header, {"", "Acme", "dev", "", ""}, map, defaults),
                             doctest::Contains("no date"), Error);
        CHECK_THROWS_WITH_AS(
            note_from_row(header, {"2026-11-20", "!!", "dev", "", ""}, map, defaults),
            doctest::Contains("no letters or digits"), Error);
        CHECK_THROWS_AS(
            note_from_row(header, {"2026-11-20", "A", "dev", "", "", "x"}, map, defaults), Error);
    }
}

TEST_CASE("parts_of_file_name") {
    auto parts = parts_of_file_name("Acme Corp 2026-11-20.md");
    CHECK(parts.customer == "Acme Corp");
    CHECK(format_date(*parts.date) == "2026-11-20");
    parts = parts_of_file_name("2026-11-17 acme-corp.md");
    CHECK(parts.customer == "Acme Corp");
    parts = parts_of_file_name("Globex call 0123456789abcdef0123456789abcdef.md");
    CHECK(parts.customer == "Globex call");
    CHECK(!parts.date);
    parts = parts_of_file_name("acme_corp-20261120.md");
    CHECK(!parts.date);
}

TEST_CASE("note_from_markdown") {
    const auto map = parse_import_map({"customer=Company"});
    const ImportDefaults defaults{"dev", "portal", "", DateOrder::unknown};
    const auto imported =
        note_from_markdown("---\nCompany: Acme\nTags: [a, b]\nbody: kept\n---\n# Title\n",
                           "x 2026-11-20.md", map, defaults);
    CHECK(imported.note.customer == "Acme");
    CHECK(imported.note.tags == std::vector<std::string>{"a", "b"});
    CHECK(imported.note.extra.size() == 2); // body, imported
    CHECK(imported.body == "# Title\n");
    try {
        (void)note_from_markdown("---\na: 1\ndate: 2026-13-40\n---\n", "acme.md", map, defaults);
        FAIL("no error");
    } catch (const SourceError& error) {
        CHECK(error.line == 3);
    }
}
