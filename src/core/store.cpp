#include "core/store.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "util/fs.hpp"

namespace pmi {

namespace fs = std::filesystem;

bool NoteSet::has_errors() const {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& p) { return p.severity == Severity::error; });
}

std::string display_path(const Config& config, const fs::path& file) {
    return util::relative_to(file, config.root);
}

static bool is_generated(const fs::path& file) {
    const auto name = file.filename().string();
    return std::any_of(std::begin(generated_files), std::end(generated_files),
                       [&](const char* generated) { return name == generated; });
}

std::vector<fs::path> find_note_files(const Config& config, std::vector<Problem>& problems) {
    std::vector<fs::path> files;
    const fs::path notes = config.notes_path();
    std::error_code ec;
    if (!fs::is_directory(notes, ec))
        return files;
    fs::recursive_directory_iterator it(notes, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        problems.push_back({display_path(config, notes), 0, Severity::error,
                            "cannot read folder: " + ec.message()});
        return files;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec) {
            problems.push_back({display_path(config, it->path()), 0, Severity::error,
                                "cannot read: " + ec.message()});
            ec.clear();
            continue;
        }
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        const bool is_symlink = it->is_symlink(ec);
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory(ec) && !is_symlink)
                it.disable_recursion_pending();
            continue;
        }
        if (path.extension() != ".md" || is_generated(path))
            continue;
        if (is_symlink) {
            problems.push_back(
                {display_path(config, path), 0, Severity::warning, "symbolic link; not followed"});
            continue;
        }
        if (it->is_directory(ec))
            problems.push_back({display_path(config, path), 0, Severity::warning,
                                "a folder named like a note; skipped"});
        else
            files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

NoteSet load_note_files(const Config& config, const std::vector<fs::path>& files, BodyScan scan,
                        unsigned threads) {
    std::vector<NoteParse> results(files.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++)
            results[i] = load_note(files[i].string(), display_path(config, files[i]), scan);
    };
    if (threads == 0)
        threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, files.size() / 32 + 1));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& thread : pool)
        thread.join();

    NoteSet set;
    for (auto& result : results) {
        for (auto& problem : result.problems)
            set.problems.push_back(std::move(problem));
        if (result.note)
            set.notes.push_back(std::move(*result.note));
    }
    return set;
}

NoteSet load_notes(const Config& config, BodyScan scan) {
    std::vector<Problem> problems;
    const auto files = find_note_files(config, problems);
    NoteSet set = load_note_files(config, files, scan);
    set.problems.insert(set.problems.begin(), problems.begin(), problems.end());
    return set;
}

} // namespace pmi
