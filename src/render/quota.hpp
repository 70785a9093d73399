#pragma once

#include <string>

#include "core/quota.hpp"
#include "render/format.hpp"

namespace pmi {

// The status as a person reads it: "met", "missed (0 of 1)", "0 of 1, due by Sunday",
// "excused (away)", "not started (since 2026-10-19)", "left (until 2026-11-30)",
// "no quota". The counts are against the PM's own quota.
// Drafts and calls of kinds that do not count follow:
// "missed (0 of 1); 1 draft, 1 sales call not counted".
std::string status_text(const PmQuota& row, const QuotaReport& report);

// "1 draft", "1 sales call, 2 support calls not counted", "1 draft, 1 sales call not
// counted", or empty.
std::string not_counted_text(const WeekCount& week);

// The INTERVIEWS cell: the calls the PM led, then the paired ones (in `with:`)
// apart, whether or not quota.paired credits them: "1", "1 (+1 paired)".
std::string interviews_text(const WeekCount& week);

// "team: 2 of 3 met, 1 missed, 1 excused" for the selected week; PMs not in the
// roster are counted apart ("1 not in roster").
std::string team_line(const QuotaReport& report);

// "2026-11-16 to 2026-11-22".
std::string week_span(const Week& week);

// The PM's label in tables: the id, plus " (not in roster)" when so.
std::string pm_label(const PmQuota& row);

// One row per PM: PM, INTERVIEWS, (IN <products> with a product filter),
// STATUS, STREAK, LAST INTERVIEW, (LAST WEEK while the week is under way).
Table quota_table(const QuotaReport& report);

// One row per PM, a column per week of the window: counts, "0!" for a miss,
// "away" for excused, "-" before `since`, "left" after `until`; then STREAK.
Table quota_grid(const QuotaReport& report);

// The report for people: a title, the table (the grid for several weeks), the team line.
std::string quota_text(const QuotaReport& report, const View& view);
std::string quota_markdown(const QuotaReport& report, const View& view);
// The report as JSON (both the selected week and the window).
std::string quota_json(const QuotaReport& report, const View& view);
// CSV: one line per PM per week of the window, with that week's streak and last interview.
std::string quota_csv(const QuotaReport& report, const View& view);

inline const FormatTable<QuotaReport> quota_formats = {{Format::text, quota_text},
                                                       {Format::markdown, quota_markdown},
                                                       {Format::json, quota_json},
                                                       {Format::csv, quota_csv}};

} // namespace pmi
