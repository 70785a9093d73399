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

// The notes that match a query, their scores by path (views into `hits`).
struct Scores {
    std::vector<SearchHit> hits;
    std::unordered_map<std::string_view, double> by_path;
};

void matching_paths(const Config& config, const std::vector<Note>& notes,
                    const std::vector<std::optional<FileStamp>>& stamps, const SearchQuery& query,
                    const IndexProgress& progress, Scoring scoring,
                    std::vector<std::string>& warnings, Scores& scores) {
    SearchIndex index(search_index_file(config.root), warnings);
    std::vector<SearchIndex::File> files;
    files.reserve(notes.size());
    const bool stamped = stamps.size() == notes.size();
    for (std::size_t i = 0; i < notes.size(); ++i)
        files.push_back({notes[i].path, stamped ? stamps[i] : std::nullopt});
    scores.hits = index.sync_and_find(config.root, files, query, progress, scoring);
    scores.by_path.reserve(scores.hits.size());
    for (const auto& hit : scores.hits)
        scores.by_path.emplace(hit.path, hit.score);
}

// The lines of `text` that are within `context` lines of a match, into
// `shown` (a buffer reused). Only the lines shown are looked at: each match
// knows where its line starts.
void lines_around(std::string_view text, const std::vector<LineMatch>& matches, std::size_t context,
                  std::vector<ShownLine>& shown) {
    shown.clear();
    context = std::min(context, text.size()); // no more lines than bytes; no overflow below
    std::size_t next = 1;                     // the first line after those shown
    std::size_t next_start = 0;               // where it starts
    for (const auto& match : matches) {
        const std::size_t first = match.line > context ? match.line - context : 1;
        std::size_t number = match.line;
        std::size_t start = match.start;
        if (first <= next) {
            number = next;
            start = next_start;
        } else {
            for (; number > first; --number) // back to the line before, in the gap
                start = start < 2 ? 0 : text.rfind('\n', start - 2) + 1; // npos + 1 == 0
        }
        for (; number <= match.line + context && start < text.size(); ++number) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            const std::size_t size = end - start - (end > start && text[end - 1] == '\r' ? 1 : 0);
            shown.push_back({number, start, size});
            start = end + 1;
        }
        next = number;
        next_start = start;
    }
}

// Reads a whole regular file, `name` in the folder `folder` (an fd), into
// `text`, whose buffer is reused; false (and `text` empty) when it cannot.
bool read_whole_file(int folder, const char* name, std::string& text) {
    // O_NONBLOCK and the regular-file check: a FIFO or a folder is an error, never a hang.
    const int fd = ::openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat info {};
    bool ok = fd >= 0 && ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    std::size_t size = 0;
    const auto known = static_cast<std::size_t>(info.st_size);
    if (ok)
        text.resize(known + 1); // a byte more: a file that grew does not fit
    while (ok) {
        if (size == text.size())
            text.resize(2 * size + 4096); // the file grew
        const std::size_t wanted = text.size() - size;
        const ssize_t got = ::read(fd, text.data() + size, wanted);
        if (got < 0 && errno == EINTR)
            continue;
        ok = got >= 0;
        if (got <= 0)
            break;
        size += static_cast<std::size_t>(got);
        // The size fstat gave, and no byte more when one more was asked for:
        // the end, without a second read to be told so.
        if (size == known && static_cast<std::size_t>(got) < wanted)
            break;
    }
    if (fd >= 0)
        ::close(fd);
    text.resize(ok ? size : 0);
    return ok;
}

struct FolderHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view folder) const {
        return std::hash<std::string_view>{}(folder);
    }
};

// The folders of the notes, each opened once: a file opened from its folder
// costs the kernel one name to look up, not the whole path.
class Folders {
  public:
    explicit Folders(const std::filesystem::path& root) : root_(root) {}
    ~Folders() {
        for (const auto& [path, fd] : fds_)
            if (fd >= 0)
                ::close(fd);
    }
    Folders(const Folders&) = delete;
    Folders& operator=(const Folders&) = delete;

    // The fd of `folder` (relative to the root); -1 when it cannot be opened.
    int open(std::string_view folder) {
        const auto found = fds_.find(folder);
        if (found != fds_.end())
            return found->second;
        const int fd = ::open((root_ / folder).c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        fds_.emplace(std::string(folder), fd);
        return fd;
    }

  private:
    std::filesystem::path root_;
    std::unordered_map<std::string, int, FolderHash, std::equal_to<>> fds_;
};

// Finds a result's matching lines, one thread's matcher and buffer reused
// from note to note.
class LineFinder {
  public:
    LineFinder(const Config& config, const SearchQuery& query, std::size_t context)
        : folders_(config.root), matcher_(query), context_(context) {}

    void find(SearchResult& result) {
        // result.lines is not cleared first: match() reuses its elements' buffers.
        const std::string& path = result.note.path;
        const std::size_t slash = path.rfind('/');
        const std::string_view folder = slash == std::string::npos
                                            ? std::string_view()
                                            : std::string_view(path).substr(0, slash);
        const int folder_fd = folders_.open(folder);
        if (folder_fd < 0 ||
            !read_whole_file(folder_fd, path.c_str() + (slash == std::string::npos ? 0 : slash + 1),
                             result.text)) {
            result.lines.clear();
            result.shown.clear();
            return;
        }
        matcher_.match_note(result.text, result.lines);
        lines_around(result.text, result.lines, context_, result.shown);
    }

  private:
    Folders folders_;
    LineMatcher matcher_;
    std::size_t context_;
};

} // namespace

std::vector<SearchResult> search_notes(const Config& config, std::vector<Note> notes,
                                       const std::vector<std::optional<FileStamp>>& stamps,
                                       const NoteFilter& filter, const SearchQuery& query,
                                       const SearchOptions& options,
                                       std::vector<std::string>& warnings) {
    Scores scores;
    const Scoring scoring = options.order == SearchOrder::rank ? Scoring::bm25 : options.scoring;
    matching_paths(config, notes, stamps, query, options.progress, scoring, warnings, scores);
    // Only the notes that match are filtered and sorted: a selective search
    // over a large tree touches few of them. Each path is looked up once, and
    // positions are sorted, so each note is moved once.
    struct Matched {
        Date date; // the sort's keys, copied: the sort does not touch the notes
        std::string_view path;
        std::size_t note;
        double score;
    };
    std::vector<Matched> matched;
    matched.reserve(scores.hits.size());
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const auto found = scores.by_path.find(notes[i].path);
        if (found != scores.by_path.end() && matches(notes[i], filter))
            matched.push_back({notes[i].date, notes[i].path, i, found->second});
    }
    std::sort(matched.begin(), matched.end(), [](const Matched& a, const Matched& b) {
        return newer_first(a.date, a.path, b.date, b.path);
    });
    std::vector<SearchResult> results;
    results.reserve(matched.size());
    for (const auto& match : matched)
        results.push_back({std::move(notes[match.note]), match.score, {}, {}, {}});
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
        // Each thread keeps its own failure: neither writes the other's.
        const auto work = [&](LineFinder& finder, std::exception_ptr& failure) {
            try {
                for (std::size_t i = next++; i < end; i = next++)
                    finder.find(results[i]);
            } catch (...) {
                failure = std::current_exception();
                next = end;
            }
        };
        std::exception_ptr main_failure;
        std::exception_ptr helper_failure;
        if (two_threads) {
            std::thread helper([&] { work(*helper_finder, helper_failure); });
            work(main_finder, main_failure);
            helper.join();
        } else {
            work(main_finder, main_failure);
        }
        for (const auto& failure : {main_failure, helper_failure})
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
    Scores scores;
    matching_paths(config, notes, {}, parsed, {}, Scoring::none, warnings, scores);
    std::erase_if(selected, [&](const Note& note) { return !scores.by_path.count(note.path); });
    return selected;
}

namespace {

std::optional<std::string_view> shown_text(const SearchResult& result,
                                           std::vector<ShownLine>::const_iterator found,
                                           std::size_t number) {
    if (found == result.shown.end() || found->number != number ||
        found->start + found->size > result.text.size())
        return std::nullopt;
    return std::string_view(result.text).substr(found->start, found->size);
}

} // namespace

std::optional<std::string_view> shown_line(const SearchResult& result, std::size_t number) {
    const auto found = std::lower_bound(
        result.shown.begin(), result.shown.end(), number,
        [](const ShownLine& line, std::size_t wanted) { return line.number < wanted; });
    return shown_text(result, found, number);
}

std::optional<std::string_view> shown_line(const SearchResult& result, std::size_t number,
                                           std::size_t& from) {
    from = std::min(from, result.shown.size());
    while (from < result.shown.size() && result.shown[from].number < number)
        ++from;
    return shown_text(result, result.shown.begin() + static_cast<std::ptrdiff_t>(from), number);
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
