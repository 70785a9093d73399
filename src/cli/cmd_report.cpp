#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/cadence.hpp"
#include "render/quota.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct ReportOptions {
    std::string week; // empty: this week
    int weeks = 1;
    std::vector<std::string> pms;
    std::vector<std::string> products;
    Format format = Format::text;
    bool cadence = false;
    int months = 6;
};

int run_cadence(const ReportOptions& options, const Context& context, const NoteSet& set) {
    QuotaOptions filters;
    filters.pms = options.pms;
    filters.products = options.products;
    const CadenceReport report =
        build_cadence_report(context.config, set.notes, context.today, options.months, filters);
    write_output(render(cadence_formats, options.format, report, text_view(context)));
    return exit_ok;
}

int run_report(const ReportOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    if (options.cadence) {
        const NoteSet set = load_notes_for_reports(context.config);
        print_problems(set.problems);
        return run_cadence(options, context, set);
    }
    const Week week = parse_week(options.week.empty() ? "this" : options.week, context.today,
                                 context.config.week_start);
    const NoteSet set = load_notes_for_reports(context.config);
    print_problems(set.problems);
    QuotaOptions quota_options;
    quota_options.weeks = options.weeks;
    quota_options.pms = options.pms;
    quota_options.products = options.products;
    const QuotaReport report =
        build_quota_report(context.config, set.notes, context.today, week, quota_options);
    write_output(render(quota_formats, options.format, report, text_view(context)));
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
        "before the PM's since date); left (the week starts after the PM's until date); no "
        "quota (the PM's quota is 0). A PM's own quota in the team list overrides "
        "quota.per_week. A paired call (the PM in a note's with: list) shows as '+1 paired' and "
        "counts only under quota.paired: everyone. The streak counts consecutive weeks met up to "
        "the week; "
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
    add_format_option(command, options->format, quota_formats);
    command.callback([options, &globals] { globals.exit_code = run_report(*options, globals); });
}

} // namespace pmi::cli
