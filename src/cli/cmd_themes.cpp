#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/themes.hpp"

namespace pmi::cli {

namespace {

inline constexpr long default_period_days = 90;

struct ThemesOptions {
    std::string match;
    std::string since;
    std::string until;
    Format format = Format::text;
};

int run_themes(const ThemesOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    Period period;
    period.last =
        options.until.empty() ? context.today : parse_date_option(options.until, "--until");
    period.first = options.since.empty() ? add_days(period.last, 1 - default_period_days)
                                         : parse_date_option(options.since, "--since");
    if (period.last < period.first)
        throw Error("--since " + format_date(period.first) + " is after --until " +
                    format_date(period.last));
    const NoteSet set = load_notes_for_reports(context.config);
    print_problems(set.problems);
    const ThemesReport report =
        build_themes(apply_match(options.match, context, set.notes, set.notes),
                     context.config.products, period, context.today);
    write_output(render(themes_formats, options.format, report, text_view(context)));
    return exit_ok;
}

} // namespace

void setup_themes(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ThemesOptions>();
    command.add_option("--since", options->since,
                       "First day of the period (YYYY-MM-DD; default: 90 days before --until)");
    command.add_option("--until", options->until, "Last day of the period (default: today)");
    add_match_option(command, options->match);
    add_format_option(command, options->format, themes_formats);
    command.callback([options, &globals] { globals.exit_code = run_themes(*options, globals); });
}

} // namespace pmi::cli
