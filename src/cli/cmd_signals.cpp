#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/signals.hpp"

namespace pmi::cli {

namespace {

struct SignalsOptions {
    FilterOptions filter;
    std::string match;
    Format format = Format::text;
};

int run_signals(const SignalsOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const NoteFilter filter = make_filter(options.filter, context);
    const NoteSet set = load_notes_for_reports(context.config);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    const std::vector<Note> notes =
        apply_match(options.match, context, set.notes, select_notes(set.notes, filter));
    std::vector<Problem> problems;
    const Signals signals = gather_signals(notes, context.config, problems);
    print_problems(problems);
    if (notes.empty() && options.format != Format::json)
        std::cerr << "no notes match\n";
    write_output(render(signals_formats, options.format, signals, text_view(context)));
    return exit_ok;
}

} // namespace

void setup_signals(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<SignalsOptions>();
    add_filter_options(command, options->filter);
    add_match_option(command, options->match);
    add_format_option(command, options->format, signals_formats);
    command.callback([options, &globals] { globals.exit_code = run_signals(*options, globals); });
}

} // namespace pmi::cli
