#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace util {

inline bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}
inline bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// A space or a tab: what separates words within a markdown line.
inline bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// Whitespace (space, tab, CR, LF) removed from both ends.
std::string_view trim(std::string_view text);

// Trimmed, with each run of whitespace (line breaks included) as one space.
std::string one_line(std::string_view text);

bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string to_lower_ascii(std::string_view text);

std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
bool contains(const std::vector<std::string>& items, std::string_view item);

// The longest slug: a note's name (slug, date, "-N", ".md") plus the suffixes
// of its temporary file stay within the 255 bytes of a file name.
inline constexpr std::size_t max_slug_bytes = 200;

// Lowercase ASCII letters and digits separated by single dashes. Latin accents
// are folded ("Café" -> "cafe"); letters of other scripts are kept as written
// ("日本"); punctuation, spaces and symbols become a separator, so the result
// can never contain '/', '.' or other path syntax. At most max_slug_bytes.
std::string slugify(std::string_view text);

// A tag's comparison key: lowercase, with spaces, dashes and underscores removed,
// so "Security Config" and "security-config" compare equal.
std::string tag_key(std::string_view tag);

// tag_key after folding what looks alike: letters of other scripts that look
// Latin (a Cyrillic 'а', a Greek 'ο'), fullwidth forms, accents, and invisible
// or unusual spaces and dashes. "nаvigation" written with a Cyrillic а has the
// key of "navigation".
std::string lookalike_key(std::string_view tag);

// Whether `text` holds a character lookalike_key folds from another script or
// from an invisible or unusual space or dash (accents do not count).
bool has_lookalike_letters(std::string_view text);

// Damerau-free Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

// Like edit_distance, but swapping two adjacent characters is one edit
// (optimal string alignment): "lsit" is 1 from "list".
std::size_t damerau_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` by damerau_distance, ignoring ASCII case, if it
// is within `max_distance` edits (ties: the first); empty when none is.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates,
                          std::size_t max_distance = 2);

bool is_valid_utf8(std::string_view text);

// Decodes one UTF-8 code point at text[i] into `cp`; returns its length in
// bytes, or 0 when the bytes there are not valid UTF-8 (overlong, surrogate…).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp);

// Invisible characters that change how a line is shown: bidi embeddings,
// overrides, isolates and marks, and the Unicode line/paragraph separators
// (which JavaScript reads as line breaks).
bool is_invisible_control(char32_t cp);

// Display width in terminal columns: one per UTF-8 code point.
std::size_t display_width(std::string_view text);

std::optional<long> parse_long(std::string_view text);

} // namespace util
