#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/search.hpp"
#include "render/format.hpp"

namespace pmi {

// What `pmi search` found, with how many lines around each match to show.
struct SearchHits {
    std::vector<SearchResult> results;
    std::size_t context = 0;
    // When set, text and JSON take the results from it, each with its lines
    // found as it comes (visit_with_lines), rather than from `results`.
    std::function<void(const std::function<void(const SearchResult&)>&)> each;
};

// Like ripgrep's, grouped by note: a heading, then `path:line: text` for each
// matching line (matches highlighted in colour), `path-line- text` around it.
void search_text(std::ostream& out, const SearchHits& hits, const View& view);
void search_json(std::ostream& out, const SearchHits& hits, const View& view);
// One path a line.
void search_paths(std::ostream& out, const SearchHits& hits, const View& view);

inline const StreamFormatTable<SearchHits> search_formats = {
    {Format::text, search_text}, {Format::json, search_json}, {Format::paths, search_paths}};

// The evidence table of `search --by`: distinct customers and notes per value.
std::string evidence_text(const Evidence& evidence, const View& view);
std::string evidence_json(const Evidence& evidence, const View& view);

// --by with --format paths shows the table, as text does.
inline const FormatTable<Evidence> evidence_formats = {{Format::text, evidence_text},
                                                       {Format::json, evidence_json}};

} // namespace pmi
