#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/note.hpp"
#include "core/quota.hpp"

namespace pmi {

// A stretch without interviews.
struct Gap {
    int days = 0;
    Date from;         // the interview before it
    Date to;           // the interview after it, or today when open
    bool open = false; // still going: no interview since `from`
};

// A name and how many of the PM's interviews in the window it appears in.
using NameCount = std::pair<std::string, int>;

struct PmCadence {
    PmQuota quota;      // the PM's weeks over the window, as in the quota report
    int interviews = 0; // counted interviews in the window, up to today
    // Days between consecutive interview days, over the gaps that end in the
    // window (the first counting from the interview before it).
    std::optional<double> median_gap_days;
    std::optional<Gap> longest_gap;   // including the open gap up to today
    std::vector<NameCount> customers; // most interviews first, then by name
    std::vector<NameCount> segments;  // notes without a segment are not counted
};

struct CadenceReport {
    int months = 6;
    Date first; // the window: the weeks from the one holding `first` to today's
    Date today;
    QuotaReport quota;
    std::vector<PmCadence> rows; // the quota report's order
};

// How often each PM talks to customers over the last `months` months up to
// today, counting the calls the quota credits (kinds, drafts, quota.paired). `filters.pms` and
// `filters.products` narrow it as in the quota report; `filters.weeks` is ignored.
CadenceReport build_cadence_report(const Config& config, const std::vector<Note>& notes,
                                   const Date& today, int months, QuotaOptions filters = {});

} // namespace pmi
