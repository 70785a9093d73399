#include <doctest/doctest.h>

#include <sstream>

#include "core/followups.hpp"

using namespace pmi;

namespace {

std::vector<FollowUp> scan(const std::string& text) {
    std::istringstream in(text);
    return scan_followups(in);
}

} // namespace

TEST_CASE("is_followups_heading") {
    bool private_ = true;
    CHECK(is_followups_heading("Follow-ups", private_));
    CHECK_FALSE(private_);
    CHECK(is_followups_heading("Follow ups", private_));
    CHECK(is_followups_heading("followups:", private_));
    CHECK(is_followups_heading("Follow-up", private_));
    CHECK(is_followups_heading("Private: follow-ups", private_));
    CHECK(private_);
    CHECK_FALSE(is_followups_heading("Private: pricing", private_));
    CHECK_FALSE(is_followups_heading("Nuggets", private_));
    CHECK_FALSE(is_followups_heading("Follow", private_));
}

TEST_CASE("strip_task_box") {
    bool done = true;
    std::string_view text = "[ ] Send it";
    CHECK(strip_task_box(text, done));
    CHECK_FALSE(done);
    CHECK(text == "Send it");
    text = "[x] Sent";
    CHECK(strip_task_box(text, done));
    CHECK(done);
    text = "[X]";
    CHECK(strip_task_box(text, done));
    CHECK(text.empty());
    for (std::string_view plain : {"[link](x) text", "[y] what", "[x]no space", "plain"}) {
        text = plain;
        CHECK_FALSE(strip_task_box(text, done));
        CHECK_FALSE(done);
        CHECK(text == plain);
    }
}

TEST_CASE("scan_followups") {
    const auto items = scan("---\ncustomer: A\n---\n"
                            "## Nuggets\n- [ ] not here\n"
                            "## Follow-ups\n"
                            "- [ ] Open one\n"          // 7
                            "- [x] Done one\n"          // 8
                            "- Plain\n"                 // 9
                            "  - nested, not an item\n" // 10
                            "> - [ ] quoted\n"          // 11
                            "\n"
                            "<!-- private -->\n"
                            "- [ ] Private one\n" // 14
                            "<!-- /private -->\n"
                            "<!--\n- [ ] commented\n-->\n"
                            "### Private: sub\n"
                            "- [ ] In a private subsection\n" // 20
                            "### Later\n"
                            "1. Numbered\n" // 22
                            "```\n- [ ] in code\n```\n"
                            "## Notes\n- [ ] not here either\n");
    REQUIRE(items.size() == 6);
    CHECK(items[0].text == "Open one");
    CHECK(items[0].line == 7);
    CHECK_FALSE(items[0].done);
    CHECK(items[1].done);
    CHECK(items[2].text == "Plain");
    CHECK_FALSE(items[2].private_);
    CHECK(items[3].text == "Private one");
    CHECK(items[3].private_);
    CHECK(items[4].text == "In a private subsection");
    CHECK(items[4].private_);
    CHECK(items[5].text == "Numbered");
    CHECK(items[5].line == 22);
    CHECK_FALSE(items[5].private_);
}

TEST_CASE("scan_followups: a private block within an item's line makes it private") {
    const auto items = scan("---\na: b\n---\n## Follow-ups\n"
                            "- [ ] Call <!-- private -->at 40k<!-- /private -->\n- [ ] After\n");
    REQUIRE(items.size() == 2);
    CHECK(items[0].private_);
    CHECK_FALSE(items[1].private_);
}

TEST_CASE("scan_followups: a line over 64 KiB hides nothing after it") {
    // A comment closed past 64 KiB, then a private marker past 64 KiB.
    const std::string padding(70 * 1024, 'x');
    const auto items = scan("---\na: b\n---\n## Follow-ups\n<!-- " + padding +
                            " -->\n- [ ] After the long comment\n" + padding +
                            " <!-- private -->\n- [ ] Private one\n<!-- /private -->\n- [ ] " +
                            padding + " end\n");
    REQUIRE(items.size() == 3);
    CHECK(items[0].text == "After the long comment");
    CHECK_FALSE(items[0].private_);
    CHECK(items[1].text == "Private one");
    CHECK(items[1].private_);
    CHECK(items[2].text == padding + " end");
    CHECK(items[2].line == 10);
}
