#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/note.hpp"

namespace pmi {

// Where the summary's tl;dr came from.
enum class TldrSource { tldr, first_nugget, none };

struct NoteSummary {
    std::string talked_with; // see talked_with()
    Date date;
    std::string tldr; // on one line; empty when there is neither a tldr nor a nugget
    std::string path;
    std::string url; // the note's web address, when links.base is set (filled by the renderer)
    TldrSource source = TldrSource::tldr;
};

// The note's tldr on one line, else its first nugget not private, else empty; `source`
// says which.
std::string tldr_or_first_nugget(const Note& note, TldrSource& source);

// "Jo Smith (end user) and Ann Lee at Acme Corp", or "Acme Corp" without interviewees.
std::string talked_with(const Note& note);

// The two lines a PM pastes to the dev team:
//   tl;dr – talked with Jo Smith (end user) at Acme Corp on 2026-11-20: <tldr>
//   Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md
// Falls back to the first nugget, then to nothing; `source` says which.
NoteSummary summarize_note(const Note& note);

// The staff-meeting digest of one week: per PM, each interview with its nuggets.
struct DigestPm {
    std::string id;
    std::string name;        // from the roster; empty when unknown
    std::vector<Note> notes; // oldest first
    bool away = false;       // the week is in the PM's `away` list
};

struct Digest {
    std::optional<Week> week;  // none for summaries of chosen notes
    std::vector<DigestPm> pms; // sorted by id
    std::string links_base;    // the config's links.base: notes are shown by web address
};

enum class RosterEntries { include, omit };

// Groups `notes` (already filtered to the week) by PM. With RosterEntries::include,
// roster members active in the week (and listed in `only_pms` when it is not
// empty) appear even without interviews.
// Without a week (summaries of chosen notes), no roster entries are added.
Digest build_digest(const std::vector<Note>& notes, const Config& config,
                    const std::optional<Week>& week, RosterEntries roster,
                    const std::vector<std::string>& only_pms);

// Digest order: by date, then the numbered series of one day in call order
// (acme-2026-11-20.md before acme-2026-11-20-2.md before -10.md).
bool earlier_in_digest(const Note& a, const Note& b);

} // namespace pmi
