#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/summary.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct SummaryOptions {
    std::vector<std::string> paths;
    FilterOptions filter;
    std::string match;
    std::string week;
    CLI::Option* week_option = nullptr;
    Format format = Format::markdown;
};

// Warns on stderr about the notes whose summary has no tl;dr of their own.
void warn_missing_tldrs(const std::vector<Note>& notes) {
    for (const auto& note : notes) {
        const NoteSummary summary = summarize_note(note);
        if (summary.source == TldrSource::first_nugget)
            print_problems({{note.path, 0, Severity::warning, "no tldr; using the first nugget"}});
        else if (summary.source == TldrSource::none)
            print_problems(
                {{note.path, 0, Severity::warning, "no tldr and no nuggets to use instead"}});
    }
}

// The two-line summaries of chosen notes, separated by blank lines (JSON: the
// digest's shape, without a week).
void print_summaries(const std::vector<Note>& notes, const Context& context, Format format) {
    warn_missing_tldrs(notes);
    const Digest digest =
        build_digest(notes, context.config, std::nullopt, RosterEntries::omit, {});
    write_output(render(digest_formats, format, digest, text_view(context)));
}

// A note named without folder or ".md" ("acme-corp-2026-11-20"), looked up in
// the notes tree; `argument` itself when it is a path or names no single note.
std::filesystem::path note_file(const std::string& argument, const Config& config) {
    std::error_code ec;
    if (argument.find('/') != std::string::npos || std::filesystem::exists(argument, ec))
        return argument;
    std::vector<Problem> ignored; // `pmi lint` reports the tree's problems
    std::vector<std::filesystem::path> found;
    for (const auto& file : find_note_files(config, ignored))
        if (file.filename() == argument || file.stem() == argument)
            found.push_back(file);
    if (found.size() > 1) {
        std::vector<std::string> shown;
        for (const auto& file : found)
            shown.push_back(display_path(config, file));
        throw Error(fmt::format("'{}' names {} notes; give the path: {}", argument, found.size(),
                                util::join(shown, ", ")));
    }
    return found.empty() ? std::filesystem::path(argument) : found.front();
}

int summarize_paths(const SummaryOptions& options, const Context& context) {
    std::vector<Note> notes;
    for (const auto& argument : options.paths) {
        const auto file =
            std::filesystem::absolute(note_file(argument, context.config)).lexically_normal();
        NoteParse parse =
            load_note(file.string(), display_path(context.config, file), BodyScan::sections);
        print_problems(parse.problems);
        if (parse.note)
            notes.push_back(std::move(*parse.note));
    }
    apply_customer_aliases(context.config, notes);
    print_summaries(notes, context, options.format);
    return notes.empty() ? exit_usage : exit_ok;
}

int run_digest(const SummaryOptions& options, const Context& context) {
    const Week week = parse_week(options.week.empty() ? "this" : options.week, context.today,
                                 context.config.week_start);
    NoteFilter filter = make_filter(options.filter, context);
    clamp_to_week(filter, week);
    const NoteSet set = load_notes_for_reports(context.config, BodyScan::sections);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    const std::vector<Note> notes =
        apply_match(options.match, context, set.notes, select_notes(set.notes, filter));
    // Roster members without interviews are listed unless the filters narrow the digest
    // to something other than PMs.
    FilterOptions others = options.filter;
    others.pms.clear();
    const Digest digest =
        build_digest(notes, context.config, week,
                     has_filters(others) || !options.match.empty() ? RosterEntries::omit
                                                                   : RosterEntries::include,
                     options.filter.pms);
    write_output(render(digest_formats, options.format, digest, text_view(context)));
    return exit_ok;
}

int run_summary(const SummaryOptions& options, const Globals& globals) {
    const bool digest = options.week_option->count() > 0;
    if (digest && !options.paths.empty())
        throw Error("give note paths or --week, not both");
    const Context context = make_context(globals);
    if (digest)
        return run_digest(options, context);
    if (!options.paths.empty())
        return summarize_paths(options, context);
    if (!has_filters(options.filter) && options.match.empty())
        throw Error("give note paths, --week [WEEK], or filters such as --pm or --since");
    const NoteSet set = load_notes_for_reports(context.config, BodyScan::sections);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    const std::vector<Note> notes =
        apply_match(options.match, context, set.notes,
                    select_notes(set.notes, make_filter(options.filter, context)));
    if (notes.empty() && options.format != Format::json)
        std::cerr << "no notes match\n";
    print_summaries(notes, context, options.format);
    return exit_ok;
}

} // namespace

void setup_summary(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<SummaryOptions>();
    command.add_option("notes", options->paths, "Note files to summarise (paths)");
    options->week_option = add_optional_week_option(
        command, options->week,
        "Staff-meeting digest of this week (default), last, 2026-W47 or a date");
    add_filter_options(command, options->filter, FilterSet::without_week);
    add_match_option(command, options->match);
    add_format_option(command, options->format, digest_formats);
    command.callback([options, &globals] { globals.exit_code = run_summary(*options, globals); });
}

} // namespace pmi::cli
