#include <doctest/doctest.h>

#include <sstream>

#include "core/signals.hpp"

using namespace pmi;

namespace {

std::size_t index_of(const std::vector<EmotionWords>& words, const std::string& emotion) {
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].emotion == emotion)
            return i;
    return words.size();
}

} // namespace

TEST_CASE("emotions_in") {
    const auto words = emotion_words(Config{});
    const auto frustration = index_of(words, "frustration");
    const auto confusion = index_of(words, "confusion");
    const auto resignation = index_of(words, "resignation");
    const auto delight = index_of(words, "delight");
    SUBCASE("prefixes, exact words and phrases") {
        CHECK(emotions_in("- frustration: roles are all-or-nothing", words) ==
              std::vector<std::size_t>{frustration});
        CHECK(emotions_in("They were ANNOYED and lost", words) ==
              std::vector<std::size_t>{frustration, confusion});
        CHECK(emotions_in("we gave   up on it; we live with it", words) ==
              std::vector<std::size_t>{resignation});
        CHECK(emotions_in("Raves about it, 'loves' the flow", words) ==
              std::vector<std::size_t>{delight});
    }
    SUBCASE("whole words only") {
        CHECK(emotions_in("the closet is gloved", words).empty()); // not "lost", "love*"
        CHECK(emotions_in("gave them up", words).empty());
    }
    SUBCASE("config adds words and emotions") {
        Config config;
        config.emotion_words = {{"frustration", {"grr"}}, {"Skepticism", {"doubt*"}}};
        const auto extended = emotion_words(config);
        REQUIRE(extended.size() == words.size() + 1);
        CHECK(extended.back().emotion == "skepticism");
        CHECK(emotions_in("grr, doubts", extended) ==
              std::vector<std::size_t>{frustration, words.size()});
    }
}

TEST_CASE("parse_term_line") {
    TermPair pair;
    CHECK(parse_term_line("- \"batch processing\" = bulk operations", pair));
    CHECK(pair.theirs == "batch processing");
    CHECK(pair.ours == "bulk operations");
    CHECK(parse_term_line("* \xE2\x80\x9Cthe map\xE2\x80\x9D -> navigation rail", pair));
    CHECK(pair.theirs == "the map");
    CHECK(pair.ours == "navigation rail");
    CHECK_FALSE(parse_term_line("- batch processing = bulk operations", pair));
    CHECK_FALSE(parse_term_line("- \"batch processing\" bulk operations", pair));
    CHECK_FALSE(parse_term_line("- \"\" = bulk", pair));
    CHECK_FALSE(parse_term_line("\"map\" = nav", pair)); // not a list item
}

TEST_CASE("scan_signals") {
    const auto words = emotion_words(Config{});
    std::istringstream in("---\r\ncustomer: A\r\ntags: [x]\r\n---\r\n## Workarounds\r\n"
                          "<!-- \"We've figured out a way to...\" -->\r\n- Export to Excel\r\n"
                          "  - nested macro\r\nprose is skipped\r\n```\r\n- not a bullet\r\n```\r\n"
                          "## Their words\r\n- \"the map\" = navigation\r\n"
                          "## Emotions\r\n<!-- Frustration, delight, confusion,\r\n"
                          "resignation -->\r\n- frustration: five pages\r\n"
                          "Delighted and frustrated\r\n### Detail\r\n- confused by roles\r\n"
                          "# Top\r\n- frustrated again\r\n");
    const NoteSignals signals = scan_signals(in, words);
    REQUIRE(signals.workarounds.size() == 2);
    CHECK(signals.workarounds[0] == std::pair<std::string, int>{"Export to Excel", 7});
    CHECK(signals.workarounds[1] == std::pair<std::string, int>{"nested macro", 8});
    REQUIRE(signals.terms.size() == 1);
    CHECK(signals.terms[0].theirs == "the map");
    CHECK(signals.emotions[index_of(words, "frustration")] == 2);
    CHECK(signals.emotions[index_of(words, "delight")] == 1);
    CHECK(signals.emotions[index_of(words, "confusion")] == 1);
    CHECK(signals.emotions[index_of(words, "resignation")] == 0);
}

TEST_CASE("combine_signals") {
    const auto words = emotion_words(Config{});
    Note a;
    a.customer = "Acme";
    a.product = "portal";
    a.path = "a.md";
    a.date = {2026, 11, 20};
    a.tags = {"Navigation", "security"};
    Note b = a;
    b.customer = "Globex";
    b.path = "b.md";
    b.tags = {"navigation"};
    Note c = a;
    c.customer = "Initech";
    c.product = "billing";
    c.path = "c.md";
    c.tags = {};
    NoteSignals sa, sb, sc;
    sa.workarounds = {{"wiki of links", 10}};
    sa.terms = {{"batch processing", "bulk operations"}, {"the map", "navigation"}};
    sa.emotions = {1, 0, 0, 2};
    sb.terms = {{"Batch Processing", "Bulk operations"}};
    sb.emotions = {1, 1, 0, 0};
    sc.workarounds = {{"spreadsheet", 3}};
    sc.terms = {{"batch processing", "bulk operations"}};
    sc.emotions = {0, 0, 0, 0};
    const Signals s = combine_signals({a, b, c}, {sa, sb, sc}, words);
    REQUIRE(s.workarounds.size() == 3);
    CHECK(s.workarounds[0].first == "Navigation");
    CHECK(s.workarounds[1].first == "security");
    CHECK(s.workarounds[2].first == "(untagged)");
    CHECK(s.workarounds[2].second[0].text == "spreadsheet");
    CHECK(s.workarounds[2].second[0].line == 3);
    REQUIRE(s.glossary.size() == 2);
    CHECK(s.glossary[0].theirs == "batch processing");
    CHECK(s.glossary[0].customers == std::vector<std::string>{"Acme", "Globex", "Initech"});
    CHECK(s.glossary[1].theirs == "the map");
    REQUIRE(s.by_product.size() == 1); // billing has no emotions
    CHECK(s.by_product[0].name == "portal");
    CHECK(s.by_product[0].counts == std::vector<int>{2, 1, 0, 2});
    REQUIRE(s.by_tag.size() == 2);
    CHECK(s.by_tag[0].name == "Navigation");
    CHECK(s.by_tag[0].counts == std::vector<int>{2, 1, 0, 2});
    CHECK(s.by_tag[1].counts == std::vector<int>{1, 0, 0, 2});
}

TEST_CASE("combine_signals names a tag by its most used spelling") {
    const auto words = emotion_words(Config{});
    Note a;
    a.customer = "Acme";
    a.product = "portal";
    a.path = "a.md";
    a.date = {2026, 11, 20};
    a.tags = {"Self-Serve"};
    Note b = a;
    b.customer = "Globex";
    b.path = "b.md";
    b.tags = {"self-serve"};
    Note c = b;
    c.customer = "Initech";
    c.path = "c.md";
    NoteSignals scan;
    scan.workarounds = {{"spreadsheet", 3}};
    scan.emotions = {1, 0, 0, 0};
    // The first note seen spells it "Self-Serve"; two of three spell it "self-serve".
    const Signals s = combine_signals({a, b, c}, {scan, scan, scan}, words);
    REQUIRE(s.workarounds.size() == 1);
    CHECK(s.workarounds[0].first == "self-serve");
    CHECK(s.workarounds[0].second.size() == 3);
    REQUIRE(s.by_tag.size() == 1);
    CHECK(s.by_tag[0].name == "self-serve");
    CHECK(s.by_tag[0].counts == std::vector<int>{3, 0, 0, 0});
}
