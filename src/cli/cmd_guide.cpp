#include <fmt/format.h>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "core/check.hpp"
#include "core/guide.hpp"
#include "util/json.hpp"

namespace pmi::cli {

namespace {

struct GuideOptions {
    std::string action;
    std::vector<std::string> files;
    std::string format;
};

struct FileFindings {
    std::string path;
    std::vector<GuideFinding> findings;
};

std::string findings_json(const std::vector<FileFindings>& files) {
    util::JsonWriter json;
    json.begin_array();
    for (const auto& file : files)
        for (const auto& finding : file.findings) {
            json.begin_object();
            json.key("path").value(file.path);
            json.key("line").value(finding.line);
            json.key("kind").value(guide_issue_name(finding.issue));
            json.key("question").value(finding.question);
            json.key("message").value(finding.message);
            json.key("suggestion").value(finding.suggestion);
            json.end_object();
        }
    json.end_array();
    return json.str();
}

int run_guide_lint(const GuideOptions& options) {
    std::vector<FileFindings> files;
    int code = exit_ok;
    int questions = 0;
    std::size_t count = 0;
    for (const auto& path : options.files) {
        std::error_code ec;
        std::ifstream in;
        if (std::filesystem::is_regular_file(path, ec))
            in.open(path, std::ios::binary);
        if (!in.is_open()) {
            std::cerr << "pmi: error: cannot read " << path << '\n';
            code = exit_usage;
            continue;
        }
        int file_questions = 0;
        files.push_back({path, lint_guide(in, file_questions)});
        questions += file_questions;
        count += files.back().findings.size();
    }
    if (options.format == "json") {
        std::cout << findings_json(files);
    } else {
        for (const auto& file : files)
            for (const auto& finding : file.findings) {
                if (options.format == "github")
                    std::cout << fmt::format(
                        "::warning file={},line={},title={}::{}\n",
                        github_escape_property(file.path), finding.line,
                        github_escape_property(std::string(guide_issue_name(finding.issue)) +
                                               " question"),
                        github_escape_data(
                            fmt::format("{}; try \"{}\"", finding.message, finding.suggestion)));
                else
                    std::cout << format_guide_finding(file.path, finding) << '\n';
            }
        if (!files.empty())
            std::cerr << fmt::format("{} {} in {} {}\n", count, count == 1 ? "finding" : "findings",
                                     questions, questions == 1 ? "question" : "questions");
    }
    if (code == exit_ok && count > 0)
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
    add_format_option(command, options->format, {"text", "github", "json"});
    command.callback([options, &globals] { globals.exit_code = run_guide_lint(*options); });
}

} // namespace pmi::cli
