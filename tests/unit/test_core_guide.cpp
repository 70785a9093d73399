#include <doctest/doctest.h>

#include <sstream>

#include "core/guide.hpp"
#include "render/guide.hpp"

using namespace pmi;

TEST_CASE("lint_question") {
    SUBCASE("open questions pass") {
        CHECK(lint_question("Tell me about the last time you exported a report.", 1).empty());
        CHECK(lint_question("How do you onboard a reseller?", 1).empty());
        CHECK(lint_question("What is hardest about quarter end?", 1).empty());
        CHECK(lint_question("Do a warm-up first", 1).empty()); // not a question
    }
    SUBCASE("closed questions, with rewrites where easy") {
        auto f = lint_question("Do you export reports?", 3);
        REQUIRE(f.size() == 1);
        CHECK(f[0].issue == GuideIssue::closed);
        CHECK(f[0].line == 3);
        CHECK(f[0].message == "closed question (starts with \"do\"): invites a yes or no");
        CHECK(f[0].suggestion == "How do you export reports?");
        f = lint_question("Can you walk me through the setup?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].suggestion == "Walk me through the setup.");
        f = lint_question("Have you ever used bulk edit?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].suggestion == "Tell me about the last time you used bulk edit.");
        f = lint_question("Is the setup hard?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].suggestion == "What…?");
        f = lint_question("**Should** we call you again?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].suggestion == "How…?");
    }
    SUBCASE("leading questions") {
        auto f = lint_question("Don’t you think the new flow is faster?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].issue == GuideIssue::leading);
        CHECK(f[0].message == "leading question (\"don't you think\") suggests the answer");
        CHECK(lint_question("Surely that is slow?", 1)[0].issue == GuideIssue::leading);
        CHECK(lint_question("It's slow, isn't it?", 1)[0].issue == GuideIssue::leading);
        CHECK(lint_question("Wouldn't it be nice to have SSO?", 1)[0].issue == GuideIssue::leading);
    }
    SUBCASE("hypotheticals") {
        auto f = lint_question("Would you pay for bulk edit?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].issue == GuideIssue::hypothetical);
        CHECK(f[0].suggestion == "Tell me about the last time you…");
        CHECK(lint_question("If we built SSO, how would it change your week?", 1)[0].issue ==
              GuideIssue::hypothetical);
        CHECK(lint_question("Will you use it?", 1)[0].issue == GuideIssue::hypothetical);
        CHECK(lint_question("What would you usefully change?", 1).empty()); // word boundary
    }
    SUBCASE("two questions in one line") {
        auto f = lint_question("How do you export? And who reads it?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].issue == GuideIssue::double_question);
        CHECK(f[0].suggestion == "How do you export?");
        f = lint_question("Do you export? Why?", 1);
        REQUIRE(f.size() == 2);
        CHECK(f[0].issue == GuideIssue::closed);
        CHECK(f[1].issue == GuideIssue::double_question);
    }
    SUBCASE("several questions stacked in one sentence with one '?'") {
        auto f = lint_question("What would make this easier, and how much time would it save, "
                               "and who else would benefit?",
                               1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].issue == GuideIssue::double_question);
        CHECK(f[0].message == "stacked questions: several in one sentence; ask one at a time");
        CHECK(f[0].suggestion == "What would make this easier?");
        f = lint_question("What did you try or why did it fail?", 1);
        REQUIRE(f.size() == 1);
        CHECK(f[0].suggestion == "What did you try?");
        CHECK(lint_question("How do you choose between speed and price?", 1).empty());
        CHECK(lint_question("Tell me how and why you switched.", 1).empty());
        CHECK(lint_question("When it fails, what do you do?", 1).empty());
    }
    SUBCASE("the open wrap-up is not a closed question") {
        CHECK(lint_question("Is there anything else I should have asked?", 1).empty());
        CHECK(lint_question("Anything else I should have asked?", 1).empty());
        CHECK(lint_question("Is there a faster way?", 1).size() == 1);
    }
}

TEST_CASE("lint_guide") {
    std::istringstream in("---\ntitle: Do you? Is it?\n---\n# Guide\nDo you read prose?\n"
                          "- How do you work?\n  * Do you use X?\n3. Is it hard?\n"
                          "```\n- Do you skip code?\n```\n+ [ ] Would you buy it?\n- \n");
    int questions = 0;
    const auto findings = lint_guide(in, questions);
    CHECK(questions == 4);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].line == 7);
    CHECK(findings[1].line == 8);
    CHECK(findings[2].line == 12);
    CHECK(findings[2].issue == GuideIssue::hypothetical);
    CHECK(format_guide_finding("guide.md", findings[0]) ==
          "guide.md:7: warning: closed question (starts with \"do\"): invites a yes or no; try "
          "\"How do you use X?\"");
}

TEST_CASE("lint_guide: a Goal section with only comments is empty") {
    std::istringstream empty("# Guide\n## Goal\n<!-- What do we want\nto learn? -->\n\n"
                             "## Questions\n- How do you work?\n");
    int questions = 0;
    auto findings = lint_guide(empty, questions);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].line == 2);
    CHECK(findings[0].issue == GuideIssue::empty_goal);
    CHECK(std::string(guide_issue_name(findings[0].issue)) == "empty_goal");

    std::istringstream at_end("## Goals\n<!-- x -->");
    CHECK(lint_guide(at_end, questions).size() == 1);

    std::istringstream written("## Goal\n<!-- x --> Learn how resellers onboard.\n## Q\n");
    CHECK(lint_guide(written, questions).empty());
    std::istringstream list("## Goal\n- Learn how resellers onboard.\n");
    CHECK(lint_guide(list, questions).empty());
}
