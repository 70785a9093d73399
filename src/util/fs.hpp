#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace util {

// Receives text piece by piece.
using TextSink = std::function<void(std::string_view)>;

enum class CreateResult { created, exists, failed };

// Creates `path` with O_CREAT|O_EXCL and writes `content`. Never touches an
// existing file: returns `exists` if one is there. On `failed`, `error` says why.
CreateResult create_exclusive(const std::filesystem::path& path, std::string_view content,
                              std::string& error);

// Writes `content` to a temporary file in the same folder, flushes it and renames
// it over `path`, so readers see the old file or the new one, never a mix.
// Returns an empty string on success, otherwise what went wrong.
std::string write_atomic(const std::filesystem::path& path, std::string_view content);

// write_atomic for a file that is being edited: the new file gets `mode`
// (permission bits), so an edit never changes who may read or run it.
std::string write_atomic_keeping_mode(const std::filesystem::path& path, std::string_view content,
                                      unsigned mode);

// write_atomic for content given piece by piece to the sink `write` is passed,
// written out as it comes, so it is never whole in memory.
std::string write_atomic(const std::filesystem::path& path,
                         const std::function<void(const TextSink&)>& write);

// Reads a whole file; nullopt and `error` set if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error);

// Whether the file at `path` holds exactly the text `write` gives the sink it
// is passed, piece by piece; the file is read alongside, so neither is ever
// whole in memory. nullopt and `error` set when the file cannot be read.
std::optional<bool> file_matches(const std::filesystem::path& path,
                                 const std::function<void(const TextSink&)>& write,
                                 std::string& error);

// `path` relative to `base` when inside it, otherwise `path` unchanged; always
// with forward slashes.
std::string relative_to(const std::filesystem::path& path, const std::filesystem::path& base);

} // namespace util

namespace util {

// Like write_atomic, but never replaces an existing file: the complete file
// appears under `path` at once (via link), or `exists` is returned.
CreateResult write_new_atomic(const std::filesystem::path& path, std::string_view content,
                              std::string& error);

} // namespace util
