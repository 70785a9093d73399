#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/note.hpp"

namespace pmi {

// The two ways Crc32c::update works (an update of the uninverted CRC):
// slicing-by-8 tables, and SSE4.2's crc32 instruction, which returns false
// when the CPU lacks it.
std::uint32_t crc32c_tables(std::uint32_t crc, const char* data, std::size_t size);
bool crc32c_hardware(std::uint32_t& crc, const char* data, std::size_t size);

// CRC-32C (Castagnoli) of bytes given piece by piece.
class Crc32c {
  public:
    void update(const char* data, std::size_t size);
    std::uint32_t value() const { return crc_; }

  private:
    std::uint32_t crc_ = 0;
};

// One version of a file on disk. A cached parse answers for a file only while
// every field is unchanged; any edit, rename, delete or checkout changes one.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of a regular file, not following symbolic links; nullopt for
// anything else or when it cannot be read.
std::optional<FileStamp> stamp_file(const std::filesystem::path& file);
std::optional<FileStamp> stamp_file(const char* file);

// The stamp from a status already read; nullopt unless a regular file.
std::optional<FileStamp> stamp_of(const struct stat& info);

// True when the file changed so recently (relative to `now_ns`) that a later
// write could leave the same stamp: such parses are not cached.
bool is_racy(const FileStamp& stamp, std::int64_t now_ns);

// The current time in nanoseconds, as file times are measured.
std::int64_t now_ns();

// The parse of one note file as cached: what load_note returned for `path`
// when the file had `stamp`, with `scan` the body scan that produced it.
struct CacheEntry {
    std::string path;
    FileStamp stamp;
    BodyScan scan = BodyScan::none;
    NoteParse parse;
};

// The cache file of a repository: <root>/.pmi/cache/notes-v1.bin.
std::filesystem::path note_cache_file(const std::filesystem::path& root);

// Reads the cache, passing each entry to `visit` (which may move from it) as it
// is decoded, so the whole file is never in memory. Returns false when the
// cache is missing, unreadable, truncated, corrupt, or written by another
// version or build of pmi: entries visited before must then be forgotten.
bool read_note_cache(const std::filesystem::path& file,
                     const std::function<void(CacheEntry&)>& visit);

// read_note_cache for the cache of the repository at `root`, reached without
// following a symbolic link.
bool read_repo_note_cache(const std::filesystem::path& root,
                          const std::function<void(CacheEntry&)>& visit);

// Whether the cache can hold this entry: its path matches and its strings and
// lists are within the reader's limits. An entry that cannot is not cached.
bool cache_can_hold(const std::string& path, const Note* note,
                    const std::vector<Problem>& problems);

// The whole cache at once; empty when read_note_cache returns false.
std::vector<CacheEntry> read_note_cache(const std::filesystem::path& file);

// Serialises entries, with a CRC-32C of the whole file; the inverse of
// read_note_cache. An entry cache_can_hold refuses is left out.
class NoteCacheWriter {
  public:
    NoteCacheWriter();
    // `note` is null for an invalid file.
    void add(const std::string& path, const FileStamp& stamp, BodyScan scan, const Note* note,
             const std::vector<Problem>& problems);
    void add(const CacheEntry& entry) {
        add(entry.path, entry.stamp, entry.scan, entry.parse.note ? &*entry.parse.note : nullptr,
            entry.parse.problems);
    }
    // The file's content; the writer is empty afterwards.
    std::string finish();
    // For large caches: hands the content encoded so far to `sink` and forgets
    // it (finish then gives the rest).
    void drain(const std::function<void(std::string_view)>& sink);

  private:
    std::string out_;
    std::uint64_t count_ = 0;
    Crc32c crc_;
    // Each distinct key list is written once; later notes name it by number.
    std::unordered_map<const void*, std::uint32_t> key_lists_;
};

// Writes the cache of the repository at `root` atomically, creating .pmi/cache
// (with a .gitignore of its own so it never shows in git) if needed, never
// through a symbolic link. Returns false, silently, when it cannot: a
// read-only repository simply has no cache.
bool write_note_cache(const std::filesystem::path& root, std::string_view content);

// Creates the cache folder <root>/.pmi/cache (with a .gitignore of its own)
// beneath the root and through no symbolic link, if needed. False when it cannot.
bool ensure_cache_folder(const std::filesystem::path& folder);
// The same, with the content given piece by piece to the sink `write` is passed.
bool write_note_cache(
    const std::filesystem::path& file,
    const std::function<void(const std::function<void(std::string_view)>&)>& write);

} // namespace pmi
