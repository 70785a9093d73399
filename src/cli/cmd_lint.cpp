#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "render/lint.hpp"

namespace pmi::cli {

namespace {

struct LintOptions {
    std::vector<std::string> paths;
    Format format = Format::text;
    bool privacy = false;
    bool git = false;
    int late_after_days = default_late_after_days;
};

int run_lint(const LintOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    LintExtras extras;
    extras.privacy = options.privacy || context.config.privacy_check;
    extras.git = options.git;
    extras.late_after_days = options.late_after_days;
    extras.today = context.today;
    const LintReport report = lint_paths(context.config, paths, extras);
    write_output(render(lint_formats, options.format, report, View{}));
    if (options.format == Format::text)
        std::cerr << lint_tally(report) << '\n';
    return report.count(Severity::error) > 0 ? exit_check_failed : exit_ok;
}

} // namespace

void setup_lint(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<LintOptions>();
    command.add_option("path", options->paths,
                       "Note files or folders to check (default: the whole notes tree)");
    command.add_flag("--privacy", options->privacy,
                     "Also flag email addresses, phone numbers and profile links in notes "
                     "(always on with 'privacy: true' in .pmi.yaml)");
    command.add_flag("--git", options->git,
                     "Also warn on notes git first recorded long after the interview");
    command
        .add_option("--late-after", options->late_after_days,
                    "With --git: days after the interview a note may be written")
        ->check(CLI::Range(0, 3650))
        ->capture_default_str();
    add_format_option(command, options->format, lint_formats);
    command.footer(
        "Exit 0 when no note has an error (warnings are listed but pass), 1 otherwise, 2 for "
        "usage errors. --privacy reports each contact detail masked, so the report does not "
        "spread it; addresses at example.com and the team's own addresses are fine, and "
        "privacy.allow in .pmi.yaml lists more. --git compares each note's date with the "
        "author date of the commit that added it (renames followed); a note not committed yet "
        "is compared with today.");
    command.callback([options, &globals] { globals.exit_code = run_lint(*options, globals); });
}

} // namespace pmi::cli
