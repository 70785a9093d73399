#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/note.hpp"
#include "core/query.hpp"
#include "core/search_index.hpp"
#include "core/search_query.hpp"

namespace pmi {

// A line of a note's text that is shown: its number, and where it is in the
// text (without its line ending).
struct ShownLine {
    std::size_t number = 0;
    std::size_t start = 0;
    std::size_t size = 0;
};

// A note that matches a search.
struct SearchResult {
    Note note;
    double score = 0;             // bm25: lower is more relevant
    std::vector<LineMatch> lines; // the lines holding a searched word
    // With SearchLines::matching (or while visit_with_lines visits it): the
    // note's text, and its matching lines and the lines of context around
    // them, by line number.
    std::string text;
    std::vector<ShownLine> shown;
};

// The text of line `number` among a result's shown lines; nullopt if not kept.
std::optional<std::string_view> shown_line(const SearchResult& result, std::size_t number);
// The same for lines asked for in increasing order: the search starts at
// result.shown[from], and `from` is left where line `number` is or would be.
std::optional<std::string_view> shown_line(const SearchResult& result, std::size_t number,
                                           std::size_t& from);

enum class SearchOrder { newest, rank };
enum class SearchLines { none, matching };

struct SearchOptions {
    SearchOrder order = SearchOrder::newest;
    SearchLines lines = SearchLines::none;
    std::size_t context = 0;         // lines kept around each matching line
    Scoring scoring = Scoring::bm25; // each result's score; always with SearchOrder::rank
    IndexProgress progress;
};

// Searches the notes (the valid notes of the tree, with their stamps when
// known, as load_notes gives them: the index is brought up to date with them)
// and returns those the filter selects that match, newest first or in the
// order asked. Warnings about the index (rebuilt) are appended to `warnings`.
std::vector<SearchResult> search_notes(const Config& config, std::vector<Note> notes,
                                       const std::vector<std::optional<FileStamp>>& stamps,
                                       const NoteFilter& filter, const SearchQuery& query,
                                       const SearchOptions& options,
                                       std::vector<std::string>& warnings);

// Finds the lines of each result, as SearchLines::matching does, and passes
// the results to `visit` in order; a result's text and lines are let go after
// its visit, so a search that matches every note never holds the tree. The
// files are read and matched a batch at a time on up to two threads; what
// `visit` sees does not depend on them.
void visit_with_lines(const Config& config, const SearchQuery& query, std::size_t context,
                      std::vector<SearchResult>& results,
                      const std::function<void(const SearchResult&)>& visit);

// --match: keeps the notes of `selected` that match the query (whose syntax
// errors throw pmi::Error); `notes` are all the valid notes of the tree.
std::vector<Note> keep_matching(const Config& config, const std::vector<Note>& notes,
                                std::vector<Note> selected, const std::string& query,
                                std::vector<std::string>& warnings);

// The fields `search --by` groups by.
inline constexpr const char* evidence_fields[] = {"customer", "segment", "product",
                                                  "pm",       "tag",     "kind"};

// One value of the grouping field: how many distinct customers and notes, the latest date.
struct EvidenceRow {
    std::string value; // "(none)" for notes without one
    std::size_t customers = 0;
    std::size_t notes = 0;
    Date latest;
};

// The evidence table: who said it, per value of a field, and in all.
struct Evidence {
    std::string field;
    std::vector<EvidenceRow> rows; // most customers first, then most notes, then by value
    std::size_t customers = 0;
    std::size_t segments = 0;
    std::size_t notes = 0;
    Date first;
    Date latest;
};

Evidence gather_evidence(const std::vector<SearchResult>& results, const std::string& field);

} // namespace pmi
