#include <doctest/doctest.h>

#include <sstream>
#include <utility>
#include <vector>

#include "core/markdown.hpp"

using namespace pmi;

namespace {

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

using Lines = std::vector<std::pair<int, std::string>>;

} // namespace

TEST_CASE("BodyLines skips BOM, front matter and code fences, keeping line numbers") {
    CHECK(body_of("\xEF\xBB\xBF---\r\na: 1\r\n---\r\n## Goal\r\n```\n## not a heading\n```\nend") ==
          Lines{{4, "## Goal"}, {8, "end"}});
    CHECK(body_of("---\na: 1\n...\nbody\n") == Lines{{4, "body"}});
    CHECK(body_of("no front matter\n---\nkept\n") ==
          Lines{{1, "no front matter"}, {2, "---"}, {3, "kept"}});
    CHECK(body_of("~~~\nunclosed fence\n").empty());
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
    CHECK(heading_level("    # code", title) == 0);
    CHECK(heading_level("#hashtag", title) == 0);
    CHECK(heading_level("####### seven", title) == 0);
}

TEST_CASE("list_item_text and is_code_fence") {
    CHECK(list_item_text("  - item ") == "item");
    CHECK(list_item_text("* item") == "item");
    CHECK(list_item_text("12) item") == "item");
    CHECK(list_item_text("3. item") == "item");
    CHECK(list_item_text("-item").empty());
    CHECK(list_item_text("2026 was good").empty());
    CHECK(is_code_fence("  ```cpp"));
    CHECK(is_code_fence("~~~"));
    CHECK_FALSE(is_code_fence("``inline``x"));
}
