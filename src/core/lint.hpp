#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/backfill.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/store.hpp"

namespace pmi {

// The checks of the valid notes in `notes`, beyond the problems of loading them:
// errors for a file name date or product folder that disagrees with the front
// matter and for duplicate notes (same customer, date and PM, filed under names
// that are not one numbered series <slug>-<date>.md, -2.md … in one folder);
// warnings for a PM or product not in the config, an empty tldr, tag spellings
// that differ only in case or separators, a customer that does not match the
// file name, customer names that look like one customer (lookalike_customers) but
// that `customers:` does not declare and, when the notes were loaded with BodyScan::sections
// (`scanned`), an empty Nuggets section, more than one nugget marked to share (`- !`) and a note
// without a Goal section. Sorted by path and line.
std::vector<Problem> lint_notes(const Config& config, const NoteSet& notes,
                                BodyScan scanned = BodyScan::none);

// Pairs of customer names that look like one customer, each as {a, b} with a < b,
// sorted: one's slug is the other's followed by more words ("Acme", "Acme Corp"), the
// slugs (of five characters or more) are one edit apart ("Globex", "Globx"), or they
// differ only in lookalike letters. Names with the same slug are one name already.
std::vector<std::pair<std::string, std::string>>
lookalike_customers(const std::vector<std::string>& names);

// Whether a level-2 heading title names the call's goal: "Goal", "Goals",
// "Goal of the call" (any case).
bool is_goal_heading(std::string_view title);

struct LintReport {
    std::size_t files = 0; // note files looked at
    std::size_t valid = 0; // of which valid
    std::vector<Problem> problems;
    std::size_t count(Severity severity) const;
};

// Checks beyond lint_notes that `pmi lint` runs on request.
struct LintExtras {
    bool privacy = false; // contact details in the notes' text (privacy.hpp), as errors
    bool git = false;     // notes written long after the call (backfill.hpp), as warnings
    int late_after_days = default_late_after_days;
    Date today; // when given: notes dated after it are warned about
};

// Lints `paths` (note files or folders, absolute or relative to the working
// folder; the whole notes tree when empty): the problems of loading them, those
// of lint_notes, and the `extras` asked for. The whole tree is loaded for the cross-note checks,
// but only the problems of the given paths are reported. Symbolic links are not followed. Throws
// pmi::Error for a path that does not exist.
LintReport lint_paths(const Config& config, const std::vector<std::filesystem::path>& paths,
                      const LintExtras& extras = {});

} // namespace pmi
