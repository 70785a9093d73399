#include "core/markdown.hpp"

#include "util/strings.hpp"

namespace pmi {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

} // namespace

int heading_level(std::string_view line, std::string_view& title) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ')
        ++indent;
    if (indent > 3)
        return 0;
    std::size_t level = 0;
    while (indent + level < line.size() && line[indent + level] == '#')
        ++level;
    const std::size_t after = indent + level;
    if (level == 0 || level > 6 || (after < line.size() && !is_space(line[after])))
        return 0;
    title = util::trim(line.substr(after));
    while (!title.empty() && title.back() == '#')
        title.remove_suffix(1);
    title = util::trim(title);
    return static_cast<int>(level);
}

bool is_code_fence(std::string_view line) {
    const auto trimmed = util::trim(line);
    return trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0;
}

std::string_view list_item_text(std::string_view line) {
    line = util::trim(line);
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
        return util::trim(line.substr(2));
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9')
        ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ')
        return util::trim(line.substr(digits + 2));
    return {};
}

bool BodyLines::next(std::string& line, int& number) {
    while (std::getline(in_, line)) {
        ++number_;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (number_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        const auto trimmed = util::trim(line);
        if (number_ == 1 && trimmed == "---") {
            in_front_matter_ = true;
            continue;
        }
        if (in_front_matter_) {
            in_front_matter_ = !(trimmed == "---" || trimmed == "...");
            continue;
        }
        if (is_code_fence(trimmed)) {
            in_fence_ = !in_fence_;
            continue;
        }
        if (in_fence_)
            continue;
        number = number_;
        return true;
    }
    return false;
}

} // namespace pmi
