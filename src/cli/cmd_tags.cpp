#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/tags.hpp"

namespace pmi::cli {

namespace {

struct TagsOptions {
    std::string since;
    std::string until;
    std::vector<std::string> products;
    Format format = Format::text;
};

int run_tags(const TagsOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    NoteFilter filter;
    filter.products = options.products;
    if (!options.since.empty())
        filter.since = parse_date_option(options.since, "--since");
    if (!options.until.empty())
        filter.until = parse_date_option(options.until, "--until");
    const NoteSet set = load_notes(context.config);
    print_problems(set.problems);
    const TagReport report = build_tag_report(select_notes(set.notes, filter));
    write_output(render(tags_formats, options.format, report, text_view(context)));
    return exit_ok;
}

} // namespace

void setup_tags(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<TagsOptions>();
    command.add_option("--since", options->since, "Only notes on or after this date (YYYY-MM-DD)");
    command.add_option("--until", options->until, "Only notes on or before this date (YYYY-MM-DD)");
    command.add_option("--product", options->products, "Only this product (repeatable)");
    add_format_option(command, options->format, tags_formats);
    command.callback([options, &globals] { globals.exit_code = run_tags(*options, globals); });
}

} // namespace pmi::cli
