#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/lint.hpp"

namespace pmi::cli {

namespace {

struct LintOptions {
    std::vector<std::string> paths;
    std::string format;
};

int run_lint(const LintOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());
    const LintReport report = lint_paths(context.config, paths);
    const std::size_t errors = report.count(Severity::error);
    const std::size_t warnings = report.count(Severity::warning);
    if (options.format == "json") {
        std::cout << lint_json(report);
    } else if (options.format == "github") {
        std::cout << lint_github(report);
    } else {
        for (const auto& problem : report.problems)
            std::cout << format_problem(problem) << '\n';
        std::cerr << fmt::format("{} note file{}: {} valid, {} error{}, {} warning{}\n",
                                 report.files, report.files == 1 ? "" : "s", report.valid, errors,
                                 errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    }
    return errors > 0 ? exit_check_failed : exit_ok;
}

} // namespace

void setup_lint(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<LintOptions>();
    command.add_option("path", options->paths,
                       "Note files or folders to check (default: the whole notes tree)");
    add_format_option(command, options->format, {"text", "github", "json"});
    command.callback([options, &globals] { globals.exit_code = run_lint(*options, globals); });
}

} // namespace pmi::cli
