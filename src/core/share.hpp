#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace pmi {

// A note's body with the private parts left out.
struct Redacted {
    std::string body;
    int unclosed_line =
        0; // line of a <!-- private --> never closed (dropped to the end); 0 if none
};

// Leaves out of `body` (whose first line is file line `first_line`):
// - sections whose heading title is "Private" (or starts with "Private " or "Private:"),
//   at any level, up to the next heading of the same or a higher level;
// - everything between <!-- private --> and <!-- /private --> (case and spaces inside the
//   comment do not matter), also within a line; a block never closed runs to the end.
// Lines left empty by a marker are dropped, runs of blank lines become one, line endings
// become LF and the result ends with one newline (or is empty).
Redacted redact_body(std::string_view body, int first_line = 1);

// A copy of the note `text` fit to send: the front matter re-written from the parsed note
// without the keys in `omit`, and the body redacted. nullopt when the note is invalid;
// `problems` gets its problems and a warning for an unclosed private block.
std::optional<std::string> share_note(std::string_view text, const std::string& path,
                                      const std::vector<std::string>& omit,
                                      std::vector<Problem>& problems);

} // namespace pmi
