#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/cache.hpp"
#include "core/search_query.hpp"

struct sqlite3;

namespace pmi {

// The index file of a repository: <root>/.pmi/cache/search.sqlite.
std::filesystem::path search_index_file(const std::filesystem::path& root);

// A note's text as indexed and searched: front-matter keys and the '---' lines
// blanked with spaces, so offsets and line numbers stay those of the file and
// a search finds values, never key names.
std::string normalized_for_search(std::string_view text);
// The same, in place.
void normalize_for_search(std::string& text);
// How many bytes at the start of `text` normalize_for_search may change: the
// front matter through its closing '---' line and line end (0 without one).
std::size_t front_matter_size(std::string_view text);

// A note that matches a query; `score` is bm25 (lower is more relevant).
struct SearchHit {
    std::string path;
    double score = 0;
};

// Whether a query ranks its hits by bm25, which costs most of SQLite's time in
// a query matching most notes; without, every score is 0.
enum class Scoring { none, bm25 };

// Reports indexing progress: files done, files to do.
using IndexProgress = std::function<void(std::size_t done, std::size_t total)>;

// An SQLite FTS5 index of notes (porter stemming over unicode61 without
// diacritics). The FTS5 table is contentless, so the index holds no copy of
// the text; SQLite 3.40 cannot delete from such a table, so a changed or
// removed note leaves a tombstone (its old row, no longer in `files`) and the
// whole index is rebuilt once tombstones outnumber live notes.
class SearchIndex {
  public:
    // Opens or creates the index at `file`. A corrupt or foreign file is
    // replaced, with a line in `warnings`; when the file cannot be written
    // (a read-only repository), the index lives in memory for this run.
    SearchIndex(const std::filesystem::path& file, std::vector<std::string>& warnings);
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // A file to index: its path relative to the root and, when the caller has
    // just read it (the note cache's pass), its stamp, so it is not read twice.
    struct File {
        std::string_view path;
        std::optional<FileStamp> stamp;
    };

    // Brings the index up to date with the files `paths` (relative to `root`):
    // a file is re-read when its path, size, mtime, ctime or inode changed.
    // A sync that leaves no file changed in the last 2 seconds stores a
    // fingerprint of all the paths and stamps; while it matches, a sync reads
    // nothing but that fingerprint. The files are also spread over buckets by
    // path, each with its own fingerprint, and a sync reads the rows of only
    // the buckets whose fingerprint differs.
    void sync(const std::filesystem::path& root, const std::vector<std::string>& paths,
              const IndexProgress& progress = {});
    void sync_files(const std::filesystem::path& root, const std::vector<File>& files,
                    const IndexProgress& progress = {});

    // The notes matching the query, in no particular order.
    std::vector<SearchHit> find(const SearchQuery& query, Scoring scoring = Scoring::bm25);

    // sync_files, then find. An index found corrupt by the query is rebuilt,
    // with a line in `warnings`, and synced again with the same files.
    std::vector<SearchHit> sync_and_find(const std::filesystem::path& root,
                                         const std::vector<File>& files, const SearchQuery& query,
                                         const IndexProgress& progress = {},
                                         Scoring scoring = Scoring::bm25);

    std::size_t tombstones();

  private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    std::vector<std::string>* warnings_;
    bool in_memory_ = false;

    void open();
    void open_once();
    void close();
    void recreate(const std::string& warning);
    // Goes on in an index in memory, for this run: the file cannot be written.
    void use_memory();
    std::vector<SearchHit> query_hits(const SearchQuery& query, Scoring scoring);
    std::string corrupt_warning() const;
};

// Where a line matches: byte ranges [first, second) in the line.
struct LineMatch {
    std::size_t line = 0; // 1-based
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::size_t start = 0; // where the line starts in the text
};

// Finds the lines of a text that hold a word of `query.words`, by the same
// rules (stemming, case, accents) as the index. Made once for many texts.
class LineMatcher {
  public:
    explicit LineMatcher(const SearchQuery& query);
    ~LineMatcher();
    LineMatcher(const LineMatcher&) = delete;
    LineMatcher& operator=(const LineMatcher&) = delete;

    std::vector<LineMatch> match(std::string_view text);
    // The same into `out`, whose elements (and their spans' buffers) are reused.
    void match(std::string_view text, std::vector<LineMatch>& out);
    // match() of normalized_for_search(text) into `out`, without copying more
    // of the text than its front matter.
    void match_note(std::string_view text, std::vector<LineMatch>& out);

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// LineMatcher::match for each text; texts[i] gives result[i].
std::vector<std::vector<LineMatch>> match_lines(const SearchQuery& query,
                                                const std::vector<std::string>& texts);

} // namespace pmi
