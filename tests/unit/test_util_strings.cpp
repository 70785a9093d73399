#include <doctest/doctest.h>

#include "util/strings.hpp"

using namespace util;

TEST_CASE("slugify") {
    CHECK(slugify("Acme Corp") == "acme-corp");
    CHECK(slugify("  Acme,  Corp. ") == "acme-corp");
    SUBCASE("accents are folded") {
        CHECK(slugify("Café Crème") == "cafe-creme");
        CHECK(slugify("Ærø Ångström Łódź") == "aero-angstrom-lodz");
        CHECK(slugify("Straße") == "strasse");
    }
    SUBCASE("path tricks are impossible") {
        CHECK(slugify("../../etc/passwd") == "etc-passwd");
        CHECK(slugify("/abs/path") == "abs-path");
        CHECK(slugify("a\\b") == "a-b");
        CHECK(slugify("..") == "");
        CHECK(slugify("\xff\xfe") == "");
    }
    SUBCASE("letters of other scripts are kept, ASCII alone lower-cased") {
        CHECK(slugify("東京 Tokyo") == "東京-tokyo");
        CHECK(slugify("日本") == "日本");
        CHECK(slugify("Москва, Россия") == "Москва-Россия");
        CHECK(slugify("東京。大阪") == "東京-大阪");
    }
    SUBCASE("symbols, spaces and format characters separate") {
        CHECK(slugify("a\u00a0b\u200bc\u202ed") == "a-b-c-d");
        CHECK(slugify("a 🚀 b") == "a-b");
        CHECK(slugify("Rene\u0301e") == "renee");
    }
    SUBCASE("capped between letters") {
        CHECK(slugify(std::string(300, 'a')).size() == max_slug_bytes);
        const std::string cjk = slugify(std::string(300, 'x') + "日本");
        CHECK(cjk.size() == max_slug_bytes);
        std::string long_cjk;
        for (int i = 0; i < 100; ++i)
            long_cjk += "日";
        CHECK(slugify(long_cjk).size() == 198);                     // 66 letters of 3 bytes
        CHECK(slugify(std::string(199, 'a') + " b").size() == 199); // no trailing dash
    }
}

TEST_CASE("tag_key") {
    CHECK(tag_key("Security Config") == tag_key("security-config"));
    CHECK(tag_key("security_config") == "securityconfig");
    CHECK(tag_key("navigation") != tag_key("navigator"));
}

TEST_CASE("lookalike_key") {
    CHECK(lookalike_key("navigation") == "navigation");
    CHECK(lookalike_key("n\xD0\xB0vigation") == "navigation"); // Cyrillic a
    CHECK(lookalike_key("\xD0\xA1l\xCE\xBFud") == "cloud");    // Cyrillic C, Greek o
    CHECK(lookalike_key("\xEF\xBD\x93so") == "sso");           // fullwidth s
    CHECK(lookalike_key("se\xE2\x80\x8B"
                        "curity config") == "securityconfig"); // zero-width space
    CHECK(lookalike_key("caf\xC3\xA9") == "cafe");
    CHECK(lookalike_key("Security Config") == tag_key("security-config"));
    CHECK(lookalike_key("\xE6\x97\xA5\xE6\x9C\xAC") == "\xE6\x97\xA5\xE6\x9C\xAC"); // kept
    CHECK(lookalike_key("navigation") != lookalike_key("navigator"));
}

TEST_CASE("has_lookalike_letters") {
    CHECK(has_lookalike_letters("n\xD0\xB0vigation"));
    CHECK(has_lookalike_letters("a\xC2\xA0"
                                "b"));
    CHECK_FALSE(has_lookalike_letters("navigation"));
    CHECK_FALSE(has_lookalike_letters("caf\xC3\xA9"));
    CHECK_FALSE(has_lookalike_letters("\xE6\x97\xA5\xE6\x9C\xAC"));
}

TEST_CASE("closest_match") {
    const std::vector<std::string> known = {"billing", "portal", "caroline"};
    CHECK(closest_match("billng", known) == "billing");
    CHECK(closest_match("Portal", known) == "portal");
    CHECK(closest_match("carolin", known) == "caroline");
    CHECK(closest_match("zzz", known).empty());
    CHECK(closest_match("x", {}).empty());
}

TEST_CASE("edit_distance") {
    CHECK(edit_distance("report", "report") == 0);
    CHECK(edit_distance("reprot", "report") == 2);
    CHECK(edit_distance("lst", "list") == 1);
    CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("damerau_distance") {
    CHECK(damerau_distance("lsit", "list") == 1);
    CHECK(damerau_distance("reprot", "report") == 1);
    CHECK(damerau_distance("lsit", "init") == 2);
    CHECK(damerau_distance("lst", "list") == 1);
    CHECK(damerau_distance("", "abc") == 3);
    CHECK(damerau_distance("abc", "") == 3);
    CHECK(damerau_distance("ca", "abc") == 3); // optimal string alignment: no edit twice
}

TEST_CASE("is_valid_utf8") {
    CHECK(is_valid_utf8("plain"));
    CHECK(is_valid_utf8("Café"));
    CHECK_FALSE(is_valid_utf8("\xc3"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));     // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80")); // surrogate
}

TEST_CASE("trim and split") {
    CHECK(trim("  a b \r\n") == "a b");
    CHECK(split("a,b,,c", ',') == std::vector<std::string>{"a", "b", "", "c"});
    CHECK(join({"a", "b"}, ", ") == "a, b");
}

TEST_CASE("parse_long") {
    CHECK(parse_long("42") == 42);
    CHECK_FALSE(parse_long("4x"));
    CHECK_FALSE(parse_long(""));
}
