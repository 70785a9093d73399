#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/note.hpp"

namespace pmi {

// The notes a merge of commit `theirs` into HEAD gives, read from git's
// objects (a merge driver runs before the work tree holds the merged notes).
// Each note file is taken from the side that changed it since the merge base;
// where both sides changed one differently, ours (the conflict is git's to
// report). Notes that do not parse are left out, as `pmi index` leaves them out.
// Throws pmi::Error when git cannot tell (no merge base, not a commit).
std::vector<Note> merged_notes(const Config& config, const std::string& theirs);

} // namespace pmi
