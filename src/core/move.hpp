#pragma once

#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/config.hpp"

namespace pmi {

// The values `pmi mv` sets; those left empty stay as they are.
struct MoveChange {
    std::optional<std::string> product;
    std::optional<std::string> customer;
    std::optional<std::string> pm;
    std::optional<Date> date;
};

struct MoveResult {
    std::string from; // relative to the repository root
    std::string to;   // the same when the note stays where it is
    bool edited = false;
    bool used_git = false;
};

// Sets the values of the note at `path` (relative to the root or absolute)
// and moves it to where they put it: <notes>/<product>/<customer>-<date>.md,
// or the next free -N. Only the named front-matter lines change; every other
// byte and the file's mode are kept. The edit is written atomically in place,
// then the file is renamed (`git mv` when git tracks it) without replacing
// anything, so a crash leaves one whole note, old or new. Throws pmi::Error.
MoveResult move_note(const Config& config, const std::string& path, const MoveChange& change);

} // namespace pmi
