#include "core/store.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

#include "core/cache.hpp"
#include "core/repo_files.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace fs = std::filesystem;

bool NoteSet::has_errors() const {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& p) { return p.severity == Severity::error; });
}

std::string display_path(const Config& config, const fs::path& file) {
    return util::relative_to(file, config.root);
}

namespace {

// A child of `folder` as std::filesystem's operator/ would write it.
std::string child_path(const std::string& folder, const char* name) {
    std::string path;
    path.reserve(folder.size() + 1 + std::strlen(name));
    path = folder;
    if (!path.empty() && path.back() != '/')
        path.push_back('/');
    path += name;
    return path;
}

bool is_generated_name(std::string_view name) {
    return std::any_of(std::begin(generated_files), std::end(generated_files),
                       [&](const char* generated) { return name == generated; });
}

bool named_like_note(std::string_view name) {
    return name.size() > 3 && name.substr(name.size() - 3) == ".md" && !is_generated_name(name);
}

enum class EntryType { folder, symlink, other };

EntryType entry_type(const struct dirent& entry, const std::string& path) {
    unsigned char type = entry.d_type;
    if (type == DT_UNKNOWN) {
        struct stat info {};
        if (::lstat(path.c_str(), &info) != 0)
            return EntryType::other;
        type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISLNK(info.st_mode) ? DT_LNK : DT_REG;
    }
    return type == DT_DIR   ? EntryType::folder
           : type == DT_LNK ? EntryType::symlink
                            : EntryType::other;
}

bool points_to_folder(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// Walks the notes tree depth first, in directory order, with the rules (and
// problems, in the order met) of find_note_files, and yields the files sorted
// as std::filesystem::path sorts them: each folder's entries by name.
struct NoteWalk {
    const Config& config;
    std::vector<Problem>& problems;

    // A file, or a folder with the files under it; `path` ends with the name.
    struct Child {
        std::string path;
        std::size_t name_start = 0;
        std::vector<std::string> files;
        std::string_view name() const { return std::string_view(path).substr(name_start); }
    };

    void warn(const std::string& path, const char* message) {
        problems.push_back({display_path(config, path), 0, Severity::warning, message});
    }

    std::vector<std::string> folder(const std::string& path, DIR* dir) {
        std::vector<Child> children;
        while (const struct dirent* entry = ::readdir(dir)) {
            const std::string_view name = entry->d_name;
            if (name.empty() || name[0] == '.')
                continue; // also '.' and '..'
            Child child{child_path(path, entry->d_name), 0, {}};
            child.name_start = child.path.size() - name.size();
            const EntryType type = entry_type(*entry, child.path);
            if (type == EntryType::folder) {
                child.files = subfolder(child.path, named_like_note(name));
                if (!child.files.empty())
                    children.push_back(std::move(child));
            } else if (type == EntryType::symlink && points_to_folder(child.path)) {
                warn(child.path, "symbolic link to a folder; not followed");
            } else if (!named_like_note(name)) {
                continue;
            } else if (type == EntryType::symlink) {
                warn(child.path, "symbolic link; not followed");
            } else {
                children.push_back(std::move(child));
            }
        }
        std::sort(children.begin(), children.end(),
                  [](const Child& a, const Child& b) { return a.name() < b.name(); });
        std::vector<std::string> files;
        for (auto& child : children) {
            if (child.files.empty())
                files.push_back(std::move(child.path));
            for (auto& file : child.files)
                files.push_back(std::move(file));
        }
        return files;
    }

    std::vector<std::string> subfolder(const std::string& path, bool note_name) {
        // Say so rather than lose the notes of a folder pmi may not read.
        if (::access(path.c_str(), R_OK | X_OK) != 0) {
            warn(path, "cannot read folder; its notes are skipped");
            return {};
        }
        if (note_name)
            warn(path, "a folder named like a note; skipped");
        DIR* dir = ::opendir(path.c_str());
        if (!dir) {
            problems.push_back({display_path(config, path), 0, Severity::error,
                                std::string("cannot read: ") + std::strerror(errno)});
            return {};
        }
        std::vector<std::string> files = folder(path, dir);
        ::closedir(dir);
        return files;
    }
};

} // namespace

util::FolderHandle open_notes_folder(const Config& config) {
    fs::path relative = config.notes_dir;
    if (relative.is_absolute()) {
        // A folder named on the command line (pmi lint FOLDER): walked from the
        // root when inside it, else opened as named.
        relative = relative.lexically_normal().lexically_relative(config.root.lexically_normal());
        if (relative.empty() || *relative.begin() == "..") {
            util::FolderHandle named(
                ::open(config.notes_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
            if (!named)
                throw Error(fmt::format("{}: cannot read folder: {}", config.notes_dir,
                                        std::strerror(errno)));
            return named;
        }
    }
    util::WalkError error;
    util::FolderHandle folder =
        util::open_beneath(config.root, relative, util::MissingFolders::fail, error);
    if (folder)
        return folder;
    if (error.kind == util::WalkError::Kind::missing)
        throw Error(fmt::format("{}: notes folder not found; run 'pmi init' or check 'notes' in {}",
                                error.at, config_file_name));
    if (error.kind == util::WalkError::Kind::system)
        throw Error(fmt::format("{}: cannot read the notes folder: {}", error.at, error.detail));
    throw Error(walk_error_message(error, Access::read));
}

std::vector<std::string> find_note_paths(const Config& config, std::vector<Problem>& problems) {
    const std::string notes = config.notes_path().native();
    // A missing, unreadable or linked notes folder is an error, never an empty
    // tree: a report over no notes would say every PM missed their quota.
    util::FolderHandle folder = open_notes_folder(config);
    DIR* dir = ::fdopendir(folder.fd());
    if (!dir)
        throw Error(fmt::format("{}: cannot read the notes folder: {}", display_path(config, notes),
                                std::strerror(errno)));
    static_cast<void>(folder.release()); // closedir closes it
    std::vector<std::string> files = NoteWalk{config, problems}.folder(notes, dir);
    ::closedir(dir);
    return files;
}

std::vector<fs::path> find_note_files(const Config& config, std::vector<Problem>& problems) {
    std::vector<fs::path> files;
    for (auto& file : find_note_paths(config, problems))
        files.emplace_back(std::move(file));
    return files;
}

namespace {

// Below this many files parsing is quicker than reading the cache.
constexpr std::size_t min_cached_files = 16;

// What is known of one file while loading; its path is its note's path.
struct Slot {
    std::optional<FileStamp> stamp;
    BodyScan scan = BodyScan::none;
    bool valid = false;
    bool hit = false;
    std::optional<FileStamp> cached_stamp; // set when the cache had this path
    BodyScan cached_scan = BodyScan::none;
    bool cached_valid = false;
};

// display_path for many files at once: the notes folder is resolved once, and a
// file found under it (no '.', '..' or symbolic-link folders, as
// find_note_files yields) gets its path by appending, with no system call.
class DisplayPaths {
  public:
    explicit DisplayPaths(const Config& config)
        : config_(config), prefix_(config.notes_path().native()),
          notes_(display_path(config, config.notes_path())) {
        prefix_.push_back('/');
        usable_ = !notes_.empty() && notes_[0] != '/' && prefix_.size() > 1;
        if (notes_ == ".")
            notes_.clear();
        else
            notes_.push_back('/');
    }

    std::string operator()(const std::string& text) const {
        if (!usable_ || text.compare(0, prefix_.size(), prefix_) != 0)
            return display_path(config_, text);
        const std::string_view rest = std::string_view(text).substr(prefix_.size());
        for (std::size_t start = 0; start <= rest.size();) {
            const std::size_t end = std::min(rest.find('/', start), rest.size());
            const std::string_view part = rest.substr(start, end - start);
            if (part.empty() || part == "." || part == "..")
                return display_path(config_, text);
            start = end + 1;
        }
        return notes_ + std::string(rest);
    }

  private:
    const Config& config_;
    std::string prefix_;
    std::string notes_;
    bool usable_ = false;
};

// The slot of a cached path. The cache lists paths in the order of the slots
// it was written from, so the next slot is tried first; a hash index is built
// only when that fails.
class SlotFinder {
  public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    explicit SlotFinder(const std::vector<Note>& notes) : notes_(notes) {}

    std::size_t operator()(const std::string& path) {
        if (next_ < notes_.size() && notes_[next_].path == path)
            return next_++;
        if (index_.empty()) {
            index_.reserve(notes_.size());
            for (std::size_t i = 0; i < notes_.size(); ++i)
                index_.emplace(notes_[i].path, i);
        }
        const auto found = index_.find(path);
        if (found == index_.end())
            return none;
        next_ = found->second + 1;
        return found->second;
    }

  private:
    const std::vector<Note>& notes_;
    std::size_t next_ = 0;
    // Owns its keys: notes are replaced (by equal paths) while it is used.
    std::unordered_map<std::string, std::size_t> index_;
};

// Empties a note but for its path.
void clear_keeping_path(Note& note) {
    Note empty;
    empty.path = std::move(note.path);
    note = std::move(empty);
}

// Puts `loaded` in `note`'s place; the paths are equal, `note`'s is kept.
void replace_keeping_path(Note& note, Note&& loaded) {
    std::string path = std::move(note.path);
    note = std::move(loaded);
    note.path = std::move(path);
}

// stamp_file for many files in few folders: each folder is opened once (while
// its files come one after another) and files are looked up by name in it,
// not by their whole path.
class FolderStat {
  public:
    FolderStat() = default;
    FolderStat(const FolderStat&) = delete;
    FolderStat& operator=(const FolderStat&) = delete;
    ~FolderStat() { close(); }

    std::optional<FileStamp> operator()(const std::string& file) {
        const std::size_t slash = file.rfind('/');
        if (slash == std::string::npos || slash + 1 == file.size())
            return stamp_file(file.c_str());
        const std::string_view folder = std::string_view(file).substr(0, slash + 1);
        if (folder != folder_) {
            close();
            folder_ = folder;
            fd_ = ::open(folder_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        }
        if (fd_ < 0)
            return stamp_file(file.c_str());
        struct stat info {};
        if (::fstatat(fd_, file.c_str() + slash + 1, &info, AT_SYMLINK_NOFOLLOW) != 0)
            return std::nullopt;
        return stamp_of(info);
    }

  private:
    void close() {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

    std::string folder_;
    int fd_ = -1;
};

bool uses_cache(const Config& config, std::size_t files, CacheMode cache) {
    std::error_code ec;
    return cache == CacheMode::automatic && files >= min_cached_files && config.note_cache &&
           (!config.config_file.empty() || fs::is_directory(config.root / ".pmi", ec));
}

// A link where the cache goes (.pmi or .pmi/cache): the cache is not used, and
// the user is told why.
std::optional<Problem> linked_cache_folder(const Config& config) {
    util::WalkError error;
    if (util::open_beneath(config.root, ".pmi/cache", util::MissingFolders::fail, error) ||
        error.kind != util::WalkError::Kind::symlink)
        return std::nullopt;
    return Problem{error.at, 0, Severity::warning,
                   "symbolic link; pmi does not write through links, so the cache is not used"};
}

// A fresh parse worth keeping: a regular file, not changed too recently, and
// not an I/O failure (those have no line).
bool cacheable(const Slot& slot, const Note& note, const std::vector<Problem>& problems,
               std::int64_t now) {
    return slot.stamp && !is_racy(*slot.stamp, now) &&
           std::none_of(problems.begin(), problems.end(),
                        [](const Problem& p) { return p.line == 0; }) &&
           cache_can_hold(note.path, slot.valid ? &note : nullptr, problems);
}

} // namespace

NoteSet load_note_files(const Config& config, const std::vector<fs::path>& files, BodyScan scan,
                        unsigned threads, CacheMode cache) {
    std::vector<std::string> paths;
    paths.reserve(files.size());
    for (const auto& file : files)
        paths.push_back(file.native());
    return load_note_files(config, paths, scan, threads, cache);
}

NoteSet load_note_files(const Config& config, const std::vector<std::string>& files, BodyScan scan,
                        unsigned threads, CacheMode cache) {
    const std::size_t count = files.size();
    const bool wants_cache = uses_cache(config, count, cache);
    const auto linked_cache = wants_cache ? linked_cache_folder(config) : std::nullopt;
    const bool use_cache = wants_cache && !linked_cache;
    const std::int64_t now = now_ns();

    // Notes are loaded into their final place, which holds each one's path
    // from the start; invalid ones are removed after.
    std::vector<Note> notes(count);
    std::vector<std::vector<Problem>> problems(count);
    std::vector<Slot> slots(count);
    const DisplayPaths display(config);
    for (std::size_t i = 0; i < count; ++i)
        notes[i].path = display(files[i]);
    std::size_t cached_entries = 0;
    if (use_cache) {
        SlotFinder find_slot(notes);
        const bool ok = read_repo_note_cache(config.root, [&](CacheEntry& entry) {
            ++cached_entries;
            const std::size_t i = find_slot(entry.path);
            if (i == SlotFinder::none || slots[i].cached_stamp)
                return;
            Slot& slot = slots[i];
            slot.cached_stamp = entry.stamp;
            slot.cached_scan = entry.scan;
            slot.cached_valid = entry.parse.note.has_value();
            if (slot.cached_valid)
                replace_keeping_path(notes[i], std::move(*entry.parse.note));
            problems[i] = std::move(entry.parse.problems);
        });
        if (!ok) {
            cached_entries = 0;
            for (std::size_t i = 0; i < count; ++i)
                if (slots[i].cached_stamp) {
                    slots[i].cached_stamp.reset();
                    clear_keeping_path(notes[i]);
                    problems[i].clear();
                }
        }
    }

    const auto load = [&](std::size_t i, FolderStat& stat) {
        Slot& slot = slots[i];
        // A file the cache knows is stamped first; any other gets its stamp
        // from the file as opened for parsing.
        if (use_cache && slot.cached_stamp) {
            slot.stamp = stat(files[i]);
            if (slot.stamp && slot.cached_stamp == slot.stamp &&
                (slot.cached_scan == BodyScan::sections || scan == BodyScan::none)) {
                slot.hit = true;
                slot.scan = slot.cached_scan;
                slot.valid = slot.cached_valid;
                return;
            }
        }
        struct stat info {};
        NoteParse parse = load_note(files[i], notes[i].path, scan, info);
        if (!slot.cached_stamp)
            slot.stamp = stamp_of(info);
        slot.scan = scan;
        slot.valid = parse.note.has_value();
        if (slot.valid)
            replace_keeping_path(notes[i], std::move(*parse.note));
        else
            clear_keeping_path(notes[i]);
        problems[i] = std::move(parse.problems);
    };
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        FolderStat stat;
        for (std::size_t i = next++; i < count; i = next++)
            load(i, stat);
    };
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count / 32 + 1));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& thread : pool)
        thread.join();

    if (use_cache) {
        const auto hits = static_cast<std::size_t>(
            std::count_if(slots.begin(), slots.end(), [](const Slot& slot) { return slot.hit; }));
        bool changed = hits != cached_entries;
        for (std::size_t i = 0; i < count && !changed; ++i)
            changed = !slots[i].hit && cacheable(slots[i], notes[i], problems[i], now);
        if (changed)
            write_note_cache(config.root, [&](const util::TextSink& sink) {
                // Written out as it is encoded: the cache of a large tree is large.
                NoteCacheWriter writer;
                for (std::size_t i = 0; i < count; ++i) {
                    if (slots[i].hit || cacheable(slots[i], notes[i], problems[i], now))
                        writer.add(notes[i].path, *slots[i].stamp, slots[i].scan,
                                   slots[i].valid ? &notes[i] : nullptr, problems[i]);
                    if (i % 1024 == 1023)
                        writer.drain(sink);
                }
                sink(writer.finish());
            });
    }

    NoteSet set;
    if (linked_cache)
        set.problems.push_back(*linked_cache);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count; ++i) {
        for (auto& problem : problems[i])
            set.problems.push_back(std::move(problem));
        if (!slots[i].valid)
            continue;
        Note& note = notes[i];
        if (scan == BodyScan::none && slots[i].scan != BodyScan::none) {
            note.sections = {};
            note.nuggets = {};
            note.nuggets_line = 0;
            note.nugget_marks = {};
            note.private_nuggets = {};
        }
        if (kept != i)
            notes[kept] = std::move(note);
        set.stamps.push_back(slots[i].stamp);
        ++kept;
    }
    notes.resize(kept);
    set.notes = std::move(notes);
    return set;
}

void apply_customer_aliases(const Config& config, std::vector<Note>& notes) {
    if (config.customers.empty())
        return;
    for (auto& note : notes)
        note.customer = canonical_customer(config, note.customer);
}

NoteSet load_notes_for_reports(const Config& config, BodyScan scan) {
    NoteSet set = load_notes(config, scan);
    apply_customer_aliases(config, set.notes);
    return set;
}

void load_first_nuggets(const Config& config, std::vector<Note>& notes) {
    constexpr std::size_t batch_size = 512;
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < notes.size(); ++i)
        if (util::one_line(notes[i].tldr).empty() && notes[i].nuggets.empty())
            missing.push_back(i);
    for (std::size_t start = 0; start < missing.size(); start += batch_size) {
        const std::size_t end = std::min(missing.size(), start + batch_size);
        std::unordered_map<std::string, std::size_t> by_path;
        std::vector<std::string> files;
        for (std::size_t k = start; k < end; ++k) {
            by_path.emplace(notes[missing[k]].path, missing[k]);
            files.push_back((config.root / notes[missing[k]].path).string());
        }
        // A note that changed or vanished since it was loaded keeps no fallback.
        NoteSet batch = load_note_files(config, files, BodyScan::sections);
        for (auto& read : batch.notes) {
            const auto found = by_path.find(read.path);
            if (found == by_path.end())
                continue;
            // The first nugget the tl;dr may show: never a private one.
            for (std::size_t n = 0; n < read.nuggets.size(); ++n)
                if (!is_private_nugget(read, n)) {
                    notes[found->second].nuggets = {std::move(read.nuggets[n])};
                    break;
                }
        }
    }
}

NoteSet load_notes(const Config& config, BodyScan scan) {
    std::vector<Problem> problems;
    const auto files = find_note_paths(config, problems);
    NoteSet set = load_note_files(config, files, scan);
    set.problems.insert(set.problems.begin(), problems.begin(), problems.end());
    return set;
}

} // namespace pmi
