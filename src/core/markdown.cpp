#include "core/markdown.hpp"

#include <algorithm>

#include "util/strings.hpp"

namespace pmi {

namespace {

constexpr std::size_t max_title_bytes = 4096;
// Deeper quotes and lists read as text: keeps each line's work bounded.
constexpr std::size_t max_nesting_depth = 32;

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return util::is_blank(c) || c == '\r'; });
}

std::size_t spaces_at(std::string_view text, std::size_t at) {
    std::size_t count = 0;
    while (at + count < text.size() && text[at + count] == ' ')
        ++count;
    return count;
}

bool is_structure_char(char c) {
    return c == ' ' || c == '>' || c == '-' || c == '+' || c == '*' || c == '.' || c == ')' ||
           (c >= '0' && c <= '9');
}

// `line` into `out` (whose buffer is reused), with the tabs in the leading run
// of indentation, quote and list marks made spaces up to the next multiple of 4
// columns, so columns can be counted in bytes.
void expand_prefix_tabs(std::string_view line, std::string& out) {
    out.clear();
    std::size_t i = 0;
    for (; i < line.size(); ++i) {
        if (line[i] == '\t') {
            out.append(4 - out.size() % 4, ' ');
            continue;
        }
        if (!is_structure_char(line[i]))
            break;
        out += line[i];
    }
    out.append(line.substr(i));
}

bool is_thematic_break(std::string_view text) {
    char mark = 0;
    int count = 0;
    for (const char c : text) {
        if (util::is_blank(c))
            continue;
        if ((c != '*' && c != '-' && c != '_') || (mark != 0 && c != mark))
            return false;
        mark = c;
        ++count;
    }
    return count >= 3;
}

// 1 for a line of '=', 2 for a line of '-' (trailing spaces allowed), else 0.
int setext_level(std::string_view text) {
    if (text.empty() || (text[0] != '=' && text[0] != '-'))
        return 0;
    std::size_t run = 0;
    while (run < text.size() && text[run] == text[0])
        ++run;
    if (!is_blank(text.substr(run)))
        return 0;
    return text[0] == '=' ? 1 : 2;
}

// The length of an opening code fence at the start of `text`, 0 if none.
std::size_t fence_length(std::string_view text, char& mark) {
    if (text.empty() || (text[0] != '`' && text[0] != '~'))
        return 0;
    std::size_t run = 0;
    while (run < text.size() && text[run] == text[0])
        ++run;
    if (run < 3 || (text[0] == '`' && text.substr(run).find('`') != std::string_view::npos))
        return 0;
    mark = text[0];
    return run;
}

bool closes_fence(std::string_view text, char mark, std::size_t length) {
    const std::size_t indent = spaces_at(text, 0);
    if (indent > 3)
        return false;
    text.remove_prefix(indent);
    std::size_t run = 0;
    while (run < text.size() && text[run] == mark)
        ++run;
    return run >= length && is_blank(text.substr(run));
}

// Whether `text` (after the matched containers) starts a block that ends a lazy
// paragraph continuation.
bool starts_block(std::string_view text) {
    const std::size_t indent = spaces_at(text, 0);
    if (indent > 3)
        return false;
    text.remove_prefix(indent);
    std::string_view title;
    char mark = 0;
    return (!text.empty() && text[0] == '>') || list_marker(text).width > 0 ||
           fence_length(text, mark) > 0 || heading_level(text, title) > 0 ||
           is_thematic_break(text);
}

} // namespace

int heading_level(std::string_view line, std::string_view& title) {
    const std::size_t indent = spaces_at(line, 0);
    if (indent > 3)
        return 0;
    std::size_t level = 0;
    while (indent + level < line.size() && line[indent + level] == '#')
        ++level;
    const std::size_t after = indent + level;
    if (level == 0 || level > 6 || (after < line.size() && !util::is_blank(line[after])))
        return 0;
    std::string_view text = util::trim(line.substr(after));
    // A closing sequence of '#' counts only after a space: "# C#" keeps its '#'.
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '#')
        --end;
    if (end == 0)
        text = {};
    else if (end < text.size() && util::is_blank(text[end - 1]))
        text = util::trim(text.substr(0, end));
    title = text;
    return static_cast<int>(level);
}

ListMarker list_marker(std::string_view text) {
    if (text.empty())
        return {};
    if (text[0] == '-' || text[0] == '+' || text[0] == '*') {
        if (text.size() == 1 || util::is_blank(text[1]))
            return {1, false, 0};
        return {};
    }
    std::size_t digits = 0;
    long number = 0;
    while (digits < text.size() && digits < 10 && text[digits] >= '0' && text[digits] <= '9')
        number = number * 10 + (text[digits++] - '0');
    if (digits == 0 || digits > 9 || digits >= text.size() ||
        (text[digits] != '.' && text[digits] != ')'))
        return {};
    if (digits + 1 < text.size() && !util::is_blank(text[digits + 1]))
        return {};
    return {digits + 1, true, number};
}

std::string_view list_item_content(std::string_view line) {
    line = util::trim(line);
    const ListMarker marker = list_marker(line);
    return marker.width == 0 ? std::string_view() : util::trim(line.substr(marker.width));
}

std::size_t MarkdownScanner::match_containers(std::size_t& at) const {
    const std::string_view text = expanded_;
    std::size_t matched = 0;
    for (const auto& container : open_) {
        const std::size_t indent = spaces_at(text, at);
        if (container.quote) {
            if (indent > 3 || at + indent >= text.size() || text[at + indent] != '>')
                break;
            at += indent + 1;
            if (at < text.size() && text[at] == ' ')
                ++at;
        } else if (!is_blank(text.substr(at))) {
            if (at + indent < container.content_column)
                break;
            at = std::max(at, container.content_column);
        }
        ++matched;
    }
    return matched;
}

void MarkdownScanner::open_containers(std::size_t& at, bool paragraph_open) {
    const std::string_view text = expanded_;
    while (open_.size() < max_nesting_depth) {
        const std::size_t indent = spaces_at(text, at);
        if (indent > 3)
            return;
        const std::string_view rest = text.substr(at + indent);
        if (!rest.empty() && rest[0] == '>') {
            open_.push_back({true, 0});
            at += indent + 1;
            if (at < text.size() && text[at] == ' ')
                ++at;
            paragraph_open = paragraph_ = false;
            continue;
        }
        if (is_thematic_break(rest))
            return;
        const ListMarker marker = list_marker(rest);
        if (marker.width == 0)
            return;
        const std::string_view after = rest.substr(marker.width);
        const bool empty = is_blank(after);
        // Only a non-empty bullet or an item numbered 1 interrupts a paragraph.
        if (paragraph_open && (empty || (marker.ordered && marker.start != 1)))
            return;
        const std::size_t marker_end = at + indent + marker.width;
        std::size_t gap = spaces_at(text, marker_end);
        if (empty || gap > 4)
            gap = 1; // an empty first line, or indented code in the item
        open_.push_back({false, marker_end + gap});
        line_.item_start = true;
        line_.item = util::trim(after);
        at = std::min(marker_end + gap, text.size());
        paragraph_open = paragraph_ = false;
    }
}

void MarkdownScanner::add_paragraph_content(std::string_view text) {
    if (!paragraph_) {
        paragraph_ = true;
        paragraph_line_ = line_.number;
        paragraph_text_.clear();
    } else if (!text.empty() && paragraph_text_.size() < max_title_bytes) {
        paragraph_text_ += ' ';
    }
    if (paragraph_text_.size() < max_title_bytes)
        paragraph_text_.append(text.substr(0, max_title_bytes - paragraph_text_.size()));
}

void MarkdownScanner::classify_leaf(std::size_t at) {
    const std::string_view rest = std::string_view(expanded_).substr(at);
    const std::size_t indent = spaces_at(rest, 0);
    if (is_blank(rest)) {
        line_.kind = LineKind::blank;
        paragraph_ = false;
        return;
    }
    if (indent >= 4) {
        line_.inner = util::trim(rest);
        line_.kind = paragraph_ ? LineKind::text : LineKind::code;
        if (paragraph_)
            add_paragraph_content(line_.inner);
        return;
    }
    const std::string_view inner = rest.substr(indent);
    line_.inner = inner;
    char mark = 0;
    std::string_view title;
    if (const std::size_t length = fence_length(inner, mark)) {
        fence_ = {true, mark, length, indent, open_.size(), line_.number};
        line_.kind = LineKind::fence;
        paragraph_ = false;
    } else if (const int level = heading_level(inner, title)) {
        line_.kind = LineKind::heading;
        line_.level = level;
        line_.title = title;
        line_.title_line = line_.number;
        paragraph_ = false;
    } else if (const int setext = paragraph_ ? setext_level(inner) : 0) {
        line_.kind = LineKind::heading;
        line_.level = setext;
        line_.setext = true;
        line_.title = paragraph_text_;
        line_.title_line = paragraph_line_;
        paragraph_ = false;
    } else if (is_thematic_break(inner)) {
        line_.kind = LineKind::thematic_break;
        paragraph_ = false;
    } else {
        line_.kind = LineKind::text;
        add_paragraph_content(util::trim(inner));
    }
}

void MarkdownScanner::finish(std::size_t depth) {
    if (depth < open_.size()) {
        open_.resize(depth);
        paragraph_ = false;
    }
}

const MarkdownLine& MarkdownScanner::scan(std::string_view text, int number) {
    expand_prefix_tabs(text, expanded_);
    line_ = MarkdownLine{};
    line_.number = number;
    line_.text = text;
    std::size_t at = 0;
    const std::size_t matched = match_containers(at);
    const std::string_view rest = std::string_view(expanded_).substr(at);
    const auto set_depths = [this] {
        for (const auto& container : open_)
            ++(container.quote ? line_.quote_depth : line_.list_depth);
        line_.too_deep = open_.size() >= max_nesting_depth;
    };
    if (fence_.open && matched >= fence_.depth) {
        line_.inner = rest.substr(std::min(spaces_at(rest, 0), fence_.indent));
        line_.kind = LineKind::code;
        if (closes_fence(rest, fence_.mark, fence_.length)) {
            line_.kind = LineKind::fence;
            fence_.open = false;
        }
        set_depths();
        return line_;
    }
    fence_.open = false; // closed with the container it was in
    if (is_blank(rest)) {
        finish(matched);
        paragraph_ = false;
        set_depths();
        return line_;
    }
    if (paragraph_ && matched < open_.size() && !starts_block(rest)) {
        line_.kind = LineKind::text;
        line_.inner = util::trim(rest);
        add_paragraph_content(line_.inner);
        set_depths();
        return line_;
    }
    finish(matched);
    open_containers(at, paragraph_);
    classify_leaf(at);
    set_depths();
    return line_;
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
        number = number_;
        return true;
    }
    return false;
}

void HtmlComments::line(std::string_view text) {
    touched_private_ = in_private_;
    std::size_t at = 0;
    while (at < text.size()) {
        if (!in_comment_) {
            const auto open = text.find("<!--", at);
            if (open == std::string_view::npos)
                return;
            in_comment_ = true;
            content_.clear();
            at = open + 4;
            continue;
        }
        const auto close = text.find("-->", at);
        keep(text.substr(at, close == std::string_view::npos ? text.npos : close - at));
        if (close == std::string_view::npos) {
            keep(" ");
            return;
        }
        in_comment_ = false;
        end_comment();
        at = close + 3;
    }
}

void HtmlComments::keep(std::string_view text) {
    if (content_.size() < 64)
        content_.append(text.substr(0, 64 - content_.size()));
}

void HtmlComments::end_comment() {
    const std::string_view text = util::trim(content_);
    if (util::starts_with_ci(text, "private")) {
        in_private_ = true;
        touched_private_ = true;
    } else if (!text.empty() && text[0] == '/' &&
               util::starts_with_ci(util::trim(text.substr(1)), "private")) {
        in_private_ = false;
        touched_private_ = true;
    }
}

std::string without_html_comments(std::string_view text) {
    std::string visible;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find("<!--", at);
        visible.append(text.substr(at, open == std::string_view::npos ? text.npos : open - at));
        if (open == std::string_view::npos)
            break;
        const auto close = text.find("-->", open + 4);
        if (close == std::string_view::npos)
            break;
        visible += ' ';
        at = close + 3;
    }
    std::string out;
    for (const char c : util::trim(visible)) {
        const bool space = c == ' ' || c == '\t';
        if (space && !out.empty() && out.back() == ' ')
            continue;
        out += space ? ' ' : c;
    }
    return out;
}

} // namespace pmi
