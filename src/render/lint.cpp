#include "render/lint.hpp"

#include <fmt/format.h>

#include "render/problems.hpp"
#include "util/json.hpp"

namespace pmi {

std::string lint_text(const LintReport& report, const View&) {
    std::string out;
    for (const auto& problem : report.problems)
        out += problem_text(problem) + "\n";
    return out;
}

std::string lint_github(const LintReport& report, const View&) {
    std::string out;
    for (const auto& problem : report.problems)
        out += github_annotation(problem);
    return out;
}

std::string lint_json(const LintReport& report, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("files").value(report.files);
    json.key("valid").value(report.valid);
    json.key("errors").value(report.count(Severity::error));
    json.key("warnings").value(report.count(Severity::warning));
    json.key("problems");
    write_problems_json(json, report.problems);
    json.end_object();
    return json.str();
}

std::string lint_tally(const LintReport& report) {
    const std::size_t errors = report.count(Severity::error);
    const std::size_t warnings = report.count(Severity::warning);
    return fmt::format("{} note file{}: {} valid, {} error{}, {} warning{}", report.files,
                       report.files == 1 ? "" : "s", report.valid, errors, errors == 1 ? "" : "s",
                       warnings, warnings == 1 ? "" : "s");
}

} // namespace pmi
