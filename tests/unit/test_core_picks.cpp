#include <doctest/doctest.h>

#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"
#include "core/picks.hpp"

using namespace pmi;

namespace {

Note parse(std::string_view text) {
    NoteParse parse = parse_note(text, "prod/interviews/portal/acme-2026-11-17.md");
    REQUIRE(parse.note);
    return *parse.note;
}

constexpr std::string_view front = "---\ncustomer: Acme\ndate: 2026-11-17\npm: caroline\n"
                                   "product: portal\n";

} // namespace

TEST_CASE("strip_nugget_mark") {
    std::string_view text = "! Bulk edit";
    CHECK(strip_nugget_mark(text) == 1);
    CHECK(text == "Bulk edit");
    text = "!!\tFor execs";
    CHECK(strip_nugget_mark(text) == 2);
    CHECK(text == "For execs");
    SUBCASE("not marks") {
        for (std::string_view plain : {"!important", "!!! three", "!", "Wow!", "", "!!"}) {
            std::string_view kept = plain;
            CHECK(strip_nugget_mark(kept) == 0);
            CHECK(kept == plain);
        }
    }
}

TEST_CASE("nugget marks are read and stripped") {
    const Note note = parse(std::string(front) + "---\n## Nuggets\n- First.\n- ! Picked.\n"
                                                 "- !! For execs.\n-  !  \n");
    CHECK(note.nuggets == std::vector<std::string>{"First.", "Picked.", "For execs.", "!"});
    REQUIRE(note.nugget_marks.size() == 2);
    CHECK(note.nugget_marks[0].index == 1);
    CHECK(note.nugget_marks[0].line == 9);
    CHECK_FALSE(note.nugget_marks[0].execs);
    CHECK(note.nugget_marks[1].index == 2);
    CHECK(note.nugget_marks[1].execs);
    CHECK(note_pick(note) == 1u);
    CHECK(exec_pick(note) == 2u);
    CHECK(flags_for_execs(note));
}

TEST_CASE("private nuggets are read as such and never picked") {
    const Note note =
        parse(std::string(front) + "---\n## Nuggets\n- Public\n<!-- private -->\n- ! Price: 40k\n"
                                   "<!-- /private -->\n- Another <!-- note to self --> end\n"
                                   "- Inline <!-- private -->secret<!-- /private -->\n"
                                   "- <!-- only a comment -->\n<!--\n- Inside a comment\n-->\n"
                                   "### Private\n- !! Deal\n### Later\n- Shared again\n");
    CHECK(note.nuggets == std::vector<std::string>{"Public", "Price: 40k", "Another end",
                                                   "Inline secret", "Deal", "Shared again"});
    CHECK(note.private_nuggets == std::vector<std::size_t>{1, 3, 4});
    CHECK(is_private_nugget(note, 1));
    CHECK_FALSE(is_private_nugget(note, 2));
    REQUIRE(note.nugget_marks.size() == 2);
    CHECK(note_pick(note) == 0u);
    CHECK_FALSE(exec_pick(note));
    CHECK_FALSE(flags_for_execs(note));
    SUBCASE("only private nuggets: no pick") {
        const Note secret = parse(std::string(front) + "execs: true\n---\n## Nuggets\n"
                                                       "<!-- private -->\n- ! Secret\n"
                                                       "<!-- /private -->\n");
        CHECK_FALSE(note_pick(secret));
        CHECK_FALSE(exec_pick(secret));
    }
}

TEST_CASE("note_pick and exec_pick") {
    SUBCASE("unmarked: the first nugget, nothing for execs") {
        const Note note = parse(std::string(front) + "---\n## Nuggets\n- One.\n- Two.\n");
        CHECK(note_pick(note) == 0u);
        CHECK_FALSE(exec_pick(note));
        CHECK_FALSE(flags_for_execs(note));
    }
    SUBCASE("execs: true sends the pick") {
        const Note note =
            parse(std::string(front) + "execs: yes\n---\n## Nuggets\n- One.\n- ! Two.\n");
        CHECK(note.execs);
        CHECK(exec_pick(note) == 1u);
    }
    SUBCASE("no nuggets") {
        const Note note = parse(std::string(front) + "execs: true\n---\n## Goal\n");
        CHECK_FALSE(note_pick(note));
        CHECK_FALSE(exec_pick(note));
    }
    SUBCASE("execs must be a boolean") {
        const NoteParse bad = parse_note(std::string(front) + "execs: maybe\n---\n", "x.md");
        CHECK_FALSE(bad.note);
        REQUIRE(bad.problems.size() == 1);
        CHECK(bad.problems[0].message == "'execs' must be true or false");
    }
}

TEST_CASE("build_picks") {
    const Config config =
        parse_config("products: [portal, billing]\nteam:\n  - {id: caroline, name: Caroline Diaz, "
                     "products: [portal]}\n  - {id: dev}\n",
                     ".pmi.yaml");
    Note older = parse(std::string(front) + "---\n## Nuggets\n- Old.\n- ! Marked old.\n");
    older.date = {2026, 11, 16};
    Note newer = parse(std::string(front) + "---\n## Nuggets\n- Newest first.\n");
    Note empty = parse(std::string(front) + "---\n## Goal\n");
    empty.date = {2026, 11, 19};
    Digest digest;
    digest.week = Week{{2026, 11, 16}};
    digest.pms.push_back({"caroline", "Caroline Diaz", {older, newer, empty}, false});
    digest.pms.push_back({"dev", "", {}, true});
    SUBCASE("the newest marked nugget wins over a newer unmarked note") {
        const WeekPicks picks = build_picks(digest, config);
        REQUIRE(picks.pms.size() == 2);
        CHECK(picks.pms[0].nugget == "Marked old.");
        CHECK(picks.pms[0].marked);
        CHECK(picks.pms[0].date == Date{2026, 11, 16});
        CHECK(picks.pms[0].products == std::vector<std::string>{"portal"});
        CHECK(picks.pms[0].interviews == 3);
        CHECK(picks.pms[1].nugget.empty());
        CHECK(picks.pms[1].away);
    }
    SUBCASE("unmarked: the newest note with a nugget, its first") {
        digest.pms[0].notes = {newer, empty};
        const WeekPicks picks = build_picks(digest, config);
        CHECK(picks.pms[0].nugget == "Newest first.");
        CHECK_FALSE(picks.pms[0].marked);
    }
}

TEST_CASE("exec_nugget") {
    const Config config = parse_config("team:\n  - {id: caroline, name: Caroline Diaz}\n", "x");
    const std::string text = std::string(front) +
                             "execs: true\n---\n## Nuggets\n<!-- private -->\n- !! Secret.\n"
                             "<!-- /private -->\n- Shared.\n";
    const Note note = parse(text);
    std::vector<Problem> problems;
    SUBCASE("private parts never picked") {
        const auto nugget = exec_nugget(note, text, config, problems);
        REQUIRE(nugget);
        CHECK(nugget->nugget == "Shared.");
        CHECK(nugget->pm_name == "Caroline Diaz");
        CHECK(nugget->products == std::vector<std::string>{"portal"}); // the note's, no roster's
        CHECK(problems.empty());
    }
    SUBCASE("refused when share cannot be sure") {
        const std::string unclosed = std::string(front) + "---\n## Nuggets\n- !! A.\n"
                                                          "<!-- private -->\n- B.\n";
        CHECK_FALSE(exec_nugget(parse(unclosed), unclosed, config, problems));
        CHECK_FALSE(problems.empty());
    }
}

TEST_CASE("parse_config team products") {
    const Config config =
        parse_config("team:\n  - {id: a, products: [x, y]}\nproducts: [x, y]\n", ".pmi.yaml");
    CHECK(config.team[0].products == std::vector<std::string>{"x", "y"});
    CHECK_THROWS_WITH_AS(
        parse_config("team:\n  - {id: a, products: [billng]}\nproducts: [billing]\n", "c.yaml"),
        "c.yaml:2: 'team.products': unknown product 'billng'; did you mean 'billing'? (known: "
        "billing)",
        Error);
    // Without a products list, any product goes.
    CHECK(parse_config("team:\n  - {id: a, products: anything}\n", "c").team[0].products.size() ==
          1);
}
