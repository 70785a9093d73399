#include <doctest/doctest.h>

#include "core/check.hpp"
#include "core/config.hpp"
#include "core/quota.hpp"
#include "render/check.hpp"
#include "render/quota.hpp"
#include "temp_dir.hpp"

using namespace pmi;

namespace {

Date date(const char* text) {
    return *parse_date(text);
}

Note note(const char* pm, const char* on, const char* kind = "", const char* product = "portal") {
    Note n;
    n.pm = pm;
    n.date = date(on);
    n.kind = kind;
    n.product = product;
    n.customer = std::string("Customer ") + on;
    n.path = std::string("prod/interviews/") + product + "/" + pm + "-" + on + ".md";
    return n;
}

const char* roster = R"(quota: {per_week: 1}
team:
  - {id: ann, name: Ann, since: 2026-01-05, away: [2026-W45]}
  - {id: bob, name: Bob, since: 2026-01-05}
  - {id: cy, name: Cy, since: 2026-11-18}
)";

Week week(const char* label) {
    return parse_week(label, date("2026-11-25"), WeekStart::monday);
}

const PmQuota& row_of(const QuotaReport& report, const std::string& pm) {
    for (const auto& row : report.rows)
        if (row.pm == pm)
            return row;
    FAIL("no row for " << pm);
    return report.rows.front();
}

} // namespace

TEST_CASE("build_quota_report") {
    const Config config = parse_config(roster, ".pmi.yaml");
    const Date today = date("2026-11-25"); // Wednesday of 2026-W48
    std::vector<Note> notes = {
        note("ann", "2026-10-19"),
        note("ann", "2026-11-16"),
        note("ann", "2026-11-20", "support"),
        note("ann", "2026-10-26"),
        note("bob", "2026-11-17", "sales"),
        note("bob", "2026-11-10"),
        note("zed", "2026-11-18"),
        note("old", "2026-01-07"),
    };

    SUBCASE("statuses of a completed week") {
        const QuotaReport report = build_quota_report(config, notes, today, week("2026-W47"));
        REQUIRE(report.rows.size() ==
                4); // ann bob cy, zed (not in roster); old is outside the window
        CHECK(report.rows[0].pm == "ann");
        CHECK(report.rows[3].pm == "zed");
        CHECK_FALSE(report.rows[3].in_roster);
        CHECK(pm_label(report.rows[3]) == "zed (not in roster)");
        const PmQuota& ann = row_of(report, "ann");
        CHECK(ann.selected().count == 2);
        CHECK(ann.selected().status == QuotaStatus::met);
        // W47 met, W46 missed: the streak is 1.
        CHECK(ann.selected().streak == 1);
        CHECK(ann.selected().last_date == date("2026-11-20"));
        CHECK(ann.selected().last_customer == "Customer 2026-11-20");
        const PmQuota& bob = row_of(report, "bob");
        CHECK(bob.selected().count == 0); // only a sales call
        CHECK(bob.selected().status == QuotaStatus::missed);
        CHECK(bob.selected().last_date == date("2026-11-10")); // sales calls do not count
        CHECK(status_text(bob, report) == "missed (0 of 1); 1 sales call not counted");
        const PmQuota& cy = row_of(report, "cy"); // since falls inside W47: the week counts
        CHECK(cy.selected().status == QuotaStatus::missed);
        CHECK_FALSE(cy.selected().last_date);
        CHECK(team_line(report) == "team 2026-W47: 1 of 3 met, 2 missed, 1 not in roster");
    }
    SUBCASE("excused and not started") {
        const QuotaReport report = build_quota_report(config, notes, today, week("2026-W45"));
        CHECK(row_of(report, "ann").selected().status == QuotaStatus::excused);
        CHECK(status_text(row_of(report, "ann"), report) == "excused (away)");
        CHECK(row_of(report, "cy").selected().status == QuotaStatus::not_started);
        CHECK(status_text(row_of(report, "cy"), report) == "not started (since 2026-11-18)");
        CHECK(row_of(report, "bob").selected().status == QuotaStatus::missed);
        CHECK(team_line(report) == "team 2026-W45: 0 of 1 met, 1 missed, 1 excused, 1 not started");
    }
    SUBCASE("the week under way") {
        const QuotaReport report = build_quota_report(config, notes, today, week("this"));
        const PmQuota& ann = row_of(report, "ann");
        CHECK(ann.selected().status == QuotaStatus::due);
        CHECK(status_text(ann, report) == "0 of 1, due by Sunday");
        CHECK(ann.selected().streak == 1); // not met yet: counted from W47
        CHECK(report.rows.size() == 3);    // zed has no note in W48
    }
    SUBCASE("the streak skips excused weeks") {
        notes.push_back(note("ann", "2026-11-11"));
        const QuotaReport report = build_quota_report(config, notes, today, week("2026-W47"));
        // W47 met, W46 met, W45 excused, W44 met (10-26), W43 met (10-19), W42 missed.
        CHECK(row_of(report, "ann").selected().streak == 4);
    }
    SUBCASE("sunday weeks end on Saturday") {
        Config sunday = config;
        sunday.week_start = WeekStart::sunday;
        const QuotaReport report =
            build_quota_report(sunday, notes, today, week_containing(today, WeekStart::sunday));
        CHECK(status_text(row_of(report, "ann"), report) == "0 of 1, due by Saturday");
    }
    SUBCASE("quota kinds") {
        Config support_only = config;
        support_only.quota_kinds = {"support"};
        const QuotaReport report = build_quota_report(support_only, notes, today, week("2026-W47"));
        CHECK(row_of(report, "ann").selected().count == 1);
    }
    SUBCASE("a grid of weeks") {
        QuotaOptions options;
        options.weeks = 4;
        const QuotaReport report =
            build_quota_report(config, notes, today, week("2026-W47"), options);
        REQUIRE(report.weeks.size() == 4);
        CHECK(week_label(report.weeks.front()) == "2026-W44");
        const PmQuota& ann = row_of(report, "ann");
        REQUIRE(ann.weeks.size() == 4);
        CHECK(ann.weeks[0].status == QuotaStatus::met);
        CHECK(ann.weeks[1].status == QuotaStatus::excused);
        CHECK(ann.weeks[2].status == QuotaStatus::missed);
        const Table grid = quota_grid(report);
        CHECK(grid.headers == std::vector<std::string>{"PM", "W44", "W45", "W46", "W47", "STREAK"});
        CHECK(grid.rows[0][1].text == "1");
        CHECK(grid.rows[0][2].text == "away");
        CHECK(grid.rows[0][3].text == "0!");
        CHECK(grid.rows[0][3].style == Style::red);
        CHECK(grid.rows[2][1].text == "-"); // cy not started
    }
    SUBCASE("filters") {
        QuotaOptions options;
        options.pms = {"bob"};
        QuotaReport report = build_quota_report(config, notes, today, week("2026-W47"), options);
        REQUIRE(report.rows.size() == 1);
        CHECK(report.rows[0].pm == "bob");
        options.pms = {"nobody"};
        CHECK_THROWS_AS(build_quota_report(config, notes, today, week("2026-W47"), options), Error);
        options.pms.clear();
        options.products = {"billing"};
        notes.push_back(note("bob", "2026-11-18", "", "billing"));
        report = build_quota_report(config, notes, today, week("2026-W47"), options);
        REQUIRE(report.rows.size() == 1); // only PMs with notes of the product
        CHECK(report.rows[0].selected().count == 1);
    }
    SUBCASE("without a roster, the PMs seen in notes, from their first note") {
        const Config bare = parse_config("", ".pmi.yaml");
        const QuotaReport report = build_quota_report(bare, notes, today, week("2026-W47"));
        REQUIRE(report.rows.size() == 4); // ann bob old zed
        CHECK(report.rows[2].pm == "old");
        CHECK(report.rows[2].in_roster);
        CHECK(report.rows[2].selected().status == QuotaStatus::missed);
        CHECK(row_of(report, "zed").selected().status == QuotaStatus::met);
        QuotaOptions two_weeks;
        two_weeks.weeks = 2;
        const QuotaReport grid =
            build_quota_report(bare, notes, today, week("2026-W47"), two_weeks);
        CHECK(row_of(grid, "zed").weeks[0].status == QuotaStatus::not_started);
        const QuotaReport before = build_quota_report(bare, notes, today, week("2026-W46"));
        CHECK(before.rows.size() == 3); // zed's first note comes later
    }
}

TEST_CASE("credited_pms") {
    Config config = parse_config("", ".pmi.yaml");
    Note call = note("ann", "2026-11-18");
    call.with = {"bob", "ann", "cy"};
    CHECK(credited_pms(config, call) == std::vector<std::string>{"ann"});
    config.paired = PairedCredit::everyone;
    CHECK(credited_pms(config, call) == std::vector<std::string>{"ann", "bob", "cy"});
    call.kind = "sales";
    CHECK(credited_pms(config, call).empty());
    call.kind = "";
    call.draft = true;
    CHECK(credited_pms(config, call).empty());
}

TEST_CASE("build_quota_report: paired calls") {
    Config config = parse_config(roster, ".pmi.yaml");
    const Date today = date("2026-11-25");
    // ann leads a call on Sunday 22 November (the end of W47) with bob; bob
    // leads one on Monday the 23rd (W48) with ann.
    Note sunday = note("ann", "2026-11-22");
    sunday.with = {"bob"};
    Note monday = note("bob", "2026-11-23");
    monday.with = {"ann"};
    const std::vector<Note> notes = {sunday, monday};

    SUBCASE("lead: the paired PM sees the call, the lead is credited") {
        const QuotaReport report = build_quota_report(config, notes, today, week("2026-W47"));
        const WeekCount& bob = row_of(report, "bob").selected();
        CHECK(bob.count == 0);
        CHECK(bob.led == 0);
        CHECK(bob.paired == 1);
        CHECK(bob.status == QuotaStatus::missed);
        CHECK_FALSE(bob.last_date);
        CHECK(interviews_text(bob) == "0 (+1 paired)");
        CHECK(row_of(report, "ann").selected().status == QuotaStatus::met);
        CHECK(interviews_text(row_of(report, "ann").selected()) == "1");
    }
    SUBCASE("everyone: each PM on the call is credited, in the call's own week") {
        config.paired = PairedCredit::everyone;
        const QuotaReport w47 = build_quota_report(config, notes, today, week("2026-W47"));
        const WeekCount& bob = row_of(w47, "bob").selected();
        CHECK(bob.count == 1);
        CHECK(bob.led == 0);
        CHECK(bob.paired == 1);
        CHECK(bob.status == QuotaStatus::met);
        CHECK(bob.last_date == date("2026-11-22"));
        const QuotaReport w48 = build_quota_report(config, notes, today, week("2026-W48"));
        CHECK(row_of(w48, "ann").selected().count == 1);
        CHECK(row_of(w48, "ann").selected().paired == 1);
        CHECK(row_of(w48, "bob").selected().count == 1);
        CHECK(row_of(w48, "bob").selected().paired == 0);
    }
    SUBCASE("without a roster, a PM seen only in with: is listed") {
        const Config bare = parse_config("", ".pmi.yaml");
        Note only = note("ann", "2026-11-18");
        only.with = {"eve"};
        const QuotaReport report = build_quota_report(bare, {only}, today, week("2026-W47"));
        CHECK(row_of(report, "eve").selected().paired == 1);
        CHECK(row_of(report, "eve").since == date("2026-11-18"));
    }
    SUBCASE("with a roster, a with: id outside it is not a PM of the report") {
        Note typo = note("ann", "2026-11-18");
        typo.with = {"bbo"};
        const QuotaReport report = build_quota_report(config, {typo}, today, week("2026-W47"));
        CHECK(report.rows.size() == 3); // ann bob cy
    }
}

TEST_CASE("build_quota_report: until and a PM's own quota") {
    const Config config = parse_config(R"(quota: {per_week: 1}
team:
  - {id: ann, since: 2026-01-05, until: 2026-11-13}
  - {id: bob, since: 2026-01-05, quota: 2}
  - {id: pat, since: 2026-01-05, quota: 0}
)",
                                       ".pmi.yaml");
    const Date today = date("2026-11-25");
    const std::vector<Note> notes = {note("ann", "2026-11-11"), note("bob", "2026-11-17"),
                                     note("bob", "2026-11-10"), note("bob", "2026-11-11"),
                                     note("pat", "2026-11-17")};

    SUBCASE("the weeks after until are not expected, nor listed") {
        const QuotaReport w46 = build_quota_report(config, notes, today, week("2026-W46"));
        CHECK(row_of(w46, "ann").selected().status == QuotaStatus::met); // the last week counts
        const QuotaReport w47 = build_quota_report(config, notes, today, week("2026-W47"));
        CHECK(w47.rows.size() == 2); // bob pat
        QuotaOptions asked;
        asked.pms = {"ann"};
        const QuotaReport named = build_quota_report(config, notes, today, week("2026-W47"), asked);
        REQUIRE(named.rows.size() == 1);
        CHECK(named.rows[0].selected().status == QuotaStatus::left);
        CHECK(status_ok(QuotaStatus::left));
        CHECK(status_text(named.rows[0], named) == "left (until 2026-11-13)");
        CHECK(team_line(named) == "team 2026-W47: 0 of 0 met, 1 left");
        QuotaOptions grid;
        grid.weeks = 2;
        const QuotaReport both = build_quota_report(config, notes, today, week("2026-W47"), grid);
        CHECK(row_of(both, "ann").weeks[0].status == QuotaStatus::met);
        CHECK(row_of(both, "ann").weeks[1].status == QuotaStatus::left);
        CHECK(row_of(both, "ann").selected().streak == 0);
    }
    SUBCASE("a PM's own quota") {
        const QuotaReport w47 = build_quota_report(config, notes, today, week("2026-W47"));
        const PmQuota& bob = row_of(w47, "bob");
        CHECK(bob.quota == 2);
        CHECK(bob.selected().status == QuotaStatus::missed);
        CHECK(status_text(bob, w47) == "missed (1 of 2)");
        const QuotaReport w46 = build_quota_report(config, notes, today, week("2026-W46"));
        CHECK(row_of(w46, "bob").selected().status == QuotaStatus::met);
    }
    SUBCASE("quota 0: never missed, no streak") {
        for (const char* label : {"2026-W45", "2026-W47", "2026-W48"}) {
            const QuotaReport report = build_quota_report(config, notes, today, week(label));
            const PmQuota& pat = row_of(report, "pat");
            CHECK(pat.quota == 0);
            CHECK(pat.selected().status == QuotaStatus::no_quota);
            CHECK(pat.selected().streak == 0);
            CHECK(status_text(pat, report) == "no quota");
        }
        const QuotaReport w47 = build_quota_report(config, notes, today, week("2026-W47"));
        CHECK(team_line(w47) == "team 2026-W47: 0 of 1 met, 1 missed, 1 no quota");
        NoteSet set;
        set.notes = notes;
        const CheckResult check = run_check(config, set, today, week("2026-W47"));
        REQUIRE(check.short_pms.size() == 1);
        CHECK(check.short_pms[0].pm == "bob");
    }
}

TEST_CASE("run_check") {
    const Config config = parse_config(roster, ".pmi.yaml");
    const Date today = date("2026-11-25");
    NoteSet set;
    set.notes = {note("ann", "2026-11-10"), note("bob", "2026-11-11"),
                 note("zed", "2026-11-12", "sales")};
    SUBCASE("passes: met, not started, and a PM outside the roster is not gated") {
        const CheckResult result = run_check(config, set, today, week("2026-W46"));
        CHECK(result.passed());
        CHECK(check_text(result, View{}) ==
              "pmi check 2026-W46 (2026-11-09 to 2026-11-15): ok\n"
              "note: PM 'zed' is not in the roster of .pmi.yaml (not checked)\n"
              "team 2026-W46: 2 of 2 met, 1 not started, 1 not in roster\n"
              "notes: 3 valid\n");
    }
    SUBCASE("warnings do not fail, errors do") {
        const std::vector<Problem> extra = {
            {"prod/interviews/a.md", 0, Severity::warning, "no tldr"}};
        CHECK(run_check(config, set, today, week("2026-W46"), extra).passed());
        set.problems.push_back({"prod/interviews/b.md", 3, Severity::error, "missing key 'pm'"});
        const CheckResult result = run_check(config, set, today, week("2026-W46"), extra);
        CHECK_FALSE(result.passed());
        REQUIRE(result.errors.size() == 1);
        REQUIRE(result.warnings.size() == 1);
        const std::vector<Problem> again = {set.problems[0]};
        CHECK(run_check(config, set, today, week("2026-W46"), again).errors.size() == 1);
        CHECK(check_text(result, View{})
                  .find("  prod/interviews/b.md:3: error: missing key 'pm'\n") !=
              std::string::npos);
    }
    SUBCASE("PMs short of the quota") {
        const CheckResult result = run_check(config, set, today, week("2026-W47"));
        CHECK_FALSE(result.passed());
        REQUIRE(result.short_pms.size() == 3);
        CHECK(short_pm_text(result.short_pms[0], result) ==
              "ann: 0 of 1 interviews in 2026-W47 (missed)");
        const CheckResult current = run_check(config, set, today, week("this"));
        CHECK(short_pm_text(current.short_pms[0], current) ==
              "ann: 0 of 1 interviews in 2026-W48 (still due)");
    }
    SUBCASE("github annotations") {
        set.problems.push_back({"prod/a,b:c.md", 2, Severity::error, "50% bad\nsecond: line"});
        const std::string out =
            check_github(run_check(config, set, today, week("2026-W46")), View{});
        CHECK(out.rfind("::error file=prod/a%2Cb%3Ac.md,line=2,title=invalid note::50%25 "
                        "bad%0Asecond: line\n",
                        0) == 0);
    }
    SUBCASE("junit") {
        set.problems.push_back({"prod/<x>.md", 1, Severity::error, "bad \"quote\" & \x01"});
        const std::string xml =
            check_junit(run_check(config, set, today, week("2026-W47")), View{});
        CHECK(xml.find("<testsuites name=\"pmi check\" tests=\"4\" failures=\"4\">") !=
              std::string::npos);
        CHECK(xml.find("name=\"prod/&lt;x&gt;.md:1\" file=\"prod/&lt;x&gt;.md\"") !=
              std::string::npos);
        CHECK(xml.find("message=\"bad &quot;quote&quot; &amp; \xEF\xBF\xBD\"") !=
              std::string::npos);
        CHECK(xml.find("<testcase classname=\"quota.2026-W47\" name=\"ann\">\n"
                       "      <failure message=\"ann: 0 of 1 interviews in 2026-W47 (missed)\" "
                       "type=\"quota\"/>\n") != std::string::npos);
    }
}

TEST_CASE("guess_note_owner") {
    SUBCASE("pm and date lines, quoted or commented") {
        const NoteOwner owner = guess_note_owner(
            "---\r\ncustomer: [x\r\npm: \"raj\"\r\ndate: 2026-11-12 # call\r\n---\r\n", "x.md");
        CHECK(owner.pm == "raj");
        REQUIRE(owner.date);
        CHECK(format_date(*owner.date) == "2026-11-12");
    }
    SUBCASE("the file name's date when the date line is no date") {
        const NoteOwner owner =
            guess_note_owner("---\npm: raj\ndate: soon\n---\n", "acme-corp-2026-11-13-2.md");
        REQUIRE(owner.date);
        CHECK(format_date(*owner.date) == "2026-11-13");
    }
    SUBCASE("only the front matter, only top-level keys") {
        CHECK(guess_note_owner("---\ncustomer: x\n---\npm: raj\n", "x.md").pm.empty());
        CHECK(guess_note_owner("---\nextra:\n  pm: raj\n---\n", "x.md").pm.empty());
        CHECK(guess_note_owner("no front matter\npm: raj\n", "x.md").pm.empty());
        CHECK_FALSE(guess_note_owner("---\npm: raj\n", "notes.md").date);
    }
}

TEST_CASE("run_check links a short PM to their invalid notes of the week") {
    TempDir dir;
    Config config = parse_config(roster, ".pmi.yaml");
    config.root = dir.path;
    dir.write("n/bob-2026-11-18.md", "---\npm: bob\ndate: 2026-11-18\ntags: [x\n---\n");
    dir.write("n/ann-2026-11-04.md", "---\npm: ann\ndate: 2026-11-04\ntags: [x\n---\n");
    NoteSet set;
    set.problems = {{"n/bob-2026-11-18.md", 3, Severity::error, "invalid YAML"},
                    {"n/bob-2026-11-18.md", 4, Severity::error, "again"},
                    {"n/ann-2026-11-04.md", 3, Severity::error, "invalid YAML"}};
    const CheckResult result = run_check(config, set, date("2026-11-25"), week("2026-W47"));
    REQUIRE(result.invalid_notes_of.size() == 1);
    REQUIRE(result.invalid_notes_of.at("bob").size() == 1);
    const PmQuota& bob = row_of(result.quota, "bob");
    CHECK(short_pm_text(bob, result) ==
          "bob: 0 of 1 interviews in 2026-W47 (missed); 1 invalid note: n/bob-2026-11-18.md:3");
}
