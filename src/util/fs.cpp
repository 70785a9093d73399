#include "util/fs.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace util {

static bool write_all(int fd, std::string_view content) {
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        content.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

Expected<CreateResult> create_exclusive(const std::filesystem::path& path,
                                        std::string_view content) {
    return create_exclusive_at(AT_FDCWD, path.string(), content);
}

static std::string random_suffix() {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += alphabet[generator() % (sizeof alphabet - 1)];
    return suffix;
}

// "." + name + ".tmp-" + pid + "-" + random: the pid says whether its writer still runs.
static std::string temporary_name(const std::string& name) {
    return "." + name + ".tmp-" + std::to_string(::getpid()) + "-" + random_suffix();
}

Status write_into(const std::filesystem::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return failure(std::strerror(errno));
    const bool ok = write_all(fd, content);
    const int saved_errno = errno;
    ::close(fd);
    if (!ok)
        return failure(std::strerror(saved_errno));
    return {};
}

Status write_atomic(const std::filesystem::path& path, std::string_view content) {
    return write_atomic(path, [&](const TextSink& sink) { sink(content); });
}

// The folder of `path` and the name in it, for the *_at functions.
static std::pair<std::string, std::string> split_path(const std::filesystem::path& path) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    return {folder.string(), path.filename().string()};
}

Status write_atomic(const std::filesystem::path& path,
                    const std::function<void(const TextSink&)>& write) {
    const auto [folder, name] = split_path(path);
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return failure(std::strerror(errno));
    const FolderHandle handle(fd);
    return write_atomic_at(handle.fd(), name, write);
}

namespace {

// A temporary file being written, in `folder`.
struct Temporary {
    int folder = -1;
    std::string name;
    int fd = -1;
};

// Creates a fresh temporary file for `name` in `folder`.
Temporary create_temporary(int folder, const std::string& name, std::string& error) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        Temporary temporary{folder, temporary_name(name), -1};
        temporary.fd = ::openat(folder, temporary.name.c_str(),
                                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (temporary.fd >= 0)
            return temporary;
        if (errno != EEXIST) {
            error = std::strerror(errno);
            return {};
        }
    }
    error = "could not create a temporary file";
    return {};
}

// Writes what `write` gives into the temporary file, flushes and closes it;
// on failure removes it and returns what went wrong.
std::string fill_temporary(Temporary& temporary,
                           const std::function<void(const TextSink&)>& write) {
    bool written = true;
    int saved_errno = 0;
    write([&](std::string_view piece) {
        if (written && !write_all(temporary.fd, piece)) {
            written = false;
            saved_errno = errno;
        }
    });
    const bool ok = written && ::fsync(temporary.fd) == 0;
    if (written)
        saved_errno = errno;
    ::close(temporary.fd);
    temporary.fd = -1;
    if (ok)
        return {};
    ::unlinkat(temporary.folder, temporary.name.c_str(), 0);
    return std::strerror(saved_errno);
}

// What `place` does to put the temporary file at `name` in `folder`: 0 or errno.
using Placer = int (*)(const Temporary&, int folder, const std::string& name);

int rename_into_place(const Temporary& temporary, int folder, const std::string& name) {
    return ::renameat(temporary.folder, temporary.name.c_str(), folder, name.c_str()) == 0 ? 0
                                                                                           : errno;
}

int link_into_place(const Temporary& temporary, int folder, const std::string& name) {
    const int result = ::linkat(temporary.folder, temporary.name.c_str(), folder, name.c_str(), 0);
    const int saved_errno = errno;
    ::unlinkat(temporary.folder, temporary.name.c_str(), 0);
    return result == 0 ? 0 : saved_errno;
}

// Writes a temporary file (in `temporaries` if given, else beside the target)
// and places it; a temporaries folder on another file system is given up for
// one beside the target. Returns 0 or the errno, `error` set for other failures.
int write_and_place(int folder, const std::string& name,
                    const std::function<void(const TextSink&)>& write, int temporaries,
                    Placer place, std::string& error) {
    for (const int where : {temporaries, folder}) {
        if (where < 0)
            continue;
        Temporary temporary = create_temporary(where, name, error);
        if (temporary.fd < 0)
            return -1;
        if (error = fill_temporary(temporary, write); !error.empty())
            return -1;
        const int result = place(temporary, folder, name);
        if (result == EXDEV && where != folder) {
            ::unlinkat(where, temporary.name.c_str(), 0);
            continue;
        }
        if (result != 0 && place == rename_into_place)
            ::unlinkat(where, temporary.name.c_str(), 0);
        return result;
    }
    return -1;
}

} // namespace

Status write_atomic_at(int folder, const std::string& name,
                       const std::function<void(const TextSink&)>& write, int temporaries) {
    std::string error;
    const int result = write_and_place(folder, name, write, temporaries, rename_into_place, error);
    if (result > 0)
        return failure(std::strerror(result));
    if (result < 0)
        return failure(error);
    return {};
}

Expected<CreateResult> write_new_atomic_at(int folder, const std::string& name,
                                           std::string_view content, int temporaries) {
    std::string error;
    const int result = write_and_place(
        folder, name, [&](const TextSink& sink) { sink(content); }, temporaries, link_into_place,
        error);
    if (result == 0)
        return CreateResult::created;
    if (result == EEXIST)
        return CreateResult::exists;
    return failure(result > 0 ? std::strerror(result) : error);
}

Expected<CreateResult> create_exclusive_at(int folder, const std::string& name,
                                           std::string_view content) {
    const int fd =
        ::openat(folder, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            return CreateResult::exists;
        return failure(std::strerror(errno));
    }
    const bool ok = write_all(fd, content) && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!ok) {
        // The file is ours and incomplete: remove it rather than leave half a note.
        ::unlinkat(folder, name.c_str(), 0);
        return failure(std::strerror(saved_errno));
    }
    return CreateResult::created;
}

Status write_atomic_keeping_mode(const std::filesystem::path& path, std::string_view content,
                                 unsigned mode) {
    const auto [folder, name] = split_path(path);
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return failure(std::strerror(errno));
    const FolderHandle handle(fd);
    Status written =
        write_atomic_at(handle.fd(), name, [&](const TextSink& sink) { sink(content); });
    // The new file takes the edited file's permission bits (a umask does not apply).
    if (written && ::fchmodat(handle.fd(), name.c_str(), static_cast<mode_t>(mode & 07777), 0) != 0)
        return failure(std::strerror(errno));
    return written;
}

namespace {

// Reads up to `size` bytes, fewer only at the end of the file; -1 on error.
ssize_t read_full(int fd, char* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::read(fd, out + done, size - done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        done += static_cast<std::size_t>(got);
    }
    return static_cast<ssize_t>(done);
}

} // namespace

// Reads the whole of an open regular file and closes it.
static Expected<std::string> read_open_file(int fd) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return failure(S_ISDIR(info.st_mode) ? "is a folder" : "not a regular file");
    }
    std::string content;
    char buffer[64 * 1024];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int saved_errno = errno;
            ::close(fd);
            return failure(std::strerror(saved_errno));
        }
        if (got == 0)
            break;
        content.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return content;
}

Expected<bool> file_matches(const std::filesystem::path& path,
                            const std::function<void(const TextSink&)>& write) {
    return file_matches_at(AT_FDCWD, path.string(), write, FollowLinks::yes);
}

Expected<bool> file_matches_at(int folder, const std::string& name,
                               const std::function<void(const TextSink&)>& write,
                               FollowLinks follow) {
    const int fd =
        ::openat(folder, name.c_str(),
                 O_RDONLY | O_CLOEXEC | O_NONBLOCK | (follow == FollowLinks::no ? O_NOFOLLOW : 0));
    if (fd < 0)
        return failure(std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return failure(S_ISDIR(info.st_mode) ? "is a folder" : "not a regular file");
    }
    bool same = true;
    int read_error = 0;
    std::string buffer;
    write([&](std::string_view piece) {
        if (!same || read_error)
            return;
        buffer.resize(piece.size());
        const ssize_t got = read_full(fd, buffer.data(), piece.size());
        if (got < 0)
            read_error = errno;
        else
            same = static_cast<std::size_t>(got) == piece.size() && buffer == piece;
    });
    char extra = 0;
    if (same && !read_error) {
        const ssize_t got = read_full(fd, &extra, 1);
        if (got < 0)
            read_error = errno;
        same = got == 0;
    }
    ::close(fd);
    if (read_error)
        return failure(std::strerror(read_error));
    return same;
}

Expected<std::string> read_file(const std::filesystem::path& path) {
    // O_NONBLOCK and the regular-file check: a FIFO or a folder is an error, never a hang.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return failure(std::strerror(errno));
    return read_open_file(fd);
}

std::string relative_to(const std::filesystem::path& path, const std::filesystem::path& base) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // Resolve the folders but not the file itself: a symbolic link keeps its own name.
    fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (!absolute.has_filename() && absolute.has_parent_path() && absolute != absolute.root_path())
        absolute = absolute.parent_path();
    fs::path resolved = absolute;
    if (absolute.has_filename() && absolute.has_parent_path()) {
        const auto folder = fs::weakly_canonical(absolute.parent_path(), ec);
        if (!ec)
            resolved = folder / absolute.filename();
    }
    ec.clear();
    const auto relative = resolved.lexically_relative(fs::weakly_canonical(base, ec));
    if (ec || relative.empty() || *relative.begin() == "..")
        return path.generic_string();
    return relative.generic_string();
}

} // namespace util

namespace util {

Expected<CreateResult> write_new_atomic(const std::filesystem::path& path,
                                        std::string_view content) {
    const auto [folder, name] = split_path(path);
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return failure(std::strerror(errno));
    const FolderHandle handle(fd);
    return write_new_atomic_at(handle.fd(), name, content);
}

FolderHandle& FolderHandle::operator=(FolderHandle&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

FolderHandle::~FolderHandle() {
    if (fd_ >= 0)
        ::close(fd_);
}

FolderHandle open_beneath(const std::filesystem::path& root, const std::filesystem::path& relative,
                          MissingFolders missing, WalkError& error) {
    error = {};
    if (relative.is_absolute()) {
        error = {WalkError::Kind::outside, relative.generic_string(), {}};
        return {};
    }
    FolderHandle folder(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!folder) {
        error = {errno == ENOENT ? WalkError::Kind::missing : WalkError::Kind::system, ".",
                 std::strerror(errno)};
        return {};
    }
    std::string at;
    for (const auto& part : relative) {
        const std::string name = part.string();
        if (name.empty() || name == ".")
            continue;
        at += (at.empty() ? "" : "/") + name;
        if (name == "..") {
            error = {WalkError::Kind::outside, at, {}};
            return {};
        }
        if (missing == MissingFolders::create && ::mkdirat(folder.fd(), name.c_str(), 0755) != 0 &&
            errno != EEXIST) {
            error = {WalkError::Kind::system, at,
                     std::string("cannot create folder: ") + std::strerror(errno)};
            return {};
        }
        FolderHandle next(
            ::openat(folder.fd(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!next) {
            const int saved_errno = errno;
            const EntryKind kind = entry_kind_at(folder.fd(), name);
            error.at = at;
            error.kind = kind == EntryKind::symlink   ? WalkError::Kind::symlink
                         : kind == EntryKind::missing ? WalkError::Kind::missing
                         : kind != EntryKind::folder  ? WalkError::Kind::not_folder
                                                      : WalkError::Kind::system;
            error.detail = std::strerror(saved_errno);
            return {};
        }
        folder = std::move(next);
    }
    return folder;
}

EntryKind entry_kind_at(int folder, const std::string& name) {
    struct stat info {};
    if (::fstatat(folder, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0)
        return EntryKind::missing;
    if (S_ISLNK(info.st_mode))
        return EntryKind::symlink;
    if (S_ISDIR(info.st_mode))
        return EntryKind::folder;
    return S_ISREG(info.st_mode) ? EntryKind::regular : EntryKind::other;
}

Expected<std::string> read_file_at(int folder, const std::string& name) {
    const int fd = ::openat(folder, name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0)
        return failure(std::strerror(errno));
    return read_open_file(fd);
}

std::optional<std::string> read_prefix(const std::filesystem::path& path, std::size_t size) {
    return read_prefix_at(AT_FDCWD, path.string(), size);
}

std::optional<std::string> read_prefix_at(int folder, const std::string& name, std::size_t size) {
    const int fd = ::openat(folder, name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0)
        return std::nullopt;
    struct stat info {};
    std::string prefix(size, '\0');
    const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
    const ssize_t got = regular ? read_full(fd, prefix.data(), size) : -1;
    ::close(fd);
    if (got < 0)
        return std::nullopt;
    prefix.resize(static_cast<std::size_t>(got));
    return prefix;
}

// The writer's pid in a temporary file's name, or 0 if not named as one.
static pid_t temporary_writer(std::string_view name) {
    const auto marker = name.rfind(".tmp-");
    if (name.empty() || name[0] != '.' || marker == std::string_view::npos)
        return 0;
    const auto rest = name.substr(marker + 5);
    const auto dash = rest.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 7 || rest.size() - dash - 1 != 8)
        return 0;
    pid_t pid = 0;
    for (char c : rest.substr(0, dash)) {
        if (c < '0' || c > '9')
            return 0;
        pid = pid * 10 + (c - '0');
    }
    return pid;
}

std::size_t remove_stale_temporaries(int folder) {
    const int fd = ::openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return 0;
    }
    std::size_t removed = 0;
    while (const struct dirent* entry = ::readdir(dir)) {
        const pid_t pid = temporary_writer(entry->d_name);
        if (pid <= 0 || pid == ::getpid() || entry_kind_at(fd, entry->d_name) != EntryKind::regular)
            continue;
        if (::kill(pid, 0) != 0 && errno == ESRCH && ::unlinkat(fd, entry->d_name, 0) == 0)
            ++removed;
    }
    ::closedir(dir);
    return removed;
}

std::vector<std::string> entry_names_at(int folder) {
    std::vector<std::string> names;
    const int fd = ::openat(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return names;
    DIR* dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return names;
    }
    while (const struct dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    return names;
}

bool remove_file_at(int folder, const std::string& name) {
    return ::unlinkat(folder, name.c_str(), 0) == 0;
}

} // namespace util
