#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pmi {

// A search query as the user wrote it, translated for SQLite FTS5. The user's
// syntax: words (ANDed), "exact phrase", prefix*, OR, -word or NOT word, and
// parentheses. Every word and phrase is passed to FTS5 as a quoted string, so
// nothing the user types (NEAR(, col:, ^, +) is ever FTS5 syntax.
// A word or phrase to find, as written; `prefix` for word*.
struct SearchWord {
    std::string text;
    bool prefix = false;
};

struct SearchQuery {
    std::string match;             // the whole query, an FTS5 expression
    std::vector<SearchWord> words; // the words and phrases to find, not those left out
};

// Throws pmi::Error with a message for the user (never SQLite's) when the query
// cannot be parsed: unbalanced quotes or parentheses, a dangling OR or NOT,
// only excluded words, nothing to search for.
SearchQuery parse_search_query(std::string_view text);

} // namespace pmi
