#include "core/search_index.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <optional>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/cache.hpp"
#include "core/error.hpp"
#include "util/fs.hpp"

namespace pmi {

namespace fs = std::filesystem;

namespace {

// Bumped whenever the schema or what is indexed changes: the index is then rebuilt.
constexpr const char* index_format = "pmi-search-3";
constexpr const char* tokenizer = "porter unicode61 remove_diacritics 2";
constexpr int busy_timeout_ms = 10'000;
constexpr std::int64_t rebuild_min_tombstones = 1000;
// The files are spread over buckets by path, each with a fingerprint of its
// files' stamps: after one note is edited, a sync reads the rows of one
// bucket, not the whole `files` table.
constexpr std::size_t bucket_count = 1024;

// An SQLite failure; only ever shown to the user as a description of the
// index's state, never with a query in it.
struct SqlError {
    int code;
    bool schema_missing = false; // a table or column of the index is gone
};

// Two connections that both read before writing can deadlock; SQLite then
// answers "busy" at once, without waiting, and the setup must be retried.
bool is_busy(int code) {
    const int primary = code & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

bool is_corruption(int code) {
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// A failure that only a damaged index explains: corrupt pages, a table or
// column gone, or rows that contradict each other (a path indexed twice).
bool is_damage(const SqlError& error) {
    return is_corruption(error.code) || error.schema_missing ||
           (error.code & 0xff) == SQLITE_CONSTRAINT;
}

// What SQLite answers when it cannot write the file: the index then lives in
// memory for this run.
bool is_read_only(int code) {
    const int primary = code & 0xff;
    return primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM;
}

// Whether this process may write the index `file` and the files SQLite keeps
// beside it: checked before opening, so a read-only repository (or file
// system) is left untouched, without even a -wal or -shm file.
bool index_writable(const fs::path& file) {
    if (::access(file.parent_path().c_str(), W_OK | X_OK) != 0)
        return false;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        if (::access((file.string() + suffix).c_str(), W_OK) != 0 && errno != ENOENT)
            return false;
    return true;
}

// Why a query failed, for the user.
Error query_error(const fs::path& file, int code) {
    if (is_corruption(code))
        return Error(fmt::format("the search index {} is corrupt; delete it and search again",
                                 file.string()));
    return Error("search query: too complex to run; use fewer words or parentheses");
}

class Statement {
  public:
    Statement(sqlite3* db, const char* sql) {
        const int rc = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
        if (rc != SQLITE_OK)
            throw SqlError{rc, std::strstr(sqlite3_errmsg(db), "no such ") != nullptr};
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value) {
        check(sqlite3_bind_int64(stmt_, index, value));
        return *this;
    }
    Statement& bind(int index, std::nullopt_t) {
        check(sqlite3_bind_null(stmt_, index));
        return *this;
    }
    Statement& bind(int index, std::string_view text) {
        check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                  SQLITE_UTF8));
        return *this;
    }
    // True while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        throw SqlError{rc};
    }
    void run() {
        while (step()) {
        }
        sqlite3_reset(stmt_);
    }
    void reset() { sqlite3_reset(stmt_); }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
    const unsigned char* raw_text(int column) const { return sqlite3_column_text(stmt_, column); }
    int bytes(int column) const { return sqlite3_column_bytes(stmt_, column); }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    std::string text(int column) const {
        const auto* data = sqlite3_column_text(stmt_, column);
        return data ? std::string(reinterpret_cast<const char*>(data),
                                  static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                    : std::string();
    }

  private:
    sqlite3_stmt* stmt_ = nullptr;
    static void check(int rc) {
        if (rc != SQLITE_OK)
            throw SqlError{rc};
    }
};

void exec(sqlite3* db, const char* sql) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        throw SqlError{rc, std::strstr(sqlite3_errmsg(db), "no such ") != nullptr};
}

std::string meta_value(sqlite3* db, const char* key) {
    Statement select(db, "SELECT value FROM meta WHERE key = ?");
    select.bind(1, std::string_view(key));
    return select.step() ? select.text(0) : std::string();
}

void set_meta(sqlite3* db, const char* key, const std::string& value) {
    Statement upsert(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    upsert.bind(1, std::string_view(key)).bind(2, value).run();
}

std::int64_t meta_number(sqlite3* db, const char* key) {
    const std::string value = meta_value(db, key);
    return value.empty() ? 0 : std::stoll(value);
}

// What `files` remembers of an indexed file.
struct IndexedFile {
    FileStamp stamp;
    std::int64_t docid = 0;
    bool racy = false;
    std::int64_t hash = 0;
    bool seen = false; // during a sync: still among the files
};

std::int64_t text_hash(std::string_view text) {
    // FNV-1a: stable across builds, unlike std::hash.
    std::uint64_t hash = 14695981039346656037ull;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return static_cast<std::int64_t>(hash);
}

// Looked up by string_view, without a copy of the path.
struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view path) const {
        return std::hash<std::string_view>{}(path);
    }
};

// A path's bucket, from its text_hash.
std::size_t bucket_of(std::uint64_t path_hash) {
    return static_cast<std::size_t>(path_hash & (bucket_count - 1));
}

// The rows of `files` in the buckets a sync looks at: the paths in one buffer,
// found by open addressing, so reading and dropping 100,000 rows costs a few
// allocations, not two a row.
class FilesTable {
  public:
    // Reads the rows of the buckets where `dirty` is set.
    FilesTable(sqlite3* db, const std::vector<bool>& dirty) {
        const auto dirty_buckets = std::count(dirty.begin(), dirty.end(), true);
        if (dirty_buckets > static_cast<std::ptrdiff_t>(bucket_count / 8)) {
            Statement select(db, "SELECT path, size, mtime_ns, ctime_ns, inode, docid, racy, "
                                 "hash FROM files");
            while (select.step())
                add_row(select, dirty);
        } else {
            Statement select(db, "SELECT path, size, mtime_ns, ctime_ns, inode, docid, racy, "
                                 "hash FROM files WHERE bucket = ?");
            for (std::size_t bucket = 0; bucket < bucket_count; ++bucket) {
                if (!dirty[bucket])
                    continue;
                select.bind(1, static_cast<std::int64_t>(bucket));
                while (select.step())
                    add_row(select, dirty);
                select.reset();
            }
        }
        std::size_t slots = 16;
        while (slots < 2 * entries_.size())
            slots *= 2;
        slots_.assign(slots, 0);
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            std::size_t slot = slot_of(path(i));
            while (slots_[slot] != 0 && path(slots_[slot] - 1) != path(i))
                slot = (slot + 1) & (slots_.size() - 1);
            slots_[slot] = i + 1; // a path twice (it cannot be: the primary key) keeps the last
        }
    }

    IndexedFile* find(std::string_view wanted) {
        if (slots_.empty())
            return nullptr;
        for (std::size_t slot = slot_of(wanted); slots_[slot] != 0;
             slot = (slot + 1) & (slots_.size() - 1))
            if (path(slots_[slot] - 1) == wanted)
                return &entries_[slots_[slot] - 1].file;
        return nullptr;
    }
    std::size_t size() const { return entries_.size(); }
    void clear() {
        entries_.clear();
        paths_.clear();
        slots_.clear();
    }
    // Calls visit(path, file) for each row.
    template <typename Visit> void each(Visit visit) const {
        for (std::size_t i = 0; i < entries_.size(); ++i)
            visit(path(i), entries_[i].file);
    }

  private:
    struct Entry {
        std::size_t start = 0;
        std::size_t size = 0;
        IndexedFile file;
    };
    std::string paths_;
    std::vector<Entry> entries_;
    std::vector<std::size_t> slots_; // an entry's index + 1; 0 for none

    void add_row(const Statement& select, const std::vector<bool>& dirty) {
        const auto* text = reinterpret_cast<const char*>(select.raw_text(0));
        const std::string_view row_path(text ? text : "",
                                        text ? static_cast<std::size_t>(select.bytes(0)) : 0);
        if (!dirty[bucket_of(static_cast<std::uint64_t>(text_hash(row_path)))])
            return;
        Entry entry;
        entry.start = paths_.size();
        entry.size = row_path.size();
        paths_.append(row_path);
        entry.file.stamp.size = static_cast<std::uint64_t>(select.integer(1));
        entry.file.stamp.mtime_ns = select.integer(2);
        entry.file.stamp.ctime_ns = select.integer(3);
        entry.file.stamp.inode = static_cast<std::uint64_t>(select.integer(4));
        entry.file.docid = select.integer(5);
        entry.file.racy = select.integer(6) != 0;
        entry.file.hash = select.integer(7);
        entries_.push_back(entry);
    }

    std::string_view path(std::size_t i) const {
        return std::string_view(paths_).substr(entries_[i].start, entries_[i].size);
    }
    std::size_t slot_of(std::string_view path) const {
        return PathHash{}(path) & (slots_.size() - 1);
    }
};

bool same_stamp(const FileStamp& a, const FileStamp& b) {
    // The device is left out: it is not stable across reboots for some file systems.
    return a.size == b.size && a.mtime_ns == b.mtime_ns && a.ctime_ns == b.ctime_ns &&
           a.inode == b.inode;
}

// splitmix64's finaliser: spreads every bit of `value` over the result.
std::uint64_t mix64(std::uint64_t value) {
    value ^= value >> 30;
    value *= 0xbf58476d1ce4e5b9ull;
    value ^= value >> 27;
    value *= 0x94d049bb133111ebull;
    return value ^ (value >> 31);
}

// One file to look at during a sync: its path, stamp, bucket, and a hash of
// the path and stamp (the device left out, as same_stamp does).
struct Candidate {
    std::string_view path;
    FileStamp stamp;
    std::size_t bucket = 0;
    std::uint64_t hash = 0;
};

Candidate make_candidate(std::string_view path, const FileStamp& stamp) {
    const auto path_hash = static_cast<std::uint64_t>(text_hash(path));
    std::uint64_t hash = path_hash;
    for (const std::uint64_t value : {stamp.size, static_cast<std::uint64_t>(stamp.mtime_ns),
                                      static_cast<std::uint64_t>(stamp.ctime_ns), stamp.inode})
        hash = mix64(hash ^ value);
    return {path, stamp, bucket_of(path_hash), hash};
}

// A hash of every file's path and stamp, in order: equal fingerprints mean
// the same files, unchanged.
std::string fingerprint_of(const std::vector<Candidate>& candidates) {
    std::uint64_t hash = mix64(candidates.size());
    for (const auto& candidate : candidates)
        hash = mix64(hash ^ candidate.hash);
    return fmt::format("{:016x}", hash);
}

// The fingerprint of each bucket's files, whatever their order.
std::vector<std::int64_t> bucket_fingerprints(const std::vector<Candidate>& candidates) {
    std::vector<std::uint64_t> sums(bucket_count);
    std::vector<std::uint64_t> counts(bucket_count);
    for (const auto& candidate : candidates) {
        sums[candidate.bucket] += candidate.hash;
        ++counts[candidate.bucket];
    }
    std::vector<std::int64_t> fingerprints(bucket_count);
    for (std::size_t bucket = 0; bucket < bucket_count; ++bucket)
        fingerprints[bucket] =
            static_cast<std::int64_t>(mix64(sums[bucket] ^ mix64(counts[bucket])));
    return fingerprints;
}

// The fingerprints the index holds for each bucket: nullopt for a bucket
// never synced or holding a file that was racy then.
std::vector<std::optional<std::int64_t>> stored_bucket_fingerprints(sqlite3* db) {
    std::vector<std::optional<std::int64_t>> stored(bucket_count);
    Statement select(db, "SELECT bucket, fingerprint FROM buckets");
    while (select.step()) {
        const std::int64_t bucket = select.integer(0);
        if (bucket >= 0 && bucket < static_cast<std::int64_t>(bucket_count) && !select.is_null(1))
            stored[static_cast<std::size_t>(bucket)] = select.integer(1);
    }
    return stored;
}

// Whether a file needs to be read: new, changed, or indexed while it was
// still being written (then its text is compared by hash).
bool is_stale(const IndexedFile* found, const Candidate& candidate) {
    return !found || !same_stamp(found->stamp, candidate.stamp) || found->racy;
}

// Brings the rows and text of the dirty buckets up to date, in the open
// transaction.
void update_buckets(sqlite3* db, const fs::path& root, const std::vector<Candidate>& candidates,
                    const std::string& fingerprint, const IndexProgress& progress) {
    const std::int64_t now = now_ns();
    const std::vector<std::int64_t> current = bucket_fingerprints(candidates);
    const auto stored = stored_bucket_fingerprints(db);
    std::vector<bool> dirty(bucket_count);
    for (std::size_t bucket = 0; bucket < bucket_count; ++bucket)
        dirty[bucket] = stored[bucket] != current[bucket];
    // A bucket's fingerprint, like the whole one, is trusted from the next
    // sync on only when none of its files changed so recently that a later
    // write could leave the same stamp.
    std::vector<bool> racy(bucket_count);
    bool settled = true;
    for (const auto& candidate : candidates)
        if (is_racy(candidate.stamp, now)) {
            racy[candidate.bucket] = true;
            settled = false;
        }

    FilesTable indexed(db, dirty);
    std::int64_t tombstones = meta_number(db, "tombstones");
    std::int64_t next_docid = meta_number(db, "next_docid") + 1;
    // The candidates of the dirty buckets, each with its row, looked up once.
    std::vector<const Candidate*> looked;
    std::vector<IndexedFile*> rows;
    std::size_t to_read = 0;
    std::size_t kept_rows = 0; // rows of a file still there
    std::size_t changed = 0;   // ... whose stamp changed: replaced, leaving a tombstone
    for (const auto& candidate : candidates) {
        if (!dirty[candidate.bucket])
            continue;
        IndexedFile* found = indexed.find(candidate.path);
        looked.push_back(&candidate);
        rows.push_back(found);
        to_read += is_stale(found, candidate) ? 1 : 0;
        kept_rows += found ? 1 : 0;
        changed += found && !same_stamp(found->stamp, candidate.stamp) ? 1 : 0;
    }
    // The tombstones this sync leaves, leaving out racy files whose text
    // turns out to have changed: a rebuild is for space, it need not be exact.
    const auto removed = static_cast<std::int64_t>(indexed.size() - kept_rows + changed);
    if (tombstones + removed > rebuild_min_tombstones &&
        tombstones + removed > static_cast<std::int64_t>(candidates.size())) {
        exec(db, "INSERT INTO text(text) VALUES('delete-all')");
        exec(db, "DELETE FROM files");
        indexed.clear();
        dirty.assign(bucket_count, true);
        looked.clear();
        for (const auto& candidate : candidates)
            looked.push_back(&candidate);
        rows.assign(looked.size(), nullptr);
        tombstones = 0;
        to_read = looked.size();
    }

    Statement remove(db, "DELETE FROM files WHERE path = ?");
    Statement insert_text(db, "INSERT INTO text(rowid, body) VALUES(?, ?)");
    Statement insert_file(db, "INSERT INTO files(path, size, mtime_ns, ctime_ns, inode, docid, "
                              "racy, hash, bucket) VALUES(?,?,?,?,?,?,?,?,?)");
    Statement settle(db, "UPDATE files SET racy = ? WHERE path = ?");
    std::size_t done = 0;
    for (std::size_t i = 0; i < looked.size(); ++i) {
        const Candidate& candidate = *looked[i];
        IndexedFile* found = rows[i];
        if (found)
            found->seen = true;
        if (!is_stale(found, candidate))
            continue;
        if (progress)
            progress(done++, to_read);
        const auto text = util::read_file(root / candidate.path);
        const bool now_racy = is_racy(candidate.stamp, now);
        if (found && text && found->racy && same_stamp(found->stamp, candidate.stamp) &&
            found->hash == text_hash(*text)) {
            settle.bind(1, std::int64_t{now_racy}).bind(2, candidate.path).run();
            continue;
        }
        if (found) {
            remove.bind(1, candidate.path).run();
            ++tombstones;
        }
        if (!text)
            continue;
        const std::int64_t docid = next_docid++;
        insert_text.bind(1, docid).bind(2, normalized_for_search(*text)).run();
        insert_file.bind(1, candidate.path)
            .bind(2, static_cast<std::int64_t>(candidate.stamp.size))
            .bind(3, candidate.stamp.mtime_ns)
            .bind(4, candidate.stamp.ctime_ns)
            .bind(5, static_cast<std::int64_t>(candidate.stamp.inode))
            .bind(6, docid)
            .bind(7, std::int64_t{now_racy})
            .bind(8, text_hash(*text))
            .bind(9, static_cast<std::int64_t>(candidate.bucket))
            .run();
    }
    indexed.each([&](std::string_view path, const IndexedFile& file) {
        if (file.seen)
            return;
        remove.bind(1, path).run();
        ++tombstones;
    });
    if (progress)
        progress(to_read, to_read);

    Statement set_bucket(db, "INSERT OR REPLACE INTO buckets(bucket, fingerprint) VALUES(?, ?)");
    for (std::size_t bucket = 0; bucket < bucket_count; ++bucket) {
        if (!dirty[bucket])
            continue;
        set_bucket.bind(1, static_cast<std::int64_t>(bucket));
        if (racy[bucket])
            set_bucket.bind(2, std::nullopt);
        else
            set_bucket.bind(2, current[bucket]);
        set_bucket.run();
    }
    set_meta(db, "tombstones", std::to_string(tombstones));
    set_meta(db, "next_docid", std::to_string(next_docid - 1));
    set_meta(db, "fingerprint", settled ? fingerprint : std::string());
}

} // namespace

fs::path search_index_file(const fs::path& root) {
    return root / ".pmi" / "cache" / "search.sqlite";
}

std::string normalized_for_search(std::string_view text) {
    std::string out(text);
    normalize_for_search(out);
    return out;
}

void normalize_for_search(std::string& out) {
    auto line_end = [&](std::size_t start) {
        const std::size_t end = out.find('\n', start);
        return end == std::string::npos ? out.size() : end;
    };
    auto is_fence = [&](std::size_t start, std::size_t end) {
        std::string_view line(out.data() + start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        return line == "---";
    };
    auto blank = [&](std::size_t start, std::size_t end) {
        std::fill(out.begin() + static_cast<std::ptrdiff_t>(start),
                  out.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    };
    std::size_t end = line_end(0);
    if (!is_fence(0, end))
        return;
    blank(0, end);
    for (std::size_t start = end + 1; start < out.size(); start = end + 1) {
        end = line_end(start);
        if (is_fence(start, end)) {
            blank(start, end);
            break;
        }
        // A top-level key, "name:" at the start of the line: blanked, its value kept.
        std::size_t i = start;
        while (i < end &&
               (std::isalnum(static_cast<unsigned char>(out[i])) || out[i] == '_' || out[i] == '-'))
            ++i;
        if (i > start && i < end && out[i] == ':')
            blank(start, i + 1);
    }
}

SearchIndex::SearchIndex(const fs::path& file, std::vector<std::string>& warnings)
    : file_(file), warnings_(&warnings) {
    open();
}

SearchIndex::~SearchIndex() {
    close();
}

void SearchIndex::close() {
    if (db_)
        sqlite3_close_v2(db_);
    db_ = nullptr;
}

void SearchIndex::open() {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (int attempt = 1;; ++attempt) {
        try {
            open_once();
            return;
        } catch (const SqlError& error) {
            close();
            if (std::chrono::steady_clock::now() > deadline)
                throw Error(fmt::format("cannot use the search index {}: {}", file_.string(),
                                        sqlite3_errstr(error.code)));
            std::this_thread::sleep_for(std::chrono::milliseconds(5 * std::min(attempt, 20)));
        }
    }
}

void SearchIndex::open_once() {
    in_memory_ = in_memory_ || !ensure_cache_folder(file_.parent_path()) || !index_writable(file_);
    const std::string name = in_memory_ ? std::string(":memory:") : file_.string();
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW;
    if (sqlite3_open_v2(name.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        close();
        in_memory_ = true;
        if (sqlite3_open_v2(":memory:", &db_, flags, nullptr) != SQLITE_OK)
            throw Error("cannot open an SQLite database for the search index");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    try {
        exec(db_, "PRAGMA journal_mode=WAL");
        exec(db_, "PRAGMA synchronous=NORMAL");
        Statement tables(db_, "SELECT count(*) FROM sqlite_schema");
        tables.step();
        const bool empty = tables.integer(0) == 0;
        tables.reset();
        if (!empty) {
            std::string format;
            try {
                format = meta_value(db_, "format");
            } catch (const SqlError& error) {
                if (is_corruption(error.code) || is_busy(error.code) || is_read_only(error.code))
                    throw;
            }
            if (format == index_format)
                return;
            if (format.rfind("pmi-search-", 0) != 0) {
                recreate(fmt::format("{} is not a pmi search index; rebuilding it",
                                     file_.filename().string()));
                return;
            }
            recreate({}); // an older format: rebuilt silently
            return;
        }
        exec(db_, "BEGIN IMMEDIATE");
        exec(db_, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)");
        exec(db_, "CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER, "
                  "mtime_ns INTEGER, ctime_ns INTEGER, inode INTEGER, docid INTEGER UNIQUE, "
                  "racy INTEGER, hash INTEGER, bucket INTEGER)");
        exec(db_, "CREATE INDEX IF NOT EXISTS files_by_bucket ON files(bucket)");
        exec(db_, "CREATE TABLE IF NOT EXISTS buckets(bucket INTEGER PRIMARY KEY, "
                  "fingerprint INTEGER)");
        const std::string create_fts = fmt::format(
            "CREATE VIRTUAL TABLE IF NOT EXISTS text USING fts5(body, content='', tokenize='{}')",
            tokenizer);
        exec(db_, create_fts.c_str());
        exec(db_, fmt::format("INSERT OR IGNORE INTO meta(key, value) VALUES('format', '{}')",
                              index_format)
                      .c_str());
        exec(db_, "COMMIT");
    } catch (const SqlError& error) {
        if (is_corruption(error.code)) {
            recreate(corrupt_warning());
            return;
        }
        if (is_busy(error.code)) {
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
        if (!in_memory_ && is_read_only(error.code)) {
            use_memory();
            return;
        }
        throw Error(fmt::format("cannot use the search index {}: {}", file_.string(),
                                sqlite3_errstr(error.code)));
    }
}

void SearchIndex::recreate(const std::string& warning) {
    static int depth = 0;
    if (depth > 1)
        throw Error(fmt::format("cannot rebuild the search index {}", file_.string()));
    if (!warning.empty())
        warnings_->push_back(warning);
    close();
    std::error_code ec;
    if (!in_memory_)
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(fs::path(file_.string() + suffix), ec);
    ++depth;
    try {
        open();
    } catch (...) {
        --depth;
        throw;
    }
    --depth;
}

void SearchIndex::use_memory() {
    close();
    in_memory_ = true;
    open_once();
}

void SearchIndex::sync(const fs::path& root, const std::vector<std::string>& paths,
                       const IndexProgress& progress) {
    std::vector<File> files;
    files.reserve(paths.size());
    for (const auto& path : paths)
        files.push_back({path, std::nullopt});
    sync_files(root, files, progress);
}

void SearchIndex::sync_files(const fs::path& root, const std::vector<File>& files,
                             const IndexProgress& progress) {
    std::vector<Candidate> candidates;
    candidates.reserve(files.size());
    for (const auto& file : files)
        if (const auto stamp = file.stamp ? file.stamp : stamp_file(root / file.path))
            candidates.push_back(make_candidate(file.path, *stamp));
    const std::string fingerprint = fingerprint_of(candidates);
    for (int attempt = 0;; ++attempt) {
        try {
            // The usual case, nothing changed since the last sync, costs one
            // read; otherwise only the rows of the buckets whose fingerprint
            // differs are read.
            if (meta_value(db_, "fingerprint") == fingerprint)
                return;
            exec(db_, "BEGIN IMMEDIATE");
            try {
                update_buckets(db_, root, candidates, fingerprint, progress);
                exec(db_, "COMMIT");
            } catch (...) {
                sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
                throw;
            }
            return;
        } catch (const SqlError& error) {
            if (attempt == 0 && is_damage(error)) {
                recreate(corrupt_warning());
                continue;
            }
            if (!in_memory_ && is_read_only(error.code)) {
                use_memory();
                continue;
            }
            if (is_busy(error.code) && attempt < 100) {
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(5 * std::min(attempt + 1, 20)));
                continue;
            }
            throw Error(fmt::format("cannot update the search index {}: {}", file_.string(),
                                    sqlite3_errstr(error.code)));
        }
    }
}

std::vector<SearchHit> SearchIndex::find(const SearchQuery& query, Scoring scoring) {
    try {
        return query_hits(query, scoring);
    } catch (const SqlError& error) {
        throw query_error(file_, error.code);
    }
}

std::vector<SearchHit> SearchIndex::sync_and_find(const fs::path& root,
                                                  const std::vector<File>& files,
                                                  const SearchQuery& query,
                                                  const IndexProgress& progress, Scoring scoring) {
    sync_files(root, files, progress);
    try {
        return query_hits(query, scoring);
    } catch (const SqlError& error) {
        if (is_damage(error))
            recreate(corrupt_warning());
        else if (!in_memory_ && is_read_only(error.code))
            use_memory();
        else
            throw query_error(file_, error.code);
    }
    sync_files(root, files, progress);
    return find(query, scoring);
}

std::vector<SearchHit> SearchIndex::query_hits(const SearchQuery& query, Scoring scoring) {
    std::vector<SearchHit> hits;
    Statement select(db_, scoring == Scoring::bm25
                              ? "SELECT files.path, bm25(text) FROM text JOIN files ON "
                                "files.docid = text.rowid WHERE text MATCH ?"
                              : "SELECT files.path, 0 FROM text JOIN files ON files.docid = "
                                "text.rowid WHERE text MATCH ?");
    select.bind(1, query.match);
    while (select.step())
        hits.push_back({select.text(0), select.real(1)});
    return hits;
}

std::string SearchIndex::corrupt_warning() const {
    return fmt::format("{} is corrupt; rebuilding it", file_.filename().string());
}

std::size_t SearchIndex::tombstones() {
    return static_cast<std::size_t>(meta_number(db_, "tombstones"));
}

std::size_t front_matter_size(std::string_view text) {
    const auto is_fence_at = [&](std::size_t start, std::size_t end) {
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        return line == "---";
    };
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (is_fence_at(start, end) && start > 0)
            return std::min(end + 1, text.size());
        if (start == 0 && !is_fence_at(0, end))
            return 0;
        start = end + 1;
    }
    return text.size();
}

namespace {

#if defined(__SSE2__)
// Where `first` then `second` (lower-case ASCII letters or digits) are in the
// line, `c | 0x20` lowering a letter, 16 positions at a time; returns the
// first position not looked at.
std::size_t two_letter_starts(std::string_view line, char first, char second,
                              std::vector<std::size_t>& starts) {
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const __m128i want_first = _mm_set1_epi8(first);
    const __m128i want_second = _mm_set1_epi8(second);
    std::size_t i = 0;
    for (; i + 17 <= line.size(); i += 16) {
        const auto* at = reinterpret_cast<const __m128i*>(line.data() + i);
        const __m128i here = _mm_or_si128(_mm_loadu_si128(at), case_bit);
        const __m128i next = _mm_or_si128(
            _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i + 1)), case_bit);
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(here, want_first), _mm_cmpeq_epi8(next, want_second))));
        while (mask) {
            starts.push_back(i + static_cast<std::size_t>(std::countr_zero(mask)));
            mask &= mask - 1;
        }
    }
    return i;
}
#endif

// A cheap test that skips most lines that cannot match: porter stemming only
// changes a word's ending, never its first two letters, so a matching ASCII
// line holds (case aside) the first two letters of some searched word. Lines
// with other characters (accents) are always kept; so is every line when a
// searched word is not plain ASCII.
class LineFilter {
  public:
    explicit LineFilter(const std::vector<SearchWord>& words) {
        for (const auto& searched : words) {
            const std::string& word = searched.text;
            std::string token;
            for (std::size_t i = 0; i <= word.size(); ++i) {
                const auto c = i < word.size() ? static_cast<unsigned char>(word[i]) : ' ';
                if (c >= 0x80) {
                    keep_all_ = true;
                    return;
                }
                if (std::isalnum(c)) {
                    token += static_cast<char>(std::tolower(c));
                } else if (!token.empty()) {
                    prefixes_.push_back(token.substr(0, 2));
                    token.clear();
                }
            }
        }
        keep_all_ = keep_all_ || prefixes_.empty();
    }

    // Nothing copied: `c | 0x20` lowers an ASCII letter (and may let a control
    // character through, which only costs a check). `ascii`: the line is known
    // to be plain ASCII, so only the prefixes are looked for.
    bool may_match(std::string_view line, bool ascii) const {
        if (keep_all_)
            return true;
        if (!ascii && std::any_of(line.begin(), line.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            return true;
        const auto lower = [&](std::size_t i) {
            return static_cast<char>(static_cast<unsigned char>(line[i]) | 0x20);
        };
        for (const auto& prefix : prefixes_) {
            const char first = prefix[0];
            if (prefix.size() == 1) {
                for (std::size_t i = 0; i < line.size(); ++i)
                    if (lower(i) == first)
                        return true;
                continue;
            }
            const char second = prefix[1];
            for (std::size_t i = 0; i + 1 < line.size(); ++i)
                if (lower(i) == first && lower(i + 1) == second)
                    return true;
        }
        return false;
    }

    // Whether a word (ASCII letters and digits) starts as a searched word does.
    bool may_start(std::string_view word) const {
        if (keep_all_)
            return true;
        return std::any_of(prefixes_.begin(), prefixes_.end(), [&](const std::string& prefix) {
            if (word.size() < prefix.size())
                return false;
            for (std::size_t i = 0; i < prefix.size(); ++i)
                if (ascii_lower(word[i]) != prefix[i])
                    return false;
            return true;
        });
    }

    // Calls found(at, line, line_start) for each place of a whole ASCII text
    // where word_starts would find a searched word's first letters in its
    // line, in order: `line` counts the line ends before `at`, `line_start`
    // is where that line starts. One pass, the text not split into lines.
    // Returns whether the text is all ASCII (when not, what was found is
    // not what word_starts finds).
    template <typename Found> bool text_starts(std::string_view text, Found&& found) const {
        std::size_t line = 0;
        std::size_t line_start = 0;
        std::size_t i = 0;
        unsigned char high = 0; // the bytes or-ed: bit 7 set when one is not ASCII
#if defined(__SSE2__)
        i = text_starts_sse2(text, line, line_start, high, found);
#endif
        for (; i < text.size(); ++i) {
            high |= static_cast<unsigned char>(text[i]);
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
                continue;
            }
            if (starts_here(text, i))
                found(i, line, line_start);
        }
        return high < 0x80;
    }

    static char ascii_lower(char c) {
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }

    bool keeps_all() const {
        return keep_all_;
    }

    // Appends to `starts` where, in an ASCII line, a searched word's first
    // letters (case aside) begin a word: only the words there can match.
    // Sorted, each once. A quick scan, confirmed by may_start.
    void word_starts(std::string_view line, std::vector<std::size_t>& starts) const {
        starts.clear();
        for (const auto& prefix : prefixes_) {
            const char first = prefix[0];
            const char second = prefix.size() > 1 ? prefix[1] : 0;
            std::size_t i = 0;
#if defined(__SSE2__)
            if (second)
                i = two_letter_starts(line, first, second, starts);
#endif
            for (; i + prefix.size() <= line.size(); ++i) {
                if ((static_cast<unsigned char>(line[i]) | 0x20) != first)
                    continue;
                if (second && (static_cast<unsigned char>(line[i + 1]) | 0x20) != second)
                    continue;
                starts.push_back(i);
            }
        }
        if (prefixes_.size() > 1) {
            std::sort(starts.begin(), starts.end());
            starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        }
    }

  private:
    bool keep_all_ = false;
    std::vector<std::string> prefixes_;

    bool starts_here(std::string_view text, std::size_t i) const {
        const auto lower = [&](std::size_t at) {
            return static_cast<char>(static_cast<unsigned char>(text[at]) | 0x20);
        };
        return std::any_of(prefixes_.begin(), prefixes_.end(), [&](const std::string& prefix) {
            return i + prefix.size() <= text.size() && lower(i) == prefix[0] &&
                   (prefix.size() == 1 || lower(i + 1) == prefix[1]);
        });
    }

#if defined(__SSE2__)
    // The bits set in a 16-bit mask, without the libcall std::popcount is
    // without -mpopcnt.
    static std::size_t bits_set(unsigned mask) {
        mask = mask - ((mask >> 1) & 0x5555u);
        mask = (mask & 0x3333u) + ((mask >> 2) & 0x3333u);
        mask = (mask + (mask >> 4)) & 0x0F0Fu;
        return (mask + (mask >> 8)) & 0x1Fu;
    }

    // text_starts 16 bytes at a time; returns the first position not looked at.
    template <typename Found>
    std::size_t text_starts_sse2(std::string_view text, std::size_t& line, std::size_t& line_start,
                                 unsigned char& high, Found& found) const {
        const __m128i case_bit = _mm_set1_epi8(0x20);
        const __m128i newline = _mm_set1_epi8('\n');
        const auto load = [&](std::size_t at) {
            return _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
        };
        if (prefixes_.empty())
            return 0;
        // The usual query: one word, one pair of letters, set up once.
        const bool one_pair = prefixes_.size() == 1 && prefixes_[0].size() == 2;
        const __m128i pair_first = _mm_set1_epi8(prefixes_[0][0]);
        const __m128i pair_second = _mm_set1_epi8(one_pair ? prefixes_[0][1] : 0);
        std::size_t i = 0;
        __m128i any = _mm_setzero_si128();
        for (; i + 17 <= text.size(); i += 16) {
            const __m128i raw = load(i);
            any = _mm_or_si128(any, raw);
            const __m128i here = _mm_or_si128(raw, case_bit);
            const __m128i next = _mm_or_si128(load(i + 1), case_bit);
            __m128i hits = _mm_setzero_si128();
            if (one_pair) {
                hits = _mm_and_si128(_mm_cmpeq_epi8(here, pair_first),
                                     _mm_cmpeq_epi8(next, pair_second));
            } else {
                for (const auto& prefix : prefixes_) {
                    __m128i hit = _mm_cmpeq_epi8(here, _mm_set1_epi8(prefix[0]));
                    if (prefix.size() > 1)
                        hit = _mm_and_si128(hit, _mm_cmpeq_epi8(next, _mm_set1_epi8(prefix[1])));
                    hits = _mm_or_si128(hits, hit);
                }
            }
            auto ends = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(raw, newline)));
            auto starts = static_cast<unsigned>(_mm_movemask_epi8(hits));
            const auto pass_ends = [&](unsigned passed) {
                if (!passed)
                    return;
                line += bits_set(passed);
                line_start = i + static_cast<std::size_t>(31 - std::countl_zero(passed)) + 1;
                ends &= ~passed;
            };
            while (starts) {
                const auto bit = static_cast<unsigned>(std::countr_zero(starts));
                pass_ends(ends & ((1u << bit) - 1));
                found(i + bit, line, line_start);
                starts &= starts - 1;
            }
            pass_ends(ends);
        }
        if (_mm_movemask_epi8(any) != 0)
            high = 0x80;
        return i;
    }
#endif
};

// SQLite's own FTS5 tokenizer (porter over unicode61 without diacritics),
// called directly: lines are matched by the very tokens the index holds,
// without building an index of them.
class Tokenizer {
  public:
    struct Token {
        std::string text;
        std::size_t start;
        std::size_t end;
    };

    Tokenizer() {
        if (sqlite3_open_v2(":memory:", &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            fail();
        fts5_api* api = nullptr;
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db_, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
            fail();
        sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        void* user_data = nullptr;
        if (!api || api->xFindTokenizer(api, "porter", &user_data, &tokenizer_) != SQLITE_OK)
            fail();
        const char* args[] = {"unicode61", "remove_diacritics", "2"};
        if (tokenizer_.xCreate(user_data, args, 3, &instance_) != SQLITE_OK)
            fail();
    }
    ~Tokenizer() {
        if (instance_)
            tokenizer_.xDelete(instance_);
        sqlite3_close_v2(db_);
    }
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    // The tokens of `text` as a document, or as a query (with `prefix`, a prefix query).
    std::vector<Token>& tokens(std::string_view text, int flags) {
        tokens_.clear();
        if (text.empty())
            return tokens_;
        tokenizer_.xTokenize(
            instance_, &tokens_, flags, text.data(), static_cast<int>(text.size()),
            [](void* context, int, const char* token, int size, int start, int end) {
                static_cast<std::vector<Token>*>(context)->push_back(
                    {std::string(token, static_cast<std::size_t>(size)),
                     static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
                return SQLITE_OK;
            });
        return tokens_;
    }

  private:
    sqlite3* db_ = nullptr;
    fts5_tokenizer tokenizer_{};
    Fts5Tokenizer* instance_ = nullptr;
    std::vector<Token> tokens_;

    [[noreturn]] void fail() {
        if (instance_)
            tokenizer_.xDelete(instance_);
        sqlite3_close_v2(db_);
        throw Error("cannot load SQLite's FTS5 tokenizer");
    }
};

// A searched word or phrase as the tokens to find in a row.
struct Phrase {
    std::vector<std::string> tokens;
    bool prefix = false; // the last token may be the start of a longer one
};

// The spans sorted, overlapping ones merged, into `merged` (emptied first).
void merge_spans(std::vector<std::pair<std::size_t, std::size_t>>& spans,
                 std::vector<std::pair<std::size_t, std::size_t>>& merged) {
    merged.clear();
    if (spans.empty())
        return;
    if (!std::is_sorted(spans.begin(), spans.end())) // a line's words come sorted
        std::sort(spans.begin(), spans.end());
    for (const auto& span : spans) {
        if (!merged.empty() && span.first <= merged.back().second)
            merged.back().second = std::max(merged.back().second, span.second);
        else
            merged.push_back(span);
    }
}

// Whether a token is the one-token phrase, as phrase_spans finds it.
bool is_phrase_token(const std::string& token, const Phrase& phrase) {
    const std::string& wanted = phrase.tokens.front();
    return phrase.prefix ? token.rfind(wanted, 0) == 0 : token == wanted;
}

// Where the phrases occur in a line's tokens, overlapping ranges merged, into
// `merged`; `spans` and `merged` are buffers reused from line to line (most
// lines match nothing).
void phrase_spans(const std::vector<Tokenizer::Token>& tokens, const std::vector<Phrase>& phrases,
                  std::vector<std::pair<std::size_t, std::size_t>>& spans,
                  std::vector<std::pair<std::size_t, std::size_t>>& merged) {
    spans.clear();
    merged.clear();
    for (const auto& phrase : phrases) {
        const std::size_t count = phrase.tokens.size();
        for (std::size_t i = 0; i + count <= tokens.size(); ++i) {
            bool found = true;
            for (std::size_t j = 0; j < count && found; ++j) {
                const std::string& token = tokens[i + j].text;
                const std::string& wanted = phrase.tokens[j];
                found =
                    phrase.prefix && j + 1 == count ? token.rfind(wanted, 0) == 0 : token == wanted;
            }
            if (found)
                spans.emplace_back(tokens[i].start, tokens[i + count - 1].end);
        }
    }
    merge_spans(spans, merged);
}

bool is_ascii(std::string_view text) {
    unsigned char any = 0; // or-ed without a branch: quick over a whole file
    for (const char c : text)
        any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The tokens of an ASCII line that may match a one-word phrase: in ASCII the
// tokenizer's tokens are the runs of letters and digits, and only those that
// start as a searched word does can stem to it, so only they are stemmed
// (stemming every word of every line was most of a broad search's time).
using StemMemo =
    std::unordered_map<std::string, std::vector<Tokenizer::Token>, PathHash, std::equal_to<>>;
// Enough for the vocabulary of any set of notes; past it words are stemmed each time.
constexpr std::size_t stem_memo_size = 100'000;

// The tokens of one ASCII word, stemmed once: the same words come back on
// every line, so each is handed to the tokenizer once.
const std::vector<Tokenizer::Token>& word_tokens(std::string_view word, Tokenizer& stemmer,
                                                 StemMemo& memo) {
    const auto found = memo.find(word);
    if (found != memo.end())
        return found->second;
    auto& tokens = stemmer.tokens(word, FTS5_TOKENIZE_DOCUMENT);
    if (memo.size() >= stem_memo_size)
        return tokens;
    return memo.emplace(std::string(word), tokens).first->second;
}

// Adds to `words` the tokens of the ASCII word that starts at `i` of `line`
// if it may match; returns where it ends.
std::size_t add_word(std::string_view line, std::size_t i, const LineFilter& filter,
                     Tokenizer& stemmer, StemMemo& memo, std::vector<Tokenizer::Token>& words) {
    std::size_t end = i;
    while (end < line.size() && is_ascii_alnum(line[end]))
        ++end;
    const std::string_view word = line.substr(i, end - i);
    if (filter.may_start(word))
        for (const auto& token : word_tokens(word, stemmer, memo))
            words.push_back({token.text, i + token.start, i + token.end});
    return end;
}

std::vector<Tokenizer::Token>& candidate_words(std::string_view line, const LineFilter& filter,
                                               Tokenizer& stemmer, StemMemo& memo,
                                               std::vector<std::size_t>& starts,
                                               std::vector<Tokenizer::Token>& words) {
    words.clear();
    const auto add_word_at = [&](std::size_t i) {
        return add_word(line, i, filter, stemmer, memo, words);
    };
    if (!filter.keeps_all()) {
        // Only where a searched word's first letters are: most of a line is
        // not looked at word by word.
        filter.word_starts(line, starts);
        for (const std::size_t i : starts)
            if (is_ascii_alnum(line[i]) && (i == 0 || !is_ascii_alnum(line[i - 1])))
                add_word_at(i);
        return words;
    }
    for (std::size_t i = 0; i < line.size();)
        i = is_ascii_alnum(line[i]) ? add_word_at(i) : i + 1;
    return words;
}

} // namespace

struct LineMatcher::State {
    explicit State(const SearchQuery& query) : filter(query.words) {}

    Tokenizer tokenizer;
    std::vector<Phrase> phrases;
    LineFilter filter;
    bool single_words = true; // every phrase one token: ASCII lines are matched word by word
    std::vector<Tokenizer::Token> words;
    std::vector<std::size_t> starts;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::vector<std::pair<std::size_t, std::size_t>> merged;
    StemMemo stems;
    std::string front_matter; // a note's front matter, normalised
    // By ASCII word: the spans in it of its tokens that are a searched word
    // (all phrases one token), so a word met again costs one look-up.
    using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
    std::unordered_map<std::string, Spans, PathHash, std::equal_to<>> word_spans_memo;
    Spans word_spans_scratch;

    const Spans& word_spans(std::string_view word);

    // Matches the lines of `text`, the first numbered `number`, appending to
    // out[used...]; `offset`: where `text` starts in the whole text.
    void match_part(std::string_view text, std::size_t number, std::size_t offset,
                    std::vector<LineMatch>& out, std::size_t& used);
    // The same for single words in a text that is all ASCII; false, having
    // appended lines to drop, when the text is not.
    bool match_ascii_words(std::string_view text, std::size_t number, std::size_t offset,
                           std::vector<LineMatch>& out, std::size_t& used);
    // Appends line `number` (starting at `start`) with `merged` as its spans.
    void add_line(std::size_t number, std::size_t start, std::vector<LineMatch>& out,
                  std::size_t& used);
};

const LineMatcher::State::Spans& LineMatcher::State::word_spans(std::string_view word) {
    const auto found = word_spans_memo.find(word);
    if (found != word_spans_memo.end())
        return found->second;
    Spans& spans_of_word = word_spans_scratch;
    spans_of_word.clear();
    for (const auto& token : tokenizer.tokens(word, FTS5_TOKENIZE_DOCUMENT))
        if (std::any_of(phrases.begin(), phrases.end(),
                        [&](const Phrase& phrase) { return is_phrase_token(token.text, phrase); }))
            spans_of_word.emplace_back(token.start, token.end);
    if (word_spans_memo.size() >= stem_memo_size)
        return spans_of_word;
    return word_spans_memo.emplace(std::string(word), spans_of_word).first->second;
}

void LineMatcher::State::add_line(std::size_t number, std::size_t start,
                                  std::vector<LineMatch>& out, std::size_t& used) {
    if (used == out.size())
        out.emplace_back();
    out[used].line = number;
    out[used].start = start;
    out[used].spans.swap(merged); // merged is emptied before its next use
    ++used;
}

void LineMatcher::State::match_part(std::string_view text, std::size_t number, std::size_t offset,
                                    std::vector<LineMatch>& out, std::size_t& used) {
    if (phrases.empty())
        return;
    bool ascii = false;
    if (single_words && !filter.keeps_all()) {
        const std::size_t before = used;
        if (match_ascii_words(text, number, offset, out, used))
            return;
        used = before; // not ASCII after all: what it found is dropped
    } else {
        ascii = is_ascii(text);
    }
    for (std::size_t start = 0; start < text.size(); ++number) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        const std::size_t line_start = start;
        start = end + 1;
        const bool by_word = single_words && (ascii || is_ascii(line));
        // By word, the scan for words that may match is the line filter.
        if (!by_word && !filter.may_match(line, ascii))
            continue;
        phrase_spans(by_word ? candidate_words(line, filter, tokenizer, stems, starts, words)
                             : tokenizer.tokens(line, FTS5_TOKENIZE_DOCUMENT),
                     phrases, spans, merged);
        if (!merged.empty())
            add_line(number, offset + line_start, out, used);
    }
}

// An ASCII text searched for single words: the words where a searched word's
// first letters begin are found in one pass over the whole text, and only
// their lines are looked at (most lines of a note never are).
bool LineMatcher::State::match_ascii_words(std::string_view text, std::size_t number,
                                           std::size_t offset, std::vector<LineMatch>& out,
                                           std::size_t& used) {
    constexpr auto none = static_cast<std::size_t>(-1);
    std::size_t line = none;
    std::size_t line_start = 0;
    const auto finish_line = [&] {
        if (line == none || spans.empty())
            return;
        merge_spans(spans, merged);
        add_line(number + line, offset + line_start, out, used);
    };
    const bool ascii = filter.text_starts(
        text, [&](std::size_t at, std::size_t at_line, std::size_t at_line_start) {
            if (at_line != line) {
                finish_line();
                spans.clear();
                line = at_line;
                line_start = at_line_start;
            }
            if (!is_ascii_alnum(text[at]) || (at > 0 && is_ascii_alnum(text[at - 1])))
                return;
            std::size_t end = at;
            while (end < text.size() && is_ascii_alnum(text[end]))
                ++end;
            const std::string_view word = text.substr(at, end - at);
            if (!filter.may_start(word))
                return;
            for (const auto& [first, last] : word_spans(word))
                spans.emplace_back(at - line_start + first, at - line_start + last);
        });
    finish_line();
    return ascii;
}

LineMatcher::LineMatcher(const SearchQuery& query) : state_(std::make_unique<State>(query)) {
    for (const auto& word : query.words) {
        const int flags = FTS5_TOKENIZE_QUERY | (word.prefix ? FTS5_TOKENIZE_PREFIX : 0);
        Phrase phrase{{}, word.prefix};
        for (auto& token : state_->tokenizer.tokens(word.text, flags))
            phrase.tokens.push_back(std::move(token.text));
        if (!phrase.tokens.empty())
            state_->phrases.push_back(std::move(phrase));
    }
    state_->single_words =
        std::all_of(state_->phrases.begin(), state_->phrases.end(),
                    [](const Phrase& phrase) { return phrase.tokens.size() == 1; });
}

LineMatcher::~LineMatcher() = default;

std::vector<LineMatch> LineMatcher::match(std::string_view text) {
    std::vector<LineMatch> result;
    match(text, result);
    return result;
}

void LineMatcher::match(std::string_view text, std::vector<LineMatch>& out) {
    std::size_t used = 0; // out's first elements filled; the rest are reused buffers
    state_->match_part(text, 1, 0, out, used);
    out.resize(used);
}

void LineMatcher::match_note(std::string_view text, std::vector<LineMatch>& out) {
    State& state = *state_;
    const std::size_t front = front_matter_size(text);
    state.front_matter.assign(text.substr(0, front));
    normalize_for_search(state.front_matter);
    std::size_t used = 0;
    state.match_part(state.front_matter, 1, 0, out, used);
    const auto front_lines = static_cast<std::size_t>(
        std::count(state.front_matter.begin(), state.front_matter.end(), '\n'));
    state.match_part(text.substr(front), 1 + front_lines, front, out, used);
    out.resize(used);
}

std::vector<std::vector<LineMatch>> match_lines(const SearchQuery& query,
                                                const std::vector<std::string>& texts) {
    std::vector<std::vector<LineMatch>> result(texts.size());
    if (query.words.empty() || texts.empty())
        return result;
    LineMatcher matcher(query);
    for (std::size_t i = 0; i < texts.size(); ++i)
        result[i] = matcher.match(texts[i]);
    return result;
}

} // namespace pmi
