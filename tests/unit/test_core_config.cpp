#include <doctest/doctest.h>

#include "core/config.hpp"
#include "core/error.hpp"
#include "temp_dir.hpp"

using namespace pmi;

TEST_CASE("parse_config") {
    SUBCASE("a full config") {
        const Config config = parse_config(R"(notes: notes
quota: {per_week: 2, kinds: [learning]}
week_starts: sunday
products: [a, b]
team:
  - id: caroline
    email: c@example.com
    since: 2026-01-05
    away: [2026-W52]
)",
                                           ".pmi.yaml");
        CHECK(config.notes_dir == "notes");
        CHECK(config.quota_per_week == 2);
        CHECK(config.kind_counts("learning"));
        CHECK_FALSE(config.kind_counts("support"));
        CHECK(config.week_start == WeekStart::sunday);
        REQUIRE(config.team.size() == 1);
        CHECK(config.team[0].since == Date{2026, 1, 5});
        REQUIRE(config.team[0].away.size() == 1);
        CHECK(config.team[0].away[0].start == Date{2026, 12, 20}); // the Sunday before W52's Monday
    }
    SUBCASE("defaults") {
        const Config config = parse_config("", ".pmi.yaml");
        CHECK(config.notes_dir == "prod/interviews");
        CHECK(config.quota_per_week == 1);
        CHECK(config.kind_counts("support"));
        CHECK_FALSE(config.kind_counts("sales"));
    }
    SUBCASE("privacy: a switch, or a map with an allow list") {
        CHECK_FALSE(parse_config("", ".pmi.yaml").privacy_check);
        CHECK(parse_config("privacy: true\n", ".pmi.yaml").privacy_check);
        CHECK_FALSE(parse_config("privacy: no\n", ".pmi.yaml").privacy_check);
        const Config config =
            parse_config("privacy:\n  check: yes\n  allow: [help@acme.com, '@acme.io']\n", "c");
        CHECK(config.privacy_check);
        CHECK(config.privacy_allow == std::vector<std::string>{"help@acme.com", "@acme.io"});
        CHECK_THROWS_WITH_AS(parse_config("privacy: maybe\n", ".pmi.yaml"),
                             ".pmi.yaml:1: 'privacy' must be true or false", Error);
        CHECK_THROWS_WITH_AS(parse_config("privacy:\n  chek: true\n", ".pmi.yaml"),
                             ".pmi.yaml:2: unknown key 'privacy.chek'; did you mean "
                             "'privacy.check'? (known: check, allow)",
                             Error);
    }
    SUBCASE("unknown keys are errors at their line, with the closest known key") {
        CHECK_THROWS_WITH_AS(
            parse_config("notes: x\nteam:\n  - id: a\n    emial: a@example.com\n", ".pmi.yaml"),
            ".pmi.yaml:4: unknown key 'team.emial'; did you mean 'team.email'? (known: id, name, "
            "email, since, away, until, quota, products)",
            Error);
        CHECK_THROWS_WITH_AS(parse_config("notes: x\nproduct: [a]\n", ".pmi.yaml"),
                             ".pmi.yaml:2: unknown key 'product'; did you mean 'products'? "
                             "(known: notes, quota, week_starts, products, team, share, privacy, "
                             "signals, check, links, customers)",
                             Error);
        CHECK_THROWS_WITH_AS(parse_config("team: [{id: a, role: pm}]\n", ".pmi.yaml"),
                             ".pmi.yaml:1: unknown key 'team.role' (known: id, name, email, "
                             "since, away, until, quota, products)",
                             Error);
        CHECK_THROWS_AS(parse_config("quota: {per_week: 1, kind: [sales]}\n", "c"), Error);
        CHECK_THROWS_AS(parse_config("share: {omitted: [pm]}\n", "c"), Error);
        CHECK_THROWS_AS(parse_config("signals: {emotion: {}}\n", "c"), Error);
        CHECK_THROWS_AS(parse_config("Notes: x\n", "c"), Error);
    }
    SUBCASE("wrong types name the line") {
        CHECK_THROWS_WITH_AS(parse_config("notes: x\nquota: {per_week: many}\n", ".pmi.yaml"),
                             ".pmi.yaml:2: 'quota.per_week' must be a whole number from 0 to 1000",
                             Error);
        CHECK_THROWS_WITH_AS(parse_config("team: {id: x}\n", ".pmi.yaml"),
                             ".pmi.yaml:1: 'team' must be a list of team entries", Error);
        CHECK_THROWS_AS(parse_config("notes: ../outside\n", ".pmi.yaml"), Error);
        CHECK_THROWS_WITH_AS(parse_config("notes: .git\n", ".pmi.yaml"),
                             ".pmi.yaml:1: 'notes' cannot be inside .git or .pmi", Error);
        CHECK_THROWS_AS(parse_config("notes: ./.pmi/notes\n", ".pmi.yaml"), Error);
        CHECK(parse_config("notes: docs/.github-notes\n", ".pmi.yaml").notes_dir ==
              "docs/.github-notes");
        CHECK_THROWS_AS(parse_config("team:\n  - {name: x}\n", ".pmi.yaml"), Error);
    }
    SUBCASE("quota.kinds names known kinds") {
        CHECK(parse_config("quota: {kinds: [learning, usability]}\n", "c").quota_kinds.size() == 2);
        CHECK_THROWS_WITH_AS(
            parse_config("quota:\n  kinds: [learnig]\n", ".pmi.yaml"),
            ".pmi.yaml:2: 'quota.kinds': unknown kind 'learnig' (known: learning, sales, support, "
            "usability)",
            Error);
    }
}

TEST_CASE("parse_config: the roster over time") {
    SUBCASE("until: a date, or a week's last day") {
        const Config config = parse_config(
            "team:\n  - {id: a, until: 2026-11-13}\n  - {id: b, until: 2026-W46}\n  - {id: c}\n",
            ".pmi.yaml");
        CHECK(config.team[0].until == Date{2026, 11, 13});
        CHECK(config.team[1].until == Date{2026, 11, 15});
        CHECK_FALSE(config.team[2].until);
        CHECK_THROWS_WITH_AS(parse_config("team:\n  - {id: a, since: 2026-06-01, until: "
                                          "2026-05-31}\n",
                                          ".pmi.yaml"),
                             ".pmi.yaml:2: team entry 'a': 'until' 2026-05-31 is before 'since' "
                             "2026-06-01",
                             Error);
        CHECK_THROWS_WITH_AS(parse_config("team:\n  - id: a\n    until: soon\n", ".pmi.yaml"),
                             ".pmi.yaml:3: 'until' must be a date YYYY-MM-DD: 'soon' is not in "
                             "the form YYYY-MM-DD",
                             Error);
    }
    SUBCASE("a PM's own quota, 0 included") {
        const Config config =
            parse_config("quota: {per_week: 2}\nteam:\n  - {id: a, quota: 0}\n  - {id: b}\n", "c");
        CHECK(config.team[0].quota == 0);
        CHECK(config.quota_of(&config.team[0]) == 0);
        CHECK(config.quota_of(&config.team[1]) == 2);
        CHECK(config.quota_of(nullptr) == 2);
        CHECK_THROWS_WITH_AS(parse_config("team:\n  - {id: a, quota: half}\n", ".pmi.yaml"),
                             ".pmi.yaml:2: 'team.quota' must be a whole number from 0 to 1000",
                             Error);
    }
    SUBCASE("away: weeks and date ranges, across a year") {
        const Config config = parse_config(
            "team:\n  - id: a\n    away: [2026-W30, 2026-12-20..2027-01-03, 2027-W10..2027-W11]\n",
            "c");
        std::vector<std::string> labels;
        for (const auto& week : config.team[0].away)
            labels.push_back(week_label(week));
        // 2026-W51 ends on 20 December: one Sunday away does not excuse it.
        CHECK(labels ==
              std::vector<std::string>{"2026-W30", "2026-W52", "2026-W53", "2027-W10", "2027-W11"});
    }
    SUBCASE("away ranges: errors at the item's line") {
        CHECK_THROWS_WITH_AS(
            parse_config("team:\n  - id: a\n    away:\n      - 2026-W01\n      - "
                         "2027-01-03..2026-12-20\n",
                         ".pmi.yaml"),
            ".pmi.yaml:5: 'away': '2027-01-03..2026-12-20' ends before it starts (write "
            "FROM..UNTIL)",
            Error);
        CHECK_THROWS_WITH_AS(parse_config("team: [{id: a, away: [2026-01-01..x]}]\n", ".pmi.yaml"),
                             ".pmi.yaml:1: 'away': 'x' is not a date YYYY-MM-DD or a week YYYY-Www",
                             Error);
        CHECK_THROWS_AS(parse_config("team: [{id: a, away: [2000-01-01..2026-01-01]}]\n", "c"),
                        Error); // longer than ten years: a typo
    }
    SUBCASE("quota.paired") {
        CHECK(parse_config("", "c").paired == PairedCredit::lead);
        CHECK(parse_config("quota: {paired: everyone}\n", "c").paired == PairedCredit::everyone);
        CHECK(parse_config("quota: {paired: lead}\n", "c").paired == PairedCredit::lead);
        CHECK_THROWS_WITH_AS(parse_config("quota:\n  paired: all\n", ".pmi.yaml"),
                             ".pmi.yaml:2: 'quota.paired' must be lead or everyone, not 'all'",
                             Error);
    }
}

TEST_CASE("load_config") {
    TempDir dir;
    dir.write("repo/.pmi.yaml", "notes: interviews\n");
    std::filesystem::create_directories(dir.path / "repo/interviews/a/b");
    SUBCASE("walks up from a subfolder") {
        const Config config = load_config(dir.path / "repo/interviews/a/b", "");
        CHECK(config.root == dir.path / "repo");
        CHECK(config.notes_dir == "interviews");
    }
    SUBCASE("an override wins") {
        std::filesystem::create_directories(dir.path / "other");
        const Config config = load_config(dir.path / "repo", (dir.path / "other").string());
        CHECK(config.root == dir.path / "other");
        CHECK(config.notes_dir == "prod/interviews");
    }
    SUBCASE("a missing override is an error") {
        CHECK_THROWS_AS(load_config(dir.path, (dir.path / "nope").string()), Error);
    }
}

TEST_CASE("customers: canonical names and aliases") {
    const Config config =
        parse_config("customers:\n  Acme Corp: [Acme, ACME Inc]\n  Globex:\n", ".pmi.yaml");
    REQUIRE(config.customers.size() == 2);
    CHECK(config.customers[0].aliases == std::vector<std::string>{"Acme", "ACME Inc"});
    CHECK(canonical_customer(config, "acme") == "Acme Corp");
    CHECK(canonical_customer(config, "ACME inc.") == "Acme Corp");
    CHECK(canonical_customer(config, "acme-corp") == "Acme Corp");
    CHECK(canonical_customer(config, "globex") == "Globex");
    CHECK(canonical_customer(config, "Initech") == "Initech");
    CHECK(canonical_customer(Config{}, "acme") == "acme");
    CHECK_THROWS_WITH(parse_config("customers:\n  A: [X]\n  B: [x]\n", ".pmi.yaml"),
                      ".pmi.yaml:3: customers: 'x' is given for both 'A' and 'B'");
    CHECK_THROWS_WITH(parse_config("customers: [Acme]\n", ".pmi.yaml"),
                      doctest::Contains("'customers' must be a map"));
}

TEST_CASE("parse_config: links.base") {
    CHECK(parse_config("", ".pmi.yaml").links_base.empty());
    CHECK(
        parse_config("links: {base: https://github.com/a/b/blob/main}\n", ".pmi.yaml").links_base ==
        "https://github.com/a/b/blob/main/");
    CHECK(parse_config("links: {base: 'http://x.example/n/'}\n", ".pmi.yaml").links_base ==
          "http://x.example/n/");
    for (const char* bad :
         {"links: {base: ftp://x/}\n", "links: {base: 'javascript:x'}\n",
          "links: {base: 'https://'}\n", "links: {base: 'https://a b/'}\n",
          "links: {base: \"https://a/\\u00e9\"}\n", "links: x\n", "links: {other: 1}\n"})
        CHECK_THROWS_AS(parse_config(bad, ".pmi.yaml"), Error);
}
