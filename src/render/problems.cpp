#include "render/problems.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"

namespace pmi {

static const char* severity_name(Severity severity) {
    return severity == Severity::error ? "error" : "warning";
}

static std::string location(const Problem& problem) {
    return problem.line > 0 ? fmt::format("{}:{}", problem.path, problem.line) : problem.path;
}

std::string problem_text(const Problem& problem) {
    return escape::terminal(format_problem(problem));
}

std::string github_annotation(const Problem& problem, std::string_view title) {
    std::string properties = "file=" + escape::github_property(problem.path);
    if (problem.line > 0)
        properties += fmt::format(",line={}", problem.line);
    if (!title.empty())
        properties += ",title=" + escape::github_property(title);
    return fmt::format("::{} {}::{}\n", severity_name(problem.severity), properties,
                       escape::github_data(problem.message));
}

std::string problem_markdown(const Problem& problem) {
    return fmt::format("- {}: {}\n", escape::markdown_code(location(problem)),
                       escape::markdown_inline(problem.message));
}

void write_problems_json(util::JsonWriter& json, const std::vector<Problem>& problems) {
    json.begin_array();
    for (const auto& problem : problems) {
        json.begin_object();
        json.key("path").value(problem.path);
        json.key("line").value(problem.line);
        json.key("severity").value(severity_name(problem.severity));
        json.key("message").value(problem.message);
        json.end_object();
    }
    json.end_array();
}

} // namespace pmi
