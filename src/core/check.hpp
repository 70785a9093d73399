#pragma once

#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/quota.hpp"
#include "core/store.hpp"

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

} // namespace pmi
