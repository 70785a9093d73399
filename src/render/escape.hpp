#pragma once

#include <string>
#include <string_view>

// One escaping function per place a value from a note can go. A value read
// from a note is hostile: every renderer passes it through the function of its
// target, and nothing from a note reaches an output any other way.
namespace pmi::escape {

// Whether line breaks in the value are kept (a note's body) or shown escaped
// (a one-line field: customer, tldr, tag, path…).
enum class Lines { one, keep };

// Text for a terminal or a CI log. C0 controls, DEL, C1 controls, invalid
// UTF-8 and invisible characters that reorder or break what a terminal shows
// (bidi controls, line and paragraph separators) are displayed visibly, as
// `\x1b`, `\u009b`, `\u202e`, `\xff`; never emitted. In a one-line field TAB,
// CR and LF too (`\t`, `\r`, `\n`); with Lines::keep, LF and TAB stay.
std::string terminal(std::string_view text, Lines lines = Lines::one);
// terminal(), appended to `out`.
void append_terminal(std::string& out, std::string_view text, Lines lines = Lines::one);

// Inline markdown (CommonMark + GFM): the value reads the same rendered as
// raw; no link, image, emphasis, HTML, entity, table break or block syntax
// can come from it. Line breaks become spaces; controls as terminal().
std::string markdown_inline(std::string_view text);
// A table cell: as markdown_inline (which escapes `|` too), but a leading `-`,
// `#` or `1.` stays as it is: it starts no block inside a table row.
std::string markdown_cell(std::string_view text);
// A code span holding the value literally (backticks fenced by a longer run).
std::string markdown_code(std::string_view text);

// A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or
// starts or ends with a space; a `'` before a leading `=`, `+`, `-`, `@`, TAB or
// CR so a spreadsheet never reads it as a formula (OWASP). Other controls as
// terminal().
std::string csv_cell(std::string_view text);

// XML 1.0 content or attribute value: `& < > " '` as entities, TAB/LF/CR as
// character references, characters XML 1.0 does not allow (other controls,
// U+FFFE, U+FFFF, invalid UTF-8) replaced by U+FFFD.
std::string xml(std::string_view text);

// HTML text or a quoted attribute value: `& < > " '` as entities, so a value
// can never open a tag, an attribute or an entity. Controls (but TAB and LF),
// DEL, C1 controls, noncharacters, invalid UTF-8 and the invisible characters
// that reorder text (bidi controls, line and paragraph separators) are replaced
// by U+FFFD: none is allowed in HTML, none may change how a page reads.
std::string html(std::string_view text);
// The same replacements without the entities: for text an HTML renderer
// escapes itself (a note's body given to the markdown renderer).
std::string html_chars(std::string_view text);

// GitHub workflow commands, as @actions/core escapes them: `%`, CR and LF in a
// command's data; in a property also `:` and `,`. Controls as terminal().
std::string github_data(std::string_view text);
std::string github_property(std::string_view text);
// Human-readable text printed beside workflow commands: a line that would
// start with `::` (after blanks) has its first `:` written `%3A`, so no line
// of it is a workflow command.
std::string github_plain(std::string_view text);

// A path in a markdown link target: bytes outside unreserved URL characters and
// `/` percent-encoded.
std::string url_path(std::string_view path);

} // namespace pmi::escape
