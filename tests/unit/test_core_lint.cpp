#include <doctest/doctest.h>

#include "core/lint.hpp"
#include "core/note.hpp"
#include "render/lint.hpp"
#include "temp_dir.hpp"

#include <algorithm>

using namespace pmi;

namespace {

std::string note_text(const std::string& customer, const std::string& date, const std::string& pm,
                      const std::string& product, const std::string& extra = "tldr: Fine.\n",
                      const std::string& body = "## Goal\nLearn.\n\n## Nuggets\n- A nugget\n") {
    return "---\ncustomer: " + customer + "\ndate: " + date + "\npm: " + pm +
           "\nproduct: " + product + "\n" + extra + "---\n" + body;
}

Note parsed(const std::string& path, const std::string& text) {
    auto parse = parse_note(text, path, BodyScan::sections);
    REQUIRE(parse.note);
    return *parse.note;
}

Config test_config() {
    Config config;
    config.root = "/repo";
    config.products = {"portal", "billing"};
    config.team = {{"caroline", "Caroline", "", std::nullopt, {}},
                   {"dev", "Dev", "", std::nullopt, {}}};
    return config;
}

std::vector<std::string> formatted(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(format_problem(problem));
    return out;
}

} // namespace

TEST_CASE("lint_notes") {
    const Config config = test_config();
    NoteSet set;

    SUBCASE("a clean note has no problems") {
        set.notes.push_back(parsed("prod/interviews/portal/acme-corp-2026-11-20.md",
                                   note_text("Acme Corp", "2026-11-20", "caroline", "portal")));
        CHECK(lint_notes(config, set).empty());
    }

    SUBCASE("file name date and product folder disagreeing are errors on their key's line") {
        set.notes.push_back(parsed("prod/interviews/billing/acme-corp-2026-11-19-2.md",
                                   note_text("Acme Corp", "2026-11-20", "caroline", "portal")));
        CHECK(formatted(lint_notes(config, set)) ==
              std::vector<std::string>{
                  "prod/interviews/billing/acme-corp-2026-11-19-2.md:3: error: date 2026-11-20 "
                  "disagrees with the file name's date 2026-11-19; to move the file: pmi mv "
                  "prod/interviews/billing/acme-corp-2026-11-19-2.md --date 2026-11-20",
                  "prod/interviews/billing/acme-corp-2026-11-19-2.md:5: error: product 'portal' "
                  "disagrees with the folder 'billing' the note is in; to move the file: pmi mv "
                  "prod/interviews/billing/acme-corp-2026-11-19-2.md --product portal"});
    }

    SUBCASE("roster, products, tldr, nuggets and customer name are warnings") {
        set.notes.push_back(parsed("prod/interviews/portl/acme-2026-11-20.md",
                                   note_text("Acme Corp", "2026-11-20", "carolin", "portl",
                                             "tags: [a]\n", "## Nuggets\n\n## Follow-ups\n- x\n")));
        const auto problems = lint_notes(config, set, BodyScan::sections);
        CHECK(formatted(problems) ==
              std::vector<std::string>{
                  "prod/interviews/portl/acme-2026-11-20.md: warning: no Goal section: add "
                  "'## Goal' with what the call was meant to learn",
                  "prod/interviews/portl/acme-2026-11-20.md:1: warning: no tldr: add a "
                  "one-sentence summary for the dev team",
                  "prod/interviews/portl/acme-2026-11-20.md:2: warning: customer 'Acme Corp' does "
                  "not match the file name 'acme-2026-11-20.md' (expected "
                  "acme-corp-2026-11-20.md)",
                  "prod/interviews/portl/acme-2026-11-20.md:4: warning: PM 'carolin' is not in "
                  "the team of .pmi.yaml; did you mean 'caroline'?",
                  "prod/interviews/portl/acme-2026-11-20.md:5: warning: product 'portl' is not in "
                  "the products of .pmi.yaml; did you mean 'portal'?",
                  "prod/interviews/portl/acme-2026-11-20.md:8: warning: Nuggets section has no "
                  "bullet ('- …')"});
        for (const auto& problem : problems)
            CHECK(problem.severity == Severity::warning);
    }

    SUBCASE("body checks need scanned bodies; any Goal heading will do") {
        set.notes.push_back(parsed("prod/interviews/portal/acme-corp-2026-11-20.md",
                                   note_text("Acme Corp", "2026-11-20", "caroline", "portal",
                                             "tldr: Fine.\n", "## Nuggets\n\n")));
        CHECK(lint_notes(config, set).empty());
        CHECK(lint_notes(config, set, BodyScan::sections).size() == 2);
        for (const char* heading : {"## goals", "## Goal: pricing", "## GOAL of the call"}) {
            set.notes.back() =
                parsed("prod/interviews/portal/acme-corp-2026-11-20.md",
                       note_text("Acme Corp", "2026-11-20", "caroline", "portal", "tldr: Fine.\n",
                                 std::string(heading) + "\nx\n## Nuggets\n- n\n"));
            CHECK_MESSAGE(lint_notes(config, set, BodyScan::sections).empty(), heading);
        }
        CHECK_FALSE(is_goal_heading("Goalkeeping"));
        CHECK_FALSE(is_goal_heading("Our goal"));
    }

    SUBCASE("an empty roster and product list check nothing") {
        Config open = config;
        open.team.clear();
        open.products.clear();
        set.notes.push_back(parsed("prod/interviews/x/acme-corp-2026-11-20.md",
                                   note_text("Acme Corp", "2026-11-20", "anyone", "x")));
        CHECK(lint_notes(open, set).empty());
    }

    SUBCASE("a file name without a date is a warning") {
        set.notes.push_back(parsed("prod/interviews/portal/notes.md",
                                   note_text("Acme Corp", "2026-11-20", "caroline", "portal")));
        CHECK(formatted(lint_notes(config, set)) ==
              std::vector<std::string>{"prod/interviews/portal/notes.md: warning: file name does "
                                       "not follow <customer>-<YYYY-MM-DD>.md, like "
                                       "acme-corp-2026-11-20.md"});
    }

    SUBCASE("numbered calls of one day are not duplicates") {
        for (const char* name :
             {"acme-corp-2026-11-20.md", "acme-corp-2026-11-20-2.md", "acme-corp-2026-11-20-3.md"})
            set.notes.push_back(parsed(std::string("prod/interviews/portal/") + name,
                                       note_text("Acme Corp", "2026-11-20", "caroline", "portal")));
        CHECK(lint_notes(config, set).empty());
    }

    SUBCASE("the same customer, date and PM under other names are duplicates, both named") {
        set.notes.push_back(parsed("prod/interviews/billing/acme-corp-2026-11-20.md",
                                   note_text("Acme Corp", "2026-11-20", "caroline", "billing")));
        set.notes.push_back(parsed("prod/interviews/portal/acme-corp-2026-11-20.md",
                                   note_text("ACME corp", "2026-11-20", "caroline", "portal")));
        set.notes.push_back(parsed("prod/interviews/portal/acme-corp-2026-11-20-2.md",
                                   note_text("Acme Corp", "2026-11-20", "dev", "portal")));
        CHECK(formatted(lint_notes(config, set)) ==
              std::vector<std::string>{"prod/interviews/billing/acme-corp-2026-11-20.md:2: error: "
                                       "duplicate note: same customer, date and PM as "
                                       "prod/interviews/portal/acme-corp-2026-11-20.md",
                                       "prod/interviews/portal/acme-corp-2026-11-20.md:2: error: "
                                       "duplicate note: same customer, date and PM as "
                                       "prod/interviews/billing/acme-corp-2026-11-20.md"});
    }

    SUBCASE("tags differing only in case or separators warn on the minority spelling") {
        set.notes.push_back(parsed("prod/interviews/portal/a-2026-11-20.md",
                                   note_text("A", "2026-11-20", "dev", "portal",
                                             "tldr: t\ntags: [security-config, nav]\n")));
        set.notes.push_back(parsed("prod/interviews/portal/b-2026-11-20.md",
                                   note_text("B", "2026-11-20", "dev", "portal",
                                             "tldr: t\ntags:\n  - Security Config\n")));
        set.notes.push_back(parsed(
            "prod/interviews/portal/c-2026-11-20.md",
            note_text("C", "2026-11-20", "dev", "portal", "tldr: t\ntags: security-config\n")));
        CHECK(formatted(lint_notes(config, set)) ==
              std::vector<std::string>{"prod/interviews/portal/b-2026-11-20.md:7: warning: tag "
                                       "'Security Config' is spelled 'security-config' in 2 "
                                       "other notes"});
    }

    SUBCASE("a note outside the notes folder skips the folder check") {
        set.notes.push_back(parsed("elsewhere/acme-corp-2026-11-20.md",
                                   note_text("Acme Corp", "2026-11-20", "caroline", "portal")));
        CHECK(lint_notes(config, set).empty());
    }
}

TEST_CASE("lint_notes: with: ids against the roster") {
    const Config config = test_config();
    NoteSet set;
    set.notes.push_back(parsed("prod/interviews/portal/acme-corp-2026-11-20.md",
                               note_text("Acme Corp", "2026-11-20", "caroline", "portal",
                                         "tldr: Fine.\nwith: [dve, caroline, dev]\n")));
    CHECK(formatted(lint_notes(config, set)) ==
          std::vector<std::string>{
              "prod/interviews/portal/acme-corp-2026-11-20.md:7: error: 'with': PM 'dve' is not "
              "in the team of .pmi.yaml; did you mean 'dev'?",
              "prod/interviews/portal/acme-corp-2026-11-20.md:7: warning: 'with' lists the lead "
              "PM 'caroline'; list only the other PMs on the call"});
    SUBCASE("without a roster, any id") {
        Config bare = config;
        bare.team.clear();
        set.notes[0].with = {"anyone"};
        CHECK(lint_notes(bare, set).empty());
    }
}

TEST_CASE("lint_notes: near-miss keys") {
    const Config config = test_config();
    NoteSet set;
    set.notes.push_back(parsed("prod/interviews/portal/acme-2026-11-20.md",
                               note_text("Acme", "2026-11-20", "caroline", "portal",
                                         "tldr: Fine.\ntag: [sso]\nInterviewees: [Jo]\n"
                                         "crm_id: 42\n")));
    CHECK(formatted(lint_notes(config, set)) ==
          std::vector<std::string>{
              "prod/interviews/portal/acme-2026-11-20.md:7: error: unknown key 'tag' is ignored; "
              "did you mean 'tags'?",
              "prod/interviews/portal/acme-2026-11-20.md:8: error: unknown key 'Interviewees' is "
              "ignored; did you mean 'interviewees'?"});
}

TEST_CASE("lint_notes: one pick per note") {
    const Config config = test_config();
    NoteSet set;
    set.notes.push_back(
        parsed("prod/interviews/portal/acme-2026-11-20.md",
               note_text("Acme", "2026-11-20", "caroline", "portal", "tldr: Fine.\n",
                         "## Goal\nLearn.\n\n## Nuggets\n- ! One\n- Two\n"
                         "- !! Three\n- ! Four\n")));
    CHECK(formatted(lint_notes(config, set, BodyScan::sections)) ==
          std::vector<std::string>{
              "prod/interviews/portal/acme-2026-11-20.md:14: warning: a second nugget marked to "
              "share (the first is on line 12): one pick per note; keep one '- !' (or '- !!', "
              "for the execs too) and remove the others"});
    set.notes[0] = parsed("prod/interviews/portal/acme-2026-11-20.md",
                          note_text("Acme", "2026-11-20", "caroline", "portal", "tldr: Fine.\n",
                                    "## Goal\nLearn.\n\n## Nuggets\n- !! One\n- Two!\n"));
    CHECK(lint_notes(config, set, BodyScan::sections).empty());
}

TEST_CASE("lint_notes: a large duplicate group is listed once") {
    const Config config = test_config();
    NoteSet set;
    for (int i = 0; i < 40; ++i) {
        const std::string product = i % 2 ? "portal" : "billing";
        set.notes.push_back(parsed("prod/interviews/" + product + "/acme-copy" + std::to_string(i) +
                                       "-2026-11-20.md",
                                   note_text("Acme", "2026-11-20", "caroline", product)));
    }
    std::size_t bytes = 0;
    std::size_t duplicates = 0;
    for (const auto& problem : lint_notes(config, set))
        if (problem.message.rfind("duplicate note", 0) == 0) {
            ++duplicates;
            bytes += problem.message.size();
        }
    CHECK(duplicates == 40);
    CHECK(bytes < 40 * 400); // each names one note, the first a few: not the whole group
    const auto problems = lint_notes(config, set);
    const auto first = std::find_if(problems.begin(), problems.end(), [](const Problem& problem) {
        return problem.path == "prod/interviews/billing/acme-copy0-2026-11-20.md" &&
               problem.message.rfind("duplicate", 0) == 0;
    });
    REQUIRE(first != problems.end());
    CHECK(first->message.find("and 34 more") != std::string::npos);
}

TEST_CASE("lint_paths") {
    TempDir dir;
    Config config = test_config();
    config.root = dir.path;
    dir.write("prod/interviews/portal/acme-corp-2026-11-20.md",
              note_text("Acme Corp", "2026-11-20", "caroline", "portal"));
    dir.write("prod/interviews/billing/acme-corp-2026-11-20.md",
              note_text("Acme Corp", "2026-11-20", "caroline", "billing"));
    dir.write("prod/interviews/billing/bad-2026-11-20.md", "---\ncustomer: [x\n---\n");

    SUBCASE("the whole tree") {
        const LintReport report = lint_paths(config, {});
        CHECK(report.files == 3);
        CHECK(report.valid == 2);
        CHECK(report.count(Severity::error) == 3);
        CHECK(report.problems.front().path == "prod/interviews/billing/acme-corp-2026-11-20.md");
    }

    SUBCASE("one file still sees duplicates elsewhere in the tree") {
        const LintReport report =
            lint_paths(config, {dir.path / "prod/interviews/portal/acme-corp-2026-11-20.md"});
        CHECK(report.files == 1);
        CHECK(report.valid == 1);
        REQUIRE(report.problems.size() == 1);
        CHECK(report.problems[0].message == "duplicate note: same customer, date and PM as "
                                            "prod/interviews/billing/acme-corp-2026-11-20.md");
    }

    SUBCASE("a folder") {
        const LintReport report = lint_paths(config, {dir.path / "prod/interviews/billing"});
        CHECK(report.files == 2);
        CHECK(report.count(Severity::error) == 2);
    }

    SUBCASE("a missing path is an input error") {
        CHECK_THROWS_AS(lint_paths(config, {dir.path / "nope.md"}), Error);
    }
}

TEST_CASE("lint_github") {
    LintReport report;
    report.problems = {{"a,b:c.md", 3, Severity::error, "100% bad\nreally"},
                       {"d.md", 0, Severity::warning, "meh"}};
    CHECK(lint_github(report, View{}) == "::error file=a%2Cb%3Ac.md,line=3::100%25 bad%0Areally\n"
                                         "::warning file=d.md::meh\n");
}

TEST_CASE("key lines") {
    const auto parse = parse_note("\xEF\xBB\xBF---\r\ncustomer: A\r\ndate: 2026-11-20\r\npm: x\r\n"
                                  "product: p\r\ntags:\r\n  - a\r\n---\r\n",
                                  "a.md");
    REQUIRE(parse.note);
    CHECK(parse.note->key_lines ==
          std::vector<std::pair<std::string, int>>{
              {"customer", 2}, {"date", 3}, {"pm", 4}, {"product", 5}, {"tags", 6}});
}

TEST_CASE("lookalike_customers") {
    using Pairs = std::vector<std::pair<std::string, std::string>>;
    CHECK(lookalike_customers({"Acme", "Acme Corp", "ACME", "Acmeco"}) ==
          Pairs{{"Acme", "Acme Corp"}});
    CHECK(lookalike_customers({"Globex", "Globx", "Glboex", "Initech"}) ==
          Pairs{{"Glboex", "Globex"}, {"Globex", "Globx"}});
    CHECK(lookalike_customers({"Hooli", "Wayne", "Stark", "Oscorp"}).empty());
    CHECK(lookalike_customers({"IBM", "IBX"}).empty()); // short names: one edit is another name
    CHECK(lookalike_customers({"Initech", "Inіtech"}) == Pairs{{"Initech", "Inіtech"}});
}
