#include "core/search.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/query.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

std::unordered_map<std::string, double>
matching_paths(const Config& config, const std::vector<Note>& notes,
               const std::vector<std::optional<FileStamp>>& stamps, const SearchQuery& query,
               const IndexProgress& progress, std::vector<std::string>& warnings) {
    SearchIndex index(search_index_file(config.root), warnings);
    std::vector<SearchIndex::File> files;
    files.reserve(notes.size());
    const bool stamped = stamps.size() == notes.size();
    for (std::size_t i = 0; i < notes.size(); ++i)
        files.push_back({notes[i].path, stamped ? stamps[i] : std::nullopt});
    index.sync_files(config.root, files, progress);
    std::unordered_map<std::string, double> scores;
    for (auto& hit : index.find(query))
        scores.emplace(std::move(hit.path), hit.score);
    return scores;
}

// Keeps the lines of `text` that are within `context` lines of a match.
std::vector<std::pair<std::size_t, std::string>>
lines_around(std::string_view text, const std::vector<LineMatch>& matches, std::size_t context) {
    std::vector<std::pair<std::size_t, std::string>> shown;
    context = std::min(context, text.size()); // no more lines than bytes; no overflow below
    auto match = matches.begin();
    std::size_t start = 0;
    for (std::size_t number = 1; start < text.size() && match != matches.end(); ++number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        while (match != matches.end() && match->line + context < number)
            ++match;
        if (match != matches.end() && number + context >= match->line) {
            std::string_view line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            shown.emplace_back(number, line);
        }
        start = end + 1;
    }
    return shown;
}

// Each note is read, matched and let go in turn, so a search that matches
// every note holds one file at a time, not the tree.
void add_lines(const Config& config, const SearchQuery& query, std::size_t context,
               std::vector<SearchResult>& results) {
    LineMatcher matcher(query);
    for (auto& result : results) {
        const auto text = util::read_file(config.root / result.note.path);
        if (!text)
            continue;
        result.lines = matcher.match(normalized_for_search(*text));
        result.shown = lines_around(*text, result.lines, context);
    }
}

} // namespace

std::vector<SearchResult> search_notes(const Config& config, std::vector<Note> notes,
                                       const std::vector<std::optional<FileStamp>>& stamps,
                                       const NoteFilter& filter, const SearchQuery& query,
                                       const SearchOptions& options,
                                       std::vector<std::string>& warnings) {
    const auto scores = matching_paths(config, notes, stamps, query, options.progress, warnings);
    // Only the notes that match are filtered and sorted: a selective search
    // over a large tree touches few of them.
    std::vector<Note> matched;
    for (auto& note : notes)
        if (scores.count(note.path) && matches(note, filter))
            matched.push_back(std::move(note));
    sort_newest_first(matched);
    std::vector<SearchResult> results;
    results.reserve(matched.size());
    for (auto& note : matched) {
        const double score = scores.find(note.path)->second;
        results.push_back({std::move(note), score, {}, {}});
    }
    if (options.order == SearchOrder::rank)
        std::stable_sort(
            results.begin(), results.end(),
            [](const SearchResult& a, const SearchResult& b) { return a.score < b.score; });
    if (options.lines == SearchLines::matching)
        add_lines(config, query, options.context, results);
    return results;
}

std::vector<Note> keep_matching(const Config& config, const std::vector<Note>& notes,
                                std::vector<Note> selected, const std::string& query,
                                std::vector<std::string>& warnings) {
    const SearchQuery parsed = parse_search_query(query);
    const auto scores = matching_paths(config, notes, {}, parsed, {}, warnings);
    std::erase_if(selected, [&](const Note& note) { return !scores.count(note.path); });
    return selected;
}

const std::string* shown_line(const SearchResult& result, std::size_t number) {
    const auto found =
        std::lower_bound(result.shown.begin(), result.shown.end(), number,
                         [](const auto& line, std::size_t wanted) { return line.first < wanted; });
    return found != result.shown.end() && found->first == number ? &found->second : nullptr;
}

Evidence gather_evidence(const std::vector<SearchResult>& results, const std::string& field) {
    struct Group {
        std::set<std::string> customers;
        std::size_t notes = 0;
        Date latest;
    };
    std::map<std::string, Group> groups;
    Evidence evidence;
    evidence.field = field;
    std::set<std::string> customers;
    std::set<std::string> segments;
    const std::string key = field == "tag" ? "tags" : field;
    for (const auto& result : results) {
        const Note& note = result.note;
        const std::string customer = util::slugify(note.customer);
        customers.insert(customer);
        if (!note.segment.empty())
            segments.insert(util::to_lower_ascii(note.segment));
        if (evidence.notes++ == 0 || note.date < evidence.first)
            evidence.first = note.date;
        if (evidence.notes == 1 || evidence.latest < note.date)
            evidence.latest = note.date;
        std::vector<std::string> values = field_values(note, key);
        if (values.empty())
            values.push_back("(none)");
        std::set<std::string> seen; // a tag written twice counts once
        for (const auto& value : values) {
            if (!seen.insert(value).second)
                continue;
            Group& group = groups[value];
            group.customers.insert(customer);
            if (group.notes++ == 0 || group.latest < note.date)
                group.latest = note.date;
        }
    }
    evidence.customers = customers.size();
    evidence.segments = segments.size();
    for (auto& [value, group] : groups)
        evidence.rows.push_back({value, group.customers.size(), group.notes, group.latest});
    std::stable_sort(evidence.rows.begin(), evidence.rows.end(),
                     [](const EvidenceRow& a, const EvidenceRow& b) {
                         if (a.customers != b.customers)
                             return a.customers > b.customers;
                         return a.notes > b.notes;
                     });
    return evidence;
}

} // namespace pmi
