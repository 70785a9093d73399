#pragma once

#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/quota.hpp"
#include "core/store.hpp"
#include "util/json.hpp"

namespace pmi {

// The outcome of the CI gate for one week.
struct CheckResult {
    QuotaReport quota;              // every PM of the week (see build_quota_report)
    std::vector<PmQuota> short_pms; // roster PMs not met, excused or not started
    std::vector<Problem> errors;    // invalid notes: fail the check
    std::vector<Problem> warnings;  // reported, do not fail
    std::size_t valid_notes = 0;
    bool passed() const { return short_pms.empty() && errors.empty(); }
};

// Runs the gate: the quota of `week` for the roster (PMs missing from a
// non-empty roster are reported, not gated) and the problems of the tree.
// `problems` are the store's load problems plus any further checks (lint);
// those of severity error fail the check. A problem found by both is listed once.
CheckResult run_check(const Config& config, const NoteSet& notes, const Date& today,
                      const Week& week, const std::vector<Problem>& extra_problems = {});

// "dev: 0 of 1 interviews in 2026-W46 (missed)".
std::string short_pm_text(const PmQuota& row, const CheckResult& result);

// Plain text, the same on a terminal or not.
std::string check_text(const CheckResult& result);
// GitHub Actions workflow commands (::error …), then the plain text.
std::string check_github(const CheckResult& result);
// Markdown for $GITHUB_STEP_SUMMARY.
std::string check_markdown(const CheckResult& result);
std::string check_json(const CheckResult& result);
// JUnit XML: a testsuite "quota" with a testcase per PM, and a testsuite "notes"
// with a testcase per invalid note (one passing testcase when all are valid).
std::string check_junit(const CheckResult& result);

// Escaping for GitHub workflow commands: `%`, CR and LF in the message; in
// properties also `:` and `,`.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

// Problems as a JSON array of {path, line, severity, message}.
void write_problems_json(util::JsonWriter& json, const std::vector<Problem>& problems);

// Text escaped for XML content and attribute values; control characters that
// XML 1.0 forbids become U+FFFD.
std::string xml_escape(std::string_view text);

} // namespace pmi
