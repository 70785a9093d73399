#pragma once

#include <string>
#include <string_view>

namespace pmi {

// Where the value of a top-level front-matter key is, on its line: bytes
// [start, end) of the text. `line` is 1-based.
struct ValueSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    int line = 0;
};

// Finds the value of `key` in the front matter: a plain, quoted or flow value
// on the key's own line (a trailing comment and the line ending are not part of
// it). Throws pmi::Error, naming `path` and the line, when the key is absent
// or its value goes on over several lines (a block list, a folded string).
ValueSpan front_matter_value(std::string_view text, std::string_view key, const std::string& path);

// The text with that value replaced by `yaml`; every other byte kept.
std::string replace_front_matter_value(std::string_view text, std::string_view key,
                                       std::string_view yaml, const std::string& path);

// `text` as one shell word: unchanged when it is plain, else single-quoted, so
// a command pmi prints can be pasted as is.
std::string shell_quote(std::string_view text);

} // namespace pmi
