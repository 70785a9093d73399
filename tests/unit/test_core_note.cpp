#include <doctest/doctest.h>

#include "core/note.hpp"
#include "temp_dir.hpp"

using namespace pmi;

static const char* valid_note = R"(---
customer: Acme Corp
date: 2026-11-20
pm: caroline
product: reseller-portal
kind: learning
interviewees:
  - {name: Jo Smith, role: end user}
  - Sam Lee (admin)
segment: enterprise
channel: video
tags: [navigation, security-config]
tldr: Raves about the new navigation flow; frustration with security configuration.
crm_id: OPP-1042
---
## Goal
Learn.

## Nuggets
- First nugget
- Second nugget
### Detail
- Still a nugget? no, a sub-heading keeps the section
## Follow-ups
- not a nugget
)";

static std::string first_error(const NoteParse& parse) {
    for (const auto& problem : parse.problems)
        if (problem.severity == Severity::error)
            return format_problem(problem);
    return "";
}

TEST_CASE("parse_note") {
    SUBCASE("a complete note") {
        const auto parse = parse_note(valid_note, "n.md");
        REQUIRE(parse.note);
        const Note& note = *parse.note;
        CHECK(note.customer == "Acme Corp");
        CHECK(note.date == Date{2026, 11, 20});
        CHECK(note.pm == "caroline");
        CHECK(note.product == "reseller-portal");
        CHECK(note.kind == "learning");
        REQUIRE(note.interviewees.size() == 2);
        CHECK(note.interviewees[0].role == "end user");
        CHECK(note.interviewees[1].name == "Sam Lee");
        CHECK(note.interviewees[1].role == "admin");
        CHECK(note.tags == std::vector<std::string>{"navigation", "security-config"});
        REQUIRE(note.extra.size() == 1);
        CHECK(note.extra[0].key == "crm_id");
        CHECK(note.extra[0].text == "OPP-1042");
        CHECK(note.sections == std::vector<std::string>{"Goal", "Nuggets", "Follow-ups"});
        CHECK(note.nuggets.size() == 3);
        CHECK(note.nuggets[0] == "First nugget");
        CHECK(note.nuggets_line == 19);
    }
    SUBCASE("a single tag string") {
        const auto parse = parse_note("---\ncustomer: A\ndate: 2026-01-02\npm: p\nproduct: x\n"
                                      "tags: navigation, export\n---\n",
                                      "n.md");
        REQUIRE(parse.note);
        CHECK(parse.note->tags == std::vector<std::string>{"navigation", "export"});
    }
    SUBCASE("a nugget on a line over 64 KiB is kept whole, with its mark") {
        // Each "é" straddles a cut the body scan once made (4 KiB, then 64 KiB of
        // the line "- <nugget>"): cut inside a character, the nugget was dropped.
        std::string nugget = "!! " + std::string(4090, 'a') + "\u00e9";
        nugget += std::string(64 * 1024 - 3 - nugget.size(), 'b') + "\u00e9 end";
        const auto parse = parse_note("---\ncustomer: A\ndate: 2026-01-02\npm: p\nproduct: x\n"
                                      "---\n## Nuggets\n- First\n- " +
                                          nugget + "\n- Third\n<!-- " +
                                          std::string(70 * 1024, 'c') + " -->\n## Later\n",
                                      "n.md");
        REQUIRE(parse.note);
        const Note& note = *parse.note;
        REQUIRE(note.nuggets.size() == 3);
        CHECK(note.nuggets[1] == nugget.substr(3));
        CHECK(note.nuggets[2] == "Third");
        REQUIRE(note.nugget_marks.size() == 1);
        CHECK(note.nugget_marks[0].line == 9);
        CHECK(note.sections == std::vector<std::string>{"Nuggets", "Later"});
    }
    SUBCASE("CRLF and a BOM are accepted") {
        const auto parse = parse_note(
            "\xEF\xBB\xBF---\r\ncustomer: A\r\ndate: 2026-01-02\r\npm: p\r\nproduct: x\r\n---\r\n",
            "n.md");
        REQUIRE(parse.note);
        CHECK(parse.note->customer == "A");
    }
}

TEST_CASE("parse_note errors name the line") {
    SUBCASE("impossible date") {
        const auto parse =
            parse_note("---\ncustomer: A\ndate: 2026-02-30\npm: p\nproduct: x\n---\n", "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse) == "n.md:3: error: date '2026-02-30' is not a real calendar date");
    }
    SUBCASE("missing required field") {
        const auto parse = parse_note("---\ncustomer: A\ndate: 2026-02-03\npm: p\n---\n", "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse) == "n.md:1: error: missing required field 'product'");
    }
    SUBCASE("a required field under a near-miss key says so") {
        const auto parse =
            parse_note("---\nCustomer: A\ndate: 2026-02-03\npm: p\nproduct: x\n---\n", "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse) == "n.md:1: error: missing required field 'customer'; line 2 has "
                                    "'Customer', did you mean 'customer'?");
    }
    SUBCASE("an unclosed quote is an error at its line, and the next key is not lost in it") {
        const auto parse = parse_note("---\ncustomer: A\ndate: 2026-02-03\npm: p\nproduct: x\n"
                                      "tldr: \"unclosed\nsegment: smb\n---\n",
                                      "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse) ==
              "n.md:6: error: invalid YAML: the \" that opens this value is not closed (a value "
              "that goes on to the next line must indent it)");
    }
    SUBCASE("no closing fence") {
        const auto parse = parse_note("---\ncustomer: A\n", "n.md");
        CHECK(first_error(parse) == "n.md:1: error: front matter has no closing '---' line");
    }
    SUBCASE("no front matter") {
        CHECK(first_error(parse_note("# Notes\n", "n.md")) ==
              "n.md:1: error: no front matter: a note starts with a '---' line");
        CHECK(first_error(parse_note("", "n.md")).find("empty file") != std::string::npos);
    }
    SUBCASE("malformed YAML") {
        const auto parse =
            parse_note("---\ncustomer: A\ndate: 2026-02-03\npm: [p\nproduct: x\n---\n", "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse).find("n.md:") == 0);
        CHECK(first_error(parse).find("invalid YAML") != std::string::npos);
    }
    SUBCASE("duplicate keys") {
        const auto parse = parse_note(
            "---\ncustomer: A\ndate: 2026-02-03\npm: p\nproduct: x\npm: q\n---\n", "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse) ==
              "n.md:6: error: invalid YAML: duplicate key 'pm' (first on line 4)");
    }
    SUBCASE("a tag list of maps") {
        const auto parse = parse_note(
            "---\ncustomer: A\ndate: 2026-02-03\npm: p\nproduct: x\ntags:\n  - {a: b}\n---\n",
            "n.md");
        CHECK_FALSE(parse.note);
        CHECK(first_error(parse) ==
              "n.md:7: error: 'tags' must be a list of strings; item 1 is a map");
    }
    SUBCASE("wrongly typed customer") {
        const auto parse =
            parse_note("---\ncustomer: [A, B]\ndate: 2026-02-03\npm: p\nproduct: x\n---\n", "n.md");
        CHECK(first_error(parse) == "n.md:2: error: 'customer' must be a string, not a list");
    }
    SUBCASE("several PMs in pm: one lead, the others under with:") {
        const auto parse = parse_note(
            "---\ncustomer: A\ndate: 2026-02-03\npm: [ann, bob]\nproduct: x\n---\n", "n.md");
        CHECK(first_error(parse) ==
              "n.md:4: error: 'pm' must be a string, not a list; keep the lead PM (who writes "
              "the note) in 'pm' and list the others in 'with: [...]'");
        const auto paired = parse_note("---\ncustomer: A\ndate: 2026-02-03\npm: ann\nwith: [bob, "
                                       "cy, bob]\nlisteners: Dana (sales)\nproduct: x\n---\n",
                                       "n.md");
        REQUIRE(paired.note);
        CHECK(paired.note->with == std::vector<std::string>{"bob", "cy"});
        CHECK(paired.note->listeners == std::vector<std::string>{"Dana (sales)"});
    }
    SUBCASE("binary") {
        const std::string text("---\ncustomer: \0\x01\x02\n---\n", 22);
        CHECK(first_error(parse_note(text, "n.md")).find("binary file") != std::string::npos);
    }
    SUBCASE("unknown kind") {
        const auto parse = parse_note(
            "---\ncustomer: A\ndate: 2026-02-03\npm: p\nproduct: x\nkind: chat\n---\n", "n.md");
        CHECK(first_error(parse).find("kind 'chat' is not one of") != std::string::npos);
    }
    SUBCASE("alias bomb") {
        std::string text = "---\ncustomer: A\ndate: 2026-02-03\npm: p\nproduct: x\n";
        text += "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (char c = 'b'; c <= 'k'; ++c)
            text += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ", *" + char(c - 1) +
                    ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + ", *" +
                    char(c - 1) + ", *" + char(c - 1) + ", *" + char(c - 1) + "]\n";
        text += "---\n";
        CHECK(first_error(parse_note(text, "n.md")).find("too many values") != std::string::npos);
    }
}

TEST_CASE("write_note") {
    Note note;
    note.customer = "yes";
    note.date = {2026, 11, 20};
    note.pm = "no";
    note.product = "portal";
    note.kind = "learning";
    note.tags = {"on", "012", "1e3"};
    note.tldr = "True: \"quoted\" # not a comment\nsecond line";
    note.interviewees = {{"Jo: Smith", "end user"}};
    note.extra = {{"crm_id", "OPP-1", "OPP-1"}};
    const std::string text = write_note(note, "## Goal\nbody stays\n");

    SUBCASE("free text is double-quoted and the date plain") {
        CHECK(text.find("customer: \"yes\"\n") != std::string::npos);
        CHECK(text.find("date: 2026-11-20\n") != std::string::npos);
        CHECK(text.find("pm: \"no\"\n") != std::string::npos);
        CHECK(text.find("tags: [\"on\", \"012\", \"1e3\"]\n") != std::string::npos);
        CHECK(text.find("crm_id: OPP-1\n") != std::string::npos);
    }
    SUBCASE("round trip") {
        const auto parse = parse_note(text, "n.md");
        REQUIRE(parse.note);
        CHECK(parse.note->customer == "yes");
        CHECK(parse.note->pm == "no");
        CHECK(parse.note->tags == note.tags);
        CHECK(parse.note->tldr == note.tldr);
        CHECK(parse.note->interviewees[0].name == "Jo: Smith");
        CHECK(parse.note->extra[0].text == "OPP-1");
        CHECK(text.substr(text.size() - 19) == "## Goal\nbody stays\n");
    }
    SUBCASE("keys in a stable order") {
        CHECK(text.find("customer:") < text.find("date:"));
        CHECK(text.find("date:") < text.find("pm:"));
        CHECK(text.find("tldr:") < text.find("crm_id:"));
    }
}

TEST_CASE("load_note") {
    TempDir dir;
    SUBCASE("reads a note from disk") {
        const auto file = dir.write("a.md", valid_note);
        const auto parse = load_note(file.string(), "a.md", BodyScan::sections);
        REQUIRE(parse.note);
        CHECK(parse.note->nuggets.size() == 3);
    }
    SUBCASE("refuses a folder") {
        std::filesystem::create_directory(dir.path / "d.md");
        const auto parse = load_note((dir.path / "d.md").string(), "d.md", BodyScan::none);
        CHECK_FALSE(parse.note);
        CHECK(format_problem(parse.problems.at(0)) == "d.md: error: not a regular file");
    }
    SUBCASE("does not follow a symlink") {
        const auto file = dir.write("a.md", valid_note);
        std::filesystem::create_symlink(file, dir.path / "link.md");
        const auto parse = load_note((dir.path / "link.md").string(), "link.md", BodyScan::none);
        CHECK_FALSE(parse.note);
    }
    SUBCASE("a huge body is streamed") {
        std::string text = valid_note;
        text += std::string(5 * 1024 * 1024, 'x') + "\n## Nuggets\n- late nugget\n";
        const auto file = dir.write("big.md", text);
        const auto parse = load_note(file.string(), "big.md", BodyScan::sections);
        REQUIRE(parse.note);
        CHECK(parse.note->nuggets.back() == "late nugget");
    }
}

TEST_CASE("parse_interviewee") {
    CHECK(parse_interviewee("Jo Smith (end user)").role == "end user");
    CHECK(parse_interviewee("Jo Smith").name == "Jo Smith");
    CHECK(parse_interviewee("Jo Smith").role.empty());
}

// Regressions found by tests/fuzz/fuzz_note: unknown keys written back raw broke
// the front matter.
TEST_CASE("write_note keeps unknown keys readable") {
    const std::string long_key(900, '\x04');
    const auto parse = parse_note("---\ncustomer: A\ndate: 2026-11-20\npm: p\nproduct: x\n"
                                  "\"a: b\": 1\n\"null\": 2\n'#x': 3\nplain_key: 4\n\"" +
                                      std::string(900, ' ') + "\\x04\": 5\n---\n",
                                  "n.md");
    REQUIRE(parse.note);
    Note note = *parse.note;
    note.extra.push_back({long_key, "6", "6"});
    const std::string text = write_note(note, "");
    CHECK(text.find("\"a: b\": 1\n\"null\": 2\n\"#x\": 3\nplain_key: 4\n") != std::string::npos);
    CHECK(text.find("\n? \"\\x04\\x04") != std::string::npos);
    const auto again = parse_note(text, "n.md");
    REQUIRE(again.note);
    REQUIRE(again.note->extra.size() == 6);
    CHECK(again.note->extra[0].key == "a: b");
    CHECK(again.note->extra[1].key == "null");
    CHECK(again.note->extra[2].key == "#x");
    CHECK(again.note->extra[3].key == "plain_key");
    CHECK(again.note->extra[4].key == std::string(900, ' ') + "\x04");
    CHECK(again.note->extra[5].key == long_key);
    CHECK(again.note->extra[5].text == "6");
}

TEST_CASE("drafts: a note with nothing written yet") {
    const std::string head = "---\ncustomer: A\ndate: 2026-01-02\npm: p\nproduct: x\n";
    const auto draft = [&](const std::string& front, const std::string& body) {
        const auto sections = parse_note(head + front + "---\n" + body, "n.md");
        const auto none = parse_note(head + front + "---\n" + body, "n.md", BodyScan::none);
        REQUIRE(sections.note);
        REQUIRE(none.note);
        CHECK(sections.note->draft == none.note->draft);
        return sections.note->draft;
    };
    const std::string template_body = "## Goal\n<!-- What did we want\nto learn? -->\n\n"
                                      "## Snapshot\n- Memorable quote:\n- **Role:**\n-\n"
                                      "***\n## Nuggets\n<!-- one -->  <!-- two -->\n";
    CHECK(draft("", ""));
    CHECK(draft("tldr:\n", template_body));
    CHECK(draft("", template_body));
    CHECK_FALSE(draft("tldr: Wants SSO.\n", template_body));
    CHECK_FALSE(draft("", template_body + "- Wants SSO\n"));
    CHECK_FALSE(draft("", "## Goal\nLearn about exports.\n"));
    CHECK_FALSE(draft("", "- Memorable quote: \"it just works\"\n"));
    CHECK_FALSE(draft("", "<!-- a comment --> and text\n"));
    CHECK_FALSE(draft("", "## Quotes\n    indented code\n"));
    CHECK_FALSE(draft("", "```\nfenced\n```\n"));
    CHECK_FALSE(draft("", "> a quote\n"));
    CHECK_FALSE(draft("", "Label on a paragraph:\n"));
    CHECK(draft("", "<!--\n    indented inside a comment\n## heading\n-->\n"));
}
