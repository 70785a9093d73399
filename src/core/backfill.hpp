#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"

namespace pmi {

// The date git first recorded each file: path relative to the repository root
// (as in Note::path) -> author date of the commit that added it, following renames.
using FirstRecorded = std::map<std::string, Date>;

// Parses the output of
//   git log -z --format=%x01%ad --date=short --name-status --diff-filter=AR -M
// (newest commit first): a renamed file keeps the date it was first added under
// its old name.
FirstRecorded parse_first_recorded(std::string_view log);

// Runs that git log (exec-style) in the repository root over the notes folder.
// Throws pmi::Error when git is not installed or the root is not in a git
// repository; a repository without commits records nothing.
FirstRecorded read_first_recorded(const Config& config);

inline constexpr int default_late_after_days = 14;

// A warning for each note written more than `late_after_days` after its
// interview: the date git first recorded it, or today for a note git does not
// have yet (it is being committed now).
std::vector<Problem> backfill_problems(const std::vector<Note>& notes,
                                       const FirstRecorded& recorded, const Date& today,
                                       int late_after_days);

} // namespace pmi
