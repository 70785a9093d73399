#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/quota.hpp"
#include "core/store.hpp"

namespace pmi {

// Who a note that could not be read belongs to, as far as its text says: the
// `pm:` and `date:` lines of its front matter read line by line, without YAML
// (the date from the file name when that line says none).
struct NoteOwner {
    std::string pm; // empty when no line says
    std::optional<Date> date;
};
NoteOwner guess_note_owner(std::string_view text, std::string_view file_name);

// The outcome of the CI gate for one week.
struct CheckResult {
    QuotaReport quota;              // every PM of the week (see build_quota_report)
    std::vector<PmQuota> short_pms; // roster PMs not met, excused or not started
    // For each short PM, the first error of each of their invalid notes dated in the
    // week: a note that may be the interview they missed.
    std::map<std::string, std::vector<Problem>> invalid_notes_of;
    std::vector<Problem> errors;   // invalid notes: fail the check
    std::vector<Problem> warnings; // reported, do not fail
    std::size_t valid_notes = 0;
    bool passed() const { return short_pms.empty() && errors.empty(); }
};

// Runs the gate: the quota of `week` for the roster (PMs missing from a
// non-empty roster are reported, not gated) and the problems of the tree.
// `problems` are the store's load problems plus any further checks (lint);
// those of severity error fail the check. A problem found by both is listed once.
// The files of errors are read again (guess_note_owner) to link a short PM to their
// invalid notes of the week.
CheckResult run_check(const Config& config, const NoteSet& notes, const Date& today,
                      const Week& week, const std::vector<Problem>& extra_problems = {});

} // namespace pmi
