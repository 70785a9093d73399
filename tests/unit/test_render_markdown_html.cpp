#include <doctest/doctest.h>

#include "render/markdown_html.hpp"

using namespace pmi;

TEST_CASE("markdown_to_html") {
    SUBCASE("CommonMark and the GFM extensions") {
        CHECK(markdown_to_html("## Goal\n\n*Fast* setup\n") ==
              "<h2>Goal</h2>\n<p><em>Fast</em> setup</p>\n");
        const std::string table = markdown_to_html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        CHECK(table.find("<table>") != std::string::npos);
        CHECK(markdown_to_html("~~old~~\n").find("<del>old</del>") != std::string::npos);
        CHECK(markdown_to_html("see www.example.com\n").find("href=\"http://www.example.com\"") !=
              std::string::npos);
        CHECK(markdown_to_html("- [x] done\n").find("checkbox") != std::string::npos);
    }
    SUBCASE("raw HTML dropped") {
        const std::string html =
            markdown_to_html("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>\n");
        CHECK(html.find("<script") == std::string::npos);
        CHECK(html.find("<img") == std::string::npos);
        CHECK(html.find("onerror=alert") == std::string::npos);
    }
    SUBCASE("unsafe link targets dropped") {
        const std::string html =
            markdown_to_html("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:x) "
                             "<javascript:alert(2)>\n");
        // Every target emptied; the autolink's text stays as text.
        CHECK(html == "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> "
                      "<a href=\"\">javascript:alert(2)</a></p>\n");
    }
    SUBCASE("images become links, nothing is loaded") {
        CHECK(markdown_to_html("![chart](https://example.com/c.png \"t\")\n") ==
              "<p><a href=\"https://example.com/c.png\" title=\"t\">chart</a></p>\n");
        CHECK(markdown_to_html("![](https://example.com/c.png)\n") ==
              "<p><a href=\"https://example.com/c.png\">https://example.com/c.png</a></p>\n");
        CHECK(markdown_to_html("![x](javascript:alert(1))\n").find("javascript") ==
              std::string::npos);
    }
    SUBCASE("controls replaced") {
        CHECK(markdown_to_html("a\x1b[31m\n") == "<p>a\xEF\xBF\xBD[31m</p>\n");
    }
}
