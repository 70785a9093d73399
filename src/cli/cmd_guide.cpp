#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "render/guide.hpp"

namespace pmi::cli {

namespace {

struct GuideOptions {
    std::string action;
    std::vector<std::string> files;
    Format format = Format::text;
};

int run_guide_lint(const GuideOptions& options) {
    GuideReport report;
    int code = exit_ok;
    for (const auto& path : options.files) {
        std::error_code ec;
        std::ifstream in;
        if (std::filesystem::is_regular_file(path, ec))
            in.open(path, std::ios::binary);
        if (!in.is_open()) {
            print_problems({{path, 0, Severity::error, "cannot read the guide"}});
            code = exit_usage;
            continue;
        }
        int file_questions = 0;
        report.files.push_back({path, lint_guide(in, file_questions)});
        report.questions += file_questions;
        report.count += report.files.back().findings.size();
    }
    write_output(render(guide_formats, options.format, report, View{}));
    if (options.format == Format::text && !report.files.empty())
        std::cerr << guide_tally(report) << '\n';
    if (code == exit_ok && report.count > 0)
        code = exit_check_failed;
    return code;
}

} // namespace

void setup_guide(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<GuideOptions>();
    command.add_option("action", options->action, "What to do with the guide: lint")
        ->required()
        ->check(CLI::IsMember({"lint"}));
    command.add_option("files", options->files, "Interview guides: markdown lists of questions")
        ->required();
    add_format_option(command, options->format, guide_formats);
    command.callback([options, &globals] { globals.exit_code = run_guide_lint(*options); });
}

} // namespace pmi::cli
