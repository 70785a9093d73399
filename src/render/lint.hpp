#pragma once

#include <string>

#include "core/lint.hpp"
#include "render/format.hpp"

namespace pmi {

// One "path:line: severity: message" line per problem.
std::string lint_text(const LintReport& report, const View& view);
// One GitHub Actions annotation per problem.
std::string lint_github(const LintReport& report, const View& view);
std::string lint_json(const LintReport& report, const View& view);
// "12 note files: 11 valid, 1 error, 0 warnings".
std::string lint_tally(const LintReport& report);

inline const FormatTable<LintReport> lint_formats = {
    {Format::text, lint_text}, {Format::github, lint_github}, {Format::json, lint_json}};

} // namespace pmi
