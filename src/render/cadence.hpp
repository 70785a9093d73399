#pragma once

#include <string>

#include "core/cadence.hpp"
#include "render/format.hpp"

namespace pmi {

// One character a week, oldest first: '.' none, 1-9 interviews, '+' ten or more,
// 'a' away (excused), '-' before the PM's since date.
std::string cadence_strip(const PmQuota& row);
inline constexpr const char* cadence_legend =
    ". none, 1-9 interviews, + ten or more, a away, - before the PM's start or after their "
    "last day";

// PM, WEEKS (the strip), INTERVIEWS, MEDIAN GAP, LONGEST GAP, CUSTOMERS, SEGMENTS.
Table cadence_table(const CadenceReport& report);
std::string cadence_title(const CadenceReport& report);

std::string cadence_text(const CadenceReport& report, const View& view);
std::string cadence_markdown(const CadenceReport& report, const View& view);
std::string cadence_json(const CadenceReport& report, const View& view);
// The data, one line per PM and item: each week's count, each customer and
// each segment with its interviews, beside the PM's gaps in their own columns.
std::string cadence_csv(const CadenceReport& report, const View& view);

inline const FormatTable<CadenceReport> cadence_formats = {{Format::text, cadence_text},
                                                           {Format::markdown, cadence_markdown},
                                                           {Format::json, cadence_json},
                                                           {Format::csv, cadence_csv}};

} // namespace pmi
