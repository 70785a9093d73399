#include "core/tag_rename.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/edit.hpp"
#include "core/error.hpp"
#include "core/frontmatter.hpp"
#include "core/tags.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

// One item of a flow list or block list as written, and its value.
struct Item {
    std::string text;  // as written
    std::string value; // as YAML reads it
};

std::string unquote(std::string_view text) {
    text = util::trim(text);
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < text.size(); ++i) {
            out += text[i];
            if (text[i] == '\'' && text[i + 1] == '\'')
                ++i;
        }
        return out;
    }
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        // Simple escapes only; anything else is read through the YAML parser.
        if (text.find('\\') == std::string_view::npos)
            return std::string(text.substr(1, text.size() - 2));
        const YamlNode node = parse_yaml(fmt::format("v: {}", text), 1);
        const YamlNode* value = node.find("v");
        return value ? value->scalar : std::string(text);
    }
    return std::string(text);
}

// The items of a flow list "[a, 'b', "c, d"]".
std::vector<Item> flow_items(std::string_view list) {
    std::vector<Item> items;
    const std::string_view inside = list.substr(1, list.size() - 2);
    std::size_t start = 0;
    char quote = 0;
    for (std::size_t i = 0; i <= inside.size(); ++i) {
        const char c = i < inside.size() ? inside[i] : ',';
        if (quote) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == ',') {
            const std::string text(util::trim(inside.substr(start, i - start)));
            if (!text.empty())
                items.push_back({text, unquote(text)});
            start = i + 1;
        }
    }
    return items;
}

// The new tag written as `like` was: quoted if it was, else plain when safe.
std::string written_like(const std::string& like, const std::string& tag) {
    const bool quoted = !like.empty() && (like[0] == '"' || like[0] == '\'');
    const bool plain_safe =
        !tag.empty() && std::isalnum(static_cast<unsigned char>(tag[0])) &&
        tag.find_first_not_of(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-.") ==
            std::string::npos &&
        tag.back() != ' ' && unquote(tag) == tag;
    return quoted || !plain_safe ? yaml_quote(tag) : tag;
}

// Renames within a list of items; false when none matched.
bool rename_items(std::vector<Item>& items, const std::set<std::string>& from,
                  const std::string& to) {
    bool changed = false;
    bool has_to = false;
    std::vector<Item> out;
    for (auto& item : items) {
        const std::string value(util::trim(item.value));
        if (from.count(value)) {
            changed = true;
            if (has_to)
                continue;
            item = {written_like(item.text, to), to};
        }
        if (util::trim(item.value) == to) {
            if (has_to)
                continue; // a duplicate the rename made
            has_to = true;
        }
        out.push_back(std::move(item));
    }
    if (changed)
        items = std::move(out);
    return changed;
}

// The index of the quote closing the quoted scalar opening at `open` ("..."
// with backslash escapes, '...' with '' for a quote), or npos.
std::size_t closing_quote(std::string_view text, std::size_t open) {
    const char quote = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (quote == '"' && text[i] == '\\')
            ++i;
        else if (text[i] == quote) {
            if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
                ++i;
            else
                return i;
        }
    }
    return std::string_view::npos;
}

std::optional<std::string> rename_in_block(std::string_view text, std::size_t key_line_end,
                                           const std::set<std::string>& from,
                                           const std::string& to) {
    // The item lines after "tags:": "  - value".
    struct Line {
        std::size_t start, end, value_start, value_end;
    };
    std::vector<Line> lines;
    std::size_t start = text.find('\n', key_line_end);
    start = start == std::string_view::npos ? text.size() : start + 1;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        std::size_t content_end = end;
        while (content_end > start &&
               (text[content_end - 1] == '\n' || text[content_end - 1] == '\r'))
            --content_end;
        std::size_t i = start;
        while (i < content_end && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i + 1 >= content_end || text[i] != '-' || text[i + 1] != ' ')
            break;
        i += 2;
        while (i < content_end && text[i] == ' ')
            ++i;
        std::size_t value_end = content_end;
        if (i < content_end && (text[i] == '"' || text[i] == '\'')) {
            // A comment after the closing quote stays outside the value.
            if (const std::size_t close = closing_quote(text.substr(0, content_end), i);
                close != std::string_view::npos)
                value_end = close + 1;
        } else {
            const std::size_t comment = text.substr(i, content_end - i).find(" #");
            if (comment != std::string_view::npos)
                value_end = i + comment;
            while (value_end > i && (text[value_end - 1] == ' ' || text[value_end - 1] == '\t'))
                --value_end;
        }
        lines.push_back({start, end, i, value_end});
        start = end;
    }
    bool changed = false;
    bool has_to = false;
    std::string out(text.substr(0, lines.empty() ? text.size() : lines.front().start));
    for (const auto& line : lines) {
        const std::string written(
            util::trim(text.substr(line.value_start, line.value_end - line.value_start)));
        const std::string value(util::trim(unquote(written)));
        std::string item = written;
        if (from.count(value)) {
            changed = true;
            item = written_like(written, to);
        } else if (value != to) {
            out.append(text.substr(line.start, line.end - line.start));
            continue;
        }
        if (has_to)
            continue; // the rename made a duplicate: merged
        has_to = true;
        out.append(text.substr(line.start, line.value_start - line.start));
        out.append(item);
        out.append(text.substr(line.value_end, line.end - line.value_end));
    }
    if (!changed)
        return std::nullopt;
    out.append(text.substr(lines.empty() ? text.size() : lines.back().end));
    return out;
}

} // namespace

std::optional<std::string> rename_tag_in_note(std::string_view text,
                                              const std::set<std::string>& from,
                                              const std::string& to, const std::string& path) {
    ValueSpan span;
    try {
        span = front_matter_value(text, "tags", path);
    } catch (const Error&) {
        // An empty value followed by "- item" lines: a block list.
        std::size_t closing = text.find("\n---", 3);
        while (closing != std::string_view::npos && closing + 4 < text.size() &&
               text[closing + 4] != '\n' && text[closing + 4] != '\r')
            closing = text.find("\n---", closing + 1);
        const std::size_t key = text.find("\ntags:");
        if (key == std::string_view::npos || closing == std::string_view::npos || key > closing)
            return std::nullopt;
        std::size_t after = key + 6;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t'))
            ++after;
        if (after < text.size() && text[after] != '\n' && text[after] != '\r')
            throw;
        return rename_in_block(text, key + 1, from, to);
    }
    const std::string_view value = text.substr(span.start, span.end - span.start);
    std::string replacement;
    if (!value.empty() && value.front() == '[') {
        std::vector<Item> items = flow_items(value);
        if (!rename_items(items, from, to))
            return std::nullopt;
        std::vector<std::string> texts;
        for (const auto& item : items)
            texts.push_back(item.text);
        replacement = "[" + util::join(texts, ", ") + "]";
    } else if (!value.empty() && value.front() == '{') {
        throw Error(fmt::format("{}:{}: 'tags' is a map, not a list", path, span.line));
    } else {
        if (!from.count(unquote(value)))
            return std::nullopt;
        replacement = written_like(std::string(value), to);
    }
    std::string out(text.substr(0, span.start));
    out += replacement;
    out.append(text.substr(span.end));
    return out;
}

std::set<std::string> tag_spellings(const std::vector<Note>& notes, const std::string& old,
                                    bool variants) {
    std::set<std::string> spellings{old};
    if (!variants)
        return spellings;
    const std::string key = util::tag_key(old);
    for (const auto& note : notes)
        for (const auto& tag : distinct_tags(note))
            if (util::tag_key(tag) == key)
                spellings.insert(tag);
    return spellings;
}

int tags_key_line(std::string_view text) {
    const auto lines = util::split(text, '\n');
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = util::trim(lines[i]);
        if (line == "---")
            break;
        if (lines[i].starts_with("tags:"))
            return static_cast<int>(i) + 1;
    }
    return 0;
}

int first_changed_line(std::string_view before, std::string_view after) {
    const auto a = util::split(before, '\n');
    const auto b = util::split(after, '\n');
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    return static_cast<int>(prefix) + 1;
}

std::string unified_diff(std::string_view before, std::string_view after, const std::string& path) {
    const auto a = util::split(before, '\n');
    const auto b = util::split(after, '\n');
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    std::string out =
        fmt::format("--- a/{}\n+++ b/{}\n@@ -{},{} +{},{} @@\n", path, path, prefix + 1,
                    a.size() - prefix - suffix, prefix + 1, b.size() - prefix - suffix);
    for (std::size_t i = prefix; i < a.size() - suffix; ++i)
        out += "-" + a[i] + "\n";
    for (std::size_t i = prefix; i < b.size() - suffix; ++i)
        out += "+" + b[i] + "\n";
    return out;
}

} // namespace pmi
