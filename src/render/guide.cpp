#include "render/guide.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/problems.hpp"
#include "util/json.hpp"

namespace pmi {

std::string format_guide_finding(const std::string& path, const GuideFinding& finding) {
    return escape::terminal(fmt::format("{}:{}: warning: {}; try \"{}\"", path, finding.line,
                                        finding.message, finding.suggestion));
}

std::string guide_text(const GuideReport& report, const View&) {
    std::string out;
    for (const auto& file : report.files)
        for (const auto& finding : file.findings)
            out += format_guide_finding(file.path, finding) + "\n";
    return out;
}

std::string guide_github(const GuideReport& report, const View&) {
    std::string out;
    for (const auto& file : report.files)
        for (const auto& finding : file.findings)
            out += github_annotation(
                {file.path, finding.line, Severity::warning,
                 fmt::format("{}; try \"{}\"", finding.message, finding.suggestion)},
                finding.issue == GuideIssue::empty_goal
                    ? std::string("empty goal")
                    : std::string(guide_issue_name(finding.issue)) + " question");
    return out;
}

std::string guide_json(const GuideReport& report, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("questions").value(report.questions);
    json.key("findings").begin_array();
    for (const auto& file : report.files)
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
    json.end_object();
    return json.str();
}

std::string guide_tally(const GuideReport& report) {
    return fmt::format("{} {} in {} {}", report.count, report.count == 1 ? "finding" : "findings",
                       report.questions, report.questions == 1 ? "question" : "questions");
}

} // namespace pmi
