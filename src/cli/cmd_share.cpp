#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "core/repo_files.hpp"
#include "core/share.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "util/fs.hpp"

namespace pmi::cli {

namespace {

namespace fs = std::filesystem;

struct ShareOptions {
    std::vector<std::string> paths;
    std::string week;
    CLI::Option* week_option = nullptr;
    FilterOptions filter;
    std::string out;
};

// A note to share: where it is on disk and how it is shown.
struct Source {
    fs::path file;
    std::string path;
};

// Whether `path` is `folder` or inside it, lexically.
bool is_inside(const fs::path& path, const fs::path& folder) {
    const auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

std::vector<Source> selected_sources(const ShareOptions& options, const Context& context) {
    NoteFilter filter = make_filter(options.filter, context);
    if (options.week_option->count() > 0) {
        const Week week = parse_week(options.week.empty() ? "this" : options.week, context.today,
                                     context.config.week_start);
        clamp_to_week(filter, week);
    }
    const NoteSet set = load_notes(context.config);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    std::vector<Note> notes = select_notes(set.notes, filter);
    // Oldest first reads like a story when several notes are sent together.
    std::reverse(notes.begin(), notes.end());
    std::vector<Source> sources;
    for (const auto& note : notes)
        sources.push_back({context.config.root / note.path, note.path});
    return sources;
}

// Where --out is, its symbolic links resolved one by one as the system would,
// except that a link inside the repository is refused: one committed there
// must never send the copies elsewhere. Inside the repository the folder is
// then opened without following links (open_repo_folder); outside it, it is
// the user's to choose.
struct OutFolder {
    bool inside = false;
    fs::path relative;   // inside: from the repository's root; empty for the root
    fs::path path;       // outside: with every link resolved
    fs::path repository; // the root, with every link resolved
};

OutFolder locate_out_folder(const std::string& given, const fs::path& root) {
    std::error_code ec;
    const fs::path repository = fs::canonical(root, ec);
    if (ec)
        throw Error(
            fmt::format("cannot find the repository '{}': {}", root.string(), ec.message()));
    const fs::path given_path(given);
    std::deque<fs::path> parts(given_path.begin(), given_path.end());
    fs::path folder = given_path.is_absolute() ? fs::path("/") : fs::current_path();
    fs::path missing; // the components from the first that does not exist yet
    int links = 0;
    while (!parts.empty()) {
        const fs::path part = parts.front();
        parts.pop_front();
        if (part.empty() || part == "." || part == "/")
            continue;
        if (!missing.empty() && part == "..")
            throw Error(fmt::format("--out '{}': '..' after '{}', which does not exist", given,
                                    missing.string()));
        if (!missing.empty()) {
            missing /= part;
            continue;
        }
        if (part == "..") {
            folder = folder.parent_path();
            continue;
        }
        const fs::path next = folder / part;
        const auto status = fs::symlink_status(next, ec);
        if (status.type() == fs::file_type::not_found) {
            missing = part;
        } else if (fs::is_symlink(status)) {
            if (is_inside(folder, repository))
                throw Error(fmt::format("--out '{}': '{}' is a symbolic link; share writes only "
                                        "into real folders (give the folder it points to)",
                                        given, next.lexically_relative(repository).string()));
            if (++links > 40)
                throw Error(fmt::format("--out '{}': too many symbolic links", given));
            const fs::path target = fs::read_symlink(next, ec);
            if (target.is_absolute())
                folder = "/";
            parts.insert(parts.begin(), target.begin(), target.end());
        } else {
            folder = next;
        }
    }
    const fs::path full = (folder / missing).lexically_normal();
    if (!is_inside(full, repository))
        return {false, {}, full, repository};
    const fs::path relative = full == repository ? fs::path() : full.lexically_relative(repository);
    const std::string first = relative.empty() ? "" : relative.begin()->string();
    if (first == ".git" || first == ".pmi")
        throw Error(
            fmt::format("--out '{}' is inside {}; choose a folder of its own", given, first));
    return {true, relative, {}, repository};
}

// Opens the --out folder, creating it, after the checks: never the notes
// tree, never over a source.
util::FolderHandle output_folder(const ShareOptions& options, const Context& context,
                                 const std::vector<Source>& sources) {
    const OutFolder located = locate_out_folder(options.out, context.config.root);
    std::error_code ec;
    const fs::path out = fs::weakly_canonical(fs::absolute(options.out), ec);
    const fs::path notes = fs::weakly_canonical(context.config.notes_path(), ec);
    if (out == notes || is_inside(out, notes))
        throw Error(fmt::format("--out '{}' is inside the notes folder; share copies go "
                                "elsewhere",
                                options.out));
    if (fs::exists(out, ec) && !fs::is_directory(out, ec))
        throw Error(fmt::format("--out '{}' is not a folder", options.out));
    std::set<std::string> names;
    for (const auto& source : sources) {
        const std::string name = source.file.filename().string();
        if (!names.insert(name).second)
            throw Error(fmt::format("two notes are named '{}'; share them separately", name));
        if (fs::weakly_canonical(source.file, ec) == out / name)
            throw Error(fmt::format("--out would overwrite the note {}", source.path));
    }
    if (located.inside)
        return open_repo_folder(context.config.root, located.relative, util::MissingFolders::create,
                                Access::write);
    fs::create_directories(located.path, ec);
    util::FolderHandle folder(
        ::open(located.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW));
    if (!folder)
        throw Error(fmt::format("cannot create '{}': {}", options.out,
                                ec ? ec.message() : std::string(std::strerror(errno))));
    // A folder on the way swapped for a link meanwhile must not lead back into
    // the repository: the folder opened is checked again, where the system
    // can say which it is.
    const fs::path opened = fs::read_symlink("/proc/self/fd/" + std::to_string(folder.fd()), ec);
    if (!opened.empty() && is_inside(opened, located.repository))
        throw Error(
            fmt::format("--out '{}' changed while pmi share ran; not written", options.out));
    return folder;
}

// Writes a shared copy as `name` in `folder`; never replaces a file share did
// not write, never through a link. False (with the error printed) when it did
// not write.
bool write_copy(int folder, const std::string& name, const fs::path& shown,
                const std::string& text) {
    const std::string not_ours = "exists and is not a copy written by pmi share; not replaced "
                                 "(move it away or choose another --out)";
    std::string failure;
    switch (util::entry_kind_at(folder, name)) {
    case util::EntryKind::missing:
        if (const auto created = util::write_new_atomic_at(folder, name, text); !created)
            failure = created.error();
        else if (*created == util::CreateResult::exists)
            failure = not_ours;
        break;
    case util::EntryKind::regular:
        if (const auto existing = util::read_file_at(folder, name);
            !existing || !is_shared_copy(*existing))
            failure = not_ours;
        else if (const auto written = util::write_atomic_at(
                     folder, name, [&](const util::TextSink& sink) { sink(text); });
                 !written)
            failure = written.error();
        break;
    default: failure = not_ours;
    }
    if (failure.empty())
        return true;
    print_problems({{shown.string(), 0, Severity::error, failure}});
    return false;
}

int run_share(const ShareOptions& options, const Globals& globals) {
    const bool by_week = options.week_option->count() > 0;
    if (by_week && !options.paths.empty())
        throw Error("give note paths or --week [WEEK], not both");
    if (!by_week && options.paths.empty() && !has_filters(options.filter))
        throw Error("give note paths, --week [WEEK], or filters such as --pm or --since");
    if (!options.paths.empty() && has_filters(options.filter))
        throw Error("filters select notes; give note paths or filters, not both");
    const Context context = make_context(globals);
    std::vector<Source> sources;
    for (const auto& argument : options.paths) {
        const auto file = fs::absolute(argument).lexically_normal();
        sources.push_back({file, display_path(context.config, file)});
    }
    if (options.paths.empty())
        sources = selected_sources(options, context);
    if (sources.empty()) {
        std::cerr << "no notes match\n";
        return exit_ok;
    }
    const util::FolderHandle out =
        options.out.empty() ? util::FolderHandle() : output_folder(options, context, sources);

    int code = exit_ok;
    bool first = true;
    for (const auto& source : sources) {
        std::error_code ec;
        std::string error;
        std::optional<std::string> text;
        if (fs::is_symlink(source.file, ec))
            error = "is a symbolic link; not followed";
        else if (!fs::is_regular_file(source.file, ec))
            error = fs::exists(source.file, ec) ? "not a regular file" : "no such file";
        else if (auto read = util::read_file(source.file))
            text = std::move(*read);
        else
            error = read.error();
        if (!text) {
            print_problems({{source.path, 0, Severity::error, error}});
            code = exit_usage;
            continue;
        }
        std::vector<Problem> problems;
        const SharedNote shared =
            share_note(*text, source.path, context.config.share_omit, problems);
        print_problems(problems);
        if (shared.status != ShareStatus::shared) {
            code = std::max(code, static_cast<int>(shared.status == ShareStatus::refused
                                                       ? exit_check_failed
                                                       : exit_usage));
            continue;
        }
        if (!out) {
            write_output((first ? "" : "\n") + escape::terminal(shared.text, escape::Lines::keep));
            first = false;
            continue;
        }
        const fs::path shown = fs::path(options.out) / source.file.filename();
        if (!write_copy(out.fd(), source.file.filename().string(), shown, shared.text)) {
            code = exit_usage;
            continue;
        }
        write_output(escape::terminal(shown.string()) + '\n');
    }
    return code;
}

} // namespace

void setup_share(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ShareOptions>();
    command.add_option("notes", options->paths, "Note files to share (paths)");
    options->week_option = add_optional_week_option(
        command, options->week, "Share the notes of this week (default), last, 2026-W47 or a date");
    add_filter_options(command, options->filter, FilterSet::without_week);
    command.add_option("--out", options->out,
                       "Write one file per note into this folder instead of stdout");
    command.callback([options, &globals] { globals.exit_code = run_share(*options, globals); });
}

} // namespace pmi::cli
