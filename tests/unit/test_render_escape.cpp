#include <doctest/doctest.h>

#include "render/escape.hpp"

using namespace pmi;

TEST_CASE("escape::terminal") {
    SUBCASE("controls shown, never emitted") {
        CHECK(escape::terminal("a\x1b]52;c;x\x07") == "a\\x1b]52;c;x\\x07");
        CHECK(escape::terminal("del\x7f") == "del\\x7f");
        CHECK(escape::terminal("c1 \xc2\x9b"
                               "2J") == "c1 \\u009b2J");
        CHECK(escape::terminal("bidi \xe2\x80\xae") == "bidi \\u202e");
        CHECK(escape::terminal("bad \xff\xfe") == "bad \\xff\\xfe");
    }
    SUBCASE("one line or keep lines") {
        CHECK(escape::terminal("a\nb\tc\rd") == "a\\nb\\tc\\rd");
        CHECK(escape::terminal("a\nb\tc\rd", escape::Lines::keep) == "a\nb\tc\\rd");
    }
    SUBCASE("printable text unchanged") {
        CHECK(escape::terminal("Café – 日本 \\x") == "Café – 日本 \\x");
    }
}

TEST_CASE("escape::terminal finds a control character wherever it is in a long line") {
    for (const char special : {'\x01', '\x1b', '\x7f', '\x80', '\n'}) {
        for (std::size_t at = 0; at < 40; ++at) {
            std::string line(40, 'a');
            line[at] = special;
            const std::string got = escape::terminal(line);
            CAPTURE(at);
            CHECK(got.find_first_not_of('a') == at);
            CHECK(got.size() > line.size()); // escaped as \x.. or \n, never as is
            CHECK(got.find(special) == std::string::npos);
        }
    }
    const std::string printable(100, '~');
    CHECK(escape::terminal(printable) == printable);
}

TEST_CASE("escape::markdown_inline") {
    CHECK(escape::markdown_inline("[Reset](http://phish.example)") ==
          "\\[Reset\\](http\\://phish.example)");
    CHECK(escape::markdown_inline("visit www.phish.example") == "visit www\\.phish.example");
    CHECK(escape::markdown_inline("a | b") == "a \\| b");
    CHECK(escape::markdown_inline("*bold* <b>&amp;") == "\\*bold\\* \\<b\\>\\&amp;");
    CHECK(escape::markdown_inline("line\nbreak") == "line break");
    CHECK(escape::markdown_inline("snake_case _em_") == "snake_case \\_em\\_");
    SUBCASE("block starts") {
        CHECK(escape::markdown_inline("# not a heading") == "\\# not a heading");
        CHECK(escape::markdown_inline("- not an item") == "\\- not an item");
        CHECK(escape::markdown_inline("12. not a list") == "12\\. not a list");
        CHECK(escape::markdown_inline("---") == "\\---");
        CHECK(escape::markdown_inline("7.5 days") == "7.5 days");
        CHECK(escape::markdown_inline("-cmd") == "-cmd");
    }
    CHECK(escape::markdown_cell("-") == "-");
    CHECK(escape::markdown_cell("# x|y") == "# x\\|y");
}

TEST_CASE("escape::markdown_code") {
    CHECK(escape::markdown_code("a&b.md") == "`a&b.md`");
    CHECK(escape::markdown_code("a`b") == "``a`b``");
    CHECK(escape::markdown_code("`x") == "`` `x ``");
}

TEST_CASE("escape::csv_cell") {
    CHECK(escape::csv_cell("plain") == "plain");
    CHECK(escape::csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(escape::csv_cell("+1") == "'+1");
    CHECK(escape::csv_cell("-2") == "'-2");
    CHECK(escape::csv_cell("@SUM(1)") == "'@SUM(1)");
    CHECK(escape::csv_cell("\tx") == "'\tx");
    CHECK(escape::csv_cell("a,b") == "\"a,b\"");
    CHECK(escape::csv_cell("two\nlines") == "\"two\nlines\"");
    CHECK(escape::csv_cell("esc\x1b") == "esc\\x1b");
}

TEST_CASE("escape::xml") {
    CHECK(escape::xml("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
    CHECK(escape::xml("a\nb") == "a&#10;b");
    CHECK(escape::xml("\x1b \xef\xbf\xbe \xef\xbf\xbf \xff") ==
          "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(escape::xml("日本") == "日本");
}

TEST_CASE("escape::html") {
    SUBCASE("no tag, attribute or entity can come from a value") {
        CHECK(escape::html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
        CHECK(escape::html("x\" onerror=\"alert(1)") == "x&quot; onerror=&quot;alert(1)");
        CHECK(escape::html("it's") == "it&#39;s");
        CHECK(escape::html("&amp;") == "&amp;amp;");
    }
    SUBCASE("controls, invalid UTF-8 and bidi controls replaced") {
        CHECK(escape::html("a\x1b[31mb") == "a\xEF\xBF\xBD[31mb");
        CHECK(escape::html("del\x7f c1\xc2\x9b") == "del\xEF\xBF\xBD c1\xEF\xBF\xBD");
        CHECK(escape::html("bad \xff") == "bad \xEF\xBF\xBD");
        CHECK(escape::html("bidi \xe2\x80\xae") == "bidi \xEF\xBF\xBD");
        CHECK(escape::html(std::string_view("nul\0", 4)) == "nul\xEF\xBF\xBD");
        CHECK(escape::html("non \xef\xbf\xbf") == "non \xEF\xBF\xBD");
    }
    SUBCASE("TAB, LF and text kept") {
        CHECK(escape::html("a\tb\nc") == "a\tb\nc");
        CHECK(escape::html("Café 東京 🙂") == "Café 東京 🙂");
    }
}

TEST_CASE("escape::html_chars") {
    CHECK(escape::html_chars("<b>&\"'") == "<b>&\"'");
    CHECK(escape::html_chars("a\x1b\xff") == "a\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("escape::github") {
    // As @actions/core: escapeData and escapeProperty.
    CHECK(escape::github_property("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A");
    CHECK(escape::github_data("a:b,c%d\r\n") == "a:b,c%25d%0D%0A");
    CHECK(escape::github_data("x\x1b[2J") == "x\\x1b[2J");
    CHECK(escape::github_plain("ok\n  ::add-mask::x\n::error::y\na::b\n") ==
          "ok\n  %3A:add-mask::x\n%3A:error::y\na::b\n");
}

TEST_CASE("escape::url_path") {
    CHECK(escape::url_path("portal/acme-corp_2026.md") == "portal/acme-corp_2026.md");
    CHECK(escape::url_path("a b/c#d?.md") == "a%20b/c%23d%3F.md");
}
