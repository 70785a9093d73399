#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "core/summary.hpp"
#include "util/json.hpp"

namespace pmi::cli {

namespace {

struct SummaryOptions {
    std::vector<std::string> paths;
    FilterOptions filter;
    std::string match;
    std::string week;
    CLI::Option* week_option = nullptr;
    std::string format;
};

bool has_filters(const FilterOptions& filter) {
    return !filter.pms.empty() || !filter.products.empty() || !filter.customer.empty() ||
           !filter.tags.empty() || !filter.kinds.empty() || !filter.since.empty() ||
           !filter.until.empty() || !filter.where.empty();
}

// Summarises one note, with warnings on stderr when the tl;dr is missing.
NoteSummary summarize_with_warnings(const Note& note) {
    NoteSummary summary = summarize_note(note);
    if (summary.source == TldrSource::first_nugget)
        print_problems({{note.path, 0, Severity::warning, "no tldr; using the first nugget"}});
    else if (summary.source == TldrSource::none)
        print_problems(
            {{note.path, 0, Severity::warning, "no tldr and no nuggets to use instead"}});
    return summary;
}

std::string summaries_json(const std::vector<Note>& notes,
                           const std::vector<NoteSummary>& summaries) {
    util::JsonWriter json;
    json.begin_array();
    for (std::size_t i = 0; i < notes.size(); ++i) {
        json.begin_object();
        json.key("path").value(notes[i].path);
        json.key("summary").value(summaries[i].text);
        const TldrSource source = summaries[i].source;
        json.key("source").value(source == TldrSource::tldr           ? "tldr"
                                 : source == TldrSource::first_nugget ? "nugget"
                                                                      : "none");
        json.end_object();
    }
    json.end_array();
    return json.str();
}

// Prints the two-line summaries, separated by blank lines.
void print_summaries(const std::vector<Note>& notes, const std::string& format) {
    std::vector<NoteSummary> summaries;
    for (const auto& note : notes)
        summaries.push_back(summarize_with_warnings(note));
    if (format == "json") {
        std::cout << summaries_json(notes, summaries);
        return;
    }
    for (std::size_t i = 0; i < summaries.size(); ++i)
        std::cout << (i ? "\n" : "") << summaries[i].text;
}

int summarize_paths(const SummaryOptions& options, const Context& context) {
    std::vector<Note> notes;
    for (const auto& argument : options.paths) {
        const auto file = std::filesystem::absolute(argument).lexically_normal();
        NoteParse parse =
            load_note(file.string(), display_path(context.config, file), BodyScan::sections);
        print_problems(parse.problems);
        if (parse.note)
            notes.push_back(std::move(*parse.note));
    }
    print_summaries(notes, options.format);
    return notes.empty() ? exit_usage : exit_ok;
}

int run_digest(const SummaryOptions& options, const Context& context) {
    const Week week = parse_week(options.week.empty() ? "this" : options.week, context.today,
                                 context.config.week_start);
    NoteFilter filter = make_filter(options.filter, context);
    const Date end = week_end(week);
    if (!filter.since || *filter.since < week.start)
        filter.since = week.start;
    if (!filter.until || *filter.until > end)
        filter.until = end;
    const NoteSet set = load_notes(context.config, BodyScan::sections);
    print_problems(set.problems);
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
    if (options.format == "json")
        std::cout << digest_json(digest);
    else if (options.format == "text")
        std::cout << digest_text(digest);
    else
        std::cout << digest_markdown(digest);
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
    const NoteSet set = load_notes(context.config, BodyScan::sections);
    print_problems(set.problems);
    const std::vector<Note> notes =
        apply_match(options.match, context, set.notes,
                    select_notes(set.notes, make_filter(options.filter, context)));
    if (notes.empty() && options.format != "json")
        std::cerr << "no notes match\n";
    print_summaries(notes, options.format);
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
    add_format_option(command, options->format, {"markdown", "text", "json"});
    command.callback([options, &globals] { globals.exit_code = run_summary(*options, globals); });
}

} // namespace pmi::cli
