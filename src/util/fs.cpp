#include "util/fs.hpp"

#include <cerrno>
#include <cstring>
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

CreateResult create_exclusive(const std::filesystem::path& path, std::string_view content,
                              std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EEXIST)
            return CreateResult::exists;
        error = std::strerror(errno);
        return CreateResult::failed;
    }
    const bool ok = write_all(fd, content) && ::fsync(fd) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!ok) {
        // The file is ours and incomplete: remove it rather than leave half a note.
        ::unlink(path.c_str());
        error = std::strerror(saved_errno);
        return CreateResult::failed;
    }
    return CreateResult::created;
}

static std::string random_suffix() {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += alphabet[generator() % (sizeof alphabet - 1)];
    return suffix;
}

std::string write_atomic(const std::filesystem::path& path, std::string_view content) {
    return write_atomic(path, [&](const TextSink& sink) { sink(content); });
}

namespace {

// write_atomic, the temporary file created with `mode` (and set to it exactly
// when `exact_mode`, whatever the umask).
std::string write_atomic_mode(const std::filesystem::path& path,
                              const std::function<void(const TextSink&)>& write, unsigned mode,
                              bool exact_mode) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    int fd = -1;
    std::filesystem::path temporary;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temporary = folder / ("." + path.filename().string() + ".tmp-" + random_suffix());
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                    static_cast<mode_t>(mode));
        if (fd < 0 && errno != EEXIST)
            return std::strerror(errno);
    }
    if (fd < 0)
        return "could not create a temporary file";
    if (exact_mode && ::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(temporary.c_str());
        return std::strerror(error);
    }
    bool written = true;
    int saved_errno = 0;
    write([&](std::string_view piece) {
        if (written && !write_all(fd, piece)) {
            written = false;
            saved_errno = errno;
        }
    });
    const bool ok = written && ::fsync(fd) == 0;
    if (written)
        saved_errno = errno;
    ::close(fd);
    if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = ok ? errno : saved_errno;
        ::unlink(temporary.c_str());
        return std::strerror(error);
    }
    return {};
}

} // namespace

std::string write_atomic(const std::filesystem::path& path,
                         const std::function<void(const TextSink&)>& write) {
    return write_atomic_mode(path, write, 0644, false);
}

std::string write_atomic_keeping_mode(const std::filesystem::path& path, std::string_view content,
                                      unsigned mode) {
    return write_atomic_mode(
        path, [&](const TextSink& sink) { sink(content); }, mode & 07777, true);
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

std::optional<bool> file_matches(const std::filesystem::path& path,
                                 const std::function<void(const TextSink&)>& write,
                                 std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        error = S_ISDIR(info.st_mode) ? "is a folder" : "not a regular file";
        ::close(fd);
        return std::nullopt;
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
    if (read_error) {
        error = std::strerror(read_error);
        return std::nullopt;
    }
    return same;
}

std::optional<std::string> read_file(const std::filesystem::path& path, std::string& error) {
    // O_NONBLOCK and the regular-file check: a FIFO or a folder is an error, never a hang.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        error = S_ISDIR(info.st_mode) ? "is a folder" : "not a regular file";
        ::close(fd);
        return std::nullopt;
    }
    std::string content;
    char buffer[64 * 1024];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            error = std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        if (got == 0)
            break;
        content.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    return content;
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

CreateResult write_new_atomic(const std::filesystem::path& path, std::string_view content,
                              std::string& error) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    const auto temporary = folder / ("." + path.filename().string() + ".tmp-" + random_suffix());
    if (create_exclusive(temporary, content, error) != CreateResult::created)
        return CreateResult::failed;
    const int result = ::link(temporary.c_str(), path.c_str());
    const int saved_errno = errno;
    ::unlink(temporary.c_str());
    if (result == 0)
        return CreateResult::created;
    if (saved_errno == EEXIST)
        return CreateResult::exists;
    error = std::strerror(saved_errno);
    return CreateResult::failed;
}

} // namespace util
