#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace pmi {

// Why share cannot be sure what is private at a line of the note.
struct RedactionError {
    int line = 0;
    std::string message;
};

// A note's body with the private parts left out, or the reasons it cannot be.
struct Redacted {
    std::string body;                   // empty when there are errors
    std::vector<RedactionError> errors; // the note must not be shared when not empty
};

enum class HeadingClass { plain, private_, unclear };

// Whether a heading's title makes its section private: its first word is
// "Private" (in any case, with emphasis, other marks or Unicode spaces around:
// "**Private**", "Private: pricing", "🔒 Private"). `unclear` when "private"
// appears only later ("Notes (private)") or split ("Pri vate"): share refuses those.
HeadingClass classify_heading(std::string_view title);

// Leaves out of `body` (whose first line is file line `first_line`):
// - every HTML comment, and everything between <!-- private --> (or
//   <!-- private: reason -->) and <!-- /private -->, also within a line, a list
//   or a code block, and across lines;
// - top-level sections (ATX or setext heading, see MarkdownScanner) whose title
//   is private, up to the next top-level heading of the same or a higher level.
// It fails closed: an unmatched, nested or malformed marker (a comment that
// mentions "private" otherwise), a comment never closed, an unclear or nested
// private heading, a setext heading whose text starts inside a private section,
// or a code block never closed that holds "private" are errors, and no body is
// given. Lines left empty by a comment are dropped, runs of blank lines outside
// code become one, line endings become LF and the result ends with one newline
// (or is empty).
Redacted redact_body(std::string_view body, int first_line = 1);

enum class ShareStatus { shared, invalid, refused };

struct SharedNote {
    ShareStatus status = ShareStatus::invalid;
    std::string text; // when shared
};

// A copy of the note `text` fit to send: the front matter re-written from the
// parsed note without the keys in `omit` (compared ignoring ASCII case), and
// the body redacted. `invalid` when the note cannot be parsed, `refused` when
// share cannot be sure what is private; `problems` gets the reasons.
SharedNote share_note(std::string_view text, const std::string& path,
                      const std::vector<std::string>& omit, std::vector<Problem>& problems);

// The comment line every shared copy carries in its front matter, so that
// `share --out` knows which files it may replace.
inline constexpr std::string_view shared_copy_marker =
    "# A copy made by pmi share: private parts left out. pmi share may replace this file.";

// Whether `text` is a copy written by share (its second line is the marker).
bool is_shared_copy(std::string_view text);

} // namespace pmi
