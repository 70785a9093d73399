#include <doctest/doctest.h>

#include "util/csv.hpp"

using util::parse_csv;

TEST_CASE("parse_csv") {
    SUBCASE("quotes, doubled quotes, commas and line breaks in cells") {
        const auto table = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"one\ntwo\"\nlast,,\n");
        REQUIRE(table.records.size() == 3);
        CHECK(table.records[1].cells == std::vector<std::string>{"x, y", "say \"hi\"", "one\ntwo"});
        CHECK(table.records[1].line == 2);
        CHECK(table.records[2].line == 4);
        CHECK(table.records[2].cells == std::vector<std::string>{"last", "", ""});
        CHECK(table.unclosed_quote_line == 0);
    }
    SUBCASE("CRLF, a byte-order mark, blank lines, no final newline") {
        const auto table = parse_csv("\xEF\xBB\xBFh1,h2\r\n\r\n\"a\r\nb\",c\r\nd,e");
        REQUIRE(table.records.size() == 3);
        CHECK(table.records[0].cells == std::vector<std::string>{"h1", "h2"});
        CHECK(table.records[1].cells == std::vector<std::string>{"a\nb", "c"});
        CHECK(table.records[1].line == 3);
        CHECK(table.records[2].cells == std::vector<std::string>{"d", "e"});
    }
    SUBCASE("a quote inside an unquoted cell is text; text after a closing quote is kept") {
        const auto table = parse_csv("5\" screen,\"a\"b\n");
        REQUIRE(table.records.size() == 1);
        CHECK(table.records[0].cells == std::vector<std::string>{"5\" screen", "ab"});
    }
    SUBCASE("a quote never closed") {
        const auto table = parse_csv("a,b\nc,\"open\nmore\n");
        CHECK(table.records.size() == 1);
        CHECK(table.unclosed_quote_line == 2);
    }
    SUBCASE("empty input") {
        CHECK(parse_csv("").records.empty());
        CHECK(parse_csv("\xEF\xBB\xBF").records.empty());
    }
}
