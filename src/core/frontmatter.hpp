#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pmi {

struct YamlEntry;

// A YAML value read from front matter or config, with the file line it starts on.
// This module is the only user of yaml-cpp.
struct YamlNode {
    enum class Type { null, scalar, sequence, map };
    Type type = Type::null;
    std::string scalar;
    bool quoted = false; // the scalar was written quoted (so never a number or boolean)
    int line = 0;        // 1-based line in the file
    std::vector<YamlNode> items;
    std::vector<YamlEntry> entries; // a map's keys and values, in file order
    std::vector<int> key_lines;     // for a map: the line of each entry's key

    const YamlNode* find(std::string_view key) const;
};

// One key and value of a map. (Not a std::pair: a pair of an incomplete
// YamlNode does not compile with clang and libstdc++.)
struct YamlEntry {
    YamlEntry(std::string key, YamlNode value) : first(std::move(key)), second(std::move(value)) {}
    std::string first;
    YamlNode second;
};

// Thrown for text that is not valid YAML, with the file line of the problem.
struct YamlError {
    int line;
    std::string message;
};

// Parses one YAML document. `first_line` is the file line of the text's first line.
// Rejects duplicate keys, non-scalar keys, more than one document, aliases that
// expand beyond a sane size, and a quoted value not closed before a line that is
// not indented more than its own (reported at the line where it opens). Throws
// YamlError.
YamlNode parse_yaml(std::string_view text, int first_line);

// The two ways parse_yaml reads: the fast path for common front matter, which
// declines (nullopt) anything else, and yaml-cpp, which reads everything. For
// inputs the fast path accepts, both give the same tree; where the fast path
// throws (an unclosed quote), yaml-cpp throws the same error.
std::optional<YamlNode> parse_simple_yaml(std::string_view text, int first_line);
YamlNode parse_yaml_with_yaml_cpp(std::string_view text, int first_line);

// Every detail of a tree (types, lines, quoting, keys), for comparing trees.
std::string describe_yaml(const YamlNode& node);

const char* type_name(YamlNode::Type type);

// A double-quoted YAML string that every YAML 1.1 and 1.2 reader reads back as
// exactly `text`.
std::string yaml_quote(std::string_view text);

// The value in YAML flow style: scalars the author quoted stay quoted.
std::string yaml_flow(const YamlNode& node);

} // namespace pmi
