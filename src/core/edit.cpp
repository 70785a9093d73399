#include "core/edit.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace pmi {

namespace {

struct Line {
    std::size_t start;
    std::size_t end; // before the line break ("\n" or "\r\n")
};

Line line_at(std::string_view text, std::size_t start) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
        end = text.size();
    if (end > start && text[end - 1] == '\r')
        --end;
    return {start, end};
}

std::size_t next_line(std::string_view text, std::size_t start) {
    const std::size_t end = text.find('\n', start);
    return end == std::string_view::npos ? text.size() : end + 1;
}

bool is_fence(std::string_view text, Line line) {
    return text.substr(line.start, line.end - line.start) == "---";
}

// The end of a quoted or flow value starting at `at`, on the line; npos when it
// is not closed on the line.
std::size_t closing(std::string_view text, std::size_t at, std::size_t line_end) {
    const char open = text[at];
    if (open == '"') {
        for (std::size_t i = at + 1; i < line_end; ++i) {
            if (text[i] == '\\')
                ++i;
            else if (text[i] == '"')
                return i + 1;
        }
        return std::string_view::npos;
    }
    if (open == '\'') {
        for (std::size_t i = at + 1; i < line_end; ++i) {
            if (text[i] == '\'' && i + 1 < line_end && text[i + 1] == '\'')
                ++i;
            else if (text[i] == '\'')
                return i + 1;
        }
        return std::string_view::npos;
    }
    // A flow list or map: brackets counted, quoted parts skipped.
    int depth = 0;
    for (std::size_t i = at; i < line_end; ++i) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            const std::size_t end = closing(text, i, line_end);
            if (end == std::string_view::npos)
                return end;
            i = end - 1;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// The end of a plain value: before a " #" comment and trailing blanks.
std::size_t plain_end(std::string_view text, std::size_t at, std::size_t line_end) {
    std::size_t end = line_end;
    for (std::size_t i = at; i < line_end; ++i)
        if (text[i] == '#' && i > at && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
            end = i;
            break;
        }
    while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return end;
}

} // namespace

ValueSpan front_matter_value(std::string_view text, std::string_view key, const std::string& path) {
    // A byte order mark before the first fence is kept, as the readers skip it.
    const std::size_t first = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    Line line = line_at(text, first);
    if (!is_fence(text, line))
        throw Error(fmt::format("{}:1: the note has no front matter", path));
    int number = 1;
    for (std::size_t start = next_line(text, first); start < text.size();
         start = next_line(text, start)) {
        ++number;
        line = line_at(text, start);
        if (is_fence(text, line))
            break;
        const std::string_view content = text.substr(line.start, line.end - line.start);
        if (content.size() <= key.size() || content.substr(0, key.size()) != key ||
            content[key.size()] != ':')
            continue;
        std::size_t at = line.start + key.size() + 1;
        while (at < line.end && (text[at] == ' ' || text[at] == '\t'))
            ++at;
        const auto several_lines = [&] {
            return Error(fmt::format("{}:{}: '{}' is written over several lines; pmi changes "
                                     "only one-line values: edit it by hand",
                                     path, number, key));
        };
        std::size_t end = at;
        if (at < line.end &&
            (text[at] == '"' || text[at] == '\'' || text[at] == '[' || text[at] == '{')) {
            end = closing(text, at, line.end);
            if (end == std::string_view::npos)
                throw several_lines();
        } else {
            end = plain_end(text, at, line.end);
            const std::string_view value = text.substr(at, end - at);
            const std::size_t after = next_line(text, start);
            const Line following = line_at(text, after);
            const bool continued = after < text.size() && following.end > following.start &&
                                   (text[after] == ' ' || text[after] == '\t');
            if (value.empty() || value[0] == '|' || value[0] == '>' || value[0] == '&' ||
                value[0] == '*' || value[0] == '!' || continued)
                throw several_lines();
        }
        return {at, end, number};
    }
    throw Error(fmt::format("{}:1: the front matter has no '{}'", path, key));
}

std::string replace_front_matter_value(std::string_view text, std::string_view key,
                                       std::string_view yaml, const std::string& path) {
    const ValueSpan span = front_matter_value(text, key, path);
    std::string out;
    out.reserve(text.size() + yaml.size());
    out.append(text.substr(0, span.start));
    if (span.start > 0 && text[span.start - 1] == ':')
        out += ' ';
    out.append(yaml);
    out.append(text.substr(span.end));
    return out;
}

std::string shell_quote(std::string_view text) {
    const bool plain =
        !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                "0123456789._/-+=:@,%") == std::string_view::npos;
    if (plain)
        return std::string(text);
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

} // namespace pmi
