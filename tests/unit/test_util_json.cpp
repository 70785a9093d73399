#include <doctest/doctest.h>

#include "util/json.hpp"

TEST_CASE("json_quote") {
    SUBCASE("JSON's own escapes") {
        CHECK(util::json_quote("a\"b\\c\nd\te\rf") == R"("a\"b\\c\nd\te\rf")");
    }
    SUBCASE("controls a terminal would obey are escaped") {
        CHECK(util::json_quote("x\x1b[31m\x7f") == R"("x\u001b[31m\u007f")");
        CHECK(util::json_quote("c1 \xc2\x9b") == R"("c1 \u009b")");
    }
    SUBCASE("bidi marks and line separators are escaped, other text kept") {
        CHECK(util::json_quote("evil\xe2\x80\xae"
                               "gpj.exe") == R"("evil\u202egpj.exe")");
        CHECK(util::json_quote("\xe2\x81\xa6x\xe2\x81\xa9 \xe2\x80\x8f \xe2\x80\xa8") ==
              R"("\u2066x\u2069 \u200f \u2028")");
        CHECK(util::json_quote("\xd8\x9c mark") == R"("\u061c mark")"); // the Arabic letter mark
        CHECK(util::json_quote("Café – “quoted” 日本 …") == "\"Café – “quoted” 日本 …\"");
    }
    SUBCASE("invalid UTF-8 becomes U+FFFD") {
        CHECK(util::json_quote("bad \xff") == R"("bad \ufffd")");
    }
}
