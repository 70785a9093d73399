#pragma once

#include <string>
#include <string_view>

namespace pmi {

// A note's body (markdown, hostile) as HTML, through GitHub's CommonMark
// renderer (cmark-gfm) with its tables, strikethrough, autolinks and task
// lists. Raw HTML is dropped and links of unsafe schemes (javascript:,
// vbscript:, file:, data: but a few image types) lose their target: cmark's
// safe mode. Images become plain links to where they point, so a page that
// shows the body loads nothing. Characters HTML does not allow become U+FFFD.
std::string markdown_to_html(std::string_view markdown);

} // namespace pmi
