#pragma once

#include <string>

#include "core/check.hpp"
#include "render/format.hpp"

namespace pmi {

// "dev: 0 of 1 interviews in 2026-W46 (missed)", unescaped.
std::string short_pm_text(const PmQuota& row, const CheckResult& result);

// Plain text, the same on a terminal or not.
std::string check_text(const CheckResult& result, const View& view);
// GitHub Actions workflow commands (::error …), then the plain text, in which
// no line can start a workflow command.
std::string check_github(const CheckResult& result, const View& view);
// Markdown for $GITHUB_STEP_SUMMARY.
std::string check_markdown(const CheckResult& result, const View& view);
std::string check_json(const CheckResult& result, const View& view);
// JUnit XML: a testsuite "quota" with a testcase per PM, and a testsuite "notes"
// with a testcase per invalid note (one passing testcase when all are valid).
std::string check_junit(const CheckResult& result, const View& view);

inline const FormatTable<CheckResult> check_formats = {
    {Format::text, check_text}, {Format::github, check_github}, {Format::json, check_json}};

} // namespace pmi
