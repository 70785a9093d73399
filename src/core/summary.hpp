#pragma once

#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/note.hpp"

namespace pmi {

// Where the summary's tl;dr came from.
enum class TldrSource { tldr, first_nugget, none };

struct NoteSummary {
    std::string text; // two lines, each ending with '\n'
    TldrSource source = TldrSource::tldr;
};

// "Jo Smith (end user) and Ann Lee at Acme Corp", or "Acme Corp" without interviewees.
std::string talked_with(const Note& note);

// The two lines a PM pastes to the dev team:
//   tl;dr – talked with Jo Smith (end user) at Acme Corp on 2026-11-20: <tldr>
//   Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md
// Falls back to the first nugget, then to "(no tldr)"; `source` says which.
NoteSummary summarize_note(const Note& note);

// The staff-meeting digest of one week: per PM, each interview with its nuggets.
struct DigestPm {
    std::string id;
    std::string name;        // from the roster; empty when unknown
    std::vector<Note> notes; // oldest first
};

struct Digest {
    Week week;
    std::vector<DigestPm> pms; // sorted by id
};

enum class RosterEntries { include, omit };

// Groups `notes` (already filtered to the week) by PM. With RosterEntries::include,
// roster members active in the week (and listed in `only_pms` when it is not
// empty) appear even without interviews.
Digest build_digest(const std::vector<Note>& notes, const Config& config, const Week& week,
                    RosterEntries roster, const std::vector<std::string>& only_pms);

std::string digest_markdown(const Digest& digest);
std::string digest_text(const Digest& digest);
std::string digest_json(const Digest& digest);

} // namespace pmi
