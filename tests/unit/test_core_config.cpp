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
            "email, since, away)",
            Error);
        CHECK_THROWS_WITH_AS(parse_config("notes: x\nproduct: [a]\n", ".pmi.yaml"),
                             ".pmi.yaml:2: unknown key 'product'; did you mean 'products'? "
                             "(known: notes, quota, week_starts, products, team, share, privacy, "
                             "signals, check, customers)",
                             Error);
        CHECK_THROWS_WITH_AS(parse_config("team: [{id: a, role: pm}]\n", ".pmi.yaml"),
                             ".pmi.yaml:1: unknown key 'team.role' (known: id, name, email, "
                             "since, away)",
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
