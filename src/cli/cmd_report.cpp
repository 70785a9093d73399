#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/cadence.hpp"
#include "core/quota.hpp"
#include "core/store.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct ReportOptions {
    std::string week; // empty: this week
    int weeks = 1;
    std::vector<std::string> pms;
    std::vector<std::string> products;
    std::string format;
    bool cadence = false;
    int months = 6;
};

std::string counted_kinds(const Config& config) {
    if (config.quota_kinds.empty())
        return "every kind but sales";
    return "kinds " + util::join(config.quota_kinds, ", ");
}

std::string title(const QuotaReport& report, const Config& config) {
    const std::string weeks =
        report.weeks.size() == 1
            ? fmt::format("{} ({})", week_label(report.week), week_span(report.week))
            : fmt::format("{} to {} ({} to {})", week_label(report.weeks.front()),
                          week_label(report.week), format_date(report.weeks.front().start),
                          format_date(week_end(report.week)));
    return fmt::format("{}: quota {} a week, counting {}", weeks, report.quota,
                       counted_kinds(config));
}

constexpr const char* grid_legend = "0! missed, 0? still due, away excused, - not started";

int run_cadence(const ReportOptions& options, const Context& context, const NoteSet& set) {
    QuotaOptions filters;
    filters.pms = options.pms;
    filters.products = options.products;
    const CadenceReport report =
        build_cadence_report(context.config, set.notes, context.today, options.months, filters);
    if (options.format == "json") {
        std::cout << cadence_json(report);
    } else if (options.format == "csv") {
        std::cout << render_csv(cadence_table(report));
    } else if (options.format == "markdown") {
        std::cout << "### " << cadence_title(report) << "\n\n";
        if (!report.rows.empty())
            std::cout << render_markdown(cadence_table(report, true)) << '\n';
        std::cout << "Weeks: " << cadence_legend << "\n";
    } else {
        std::cout << cadence_title(report) << '\n';
        if (report.rows.empty())
            std::cout << "no PMs: add a team roster to " << config_file_name << " or write notes\n";
        else
            std::cout << render_text(cadence_table(report), context.color, terminal_width());
        std::cout << "weeks: " << cadence_legend << '\n';
    }
    return exit_ok;
}

int run_report(const ReportOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    if (options.cadence) {
        const NoteSet set = load_notes(context.config);
        print_problems(set.problems);
        return run_cadence(options, context, set);
    }
    const Week week = parse_week(options.week.empty() ? "this" : options.week, context.today,
                                 context.config.week_start);
    const NoteSet set = load_notes(context.config);
    print_problems(set.problems);
    QuotaOptions quota_options;
    quota_options.weeks = options.weeks;
    quota_options.pms = options.pms;
    quota_options.products = options.products;
    const QuotaReport report =
        build_quota_report(context.config, set.notes, context.today, week, quota_options);
    const bool grid = options.weeks > 1;
    if (options.format == "json") {
        std::cout << quota_json(report);
    } else if (options.format == "csv") {
        std::cout << quota_csv(report);
    } else if (options.format == "markdown") {
        std::cout << "### Interviews " << title(report, context.config) << "\n\n";
        if (!report.rows.empty())
            std::cout << render_markdown(grid ? quota_grid(report) : quota_table(report)) << '\n';
        if (grid)
            std::cout << "Legend: " << grid_legend << "\n\n";
        std::cout << team_line(report) << '\n';
    } else {
        std::cout << title(report, context.config) << '\n';
        if (report.rows.empty())
            std::cout << "no PMs: add a team roster to " << config_file_name << " or write notes\n";
        else if (grid)
            std::cout << render_text(quota_grid(report), context.color) << grid_legend << '\n';
        else
            std::cout << render_text(quota_table(report), context.color, terminal_width());
        std::cout << team_line(report) << '\n';
    }
    return exit_ok;
}

} // namespace

void setup_report(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ReportOptions>();
    command.footer(
        "Counts the interviews each PM logged in the week against quota.per_week of .pmi.yaml. "
        "Only kinds listed in quota.kinds count (default: every kind but sales); the streak and "
        "the last interview use the same kinds. Status: met; missed; still due while the week "
        "is under way; excused (a week in the PM's away list); not started (the week ends "
        "before the PM's since date). The streak counts consecutive weeks met up to the week; "
        "a week under way that is not met yet does not break it, excused weeks neither break "
        "nor add. With --cadence: for each PM over the last --months months (to today), a "
        "strip of one character per week (" +
        std::string(cadence_legend) +
        "), the median days between "
        "interview days, the longest gap (open when still going), and the customers and "
        "segments they talked to; the same kinds count.");
    add_optional_week_option(command, options->week,
                             "The week: this (default, also when WEEK is omitted), last, "
                             "2026-W47 or a date in the week")
        ->default_str("this");
    auto* weeks =
        command
            .add_option("--weeks", options->weeks,
                        "Show the last N weeks (ending at --week) as a grid, a column per week")
            ->check(CLI::Range(1, 520));
    auto* cadence = command.add_flag(
        "--cadence", options->cadence,
        "Per PM over the last months: interviews a week as a strip, median and longest gap "
        "between interviews, customers and segments");
    cadence->excludes(weeks)->excludes("--week");
    command.add_option("--months", options->months, "With --cadence: how many months (default 6)")
        ->check(CLI::Range(1, 120))
        ->needs(cadence);
    command.add_option("--pm", options->pms, "Only this product manager (repeatable)");
    command.add_option("--product", options->products,
                       "Only notes of this product, and the PMs who wrote them (repeatable)");
    add_format_option(command, options->format, {"text", "markdown", "json", "csv"});
    command.callback([options, &globals] { globals.exit_code = run_report(*options, globals); });
}

} // namespace pmi::cli
