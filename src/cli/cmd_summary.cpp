#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/picks.hpp"
#include "core/store.hpp"
#include "render/picks.hpp"
#include "render/summary.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct SummaryOptions {
    std::vector<std::string> paths;
    FilterOptions filter;
    std::string match;
    std::string week;
    CLI::Option* week_option = nullptr;
    bool picks = false;
    std::string audience; // --for: "execs"
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

// The message to the executive team: each flagged note read again as share would
// send it, so nothing private can reach it; a note share refuses is left out (exit 1).
int print_exec_message(const Digest& digest, const Context& context, Format format) {
    ExecMessage message;
    message.week = digest.week.value_or(Week{});
    message.links_base = digest.links_base;
    bool refused = false;
    for (const auto& pm : digest.pms) {
        for (const auto& note : pm.notes) {
            if (!flags_for_execs(note))
                continue;
            const auto text = util::read_file(context.config.root / note.path);
            std::vector<Problem> problems;
            if (!text) {
                problems.push_back({note.path, 0, Severity::error, "cannot read: " + text.error()});
                refused = true;
            } else if (auto nugget = exec_nugget(note, *text, context.config, problems)) {
                message.nuggets.push_back(std::move(*nugget));
            }
            // Warnings were shown when the tree was loaded.
            std::erase_if(problems, [](const Problem& p) { return p.severity != Severity::error; });
            if (!problems.empty()) {
                refused = true;
                problems.push_back({note.path, 0, Severity::error,
                                    "left out of the message to execs: it cannot be shared as it "
                                    "is (see above)"});
            }
            print_problems(problems);
        }
    }
    write_output(render(exec_formats, format, message, text_view(context)));
    return refused ? exit_check_failed : exit_ok;
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
    if (options.picks) {
        write_output(render(picks_formats, options.format, build_picks(digest, context.config),
                            text_view(context)));
        return exit_ok;
    }
    if (!options.audience.empty())
        return print_exec_message(digest, context, options.format);
    write_output(render(digest_formats, options.format, digest, text_view(context)));
    return exit_ok;
}

int run_summary(const SummaryOptions& options, const Globals& globals) {
    const bool digest = options.week_option->count() > 0;
    if (digest && !options.paths.empty())
        throw Error("give note paths or --week, not both");
    if ((options.picks || !options.audience.empty()) && !digest)
        throw Error(options.picks ? "--picks needs --week [WEEK]" : "--for needs --week [WEEK]");
    if (options.picks && !options.audience.empty())
        throw Error("give --picks or --for execs, not both");
    // A search reads private sections too: which notes it keeps would tell what
    // they say, and the message to execs is the shared view.
    if (!options.audience.empty() && !options.match.empty())
        throw Error("--match searches private text too; it cannot narrow the message to execs "
                    "(use --pm, --product or --tag)");
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
    command.add_flag("--picks", options->picks,
                     "With --week: one nugget per PM for the staff meeting (marked '- !', else "
                     "the newest note's first)");
    command
        .add_option("--for", options->audience,
                    "With --week: the message for this audience (execs: the nuggets flagged "
                    "'- !!' or execs: true, private parts left out)")
        ->check(CLI::IsMember({"execs"}));
    add_filter_options(command, options->filter, FilterSet::without_week);
    add_match_option(command, options->match);
    add_format_option(command, options->format, digest_formats);
    command.callback([options, &globals] { globals.exit_code = run_summary(*options, globals); });
}

} // namespace pmi::cli
