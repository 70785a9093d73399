#include "render/check.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "render/escape.hpp"
#include "render/problems.hpp"
#include "render/quota.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

static std::string problem_place(const Problem& problem) {
    return problem.line > 0 ? fmt::format("{}:{}", problem.path, problem.line) : problem.path;
}

std::string short_pm_text(const PmQuota& row, const CheckResult& result) {
    const WeekCount& week = row.selected();
    std::string text = fmt::format(
        "{}: {} of {} interviews in {} ({})", row.pm, week.count, row.quota, week_label(week.week),
        week.status == QuotaStatus::due ? "still due" : status_name(week.status));
    if (const std::string extra = not_counted_text(week); !extra.empty())
        text += "; " + extra;
    if (const auto found = result.invalid_notes_of.find(row.pm);
        found != result.invalid_notes_of.end()) {
        std::vector<std::string> places;
        for (const auto& problem : found->second)
            places.push_back(problem_place(problem));
        text += fmt::format("; {} invalid {}: {}", places.size(),
                            places.size() == 1 ? "note" : "notes", util::join(places, ", "));
    }
    return text;
}

static std::size_t invalid_files(const CheckResult& result) {
    std::set<std::string> paths;
    for (const auto& problem : result.errors)
        paths.insert(problem.path);
    return paths.size();
}

static std::string headline(const CheckResult& result) {
    return fmt::format("pmi check {} ({}): {}", week_label(result.quota.week),
                       week_span(result.quota.week), result.passed() ? "ok" : "failed");
}

static std::string notes_line(const CheckResult& result) {
    const std::size_t invalid = invalid_files(result);
    if (invalid == 0)
        return fmt::format("notes: {} valid", result.valid_notes);
    return fmt::format("notes: {} valid, {} invalid ({} {})", result.valid_notes, invalid,
                       result.errors.size(), result.errors.size() == 1 ? "error" : "errors");
}

std::string check_text(const CheckResult& result, const View&) {
    std::string out = headline(result) + "\n";
    if (!result.short_pms.empty()) {
        // With PMs' own quotas the team's figure would mislead; each line gives its own.
        const bool one_quota =
            std::all_of(result.short_pms.begin(), result.short_pms.end(),
                        [&](const PmQuota& row) { return row.quota == result.quota.quota; });
        out += one_quota ? fmt::format("PMs short of the quota ({} a week):\n", result.quota.quota)
                         : std::string("PMs short of their quota:\n");
        for (const auto& row : result.short_pms)
            out += "  " + escape::terminal(short_pm_text(row, result)) + "\n";
    }
    if (!result.errors.empty()) {
        out += "invalid notes:\n";
        for (const auto& problem : result.errors)
            out += "  " + problem_text(problem) + "\n";
    }
    if (!result.warnings.empty()) {
        out += "warnings:\n";
        for (const auto& problem : result.warnings)
            out += "  " + problem_text(problem) + "\n";
    }
    for (const auto& row : result.quota.rows)
        if (!row.in_roster)
            out += fmt::format("note: PM '{}' is not in the roster of {} (not checked)\n",
                               escape::terminal(row.pm), config_file_name);
    out += team_line(result.quota) + "\n";
    out += notes_line(result) + "\n";
    if (!result.short_pms.empty())
        out +=
            fmt::format("to fix: log the interview with `pmi new CUSTOMER --date YYYY-MM-DD`, or "
                        "excuse the week under the PM's `away:` in {}\n",
                        config_file_name);
    if (!result.errors.empty())
        out += "to fix: correct each invalid note at the line shown; `pmi lint` lists them all\n";
    return out;
}

std::string check_github(const CheckResult& result, const View& view) {
    std::string out;
    for (const auto& row : result.short_pms)
        out += fmt::format("::error title={}::{}\n",
                           escape::github_property("quota " + week_label(result.quota.week)),
                           escape::github_data(short_pm_text(row, result)));
    for (const auto& problem : result.errors)
        out += github_annotation(problem, "invalid note");
    for (const auto& problem : result.warnings)
        out += github_annotation(problem, "note warning");
    return out + escape::github_plain(check_text(result, view));
}

std::string check_markdown(const CheckResult& result, const View&) {
    std::string out = fmt::format("## pmi check {}: {}\n\n", week_label(result.quota.week),
                                  result.passed() ? "ok" : "failed");
    out += fmt::format("Week {}, quota {} a week. {}. {}.\n\n", week_span(result.quota.week),
                       result.quota.quota, team_line(result.quota), notes_line(result));
    if (!result.quota.rows.empty()) {
        Table table;
        table.headers = {"PM", "Interviews", "Status"};
        table.align = {Align::left, Align::right, Align::left};
        for (const auto& row : result.quota.rows) {
            const bool failing = row.in_roster && !status_ok(row.selected().status);
            table.rows.push_back(
                {Cell(pm_label(row)), Cell(interviews_text(row.selected())),
                 Cell(status_text(row, result.quota), failing ? Style::strong : Style::plain)});
        }
        out += render_markdown(table) + "\n";
    }
    if (!result.errors.empty()) {
        out += fmt::format("### Invalid notes ({})\n\n", result.errors.size());
        for (const auto& problem : result.errors)
            out += problem_markdown(problem);
        out += "\n";
    }
    if (!result.warnings.empty()) {
        out += fmt::format("### Warnings ({})\n\n", result.warnings.size());
        for (const auto& problem : result.warnings)
            out += problem_markdown(problem);
        out += "\n";
    }
    return out;
}

std::string check_json(const CheckResult& result, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("week").value(week_label(result.quota.week));
    json.key("since").value(format_date(result.quota.week.start));
    json.key("until").value(format_date(week_end(result.quota.week)));
    json.key("passed").value(result.passed());
    json.key("quota").value(result.quota.quota);
    json.key("pms").begin_array();
    for (const auto& row : result.quota.rows) {
        json.begin_object();
        json.key("pm").value(row.pm);
        json.key("in_roster").value(row.in_roster);
        json.key("count").value(row.selected().count);
        json.key("paired").value(row.selected().paired);
        json.key("quota").value(row.quota);
        json.key("status").value(status_name(row.selected().status));
        json.key("ok").value(!row.in_roster || status_ok(row.selected().status));
        if (const auto found = result.invalid_notes_of.find(row.pm);
            found != result.invalid_notes_of.end()) {
            json.key("invalid_notes");
            write_problems_json(json, found->second);
        }
        json.end_object();
    }
    json.end_array();
    json.key("short").begin_array();
    for (const auto& row : result.short_pms)
        json.value(row.pm);
    json.end_array();
    json.key("valid_notes").value(result.valid_notes);
    json.key("errors");
    write_problems_json(json, result.errors);
    json.key("warnings");
    write_problems_json(json, result.warnings);
    json.end_object();
    return json.str();
}

std::string check_junit(const CheckResult& result, const View&) {
    const std::string week = week_label(result.quota.week);
    std::size_t quota_failures = 0;
    std::string quota_cases;
    for (const auto& row : result.quota.rows) {
        const WeekCount& selected = row.selected();
        quota_cases += fmt::format("    <testcase classname=\"quota.{}\" name=\"{}\"",
                                   escape::xml(week), escape::xml(row.pm));
        if (!row.in_roster) {
            quota_cases += fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                                       escape::xml("not in the roster"));
        } else if (status_ok(selected.status)) {
            quota_cases += "/>\n";
        } else {
            ++quota_failures;
            quota_cases +=
                fmt::format(">\n      <failure message=\"{}\" type=\"quota\"/>\n    </testcase>\n",
                            escape::xml(short_pm_text(row, result)));
        }
    }
    std::string note_cases;
    for (const auto& problem : result.errors) {
        const std::string where =
            problem.line > 0 ? fmt::format("{}:{}", problem.path, problem.line) : problem.path;
        note_cases += fmt::format("    <testcase classname=\"notes\" name=\"{}\" file=\"{}\">\n"
                                  "      <failure message=\"{}\" type=\"invalid-note\"/>\n"
                                  "    </testcase>\n",
                                  escape::xml(where), escape::xml(problem.path),
                                  escape::xml(problem.message));
    }
    const std::size_t note_tests = result.errors.empty() ? 1 : result.errors.size();
    if (result.errors.empty())
        note_cases += fmt::format("    <testcase classname=\"notes\" name=\"{}\"/>\n",
                                  escape::xml(fmt::format("{} notes valid", result.valid_notes)));
    const std::size_t quota_tests = result.quota.rows.size();
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites name=\"pmi check\" tests=\"{}\" failures=\"{}\">\n",
                       quota_tests + note_tests, quota_failures + result.errors.size());
    out += fmt::format("  <testsuite name=\"quota {}\" tests=\"{}\" failures=\"{}\">\n",
                       escape::xml(week), quota_tests, quota_failures);
    out += quota_cases + "  </testsuite>\n";
    out += fmt::format("  <testsuite name=\"notes\" tests=\"{}\" failures=\"{}\">\n", note_tests,
                       result.errors.size());
    out += note_cases + "  </testsuite>\n</testsuites>\n";
    return out;
}

} // namespace pmi
