#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/followups.hpp"

namespace pmi::cli {

namespace {

struct FollowupsOptions {
    FilterOptions filter;
    bool all = false;
    Format format = Format::text;
};

int run_followups(const FollowupsOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const NoteFilter filter = make_filter(options.filter, context);
    const NoteSet set = load_notes(context.config);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    std::vector<Problem> problems;
    const FollowUps followups =
        gather_followups(select_notes(set.notes, filter), context.config,
                         options.all ? DoneItems::show : DoneItems::hide, problems);
    print_problems(problems);
    if (followups.entries.empty() && options.format == Format::text)
        std::cerr << (options.all ? "no follow-ups\n" : "no open follow-ups\n");
    write_output(render(followups_formats, options.format, followups, text_view(context)));
    return exit_ok;
}

} // namespace

void setup_followups(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<FollowupsOptions>();
    add_filter_options(command, options->filter);
    command.add_flag("--all", options->all, "Include done items ('- [x]')");
    add_format_option(command, options->format, followups_formats);
    command.callback([options, &globals] { globals.exit_code = run_followups(*options, globals); });
}

} // namespace pmi::cli
