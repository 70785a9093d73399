#include "core/frontmatter.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace pmi {

namespace {

constexpr std::size_t max_nodes = 100000;

// yaml-cpp decodes the escapes \_ and \N to the single bytes A0 and 85 rather
// than to UTF-8: turn any byte that is not part of a UTF-8 sequence into the
// code point of the same value, so scalars are always valid UTF-8.
std::string repair_utf8(const std::string& text) {
    if (util::is_valid_utf8(text))
        return text;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
        if (i + length <= text.size() &&
            util::is_valid_utf8(std::string_view(text).substr(i, length))) {
            out.append(text, i, length);
            i += length;
            continue;
        }
        out += static_cast<char>(0xC0 | (byte >> 6));
        out += static_cast<char>(0x80 | (byte & 0x3F));
        ++i;
    }
    return out;
}

int indent_of(std::string_view text, std::size_t line_start) {
    std::size_t end = line_start;
    while (end < text.size() && text[end] == ' ')
        ++end;
    return static_cast<int>(end - line_start);
}

bool blank_from(std::string_view text, std::size_t line_start) {
    for (std::size_t i = line_start; i < text.size() && text[i] != '\n'; ++i)
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

std::size_t line_start_of(std::string_view text, std::size_t pos) {
    const std::size_t newline = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    return pos == 0 || newline == std::string_view::npos ? 0 : newline + 1;
}

int line_at(std::string_view text, std::size_t pos, int first_line) {
    return first_line + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

// Where the quoted scalar opening at text[open] ends (just past its closing
// quote), or npos when it is not closed before a line that is not indented more
// than the line it opens on. YAML reads such a line as the next key or item;
// yaml-cpp would take it into the string, so `tldr: "unclosed` followed by
// `segment: smb` would lose the segment.
std::size_t quoted_scalar_end(std::string_view text, std::size_t open) {
    const char quote = text[open];
    const int indent = indent_of(text, line_start_of(text, open));
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' && quote == '"' && i + 1 < text.size() && text[i + 1] != '\n')
            ++i;
        else if (c == quote && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
            ++i;
        else if (c == quote)
            return i + 1;
        else if (c == '\n' && !blank_from(text, i + 1) && indent_of(text, i + 1) <= indent)
            return std::string_view::npos;
    }
    return std::string_view::npos;
}

YamlError unclosed_quote(std::string_view text, std::size_t open, int first_line) {
    return YamlError{line_at(text, open, first_line),
                     fmt::format("the {} that opens this value is not closed (a value that "
                                 "goes on to the next line must indent it)",
                                 text[open])};
}

// After yaml-cpp failed: an unclosed quote between `from` and `to` that starts a
// value (after "key: ", "- ", '[', '{' or ','), which is the real cause when
// there is one. Comments and closed quoted values are skipped.
std::optional<std::size_t> unclosed_quote_between(std::string_view text, std::size_t from,
                                                  std::size_t to) {
    char before = '\n'; // the last character that is not a space, on this line
    bool spaced = true; // a space since `before`
    for (std::size_t i = from; i < std::min(to, text.size()); ++i) {
        const char c = text[i];
        if (c == '\n') {
            before = '\n';
            spaced = true;
            continue;
        }
        if (c == ' ' || c == '\t') {
            spaced = true;
            continue;
        }
        if (c == '#' && spaced) {
            const std::size_t newline = text.find('\n', i);
            i = newline == std::string_view::npos ? text.size() : newline - 1;
            continue;
        }
        const bool starts_value = before == '\n' || before == '[' || before == '{' ||
                                  before == ',' || ((before == ':' || before == '-') && spaced);
        if ((c == '"' || c == '\'') && starts_value) {
            const std::size_t end = quoted_scalar_end(text, i);
            if (end == std::string_view::npos)
                return i;
            i = end - 1;
        }
        before = c;
        spaced = false;
    }
    return std::nullopt;
}

// Builds a YamlNode tree from parser events, so that duplicate keys (which
// yaml-cpp's own node builder silently drops) are seen, with their lines.
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(std::string_view text, int first_line) : text_(text), first_line_(first_line) {}

    // How far the events have read: an error found later lies after this.
    std::size_t read_up_to() const { return read_up_to_; }

    YamlNode take_root() { return std::move(root_); }
    bool has_root() const { return has_root_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        saw(mark);
        YamlNode node;
        node.line = line_of(mark);
        add(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const auto found = anchors_.find(anchor);
        if (found == anchors_.end())
            throw YamlError{line_of(mark), "alias to an unknown anchor"};
        node_count_ += count_nodes(found->second);
        if (node_count_ > max_nodes)
            throw YamlError{line_of(mark), "aliases expand to too many values"};
        YamlNode copy = found->second;
        add(std::move(copy), 0);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        YamlNode node;
        node.type = YamlNode::Type::scalar;
        node.scalar = repair_utf8(value);
        node.quoted = tag == "!";
        node.line = line_of(mark);
        saw(mark);
        if (mark.pos >= 0) {
            const auto pos = static_cast<std::size_t>(mark.pos);
            if (pos < text_.size() && (text_[pos] == '"' || text_[pos] == '\'') &&
                quoted_scalar_end(text_, pos) == std::string_view::npos)
                throw unclosed_quote(text_, pos, first_line_);
        }
        add(std::move(node), anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(YamlNode::Type::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(YamlNode::Type::map, mark, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Frame {
        YamlNode node;
        YAML::anchor_t anchor = 0;
        bool expecting_key = true;
        std::string pending_key;
        int pending_key_line = 0;
        std::unordered_map<std::string, int> key_line; // for a map: each key's line so far
    };

    int line_of(const YAML::Mark& mark) const { return first_line_ + std::max(mark.line, 0); }

    static std::size_t count_nodes(const YamlNode& node) {
        std::size_t count = 1;
        for (const auto& item : node.items)
            count += count_nodes(item);
        for (const auto& entry : node.entries)
            count += count_nodes(entry.second);
        return count;
    }

    void saw(const YAML::Mark& mark) {
        read_up_to_ = std::max(read_up_to_, static_cast<std::size_t>(std::max(mark.pos, 0)));
    }

    void open(YamlNode::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
        saw(mark);
        Frame frame;
        frame.node.type = type;
        frame.node.line = line_of(mark);
        frame.anchor = anchor;
        if (!stack_.empty() && stack_.back().node.type == YamlNode::Type::map &&
            stack_.back().expecting_key)
            complex_key(frame.node.line);
        stack_.push_back(std::move(frame));
    }

    void close() {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        add(std::move(frame.node), frame.anchor);
    }

    void add(YamlNode node, YAML::anchor_t anchor) {
        if (++node_count_ > max_nodes)
            throw YamlError{node.line, "too many values"};
        if (anchor != 0)
            anchors_[anchor] = node;
        if (stack_.empty()) {
            root_ = std::move(node);
            has_root_ = true;
            return;
        }
        Frame& parent = stack_.back();
        if (parent.node.type == YamlNode::Type::sequence) {
            parent.node.items.push_back(std::move(node));
            return;
        }
        if (parent.expecting_key) {
            const bool complex =
                node.type == YamlNode::Type::map || node.type == YamlNode::Type::sequence;
            if (complex)
                complex_key(node.line);
            else if (const auto [first, added] = parent.key_line.emplace(node.scalar, node.line);
                     !added)
                throw YamlError{node.line, "duplicate key '" + node.scalar + "' (first on line " +
                                               std::to_string(first->second) + ")"};
            parent.pending_key = node.scalar;
            parent.pending_key_line = node.line;
            parent.expecting_key = false;
            return;
        }
        parent.node.entries.emplace_back(std::move(parent.pending_key), std::move(node));
        parent.node.key_lines.push_back(parent.pending_key_line);
        parent.expecting_key = true;
    }

    // A list or map used as a key. Reported once the document is read, so that a
    // syntax error (such as an unclosed '[[') is reported instead when there is one.
    void complex_key(int line) {
        if (!key_error_)
            key_error_ = YamlError{line, "keys must be plain strings, not lists or maps"};
    }

  public:
    void throw_deferred() const {
        if (key_error_)
            throw *key_error_;
    }

  private:
    std::string_view text_;
    int first_line_;
    std::size_t read_up_to_ = 0;
    std::optional<YamlError> key_error_;
    std::vector<Frame> stack_;
    std::map<YAML::anchor_t, YamlNode> anchors_;
    std::size_t node_count_ = 0;
    YamlNode root_;
    bool has_root_ = false;
};

// The fast path: front matter as pmi writes it and as people usually type it,
// read without yaml-cpp. `key: value` lines at column 0 whose value is a
// one-line plain or quoted scalar, a one-line flow list or map of such
// scalars, or nothing (null, or a block list of such values on the lines
// below); blank and comment lines. Anything else, and anything yaml-cpp might
// read differently or reject (tabs, control characters, escapes other than \"
// and \\, null-like words, duplicate keys, continued lines...), is declined and
// left to yaml-cpp. tests/unit/test_core_frontmatter.cpp and fuzz_note check
// that the two agree.
class SimpleYaml {
  public:
    SimpleYaml(std::string_view text, int first_line) : text_(text), first_line_(first_line) {}

    std::optional<YamlNode> parse() {
        if (!plain_text(text_))
            return std::nullopt;
        split_lines();
        YamlNode root;
        root.type = YamlNode::Type::map;
        std::size_t i = next_content(0);
        if (i == lines_.size())
            return std::nullopt; // no keys: yaml-cpp's empty document
        root.line = line_number(i);
        std::unordered_set<std::string> keys;
        while (i < lines_.size()) {
            std::string_view line = lines_[i];
            std::string key;
            if (!take_key(line, key) || !keys.insert(key).second)
                return std::nullopt;
            root.key_lines.push_back(line_number(i));
            YamlNode value;
            if (!rest_is_empty(line)) {
                if (!block_value(line, line_number(i), value))
                    return std::nullopt;
                i = next_content(i + 1);
            } else {
                i = empty_value(i, value);
                if (i == failed)
                    return std::nullopt;
            }
            root.entries.emplace_back(std::move(key), std::move(value));
        }
        return root;
    }

  private:
    static constexpr std::size_t failed = static_cast<std::size_t>(-1);

    // Only printable text, with no characters YAML treats as breaks, marks or
    // byte order marks.
    static bool plain_text(std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if ((byte < 0x20 && byte != '\n') || byte == 0x7F)
                return false;
            if (byte == 0xC2 && i + 1 < text.size() &&
                static_cast<unsigned char>(text[i + 1]) < 0xA0)
                return false; // C1 controls, NEL
            if (byte == 0xE2 && text.substr(i, 3) >= "\xE2\x80\xA8" &&
                text.substr(i, 3) <= "\xE2\x80\xA9")
                return false; // line and paragraph separators
            if (byte == 0xEF &&
                (text.substr(i, 3) == "\xEF\xBB\xBF" || text.substr(i, 3) == "\xEF\xBF\xBE" ||
                 text.substr(i, 3) == "\xEF\xBF\xBF"))
                return false;
        }
        return util::is_valid_utf8(text);
    }

    void split_lines() {
        std::size_t start = 0;
        while (start < text_.size()) {
            const std::size_t end = std::min(text_.find('\n', start), text_.size());
            lines_.push_back(text_.substr(start, end - start));
            start = end + 1;
        }
        end_line_ = first_line_ + static_cast<int>(std::count(text_.begin(), text_.end(), '\n'));
    }

    int line_number(std::size_t i) const {
        return i < lines_.size() ? first_line_ + static_cast<int>(i) : end_line_;
    }

    static bool is_blank_or_comment(std::string_view line) {
        const std::size_t first = line.find_first_not_of(' ');
        return first == std::string_view::npos || line[first] == '#';
    }

    std::size_t next_content(std::size_t i) const {
        while (i < lines_.size() && is_blank_or_comment(lines_[i]))
            ++i;
        return i;
    }

    static bool is_key_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    }

    static bool is_null_word(std::string_view word) {
        return word.empty() || word == "~" || word == "null" || word == "Null" || word == "NULL";
    }

    // "key:" at the start of `rest`, followed by a space or the end of the
    // line; consumes it.
    static bool take_key(std::string_view& rest, std::string& key) {
        std::size_t end = 0;
        while (end < rest.size() && is_key_char(rest[end]))
            ++end;
        if (end == 0 || rest[0] == '-' || end >= rest.size() || rest[end] != ':' ||
            (end + 1 < rest.size() && rest[end + 1] != ' '))
            return false;
        key = rest.substr(0, end);
        if (is_null_word(key))
            return false;
        rest.remove_prefix(end + 1);
        return true;
    }

    // Only spaces, then the end or a comment.
    static bool rest_is_empty(std::string_view rest) {
        const std::size_t first = rest.find_first_not_of(' ');
        return first == std::string_view::npos || (rest[first] == '#' && first > 0);
    }

    static bool starts_plain(char c) {
        constexpr std::string_view indicators = " ,[]{}#&*!|>'\"%@`-?:~";
        return indicators.find(c) == std::string_view::npos;
    }

    static YamlNode scalar(std::string text, int line, bool quoted) {
        YamlNode node;
        node.type = YamlNode::Type::scalar;
        node.scalar = std::move(text);
        node.quoted = quoted;
        node.line = line;
        return node;
    }

    // A quoted scalar at the start of `rest`; consumes it. Throws for one that
    // is never closed.
    bool quoted(std::string_view& rest, int line, YamlNode& out) const {
        const char quote = rest[0];
        std::string text;
        std::size_t i = 1;
        for (; i < rest.size(); ++i) {
            const char c = rest[i];
            if (c == quote) {
                if (quote == '\'' && i + 1 < rest.size() && rest[i + 1] == '\'') {
                    text += '\'';
                    ++i;
                    continue;
                }
                break;
            }
            if (quote == '"' && c == '\\') {
                if (i + 1 >= rest.size() || (rest[i + 1] != '"' && rest[i + 1] != '\\'))
                    return false;
                text += rest[++i];
                continue;
            }
            text += c;
        }
        if (i >= rest.size()) {
            const auto open = static_cast<std::size_t>(rest.data() - text_.data());
            if (quoted_scalar_end(text_, open) == std::string_view::npos)
                throw unclosed_quote(text_, open, first_line_);
            return false; // continues on the next line
        }
        rest.remove_prefix(i + 1);
        out = scalar(std::move(text), line, true);
        return true;
    }

    // A plain scalar filling the rest of a line, up to a comment.
    static bool block_plain(std::string_view rest, int line, YamlNode& out) {
        if (!starts_plain(rest[0]))
            return false;
        const std::size_t comment = rest.find(" #");
        std::string_view text = rest.substr(0, comment);
        text = text.substr(0, text.find_last_not_of(' ') + 1);
        if (text.find(": ") != std::string_view::npos || text.back() == ':' || is_null_word(text))
            return false;
        out = scalar(std::string(text), line, false);
        return true;
    }

    // A plain scalar inside [...] or {...}: up to the next ',', ']' or '}'.
    static bool flow_plain(std::string_view& rest, int line, YamlNode& out) {
        if (rest.empty() || !starts_plain(rest[0]))
            return false;
        const std::size_t end = rest.find_first_of(",]}[{#:?'\"");
        if (end == std::string_view::npos ||
            (rest[end] != ',' && rest[end] != ']' && rest[end] != '}'))
            return false;
        std::string_view text = rest.substr(0, end);
        text = text.substr(0, text.find_last_not_of(' ') + 1);
        if (is_null_word(text))
            return false;
        out = scalar(std::string(text), line, false);
        rest.remove_prefix(end);
        return true;
    }

    static void skip_spaces(std::string_view& rest) {
        const std::size_t first = rest.find_first_not_of(' ');
        rest.remove_prefix(first == std::string_view::npos ? rest.size() : first);
    }

    bool flow_scalar(std::string_view& rest, int line, YamlNode& out) const {
        if (rest.empty())
            return false;
        return (rest[0] == '"' || rest[0] == '\'') ? quoted(rest, line, out)
                                                   : flow_plain(rest, line, out);
    }

    // [a, "b"] or {k: v, k2: 'w'} on one line, at the start of `rest`; consumes it.
    bool flow_collection(std::string_view& rest, int line, YamlNode& out) const {
        const bool is_map = rest[0] == '{';
        const char close = is_map ? '}' : ']';
        out = YamlNode();
        out.type = is_map ? YamlNode::Type::map : YamlNode::Type::sequence;
        out.line = line;
        rest.remove_prefix(1);
        skip_spaces(rest);
        if (!rest.empty() && rest[0] == close) {
            rest.remove_prefix(1);
            return true;
        }
        std::unordered_set<std::string> keys;
        while (true) {
            YamlNode item;
            std::string key;
            if (is_map && (!take_key(rest, key) || rest.empty() || !keys.insert(key).second))
                return false;
            skip_spaces(rest);
            if (!flow_scalar(rest, line, item))
                return false;
            if (is_map) {
                out.key_lines.push_back(line);
                out.entries.emplace_back(std::move(key), std::move(item));
            } else {
                out.items.push_back(std::move(item));
            }
            skip_spaces(rest);
            if (rest.empty())
                return false;
            if (rest[0] == close) {
                rest.remove_prefix(1);
                return true;
            }
            if (rest[0] != ',')
                return false;
            rest.remove_prefix(1);
            skip_spaces(rest);
            if (rest.empty() || rest[0] == close || rest[0] == ',')
                return false;
        }
    }

    // The value after "key:" or "- " on the same line (`rest` starts with the space).
    bool block_value(std::string_view rest, int line, YamlNode& out) const {
        skip_spaces(rest);
        if (rest.empty() || rest[0] == '#')
            return false;
        if (rest[0] == '[' || rest[0] == '{') {
            if (!flow_collection(rest, line, out))
                return false;
            return rest_is_empty(rest) || rest.empty();
        }
        if (rest[0] == '"' || rest[0] == '\'') {
            if (!quoted(rest, line, out))
                return false;
            return rest.empty() || rest_is_empty(rest);
        }
        return block_plain(rest, line, out);
    }

    // After "key:" with nothing on its line: null, or a block list below.
    // Returns the next line to read, or `failed`.
    std::size_t empty_value(std::size_t i, YamlNode& out) {
        const std::size_t next = next_content(i + 1);
        if (next == lines_.size() || (lines_[next][0] != ' ' && lines_[next][0] != '-')) {
            out = YamlNode();
            out.line = line_number(next);
            return next;
        }
        const std::string_view first = lines_[next];
        const std::size_t indent = first.find_first_not_of(' ');
        out = YamlNode();
        out.type = YamlNode::Type::sequence;
        out.line = line_number(next);
        std::size_t j = next;
        while (j < lines_.size()) {
            std::string_view line = lines_[j];
            if (line.size() < indent + 2 || line.find_first_not_of(' ') != indent ||
                line.compare(indent, 2, "- ") != 0)
                break;
            YamlNode item;
            if (!block_value(line.substr(indent + 1), line_number(j), item))
                return failed;
            out.items.push_back(std::move(item));
            j = next_content(j + 1);
        }
        // What follows the list starts a new key at column 0.
        if (j < lines_.size() && (lines_[j][0] == ' ' || lines_[j][0] == '-'))
            return failed;
        return j;
    }

    std::string_view text_;
    int first_line_;
    int end_line_ = 0;
    std::vector<std::string_view> lines_;
};

// yaml-cpp's messages start with "yaml-cpp: error at line …"; keep only the reason.
std::string reason_of(const YAML::Exception& error) {
    return error.msg.empty() ? std::string("invalid YAML") : error.msg;
}

} // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
    for (const auto& entry : entries)
        if (entry.first == key)
            return &entry.second;
    return nullptr;
}

YamlNode parse_yaml(std::string_view text, int first_line) {
    if (auto simple = SimpleYaml(text, first_line).parse())
        return std::move(*simple);
    return parse_yaml_with_yaml_cpp(text, first_line);
}

std::optional<YamlNode> parse_simple_yaml(std::string_view text, int first_line) {
    return SimpleYaml(text, first_line).parse();
}

YamlNode parse_yaml_with_yaml_cpp(std::string_view text, int first_line) {
    std::istringstream input{std::string(text)};
    TreeBuilder builder(text, first_line);
    try {
        YAML::Parser parser(input);
        if (!parser.HandleNextDocument(builder))
            return {};
        builder.throw_deferred();
        TreeBuilder second(text, first_line);
        if (parser.HandleNextDocument(second))
            throw YamlError{first_line, "more than one YAML document"};
    } catch (const YAML::DeepRecursion& error) {
        throw YamlError{first_line + std::max(error.mark.line, 0), "values nested too deeply"};
    } catch (const YAML::Exception& error) {
        // The scanner reads ahead of the events: an unclosed quote it read
        // through is the cause of what it reports later.
        const std::size_t to =
            error.mark.pos >= 0 ? static_cast<std::size_t>(error.mark.pos) + 1 : text.size();
        if (const auto open = unclosed_quote_between(text, builder.read_up_to(), to))
            throw unclosed_quote(text, *open, first_line);
        throw YamlError{first_line + std::max(error.mark.line, 0), reason_of(error)};
    }
    return builder.take_root();
}

std::string describe_yaml(const YamlNode& node) {
    std::string out = std::string(type_name(node.type)) + "@" + std::to_string(node.line);
    if (node.quoted)
        out += " quoted";
    if (node.type == YamlNode::Type::scalar)
        out += " " + yaml_quote(node.scalar);
    for (const auto& item : node.items)
        out += " [" + describe_yaml(item) + "]";
    for (std::size_t i = 0; i < node.entries.size(); ++i) {
        const int line = i < node.key_lines.size() ? node.key_lines[i] : -1;
        out += " {" + yaml_quote(node.entries[i].first) + "@" + std::to_string(line) + ": " +
               describe_yaml(node.entries[i].second) + "}";
    }
    if (node.key_lines.size() != node.entries.size())
        out += " (key lines do not match keys)";
    return out;
}

const char* type_name(YamlNode::Type type) {
    switch (type) {
    case YamlNode::Type::null: return "empty";
    case YamlNode::Type::scalar: return "a string";
    case YamlNode::Type::sequence: return "a list";
    case YamlNode::Type::map: return "a map";
    }
    return "unknown";
}

std::string yaml_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20 || byte == 0x7F) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
                out += buffer;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

static bool safe_plain_in_flow(const std::string& text) {
    if (text.empty())
        return false;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/' ||
                        c == ' ' || c == '+';
        if (!ok)
            return false;
    }
    return text.front() != ' ' && text.back() != ' ' && text.front() != '-';
}

std::string yaml_flow(const YamlNode& node) {
    switch (node.type) {
    case YamlNode::Type::null: return "null";
    case YamlNode::Type::scalar:
        return (node.quoted || !safe_plain_in_flow(node.scalar)) ? yaml_quote(node.scalar)
                                                                 : node.scalar;
    case YamlNode::Type::sequence: {
        std::string out = "[";
        for (std::size_t i = 0; i < node.items.size(); ++i)
            out += (i ? ", " : "") + yaml_flow(node.items[i]);
        return out + "]";
    }
    case YamlNode::Type::map: {
        std::string out = "{";
        for (std::size_t i = 0; i < node.entries.size(); ++i) {
            const auto& [key, value] = node.entries[i];
            const std::string written = safe_plain_in_flow(key) ? key : yaml_quote(key);
            // YAML limits implicit keys to 1024 characters; longer ones need "? key : value".
            out += (i ? ", " : "") +
                   (written.size() < 1000 ? written + ": " : "? " + written + " : ") +
                   yaml_flow(value);
        }
        return out + "}";
    }
    }
    return "null";
}

} // namespace pmi
