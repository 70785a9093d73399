#include "core/check.hpp"

#include <fmt/format.h>
#include <set>
#include <tuple>

#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

CheckResult run_check(const Config& config, const NoteSet& notes, const Date& today,
                      const Week& week, const std::vector<Problem>& extra_problems) {
    CheckResult result;
    result.quota = build_quota_report(config, notes.notes, today, week);
    for (const auto& row : result.quota.rows)
        if (row.in_roster && !status_ok(row.selected().status))
            result.short_pms.push_back(row);
    // Extra checks (lint) may find what loading found: each problem once.
    std::set<std::tuple<std::string, int, Severity, std::string>> seen;
    for (const auto* problems : {&notes.problems, &extra_problems})
        for (const auto& problem : *problems)
            if (seen.emplace(problem.path, problem.line, problem.severity, problem.message).second)
                (problem.severity == Severity::error ? result.errors : result.warnings)
                    .push_back(problem);
    result.valid_notes = notes.notes.size();
    return result;
}

} // namespace pmi
