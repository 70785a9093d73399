#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "core/lint.hpp"
#include "core/privacy.hpp"
#include "core/repo_files.hpp"
#include "core/store.hpp"
#include "render/check.hpp"
#include "render/index.hpp"
#include "util/fs.hpp"

namespace pmi::cli {

namespace fs = std::filesystem;

namespace {

struct CheckOptions {
    std::string week = "last";
    Format format = Format::text;
    std::string junit;
};

// GitHub Actions gives each step a file to append markdown to.
void append_step_summary(const std::string& markdown) {
    const char* path = std::getenv("GITHUB_STEP_SUMMARY");
    if (!path || !*path)
        return;
    std::ofstream out(path, std::ios::app | std::ios::binary);
    out << markdown;
    out.flush();
    if (!out)
        warn(fmt::format("cannot append to GITHUB_STEP_SUMMARY file '{}'", path));
}

// INDEX.md and TAGS.md missing or not as `pmi index` would write them, as
// errors (check.index in the config).
std::vector<Problem> stale_index_problems(const Config& config, const NoteSet& set) {
    using Writer = void (*)(const std::vector<Note>&, std::string_view, const TextSink&);
    const std::pair<const char*, Writer> files[] = {{"INDEX.md", write_index_markdown},
                                                    {"TAGS.md", write_tags_index_markdown}};
    std::vector<Problem> problems;
    for (const auto& [name, writer] : files) {
        const auto path = config.notes_path() / name;
        const std::string shown = display_path(config, path);
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            problems.push_back({shown, 0, Severity::error, "missing; run 'pmi index'"});
            continue;
        }
        const auto matches = util::file_matches(
            path, [&](const TextSink& sink) { writer(set.notes, config.notes_dir, sink); });
        if (!matches)
            problems.push_back({shown, 0, Severity::error, "cannot read: " + matches.error()});
        else if (!*matches)
            problems.push_back({shown, 0, Severity::error, "stale; run 'pmi index'"});
    }
    return problems;
}

// Whether `text` (the start of a file) opens a JUnit report: <testsuites> or
// <testsuite> as the first element, after an XML declaration and comments.
bool starts_junit_report(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    while (true) {
        const auto start = text.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos)
            return false;
        text.remove_prefix(start);
        const bool declaration = text.substr(0, 2) == "<?";
        if (!declaration && text.substr(0, 4) != "<!--")
            break;
        const auto end = text.find(declaration ? "?>" : "-->");
        if (end == std::string_view::npos)
            return false;
        text.remove_prefix(end + (declaration ? 2 : 3));
    }
    for (const std::string_view element : {"<testsuites", "<testsuite"})
        if (text.substr(0, element.size()) == element && text.size() > element.size() &&
            std::string_view(" \t\r\n>/").find(text[element.size()]) != std::string_view::npos)
            return true;
    return false;
}

// The reason pmi must not write a report at `path`, if it is one of pmi's own
// files: the notes, the config, .pmi/.
std::string own_file_reason(const Config& config, const fs::path& path) {
    const auto relative = inside_root(config.root, path);
    if (!relative)
        return {};
    const auto starts_with = [&](const fs::path& folder) {
        auto part = relative->begin();
        for (const auto& name : folder.lexically_normal()) {
            if (name.empty())
                continue;
            if (part == relative->end() || *part != name)
                return false;
            ++part;
        }
        return true;
    };
    if (starts_with(config.notes_dir))
        return "is inside the notes folder";
    if (*relative == config_file_name)
        return "is the config";
    if (starts_with(".pmi"))
        return "is inside .pmi/";
    return {};
}

// The first folder of a relative `path` (as given, below the working folder)
// that is a symbolic link, or nothing. An absolute path's folders are the
// caller's to choose (CI workspaces often sit below a link).
fs::path first_linked_folder(const fs::path& path) {
    if (path.is_absolute())
        return {};
    fs::path walked;
    std::error_code ec;
    for (const auto& part : path.parent_path()) {
        walked /= part;
        if (part != "." && part != ".." && fs::is_symlink(fs::symlink_status(walked, ec)))
            return walked;
    }
    return {};
}

// Writes the JUnit report where --junit says: into stdout ("-"), a character
// device or a FIFO; otherwise it creates a file, or replaces a regular file
// holding a JUnit report (or nothing). Never pmi's own files, never a link.
void write_junit(const Config& config, const std::string& destination, const std::string& xml) {
    if (destination == "-") {
        write_output(xml);
        return;
    }
    const fs::path path = destination;
    if (const std::string reason = own_file_reason(config, path); !reason.empty())
        throw Error(
            fmt::format("--junit: '{}' {}; pmi writes reports elsewhere", destination, reason));
    std::error_code ec;
    const auto target = fs::status(path, ec);
    if (fs::is_character_file(target) || fs::is_fifo(target)) {
        if (const auto written = util::write_into(path, xml); !written)
            throw Error(
                fmt::format("--junit: cannot write to '{}': {}", destination, written.error()));
        return;
    }
    const auto status = fs::symlink_status(path, ec);
    if (fs::is_symlink(status))
        throw Error(fmt::format("--junit: '{}' is a symbolic link; pmi does not replace links",
                                destination));
    if (const fs::path link = first_linked_folder(path); !link.empty())
        throw Error(fmt::format("--junit: '{}' is a symbolic link; pmi does not write through "
                                "links",
                                link.string()));
    if (fs::exists(status)) {
        const auto start = util::read_prefix(path, 4096);
        if (!fs::is_regular_file(status) || !start ||
            (!start->empty() && !starts_junit_report(*start)))
            throw Error(fmt::format("--junit: '{}' exists and is not a JUnit report; not replaced",
                                    destination));
    }
    if (const auto written = util::write_atomic(path, xml); !written)
        throw Error(fmt::format("--junit: cannot write '{}': {}", destination, written.error()));
}

int run_check_command(const CheckOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const Week week = parse_week(options.week, context.today, context.config.week_start);
    NoteSet set = load_notes(context.config);
    // Lint's cross-note errors (file name or folder disagreeing with the front
    // matter, duplicates) fail the gate too; its warnings are for `pmi lint`.
    std::vector<Problem> extra_problems;
    for (auto& problem : lint_notes(context.config, set))
        if (problem.severity == Severity::error)
            extra_problems.push_back(std::move(problem));
    if (context.config.privacy_check) {
        std::vector<Problem> found_twice; // find_note_files' problems are in `set` already
        auto contacts = check_privacy(context.config, find_note_files(context.config, found_twice));
        extra_problems.insert(extra_problems.end(), contacts.begin(), contacts.end());
    }
    if (context.config.check_index) {
        load_first_nuggets(context.config, set.notes); // as `pmi index` writes INDEX.md
        auto stale = stale_index_problems(context.config, set);
        extra_problems.insert(extra_problems.end(), stale.begin(), stale.end());
    }
    const CheckResult result = run_check(context.config, set, context.today, week, extra_problems);
    write_output(render(check_formats, options.format, result, View{}));
    append_step_summary(check_markdown(result, View{}));
    if (!options.junit.empty())
        write_junit(context.config, options.junit, check_junit(result, View{}));
    return result.passed() ? exit_ok : exit_check_failed;
}

} // namespace

void setup_check(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<CheckOptions>();
    command.footer(
        "Exit 0 when every active PM of the roster met the quota in the week (excused and "
        "not-started weeks are fine) and every note is valid; exit 1 otherwise, listing each "
        "PM short of the quota and each invalid note as path:line: message; exit 2 for usage "
        "errors. With 'privacy: true' in .pmi.yaml, contact details in notes fail it too (see "
        "pmi lint --privacy). The output is the same with or without a terminal. When "
        "GITHUB_STEP_SUMMARY "
        "is set, the result is also appended to that file as markdown.");
    add_week_option_bare_this(command, options->week,
                              "The week to check (default: last, the last completed week): "
                              "this (also when WEEK is omitted), last, 2026-W47 or a date in "
                              "the week");
    add_format_option(command, options->format, check_formats);
    command.add_option("--junit", options->junit,
                       "Also write a JUnit XML report to FILE (- for stdout); an existing file "
                       "is replaced only if it is a JUnit report");
    command.callback(
        [options, &globals] { globals.exit_code = run_check_command(*options, globals); });
}

} // namespace pmi::cli
