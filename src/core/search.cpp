#include "core/search.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <exception>
#include <fcntl.h>
#include <map>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
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
    std::unordered_map<std::string, double> scores;
    for (auto& hit : index.sync_and_find(config.root, files, query, progress))
        scores.emplace(std::move(hit.path), hit.score);
    return scores;
}

// The lines of `text` that are within `context` lines of a match, into
// `shown` (a buffer reused).
void lines_around(std::string_view text, const std::vector<LineMatch>& matches, std::size_t context,
                  std::vector<ShownLine>& shown) {
    shown.clear();
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
            const std::size_t size = end - start - (end > start && text[end - 1] == '\r' ? 1 : 0);
            shown.push_back({number, start, size});
        }
        start = end + 1;
    }
}

// Reads a whole regular file into `text`, whose buffer is reused; false (and
// `text` empty) when it cannot.
bool read_whole_file(const char* file, std::string& text) {
    // O_NONBLOCK and the regular-file check: a FIFO or a folder is an error, never a hang.
    const int fd = ::open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat info {};
    bool ok = fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    std::size_t size = 0;
    if (ok)
        text.resize(static_cast<std::size_t>(info.st_size) + 1); // a byte more: EOF seen at once
    while (ok) {
        if (size == text.size())
            text.resize(2 * size + 4096); // the file grew
        const ssize_t got = ::read(fd, text.data() + size, text.size() - size);
        if (got < 0 && errno == EINTR)
            continue;
        ok = got >= 0;
        if (got <= 0)
            break;
        size += static_cast<std::size_t>(got);
    }
    if (fd >= 0)
        ::close(fd);
    text.resize(ok ? size : 0);
    return ok;
}

// Finds a result's matching lines, one thread's matcher and buffer reused
// from note to note.
class LineFinder {
  public:
    LineFinder(const Config& config, const SearchQuery& query, std::size_t context)
        : config_(config), matcher_(query), context_(context) {}

    void find(SearchResult& result) {
        // result.lines is not cleared first: match() reuses its elements' buffers.
        if (!read_whole_file((config_.root / result.note.path).c_str(), result.text)) {
            result.lines.clear();
            result.shown.clear();
            return;
        }
        normalized_.assign(result.text);
        normalize_for_search(normalized_);
        matcher_.match(normalized_, result.lines);
        lines_around(result.text, result.lines, context_, result.shown);
    }

  private:
    const Config& config_;
    LineMatcher matcher_;
    std::size_t context_;
    std::string normalized_;
};

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
    matched.reserve(scores.size()); // no regrowth, which copies every note
    for (auto& note : notes)
        if (scores.count(note.path) && matches(note, filter))
            matched.push_back(std::move(note));
    sort_newest_first(matched);
    std::vector<SearchResult> results;
    results.reserve(matched.size());
    for (auto& note : matched) {
        const double score = scores.find(note.path)->second;
        results.push_back({std::move(note), score, {}, {}, {}});
    }
    if (options.order == SearchOrder::rank)
        std::stable_sort(
            results.begin(), results.end(),
            [](const SearchResult& a, const SearchResult& b) { return a.score < b.score; });
    if (options.lines == SearchLines::matching) {
        LineFinder finder(config, query, options.context);
        for (auto& result : results)
            finder.find(result);
    }
    return results;
}

void visit_with_lines(const Config& config, const SearchQuery& query, std::size_t context,
                      std::vector<SearchResult>& results,
                      const std::function<void(const SearchResult&)>& visit) {
    constexpr std::size_t batch_size = 128;
    const bool two_threads =
        results.size() > batch_size / 2 && std::thread::hardware_concurrency() > 1;
    LineFinder main_finder(config, query, context);
    std::optional<LineFinder> helper_finder;
    if (two_threads)
        helper_finder.emplace(config, query, context);
    // The batch's texts and lines: their buffers go from batch to batch.
    struct Buffers {
        std::string text;
        std::vector<LineMatch> lines;
        std::vector<ShownLine> shown;
    };
    std::vector<Buffers> buffers(std::min(batch_size, results.size()));
    const auto swap_buffers = [&](SearchResult& result, Buffers& kept) {
        result.text.swap(kept.text);
        result.lines.swap(kept.lines);
        result.shown.swap(kept.shown);
    };
    for (std::size_t begin = 0; begin < results.size(); begin += batch_size) {
        const std::size_t end = std::min(results.size(), begin + batch_size);
        for (std::size_t i = begin; i < end; ++i)
            swap_buffers(results[i], buffers[i - begin]);
        std::atomic<std::size_t> next{begin};
        std::exception_ptr failure;
        const auto work = [&](LineFinder& finder) {
            try {
                for (std::size_t i = next++; i < end; i = next++)
                    finder.find(results[i]);
            } catch (...) {
                failure = std::current_exception();
                next = end;
            }
        };
        if (two_threads) {
            std::exception_ptr main_failure;
            std::thread helper([&] { work(*helper_finder); });
            try {
                for (std::size_t i = next++; i < end; i = next++)
                    main_finder.find(results[i]);
            } catch (...) {
                main_failure = std::current_exception();
                next = end;
            }
            helper.join();
            if (main_failure)
                std::rethrow_exception(main_failure);
        } else {
            work(main_finder);
        }
        if (failure)
            std::rethrow_exception(failure);
        for (std::size_t i = begin; i < end; ++i) {
            SearchResult& result = results[i];
            visit(result);
            swap_buffers(result, buffers[i - begin]);
        }
    }
}

std::vector<Note> keep_matching(const Config& config, const std::vector<Note>& notes,
                                std::vector<Note> selected, const std::string& query,
                                std::vector<std::string>& warnings) {
    const SearchQuery parsed = parse_search_query(query);
    const auto scores = matching_paths(config, notes, {}, parsed, {}, warnings);
    std::erase_if(selected, [&](const Note& note) { return !scores.count(note.path); });
    return selected;
}

std::optional<std::string_view> shown_line(const SearchResult& result, std::size_t number) {
    const auto found = std::lower_bound(
        result.shown.begin(), result.shown.end(), number,
        [](const ShownLine& line, std::size_t wanted) { return line.number < wanted; });
    if (found == result.shown.end() || found->number != number ||
        found->start + found->size > result.text.size())
        return std::nullopt;
    return std::string_view(result.text).substr(found->start, found->size);
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
