#include <doctest/doctest.h>

#include "core/edit.hpp"
#include "core/error.hpp"
#include "core/tag_rename.hpp"

#include <string>

using namespace pmi;

TEST_CASE("replace_front_matter_value") {
    const std::string text =
        "---\n# c\ncustomer: \"Acme\"  # who\r\ndate: 2026-11-17\n---\ndate: body\n";
    CHECK(replace_front_matter_value(text, "date", "2026-11-18", "n.md") ==
          "---\n# c\ncustomer: \"Acme\"  # who\r\ndate: 2026-11-18\n---\ndate: body\n");
    CHECK(replace_front_matter_value(text, "customer", "\"Globex\"", "n.md") ==
          "---\n# c\ncustomer: \"Globex\"  # who\r\ndate: 2026-11-17\n---\ndate: body\n");
    CHECK_THROWS_AS(replace_front_matter_value(text, "pm", "x", "n.md"), Error);
    CHECK_THROWS_AS(
        replace_front_matter_value("---\ncustomer: >\n  A\n---\n", "customer", "x", "n.md"), Error);
    CHECK_THROWS_AS(
        replace_front_matter_value("---\ncustomer: A\n  B\n---\n", "customer", "x", "n.md"), Error);
    CHECK_THROWS_AS(replace_front_matter_value("no front matter\n", "customer", "x", "n.md"),
                    Error);
    // A byte order mark before the front matter is kept.
    CHECK(replace_front_matter_value("\xEF\xBB\xBF---\r\npm: a\r\n---\r\n", "pm", "b", "n.md") ==
          "\xEF\xBB\xBF---\r\npm: b\r\n---\r\n");
    CHECK_THROWS_AS(
        replace_front_matter_value("\xEF\xBB\xBFno\n---\npm: a\n---\n", "pm", "b", "n.md"), Error);
}

TEST_CASE("shell_quote") {
    CHECK(shell_quote("prod/a-2026.md") == "prod/a-2026.md");
    CHECK(shell_quote("a b") == "'a b'");
    CHECK(shell_quote("it's") == "'it'\\''s'");
    CHECK(shell_quote("$(rm)") == "'$(rm)'");
    CHECK(shell_quote("") == "''");
}

TEST_CASE("rename_tag_in_note") {
    const std::set<std::string> from{"old", "Old"};
    CHECK(rename_tag_in_note("---\ntags: [a, old, 'Old', new]\n---\n", from, "new", "n") ==
          "---\ntags: [a, new]\n---\n");
    CHECK(rename_tag_in_note("---\ntags: [a, \"old\"]\n---\n", from, "new", "n") ==
          "---\ntags: [a, \"new\"]\n---\n");
    CHECK(rename_tag_in_note("---\ntags: old\n---\n", from, "a: b", "n") ==
          "---\ntags: \"a: b\"\n---\n");
    CHECK(rename_tag_in_note("---\ntags:\n  - old # c\n  - b\n  - Old\n---\n", from, "b", "n") ==
          "---\ntags:\n  - b # c\n---\n");
    CHECK(!rename_tag_in_note("---\ntags: [a]\n---\ntags: [old]\n", from, "new", "n"));
    CHECK(!rename_tag_in_note("---\npm: x\n---\ntags:\n  - old\n", from, "new", "n"));
}

TEST_CASE("unified_diff") {
    CHECK(unified_diff("a\nb\nc\n", "a\nB\nc\n", "p") ==
          "--- a/p\n+++ b/p\n@@ -2,1 +2,1 @@\n-b\n+B\n");
}
