#include <doctest/doctest.h>

#include "core/share.hpp"

using namespace pmi;

namespace {

// The body share keeps; fails the check when it refuses.
std::string kept(std::string_view body) {
    const Redacted out = redact_body(body);
    CHECK(out.errors.empty());
    return out.body;
}

// The first line share refuses, 0 when it does not.
int refused_at(std::string_view body, int first_line = 1) {
    const Redacted out = redact_body(body, first_line);
    if (out.errors.empty())
        return 0;
    CHECK(out.body.empty());
    return out.errors.front().line;
}

} // namespace

TEST_CASE("classify_heading") {
    CHECK(classify_heading("Private") == HeadingClass::private_);
    CHECK(classify_heading("PRIVATE: deal size") == HeadingClass::private_);
    CHECK(classify_heading("**Private**") == HeadingClass::private_);
    CHECK(classify_heading("_Private_ notes") == HeadingClass::private_);
    CHECK(classify_heading("Private\xC2\xA0") == HeadingClass::private_);
    CHECK(classify_heading("\xF0\x9F\x94\x92 Private") == HeadingClass::private_);
    CHECK(classify_heading("P&#114;ivate") == HeadingClass::private_);
    CHECK(classify_heading("<span>Private</span>") == HeadingClass::private_);
    CHECK(classify_heading("Notes (private)") == HeadingClass::unclear);
    CHECK(classify_heading("Pri\xE2\x80\x8Bvate") == HeadingClass::unclear);
    CHECK(classify_heading("P-R-I-V-A-T-E") == HeadingClass::unclear);
    CHECK(classify_heading("Privately held") == HeadingClass::plain);
    CHECK(classify_heading("Goal") == HeadingClass::plain);
    CHECK(classify_heading("") == HeadingClass::plain);
}

TEST_CASE("redact_body: private sections") {
    SUBCASE("a Private section up to the next heading of the same level") {
        CHECK(kept("## Goal\nLearn.\n\n## Private\nSECRET\n### Sub\nSECRET2\n\n"
                   "## Quotes\n- \"hi\"\n") == "## Goal\nLearn.\n\n## Quotes\n- \"hi\"\n");
    }
    SUBCASE("a Private section that is last") {
        CHECK(kept("## Goal\nLearn.\n## Private\nSECRET\n- SECRET too") == "## Goal\nLearn.\n");
    }
    SUBCASE("a deeper private heading ends at a heading of the same or higher level") {
        CHECK(kept("## Notes\n### Private: deal size\nSECRET\n#### detail\nSECRET\n"
                   "### Public\nok\n") == "## Notes\n### Public\nok\n");
    }
    SUBCASE("headings in a code fence do not end a private section") {
        CHECK(kept("## Private\n```\n# SECRET\n## SECRET\n```\nSECRET\n## Next\nok\n") ==
              "## Next\nok\n");
    }
    SUBCASE("a Private heading in a closed code fence is code, and the rest is kept") {
        CHECK(kept("## Goal\n```\n## Private\n```\nkept\n## Next\nkept too\n") ==
              "## Goal\n```\n## Private\n```\nkept\n## Next\nkept too\n");
    }
    SUBCASE("indented and emphasised private headings") {
        CHECK(kept("a\n\n   ## Private\nSECRET\n## b\n") == "a\n\n## b\n");
        CHECK(kept("a\n## **Private**\nSECRET\n## b\n") == "a\n## b\n");
        CHECK(kept("a\n## Private\xC2\xA0\nSECRET\n## b\n") == "a\n## b\n");
    }
    SUBCASE("setext private headings, their text taken back") {
        CHECK(kept("a\n\nPrivate\n-------\nSECRET\n## b\n") == "a\n\n## b\n");
        CHECK(kept("a\n\nPrivate\nnotes\n=======\nSECRET\n# b\n") == "a\n\n# b\n");
    }
    SUBCASE("a setext heading whose text starts in a private section is refused") {
        CHECK(refused_at("## Private\nSECRET\n\nPublic\n---\nmore\n") == 4);
        CHECK(refused_at("## Private\nSECRET\n\nBack\n====\nmore") == 4);
        CHECK(refused_at("# Private\nSECRET\n\nStill private\n---\nmore\n") == 0);
    }
    SUBCASE("titles that only start with the letters are not private") {
        CHECK(kept("## Privately held\nkept\n") == "## Privately held\nkept\n");
    }
    SUBCASE("unclear and nested private headings are refused") {
        CHECK(refused_at("a\n## Notes (private)\nSECRET\n") == 2);
        CHECK(refused_at("a\n## Pri\xE2\x80\x8Bvate\nSECRET\n") == 2);
        CHECK(refused_at("a\n> ## Private\n> SECRET\n", 10) == 11);
        CHECK(refused_at("- item\n  ## Private\n  SECRET\n") == 2);
        CHECK(refused_at("- ## Private\n") == 1);
        CHECK(refused_at("> Private\n> -------\n") == 1);
        std::string deep;
        for (int i = 0; i < 40; ++i)
            deep += "> ";
        CHECK(refused_at("a\n" + deep + "## Private\n") == 2);
    }
    SUBCASE("a code fence never closed that holds 'private' is refused") {
        CHECK(refused_at("a\n```\n## Private\nSECRET\n") == 2);
        CHECK(kept("a\n```\ncode\n") == "a\n```\ncode\n");
    }
    SUBCASE("everything private") {
        CHECK(kept("## Private\nSECRET\n").empty());
    }
}

TEST_CASE("redact_body: comments and private markers") {
    SUBCASE("a block across lines") {
        CHECK(kept("a\n<!-- private -->\nSECRET\n<!-- /private -->\nb\n") == "a\nb\n");
    }
    SUBCASE("markers within a line, any case and spacing, with a reason") {
        CHECK(kept("Budget <!--PRIVATE-->SECRET<!-- / Private --> is set.\n") ==
              "Budget  is set.\n");
        CHECK(kept("Deal <!-- private -->SECRET\nSECRET\nSECRET<!-- /private --> done\n") ==
              "Deal\n done\n");
        CHECK(kept("Price <!-- private: pricing -->SECRET<!-- /private --> ok\n") == "Price  ok\n");
    }
    SUBCASE("a marker split over lines") {
        CHECK(kept("a\n<!--\nprivate -->\nSECRET\n<!--\n/private\n-->\nb\n") == "a\nb\n");
    }
    SUBCASE("ordinary comments are left out, across lines too") {
        CHECK(kept("a <!-- note to self -->b\n<!--\n```\n-->\n## Private\nSECRET\n") == "a b\n");
    }
    SUBCASE("blocks in nested lists") {
        CHECK(kept("- one\n  - <!-- private -->\n  - SECRET\n    - SECRET\n"
                   "  - <!-- /private -->\n  - two\n") == "- one\n  - two\n");
        CHECK(kept("- one\n  - kept <!-- private -->SECRET<!-- /private -->\n") ==
              "- one\n  - kept\n");
    }
    SUBCASE("a fence inside a block does not hide what follows") {
        CHECK(kept("<!-- private -->\n```\n<!-- /private -->\n## Private\nSECRET\n") == "");
    }
    SUBCASE("unmatched, nested and malformed markers are refused") {
        CHECK(refused_at("a\nb <!-- private -->\nSECRET\n## Next\nSECRET\n", 10) == 11);
        CHECK(refused_at("a <!-- /private --> b\n") == 1);
        CHECK(refused_at("<!-- private --> a <!-- private --> b <!-- /private -->\n"
                         "SECRET <!-- /private -->\n") == 1);
        CHECK(refused_at("a\n<!-- this part is private -->\nSECRET\n") == 2);
        CHECK(refused_at("a\n<!-- privately -->\n") == 2);
        CHECK(refused_at("a\n<!-- never closed\nSECRET\n") == 2);
    }
    SUBCASE("a block at the very end without a final newline") {
        CHECK(kept("a\n<!-- private -->SECRET<!-- /private -->") == "a\n");
    }
    SUBCASE("CRLF becomes LF and blank runs collapse, not in code") {
        CHECK(kept("a\r\n\r\n<!-- private -->\r\nSECRET\r\n<!-- /private -->\r\n\r\nb\r\n") ==
              "a\n\nb\n");
        CHECK(kept("```\n\n\n```\n") == "```\n\n\n```\n");
    }
}

TEST_CASE("share_note") {
    const std::string text =
        "---\ncustomer: Acme\ndate: 2026-11-20\npm: caroline\nproduct: portal\n"
        "interviewees:\n  - {name: Jo Smith, role: CTO}\ncrm_id: 4711 # SECRET\n"
        "deal: big\n---\n## Goal\nLearn.\n## Private\nSECRET\n";
    std::vector<Problem> problems;
    SUBCASE("omitted fields and comments go; the copy is marked") {
        const auto out = share_note(text, "a.md", {"interviewees", "crm_id"}, problems);
        REQUIRE(out.status == ShareStatus::shared);
        CHECK(out.text == "---\n" + std::string(shared_copy_marker) +
                              "\ncustomer: \"Acme\"\ndate: 2026-11-20\npm: \"caroline\"\n"
                              "product: \"portal\"\ndeal: big\n---\n## Goal\nLearn.\n");
        CHECK(is_shared_copy(out.text));
        CHECK(problems.empty());
    }
    SUBCASE("date and known fields can be omitted") {
        const auto out = share_note(text, "a.md", {"date", "pm", "deal"}, problems);
        REQUIRE(out.status == ShareStatus::shared);
        CHECK(out.text.find("date:") == std::string::npos);
        CHECK(out.text.find("pm:") == std::string::npos);
        CHECK(out.text.find("deal:") == std::string::npos);
        CHECK(out.text.find("Jo Smith") != std::string::npos);
    }
    SUBCASE("keys compare ignoring case") {
        const auto out = share_note("---\ncustomer: A\ndate: 2026-11-20\npm: c\nproduct: p\n"
                                    "Interviewees: [Jo SECRET]\nCRM_ID: SECRET\n---\nok\n",
                                    "a.md", {"interviewees", "Crm_Id"}, problems);
        REQUIRE(out.status == ShareStatus::shared);
        CHECK(out.text.find("SECRET") == std::string::npos);
    }
    SUBCASE("an unclosed block refuses the note at its line") {
        const auto out = share_note("---\ncustomer: A\ndate: 2026-11-20\npm: c\nproduct: p\n---\n"
                                    "ok\n<!-- private -->\nSECRET\n",
                                    "a.md", {}, problems);
        CHECK(out.status == ShareStatus::refused);
        CHECK(out.text.empty());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].line == 8);
        CHECK(problems[0].severity == Severity::error);
    }
    SUBCASE("an invalid note is refused") {
        CHECK(share_note("---\ncustomer: A\n---\nSECRET\n", "a.md", {}, problems).status ==
              ShareStatus::invalid);
        CHECK_FALSE(problems.empty());
    }
    SUBCASE("is_shared_copy") {
        CHECK_FALSE(is_shared_copy(text));
        CHECK_FALSE(is_shared_copy(""));
        CHECK_FALSE(is_shared_copy(std::string(shared_copy_marker)));
    }
}
