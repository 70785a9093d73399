#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"
#include "core/summary.hpp"

namespace pmi {

// The nugget a note puts forward: its first nugget marked `!` or `!!`, else its
// first nugget; never a private one; none when it has no other.
std::optional<std::size_t> note_pick(const Note& note);

// The nugget a note sends to the executive team: its first `!!` nugget, else
// with `execs: true` its pick; none otherwise.
std::optional<std::size_t> exec_pick(const Note& note);

// The one nugget a PM brings to the staff meeting, and where it comes from.
struct PmPick {
    std::string id;
    std::string name;                  // from the roster; empty when unknown
    std::vector<std::string> products; // what the PM manages (roster), else the notes'
    bool away = false;
    int interviews = 0;  // the PM's notes in the week
    std::string nugget;  // empty when none of them has a nugget
    bool marked = false; // the PM marked it (`!`); otherwise the newest note's first
    std::string customer;
    Date date;
    std::string path;
};

struct WeekPicks {
    Week week;
    std::vector<PmPick> pms; // the digest's order: by id
};

// Per PM of the digest: the marked nugget of the newest note that has one,
// else the first nugget of the newest note with nuggets.
WeekPicks build_picks(const Digest& digest, const Config& config);

// A nugget for the executive team: who said it, the PM and what they manage,
// and where the full notes are.
struct ExecNugget {
    std::string nugget;
    std::string talked_with; // "Jo Smith (end user) at Acme Corp" (see talked_with())
    std::string customer;
    Date date;
    std::string pm;
    std::string pm_name;               // the roster's name, else the id
    std::vector<std::string> products; // what the PM manages (roster), else the note's product
    std::string path;
};

struct ExecMessage {
    Week week;
    std::vector<ExecNugget> nuggets; // by PM id, then oldest first
    std::string links_base;          // the config's links.base: notes shown by web address
};

// Whether the note flags something for the executive team (`execs: true` or a
// `!!` nugget), so that it is worth reading again through share's redaction.
bool flags_for_execs(const Note& note);

// The exec nugget of `note`, read again from `text` (its whole file) exactly as
// `share` would send it: private parts and `config.share_omit` keys left out.
// None when nothing survives; `problems` gets why a note cannot be shared (then
// nothing of it is used).
std::optional<ExecNugget> exec_nugget(const Note& note, std::string_view text, const Config& config,
                                      std::vector<Problem>& problems);

} // namespace pmi
