#include <doctest/doctest.h>

#include "core/share.hpp"

using namespace pmi;

TEST_CASE("redact_body") {
    SUBCASE("a Private section up to the next heading of the same level") {
        const auto out = redact_body("## Goal\nLearn.\n\n## Private\nSECRET\n### Sub\nSECRET2\n\n"
                                     "## Quotes\n- \"hi\"\n");
        CHECK(out.body == "## Goal\nLearn.\n\n## Quotes\n- \"hi\"\n");
        CHECK(out.unclosed_line == 0);
    }
    SUBCASE("a Private section that is last") {
        CHECK(redact_body("## Goal\nLearn.\n## Private\nSECRET\n- SECRET too").body ==
              "## Goal\nLearn.\n");
    }
    SUBCASE("a deeper private heading ends at a heading of the same or higher level") {
        CHECK(redact_body("## Notes\n### Private: deal size\nSECRET\n#### detail\nSECRET\n"
                          "### Public\nok\n")
                  .body == "## Notes\n### Public\nok\n");
    }
    SUBCASE("headings in a code fence do not end a private section") {
        CHECK(
            redact_body("## Private\n```\n# SECRET\n## SECRET\n```\nSECRET\n## Next\nok\n").body ==
            "## Next\nok\n");
    }
    SUBCASE("titles that only start with the letters are not private") {
        CHECK(redact_body("## Privately held\nkept\n").body == "## Privately held\nkept\n");
    }
    SUBCASE("a comment block across lines") {
        CHECK(redact_body("a\n<!-- private -->\nSECRET\n<!-- /private -->\nb\n").body == "a\nb\n");
    }
    SUBCASE("markers within a line, any case and spacing") {
        CHECK(redact_body("Budget <!--PRIVATE-->SECRET<!-- / Private --> is set.\n").body ==
              "Budget  is set.\n");
        CHECK(redact_body("Deal <!-- private -->SECRET\nSECRET\nSECRET<!-- /private --> done\n")
                  .body == "Deal\n done\n");
    }
    SUBCASE("blocks in nested lists") {
        CHECK(redact_body("- one\n  - <!-- private -->\n  - SECRET\n    - SECRET\n"
                          "  - <!-- /private -->\n  - two\n")
                  .body == "- one\n  - two\n");
        CHECK(redact_body("- one\n  - kept <!-- private -->SECRET<!-- /private -->\n").body ==
              "- one\n  - kept\n");
    }
    SUBCASE("a block never closed runs to the end") {
        const auto out = redact_body("a\nb <!-- private -->\nSECRET\n## Next\nSECRET\n", 10);
        CHECK(out.body == "a\nb\n");
        CHECK(out.unclosed_line == 11);
    }
    SUBCASE("a block at the very end without a final newline") {
        CHECK(redact_body("a\n<!-- private -->SECRET<!-- /private -->").body == "a\n");
    }
    SUBCASE("CRLF becomes LF and blank runs collapse") {
        CHECK(redact_body("a\r\n\r\n<!-- private -->\r\nSECRET\r\n<!-- /private -->\r\n\r\nb\r\n")
                  .body == "a\n\nb\n");
    }
    SUBCASE("everything private") {
        CHECK(redact_body("## Private\nSECRET\n").body.empty());
    }
}

TEST_CASE("share_note") {
    const std::string text =
        "---\ncustomer: Acme\ndate: 2026-11-20\npm: caroline\nproduct: portal\n"
        "interviewees:\n  - {name: Jo Smith, role: CTO}\ncrm_id: 4711 # SECRET\n"
        "deal: big\n---\n## Goal\nLearn.\n## Private\nSECRET\n";
    std::vector<Problem> problems;
    SUBCASE("omitted fields and comments go") {
        const auto out = share_note(text, "a.md", {"interviewees", "crm_id"}, problems);
        REQUIRE(out);
        CHECK(*out == "---\ncustomer: \"Acme\"\ndate: 2026-11-20\npm: \"caroline\"\n"
                      "product: \"portal\"\ndeal: big\n---\n## Goal\nLearn.\n");
        CHECK(problems.empty());
    }
    SUBCASE("date and known fields can be omitted") {
        const auto out = share_note(text, "a.md", {"date", "pm", "deal"}, problems);
        REQUIRE(out);
        CHECK(out->find("date:") == std::string::npos);
        CHECK(out->find("pm:") == std::string::npos);
        CHECK(out->find("deal:") == std::string::npos);
        CHECK(out->find("Jo Smith") != std::string::npos);
    }
    SUBCASE("an unclosed block warns with its line") {
        const auto out = share_note("---\ncustomer: A\ndate: 2026-11-20\npm: c\nproduct: p\n---\n"
                                    "ok\n<!-- private -->\nSECRET\n",
                                    "a.md", {}, problems);
        REQUIRE(out);
        CHECK(out->find("SECRET") == std::string::npos);
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 8);
        CHECK(problems[0].severity == Severity::warning);
    }
    SUBCASE("an invalid note is refused") {
        CHECK_FALSE(share_note("---\ncustomer: A\n---\nSECRET\n", "a.md", {}, problems));
        CHECK_FALSE(problems.empty());
    }
}
