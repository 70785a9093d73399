#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/expected.hpp"

namespace util {

// Receives text piece by piece.
using TextSink = std::function<void(std::string_view)>;

// What creating a file that must not exist yet did (a failure is the Expected's error).
enum class CreateResult { created, exists };

// Creates `path` with O_CREAT|O_EXCL and writes `content`. Never touches an
// existing file: `exists` if one is there; otherwise why it failed.
Expected<CreateResult> create_exclusive(const std::filesystem::path& path,
                                        std::string_view content);

// Writes `content` to a temporary file in the same folder, flushes it and renames
// it over `path`, so readers see the old file or the new one, never a mix.
// On failure, what went wrong (the system's words, e.g. "No space left on device").
Status write_atomic(const std::filesystem::path& path, std::string_view content);

// write_atomic for a file that is being edited: the new file gets `mode`
// (permission bits), so an edit never changes who may read or run it.
Status write_atomic_keeping_mode(const std::filesystem::path& path, std::string_view content,
                                 unsigned mode);

// write_atomic for content given piece by piece to the sink `write` is passed,
// written out as it comes, so it is never whole in memory.
Status write_atomic(const std::filesystem::path& path,
                    const std::function<void(const TextSink&)>& write);

// Writes `content` into the existing file at `path` (a device, a FIFO),
// following links, without creating or replacing anything.
Status write_into(const std::filesystem::path& path, std::string_view content);

// Reads a whole file, or says why it cannot be read.
Expected<std::string> read_file(const std::filesystem::path& path);

// Whether the file at `path` holds exactly the text `write` gives the sink it
// is passed, piece by piece; the file is read alongside, so neither is ever
// whole in memory. The error says why when the file cannot be read.
Expected<bool> file_matches(const std::filesystem::path& path,
                            const std::function<void(const TextSink&)>& write);

// `path` relative to `base` when inside it, otherwise `path` unchanged; always
// with forward slashes.
std::string relative_to(const std::filesystem::path& path, const std::filesystem::path& base);

} // namespace util

namespace util {

// Like write_atomic, but never replaces an existing file: the complete file
// appears under `path` at once (via link), or `exists` is returned.
Expected<CreateResult> write_new_atomic(const std::filesystem::path& path,
                                        std::string_view content);

// An open folder (a file descriptor), closed when the handle goes.
class FolderHandle {
  public:
    FolderHandle() = default;
    explicit FolderHandle(int fd) : fd_(fd) {}
    FolderHandle(FolderHandle&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    FolderHandle& operator=(FolderHandle&& other) noexcept;
    FolderHandle(const FolderHandle&) = delete;
    FolderHandle& operator=(const FolderHandle&) = delete;
    ~FolderHandle();
    int fd() const { return fd_; }
    // Gives up ownership: the caller closes the descriptor.
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    explicit operator bool() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

// Why open_beneath failed; `at` is the path (relative to the root, with forward
// slashes) of the component concerned.
struct WalkError {
    enum class Kind { none, symlink, not_folder, missing, outside, system };
    Kind kind = Kind::none;
    std::string at;
    std::string detail; // what the system said, for `system`
};

enum class MissingFolders { fail, create };

// Opens root/relative one component at a time without following a symbolic
// link below `root` (root itself may be one): a link, or anything but a
// folder, on the way is an error, as is a `relative` that is absolute or
// climbs with "..". Missing folders are created when asked.
FolderHandle open_beneath(const std::filesystem::path& root, const std::filesystem::path& relative,
                          MissingFolders missing, WalkError& error);

// What is at `name` in the folder, not following a symbolic link.
enum class EntryKind { missing, regular, folder, symlink, other };
EntryKind entry_kind_at(int folder, const std::string& name);

// read_file for `name` in `folder`; a symbolic link is not followed (ELOOP).
Expected<std::string> read_file_at(int folder, const std::string& name);

// The first `size` bytes of the file (fewer if it is shorter), not following a
// symbolic link; nullopt unless a regular file that can be read.
std::optional<std::string> read_prefix(const std::filesystem::path& path, std::size_t size);
std::optional<std::string> read_prefix_at(int folder, const std::string& name, std::size_t size);

// file_matches for `name` in `folder`, following a symbolic link only when asked.
enum class FollowLinks { no, yes };
Expected<bool> file_matches_at(int folder, const std::string& name,
                               const std::function<void(const TextSink&)>& write,
                               FollowLinks follow);

// write_atomic for `name` in `folder`. The temporary file is made in
// `temporaries` when that is a folder on the same file system (else beside
// the file): name it with -1 to keep it beside the file.
Status write_atomic_at(int folder, const std::string& name,
                       const std::function<void(const TextSink&)>& write, int temporaries = -1);

// write_new_atomic for `name` in `folder`, with write_atomic_at's `temporaries`.
Expected<CreateResult> write_new_atomic_at(int folder, const std::string& name,
                                           std::string_view content, int temporaries = -1);

// create_exclusive for `name` in `folder`; never follows a symbolic link.
Expected<CreateResult> create_exclusive_at(int folder, const std::string& name,
                                           std::string_view content);

// Temporary files are named "." + name + ".tmp-" + the writer's pid + "-" + 8
// random characters: this many bytes more than the name at most.
inline constexpr std::size_t temporary_name_overhead = 1 + 5 + 7 + 1 + 8;

// Removes from `folder` the temporary files (named as above) whose writer's
// process is gone; returns how many.
std::size_t remove_stale_temporaries(int folder);

// The names in `folder` (not "." and ".."), sorted; empty when it cannot be read.
std::vector<std::string> entry_names_at(int folder);

// Removes the file `name` (not a folder) from `folder`; false when it could not.
bool remove_file_at(int folder, const std::string& name);

} // namespace util
