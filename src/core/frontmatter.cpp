#include "core/frontmatter.hpp"

#include "util/strings.hpp"

#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
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

// Builds a YamlNode tree from parser events, so that duplicate keys (which
// yaml-cpp's own node builder silently drops) are seen, with their lines.
class TreeBuilder : public YAML::EventHandler {
  public:
    explicit TreeBuilder(int first_line) : first_line_(first_line) {}

    YamlNode take_root() { return std::move(root_); }
    bool has_root() const { return has_root_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
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

    void open(YamlNode::Type type, const YAML::Mark& mark, YAML::anchor_t anchor) {
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
            for (const auto& entry : parent.node.entries)
                if (!complex && entry.first == node.scalar)
                    throw YamlError{node.line, "duplicate key '" + node.scalar +
                                                   "' (first on line " +
                                                   std::to_string(entry.second.line) + ")"};
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
    int first_line_;
    std::optional<YamlError> key_error_;
    std::vector<Frame> stack_;
    std::map<YAML::anchor_t, YamlNode> anchors_;
    std::size_t node_count_ = 0;
    YamlNode root_;
    bool has_root_ = false;
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
    std::istringstream input{std::string(text)};
    TreeBuilder builder(first_line);
    try {
        YAML::Parser parser(input);
        if (!parser.HandleNextDocument(builder))
            return {};
        builder.throw_deferred();
        TreeBuilder second(first_line);
        if (parser.HandleNextDocument(second))
            throw YamlError{first_line, "more than one YAML document"};
    } catch (const YAML::DeepRecursion& error) {
        throw YamlError{first_line + std::max(error.mark.line, 0), "values nested too deeply"};
    } catch (const YAML::Exception& error) {
        throw YamlError{first_line + std::max(error.mark.line, 0), reason_of(error)};
    }
    return builder.take_root();
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
