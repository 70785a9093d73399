#include <doctest/doctest.h>

#include "core/summary.hpp"
#include "core/tags.hpp"
#include "render/summary.hpp"

using namespace pmi;

namespace {

Note make_note(const std::string& customer, Date date, const std::string& pm,
               const std::string& product) {
    Note note;
    note.customer = customer;
    note.date = date;
    note.pm = pm;
    note.product = product;
    note.path = "prod/interviews/" + product + "/" + customer + ".md";
    return note;
}

} // namespace

TEST_CASE("talked_with") {
    Note note = make_note("Acme Corp", {2026, 11, 20}, "caroline", "portal");
    SUBCASE("no interviewees") {
        CHECK(talked_with(note) == "Acme Corp");
    }
    SUBCASE("one with a role") {
        note.interviewees = {{"Jo Smith", "end user"}};
        CHECK(talked_with(note) == "Jo Smith (end user) at Acme Corp");
    }
    SUBCASE("two") {
        note.interviewees = {{"Jo Smith", "end user"}, {"Ann Lee", ""}};
        CHECK(talked_with(note) == "Jo Smith (end user) and Ann Lee at Acme Corp");
    }
    SUBCASE("three") {
        note.interviewees = {{"A", ""}, {"B", "CTO"}, {"C", ""}};
        CHECK(talked_with(note) == "A, B (CTO) and C at Acme Corp");
    }
}

TEST_CASE("summarize_note") {
    Note note = make_note("Acme Corp", {2026, 11, 20}, "caroline", "portal");
    note.path = "prod/interviews/portal/acme-corp-2026-11-20.md";
    note.interviewees = {{"Jo Smith", "end user"}};
    SUBCASE("tldr") {
        note.tldr = "Raves about navigation;\n  frustration with SSO.";
        const NoteSummary summary = summarize_note(note);
        CHECK(summary.source == TldrSource::tldr);
        CHECK(summary_text(summary) ==
              "tl;dr – talked with Jo Smith (end user) at Acme Corp on 2026-11-20: Raves about "
              "navigation; frustration with SSO.\n"
              "Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md\n");
    }
    SUBCASE("first nugget") {
        note.nuggets = {"Security config is scary", "Second"};
        const NoteSummary summary = summarize_note(note);
        CHECK(summary.source == TldrSource::first_nugget);
        CHECK(summary_text(summary).find("on 2026-11-20: Security config is scary\n") !=
              std::string::npos);
    }
    SUBCASE("nothing") {
        const NoteSummary summary = summarize_note(note);
        CHECK(summary.source == TldrSource::none);
        CHECK(summary_text(summary).find(": (no tldr)\n") != std::string::npos);
    }
}

TEST_CASE("tldr_or_first_nugget") {
    Note note = make_note("Acme Corp", {2026, 11, 20}, "caroline", "portal");
    TldrSource source = TldrSource::none;
    note.nuggets = {"  Exports\n  weekly ", "Second"};
    CHECK(tldr_or_first_nugget(note, source) == "Exports weekly");
    CHECK(source == TldrSource::first_nugget);
    note.tldr = "Said so";
    CHECK(tldr_or_first_nugget(note, source) == "Said so");
    CHECK(source == TldrSource::tldr);
    note.tldr = " ";
    note.nuggets = {" "};
    CHECK(tldr_or_first_nugget(note, source).empty());
    CHECK(source == TldrSource::none);
}

TEST_CASE("build_digest") {
    Config config;
    config.team = {{"zoe", "Zoe Z", "", Date{2026, 1, 1}, {}},
                   {"amy", "Amy A", "", Date{2026, 1, 1}, {}},
                   {"late", "Late L", "", Date{2027, 1, 1}, {}}};
    const Week week{{2026, 11, 16}};
    std::vector<Note> notes = {make_note("B", {2026, 11, 20}, "zoe", "p"),
                               make_note("A", {2026, 11, 17}, "zoe", "p"),
                               make_note("C", {2026, 11, 18}, "bob", "p")};
    SUBCASE("with the roster") {
        const Digest digest = build_digest(notes, config, week, RosterEntries::include, {});
        REQUIRE(digest.pms.size() == 3);
        CHECK(digest.pms[0].id == "amy");
        CHECK(digest.pms[0].notes.empty());
        CHECK(digest.pms[1].id == "bob");
        CHECK(digest.pms[1].name.empty());
        CHECK(digest.pms[2].id == "zoe");
        CHECK(digest.pms[2].name == "Zoe Z");
        REQUIRE(digest.pms[2].notes.size() == 2);
        CHECK(digest.pms[2].notes[0].customer == "A");
    }
    SUBCASE("without the roster") {
        const Digest digest = build_digest(notes, config, week, RosterEntries::omit, {});
        CHECK(digest.pms.size() == 2);
    }
    SUBCASE("markdown") {
        notes[0].nuggets = {"Nugget one"};
        notes[0].tldr = "Short";
        const std::string text =
            digest_markdown(build_digest(notes, config, week, RosterEntries::omit, {}), View{});
        CHECK(text.find("# Staff meeting digest, 2026-W47 (2026-11-16 to 2026-11-22)") == 0);
        CHECK(text.find("## Zoe Z (zoe)\n\n### 2026-11-17 — A, p\n") != std::string::npos);
        CHECK(text.find("**tl;dr:** Short\n\n- Nugget one\n") != std::string::npos);
    }
}

TEST_CASE("build_tag_report") {
    std::vector<Note> notes = {make_note("A", {2026, 11, 1}, "x", "portal"),
                               make_note("B", {2026, 10, 1}, "x", "billing"),
                               make_note("C", {2026, 9, 1}, "x", "billing")};
    notes[0].tags = {"sso", "Security Config", "sso"};
    notes[1].tags = {"sso", "security-config"};
    notes[2].tags = {"security-config", "api"};
    const TagReport report = build_tag_report(notes);
    REQUIRE(report.tags.size() == 4);
    CHECK(report.tags[0].tag == "security-config");
    CHECK(report.tags[0].count == 2);
    CHECK(report.tags[1].tag == "sso");
    CHECK(report.tags[1].count == 2);
    CHECK(report.tags[1].products == std::vector<std::string>{"billing", "portal"});
    CHECK(report.tags[1].first == Date{2026, 10, 1});
    CHECK(report.tags[1].last == Date{2026, 11, 1});
    CHECK(report.tags[2].tag == "api");
    CHECK(report.tags[3].tag == "Security Config");
    REQUIRE(report.duplicates.size() == 1);
    CHECK(report.duplicates[0].key == "securityconfig");
    REQUIRE(report.duplicates[0].spellings.size() == 2);
    CHECK(report.duplicates[0].spellings[0].tag == "security-config");
}
