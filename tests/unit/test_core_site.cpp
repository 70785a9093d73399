#include <doctest/doctest.h>

#include "core/site.hpp"

using namespace pmi;

TEST_CASE("note_page_names") {
    SUBCASE("from the path inside the notes folder") {
        CHECK(note_page_names({"prod/interviews/portal/acme-2026-11-20.md"}, "prod/interviews") ==
              std::vector<std::string>{"portal--acme-2026-11-20.html"});
    }
    SUBCASE("unsafe bytes replaced: no climbing, no hidden file, no markup") {
        CHECK(note_page_names({"n/../x.md", "n/.hidden.md", "n/a\"<b>\x1b.md"}, "n") ==
              std::vector<std::string>{"_..--x.html", "_.hidden.html", "a__b__.html"});
    }
    SUBCASE("a name taken gets a number, in the order given") {
        CHECK(note_page_names({"n/p/a b.md", "n/p/a_b.md", "n/p/a?b.md"}, "n") ==
              std::vector<std::string>{"p--a_b.html", "p--a_b-2.html", "p--a_b-3.html"});
    }
}

TEST_CASE("omit_shared_fields") {
    Note note;
    note.customer = "Acme";
    note.segment = "enterprise";
    note.tags = {"a"};
    note.tldr = "secret";
    note.extra = {{"deal_size", "1M", "1M"}, {"other", "x", "x"}};
    omit_shared_fields(note, {"Segment", "TLDR", "deal_size"});
    CHECK(note.customer == "Acme");
    CHECK(note.segment.empty());
    CHECK(note.tldr.empty());
    CHECK(note.tags == std::vector<std::string>{"a"});
    REQUIRE(note.extra.size() == 1);
    CHECK(note.extra[0].key == "other");
}

TEST_CASE("note_body") {
    CHECK(note_body("---\ncustomer: A\n---\n## Goal\nx\n") == "## Goal\nx\n");
    CHECK(note_body("---\r\na: 1\r\n---\r\nbody") == "body");
    CHECK(note_body("---\na: 1\n---") == "");
    CHECK(note_body("no front matter\n---\n") == "no front matter\n---\n");
}

TEST_CASE("body_nuggets") {
    CHECK(body_nuggets(
              "## Goal\n- not a nugget\n\n## Nuggets\n- one\n  - nested\n- two\n\n## Next\n- "
              "no\n") == std::vector<std::string>{"one", "two"});
    CHECK(body_nuggets("").empty());
}
