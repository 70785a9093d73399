#pragma once

#include <string>

#include "core/guide.hpp"
#include "render/format.hpp"

namespace pmi {

// "path:line: warning: message; try \"suggestion\"", escaped for a terminal.
std::string format_guide_finding(const std::string& path, const GuideFinding& finding);

std::string guide_text(const GuideReport& report, const View& view);
std::string guide_github(const GuideReport& report, const View& view);
std::string guide_json(const GuideReport& report, const View& view);
// "3 findings in 12 questions".
std::string guide_tally(const GuideReport& report);

inline const FormatTable<GuideReport> guide_formats = {
    {Format::text, guide_text}, {Format::github, guide_github}, {Format::json, guide_json}};

} // namespace pmi
