#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/markdown.hpp"

using namespace pmi;

namespace {

using Lines = std::vector<std::string>;

// One word per line: what it is, the title of a heading, where it is nested.
std::string describe(const MarkdownLine& line) {
    std::string out;
    if (line.item_start)
        out += "item[" + std::string(line.item) + "] ";
    switch (line.kind) {
    case LineKind::blank: out += "blank"; break;
    case LineKind::text: out += "text"; break;
    case LineKind::heading:
        out += "h" + std::to_string(line.level) + (line.setext ? "=" : "") + "[" +
               std::string(line.title) + "]";
        break;
    case LineKind::thematic_break: out += "hr"; break;
    case LineKind::fence: out += "fence"; break;
    case LineKind::code: out += "code"; break;
    }
    if (line.quote_depth)
        out += " q" + std::to_string(line.quote_depth);
    if (line.list_depth)
        out += " l" + std::to_string(line.list_depth);
    return out;
}

Lines scan(const std::string& text) {
    MarkdownScanner scanner;
    Lines out;
    std::size_t at = 0;
    int number = 0;
    while (at <= text.size()) {
        const auto end = std::min(text.find('\n', at), text.size());
        out.push_back(
            describe(scanner.scan(std::string_view(text).substr(at, end - at), ++number)));
        at = end + 1;
    }
    return out;
}

std::vector<std::pair<int, std::string>> body_of(const std::string& text) {
    std::istringstream in(text);
    BodyLines lines(in);
    std::vector<std::pair<int, std::string>> out;
    std::string line;
    int number = 0;
    while (lines.next(line, number))
        out.emplace_back(number, line);
    return out;
}

} // namespace

TEST_CASE("BodyLines skips BOM and front matter, keeping line numbers") {
    using Body = std::vector<std::pair<int, std::string>>;
    CHECK(body_of("\xEF\xBB\xBF---\r\na: 1\r\n---\r\n## Goal\r\n```\n## code\n```\nend") ==
          Body{{4, "## Goal"}, {5, "```"}, {6, "## code"}, {7, "```"}, {8, "end"}});
    CHECK(body_of("---\na: 1\n...\nbody\n") == Body{{4, "body"}});
    CHECK(body_of("no front matter\n---\nkept\n") ==
          Body{{1, "no front matter"}, {2, "---"}, {3, "kept"}});
    CHECK(body_of("").empty());
}

TEST_CASE("heading_level") {
    std::string_view title;
    CHECK(heading_level("## Goal ##", title) == 2);
    CHECK(title == "Goal");
    CHECK(heading_level("   # Indented", title) == 1);
    CHECK(title == "Indented");
    CHECK(heading_level("###", title) == 3);
    CHECK(title.empty());
    CHECK(heading_level("### ###", title) == 3);
    CHECK(title.empty());
    CHECK(heading_level("# C#", title) == 1);
    CHECK(title == "C#");
    CHECK(heading_level("### foo ### b", title) == 3);
    CHECK(title == "foo ### b");
    CHECK(heading_level("#\tTabbed", title) == 1);
    CHECK(title == "Tabbed");
    CHECK(heading_level("    # code", title) == 0);
    CHECK(heading_level("#hashtag", title) == 0);
    CHECK(heading_level("\\## escaped", title) == 0);
    CHECK(heading_level("####### seven", title) == 0);
}

TEST_CASE("list_marker and list_item_content") {
    CHECK(list_item_content("  - item ") == "item");
    CHECK(list_item_content("* item") == "item");
    CHECK(list_item_content("12) item") == "item");
    CHECK(list_item_content("3. item") == "item");
    CHECK(list_item_content("123456789. nine digits") == "nine digits");
    CHECK(list_item_content("1234567890. ten digits").empty());
    CHECK(list_item_content("-item").empty());
    CHECK(list_item_content("-1. not ok").empty());
    CHECK(list_item_content("2026 was good").empty());
    CHECK(list_marker("-").width == 1);
    CHECK(list_marker("7)\tx").ordered);
    CHECK(list_marker("7)\tx").start == 7);
}

// Cases after the CommonMark spec (0.31), section by section.
TEST_CASE("MarkdownScanner: ATX headings") {
    CHECK(scan("# foo\n## foo\n### foo\n#### foo\n##### foo\n###### foo\n####### foo") ==
          Lines{"h1[foo]", "h2[foo]", "h3[foo]", "h4[foo]", "h5[foo]", "h6[foo]", "text"});
    CHECK(scan("#5 bolt\n\n#hashtag") == Lines{"text", "blank", "text"});
    CHECK(scan(" ### foo\n  ## foo\n   # foo") == Lines{"h3[foo]", "h2[foo]", "h1[foo]"});
    CHECK(scan("    # foo") == Lines{"code"});
    CHECK(scan("foo\n    # bar") == Lines{"text", "text"});
    CHECK(scan("****\n## foo\n****") == Lines{"hr", "h2[foo]", "hr"});
    CHECK(scan("Foo bar\n# baz\nBar foo") == Lines{"text", "h1[baz]", "text"});
    CHECK(scan("## \n#\n### ###") == Lines{"h2[]", "h1[]", "h3[]"});
}

TEST_CASE("MarkdownScanner: setext headings") {
    CHECK(scan("Foo *bar*\n=========\n\nFoo *bar*\n---------") ==
          Lines{"text", "h1=[Foo *bar*]", "blank", "text", "h2=[Foo *bar*]"});
    CHECK(scan("Foo *bar\nbaz*\n====") == Lines{"text", "text", "h1=[Foo *bar baz*]"});
    CHECK(scan("   Foo\n---\n\n  Foo\n  ===") ==
          Lines{"text", "h2=[Foo]", "blank", "text", "h1=[Foo]"});
    CHECK(scan("    Foo\n    ---\n\n    Foo\n---") == Lines{"code", "code", "blank", "code", "hr"});
    CHECK(scan("Foo\n   ----      ") == Lines{"text", "h2=[Foo]"});
    CHECK(scan("Foo\n    ---") == Lines{"text", "text"});
    CHECK(scan("Foo\n= =\n\nFoo\n--- -") == Lines{"text", "text", "blank", "text", "hr"});
    CHECK(scan("Foo\n-") == Lines{"text", "h2=[Foo]"});
    CHECK(scan("> Foo\n---") == Lines{"text q1", "hr"});
    CHECK(scan("> foo\nbar\n===") == Lines{"text q1", "text q1", "text q1"});
    CHECK(scan("- Foo\n---") == Lines{"item[Foo] text l1", "hr"});
    CHECK(scan("---\nFoo\n---\nBar\n---\nBaz") ==
          Lines{"hr", "text", "h2=[Foo]", "text", "h2=[Bar]", "text"});
    CHECK(scan("\n====") == Lines{"blank", "text"});
    CHECK(scan("    foo\n---") == Lines{"code", "hr"});

    SUBCASE("the title starts on the paragraph's first line") {
        MarkdownScanner scanner;
        scanner.scan("", 1);
        scanner.scan("Nuggets", 2);
        const MarkdownLine& line = scanner.scan("-------", 3);
        CHECK(line.title == "Nuggets");
        CHECK(line.title_line == 2);
    }
}

TEST_CASE("MarkdownScanner: list items") {
    CHECK(scan("1. nugget\n2) second") == Lines{"item[nugget] text l1", "item[second] text l1"});
    CHECK(scan("- one\n\n two") == Lines{"item[one] text l1", "blank l1", "text"});
    CHECK(scan("- one\n\n  two") == Lines{"item[one] text l1", "blank l1", "text l1"});
    CHECK(scan(" -    one\n\n     two") == Lines{"item[one] text l1", "blank l1", "code"});
    CHECK(scan(" -    one\n\n      two") == Lines{"item[one] text l1", "blank l1", "text l1"});
    CHECK(scan("-one\n\n2.two") == Lines{"text", "blank", "text"});
    CHECK(scan("- foo\n  - bar\n    - baz") ==
          Lines{"item[foo] text l1", "item[bar] text l2", "item[baz] text l3"});
    CHECK(scan("The number of windows in my house is\n14.  The number of doors is 6.") ==
          Lines{"text", "text"});
    CHECK(scan("The number of windows in my house is\n1.  The number of doors is 6.") ==
          Lines{"text", "item[The number of doors is 6.] text l1"});
    CHECK(scan("- a\nlazy\n- b") == Lines{"item[a] text l1", "text l1", "item[b] text l1"});
    CHECK(scan("- # Foo\n- Bar\n  ---\n  baz") ==
          Lines{"item[# Foo] h1[Foo] l1", "item[Bar] text l1", "h2=[Bar] l1", "text l1"});
    CHECK(scan("10) foo\n    - bar") == Lines{"item[foo] text l1", "item[bar] text l2"});
    CHECK(scan("-\n  foo") == Lines{"item[] blank l1", "text l1"});
    CHECK(scan("- - -") == Lines{"hr"});
    CHECK(scan("-\tfoo\n\tbar") == Lines{"item[foo] text l1", "text l1"});
}

TEST_CASE("MarkdownScanner: block quotes") {
    CHECK(scan("> # Foo\n> bar\n> baz") == Lines{"h1[Foo] q1", "text q1", "text q1"});
    CHECK(scan("> bar\nbaz\n> foo") == Lines{"text q1", "text q1", "text q1"});
    CHECK(scan("> foo\n\n> bar") == Lines{"text q1", "blank", "text q1"});
    CHECK(scan(">> ## deep\n> - item") == Lines{"h2[deep] q2", "item[item] text q1 l1"});
    CHECK(scan("- > ## in both") == Lines{"item[> ## in both] h2[in both] q1 l1"});

    SUBCASE("nesting deeper than 32 reads as text") {
        std::string deep;
        for (int i = 0; i < 40; ++i)
            deep += "> ";
        MarkdownScanner scanner;
        const MarkdownLine& line = scanner.scan(deep + "## Private", 1);
        CHECK(line.kind == LineKind::text);
        CHECK(line.quote_depth == 32);
        CHECK(line.too_deep);
    }
}

TEST_CASE("MarkdownScanner: fenced code blocks") {
    CHECK(scan("```\n<\n >\n```") == Lines{"fence", "code", "code", "fence"});
    CHECK(scan("~~~\n<\n >\n~~~") == Lines{"fence", "code", "code", "fence"});
    CHECK(scan("``\nfoo\n``") == Lines{"text", "text", "text"});
    CHECK(scan("```\naaa\n~~~\n```") == Lines{"fence", "code", "code", "fence"});
    CHECK(scan("````\naaa\n```\n``````") == Lines{"fence", "code", "code", "fence"});
    CHECK(scan("`````\n\n```\naaa") == Lines{"fence", "code", "code", "code"});
    CHECK(scan("> ```\n> aaa\n\nbbb") == Lines{"fence q1", "code q1", "blank", "text"});
    CHECK(scan(" ```\n aaa\naaa\n```") == Lines{"fence", "code", "code", "fence"});
    CHECK(scan("    ```\n    aaa\n    ```") == Lines{"code", "code", "code"});
    CHECK(scan("```\naaa\n  ```") == Lines{"fence", "code", "fence"});
    CHECK(scan("```\naaa\n    ```") == Lines{"fence", "code", "code"});
    CHECK(scan("``` ```\naaa") == Lines{"text", "text"});
    CHECK(scan("~~~~~~\naaa\n~~~ ~~") == Lines{"fence", "code", "code"});
    CHECK(scan("foo\n```\nbar\n```\nbaz") == Lines{"text", "fence", "code", "fence", "text"});
    CHECK(scan("~~~ aa ``` ~~~\nfoo\n~~~") == Lines{"fence", "code", "fence"});
    CHECK(scan("```\n``` aaa\n```") == Lines{"fence", "code", "fence"});
    CHECK(scan("```\n## Private\n```\n## After") == Lines{"fence", "code", "fence", "h2[After]"});
    CHECK(scan("- a\n  ```\n  ## code\n  ```\n## b") ==
          Lines{"item[a] text l1", "fence l1", "code l1", "fence l1", "h2[b]"});
    CHECK(scan("- a\n  ```\nb") == Lines{"item[a] text l1", "fence l1", "text"});

    SUBCASE("a fence never closed stays open") {
        MarkdownScanner scanner;
        scanner.scan("text", 1);
        scanner.scan("~~~", 2);
        scanner.scan("# code", 3);
        CHECK(scanner.in_fence());
        CHECK(scanner.fence_line() == 2);
    }
}

TEST_CASE("BodyLines keeps a line longer than 64 KiB whole") {
    const std::string long_line = std::string(3 * 64 * 1024, 'x') + " end";
    std::istringstream in("---\na: b\n---\n" + long_line + "\r\nnext\r\nlast");
    BodyLines lines(in);
    std::string line;
    int number = 0;
    REQUIRE(lines.next(line, number));
    CHECK(line == long_line);
    CHECK(number == 4);
    REQUIRE(lines.next(line, number));
    CHECK(line == "next");
    CHECK(number == 5);
    REQUIRE(lines.next(line, number));
    CHECK(line == "last");
    CHECK_FALSE(lines.next(line, number));
}

TEST_CASE("without_html_comments") {
    CHECK(without_html_comments("Another <!-- note to self -->") == "Another");
    CHECK(without_html_comments("a <!-- x --> b<!--y-->c") == "a b c");
    CHECK(without_html_comments("cut <!-- never closed") == "cut");
    CHECK(without_html_comments("<!-- all -->") == "");
    CHECK(without_html_comments("no comment -->") == "no comment -->");
}

TEST_CASE("HtmlComments follows private blocks") {
    HtmlComments comments;
    comments.line("- Public");
    CHECK_FALSE(comments.touched_private());
    comments.line("<!-- private -->");
    CHECK(comments.in_private());
    comments.line("- Secret");
    CHECK(comments.touched_private());
    comments.line("<!-- /private -->");
    CHECK_FALSE(comments.in_private());
    comments.line("- Inline <!-- private -->x<!-- /private -->");
    CHECK(comments.touched_private());
    CHECK_FALSE(comments.in_private());
    comments.line("- text <!-- a comment");
    CHECK(comments.in_comment());
    comments.line("-->");
    CHECK_FALSE(comments.in_comment());
    CHECK_FALSE(comments.touched_private());
}
