#include "core/frontmatter.hpp"

#include <cstdio>
#include <map>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace pmi {

namespace {

constexpr std::size_t max_nodes = 100000;

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
        node.scalar = value;
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
            throw YamlError{frame.node.line, "keys must be plain strings, not lists or maps"};
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
            if (node.type == YamlNode::Type::map || node.type == YamlNode::Type::sequence)
                throw YamlError{node.line, "keys must be plain strings, not lists or maps"};
            for (const auto& entry : parent.node.entries)
                if (entry.first == node.scalar)
                    throw YamlError{node.line, "duplicate key '" + node.scalar +
                                                   "' (first on line " +
                                                   std::to_string(entry.second.line) + ")"};
            parent.pending_key = node.scalar;
            parent.expecting_key = false;
            return;
        }
        parent.node.entries.emplace_back(std::move(parent.pending_key), std::move(node));
        parent.expecting_key = true;
    }

    int first_line_;
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
        TreeBuilder second(first_line);
        if (parser.HandleNextDocument(second))
            throw YamlError{first_line, "more than one YAML document"};
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
            out += (i ? ", " : "") + (safe_plain_in_flow(key) ? key : yaml_quote(key)) + ": " +
                   yaml_flow(value);
        }
        return out + "}";
    }
    }
    return "null";
}

} // namespace pmi
