#pragma once

#include <string>
#include <string_view>

namespace pmi::cli {

// A value from a note made safe for a terminal: control characters (C0 but
// tab, DEL, C1) shown visibly as \xNN, so a note can never move the cursor,
// change colours or the window title. The one place search, open, mv and
// tags rename escape through; to be pointed at src/render/escape.hpp.
std::string terminal_safe(std::string_view text);

} // namespace pmi::cli
