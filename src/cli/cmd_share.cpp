#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
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

// Refuses an --out inside the repository that goes through a symbolic link:
// a link committed to the repository must not send the copies elsewhere.
void refuse_linked_folder(const std::string& given, const fs::path& root) {
    const fs::path out = fs::absolute(given).lexically_normal();
    const fs::path repository = fs::absolute(root).lexically_normal();
    if (!is_inside(out, repository))
        return;
    fs::path folder = repository;
    for (const auto& part : out.lexically_relative(repository)) {
        folder /= part;
        std::error_code ec;
        if (fs::is_symlink(fs::symlink_status(folder, ec)))
            throw Error(fmt::format("--out '{}': '{}' is a symbolic link; share writes only "
                                    "into real folders (give the folder it points to)",
                                    given, folder.lexically_relative(repository).string()));
    }
}

// Checks --out before anything is written: never the notes tree, never over a source.
fs::path output_folder(const ShareOptions& options, const Context& context,
                       const std::vector<Source>& sources) {
    refuse_linked_folder(options.out, context.config.root);
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
    fs::create_directories(out, ec);
    if (ec)
        throw Error(fmt::format("cannot create '{}': {}", options.out, ec.message()));
    return out;
}

// Whether `target` may be written: absent, or a regular file share wrote before.
bool may_write(const fs::path& target) {
    std::error_code ec;
    const auto status = fs::symlink_status(target, ec);
    if (status.type() == fs::file_type::not_found)
        return true;
    if (status.type() != fs::file_type::regular)
        return false;
    const auto text = util::read_file(target);
    return text && is_shared_copy(*text);
}

// Writes a shared copy; never replaces a file share did not write. False (with
// the error printed) when it did not write.
bool write_copy(const fs::path& target, const fs::path& shown, const std::string& text) {
    const std::string not_ours = "exists and is not a copy written by pmi share; not replaced "
                                 "(move it away or choose another --out)";
    std::error_code ec;
    const bool present = fs::symlink_status(target, ec).type() != fs::file_type::not_found;
    std::string failure;
    if (!may_write(target)) {
        failure = not_ours;
    } else if (present) {
        failure = util::write_atomic(target, text).error();
    } else if (const auto created = util::write_new_atomic(target, text); !created) {
        failure = created.error();
    } else if (*created == util::CreateResult::exists) {
        failure = not_ours;
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
    const fs::path out =
        options.out.empty() ? fs::path() : output_folder(options, context, sources);

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
        if (out.empty()) {
            write_output((first ? "" : "\n") + escape::terminal(shared.text, escape::Lines::keep));
            first = false;
            continue;
        }
        const fs::path shown = fs::path(options.out) / source.file.filename();
        if (!write_copy(out / source.file.filename(), shown, shared.text)) {
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
