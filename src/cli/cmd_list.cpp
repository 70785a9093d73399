#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/list.hpp"

namespace pmi::cli {

namespace {

struct ListOptions {
    FilterOptions filter;
    std::string match;
    Format format = Format::text;
};

int run_list(const ListOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    NoteFilter filter = make_filter(options.filter, context);
    filter.pm_match = PmMatch::lead_or_with; // a paired PM was on the call too
    NoteSet set = load_notes_for_reports(context.config);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    NoteListing listing;
    listing.pms = filter.pms;
    listing.notes = options.match.empty() ? select_notes(std::move(set.notes), filter)
                                          : apply_match(options.match, context, set.notes,
                                                        select_notes(set.notes, filter));
    if (listing.notes.empty() && options.format == Format::text)
        std::cerr << "no notes match\n";
    else
        render(list_formats, options.format, std::cout, listing, text_view(context));
    check_output();
    return exit_ok;
}

} // namespace

void setup_list(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ListOptions>();
    add_filter_options(command, options->filter);
    command.get_option("--pm")->description(
        "Only notes this product manager was on, as lead (pm) or paired (with:); a ROLE column "
        "says which (repeatable)");
    add_match_option(command, options->match);
    add_format_option(command, options->format, list_formats, {{"table", Format::text}});
    command.callback([options, &globals] { globals.exit_code = run_list(*options, globals); });
}

} // namespace pmi::cli
