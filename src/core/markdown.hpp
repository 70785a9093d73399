#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace pmi {

// The one markdown block scanner of pmi: note sections and nuggets, signals,
// guide lint and share all read a body through it. It follows CommonMark's
// block rules for what pmi needs: ATX and setext headings, block quotes, list
// items (bullet and ordered), fenced code (``` and ~~~, closed only by a fence
// of the same character at least as long), indented code, thematic breaks and
// paragraphs with lazy continuation, each with up to 3 spaces of indentation.
// HTML blocks, tables and link reference definitions are read as paragraphs.

// The level (1-6) of an ATX heading ("## Title ##", up to three spaces of
// indent), 0 for any other line. `title` gets the text without the marks.
int heading_level(std::string_view line, std::string_view& title);

// A list item marker at the start of `text` (no indentation): "-", "+", "*",
// or 1-9 digits and "." or ")", followed by a space, a tab or the end.
struct ListMarker {
    std::size_t width = 0; // 0 when there is no marker
    bool ordered = false;
    long start = 0; // the number of an ordered item
};
ListMarker list_marker(std::string_view text);

// The text of a list item line ("- x", "* x", "+ x", "1. x", "1) x"), trimmed;
// empty for other lines. Indentation before the marker is ignored.
std::string_view list_item_content(std::string_view line);

enum class LineKind {
    blank,          // nothing but spaces (in its containers)
    text,           // paragraph text, including a lazy continuation line
    heading,        // an ATX heading, or the underline that makes a setext heading
    thematic_break, // ***, ---, ___
    fence,          // the line that opens or closes a fenced code block
    code,           // inside a fenced or an indented code block
};

// What one line of a body is.
struct MarkdownLine {
    LineKind kind = LineKind::blank;
    int number = 0;          // 1-based line number in the file
    std::string_view text;   // the line as given, without its line ending
    std::string_view inner;  // the line after its quote and list marks, up to 3 spaces trimmed
    int level = 0;           // heading: 1-6
    std::string_view title;  // heading: its text trimmed, without the marks; for a setext
                             // heading, the paragraph's lines joined by spaces
    int title_line = 0;      // heading: the line its text starts on
    bool setext = false;     // heading: underlined by === (level 1) or --- (level 2)
    int quote_depth = 0;     // block quotes the line is in
    int list_depth = 0;      // list items the line is in
    bool item_start = false; // a list item starts on this line
    std::string_view item;   // item_start: the text after the innermost marker, trimmed
    bool too_deep = false;   // in 32 quotes and lists: deeper marks are read as text

    bool nested() const { return quote_depth > 0 || list_depth > 0; }
};

// Reads lines in order and says what each one is. A heading's title and the
// views in the result stay valid until the next call.
class MarkdownScanner {
  public:
    const MarkdownLine& scan(std::string_view line, int number);

    // Whether a fenced code block is open (after the last line: never closed),
    // and the line that opened it.
    bool in_fence() const { return fence_.open; }
    int fence_line() const { return fence_.line; }

  private:
    struct Container {
        bool quote = false;
        std::size_t content_column = 0; // list item: where its text starts
    };
    struct Fence {
        bool open = false;
        char mark = 0;
        std::size_t length = 0;
        std::size_t indent = 0;
        std::size_t depth = 0; // containers it is in
        int line = 0;
    };

    std::size_t match_containers(std::size_t& at) const;
    void open_containers(std::size_t& at, bool paragraph_open);
    void classify_leaf(std::size_t at);
    void add_paragraph_content(std::string_view text);
    void finish(std::size_t depth);

    std::vector<Container> open_;
    Fence fence_;
    bool paragraph_ = false;
    int paragraph_line_ = 0;
    std::string paragraph_text_;
    std::string expanded_;
    MarkdownLine line_;
};

// Follows HTML comments from line to line: whether a line starts inside one,
// the <!-- private --> blocks they open and close, and a line's text without them.
class HtmlComments {
  public:
    // Reads the next line.
    void line(std::string_view text);

    bool in_comment() const { return in_comment_; }
    bool in_private() const { return in_private_; }
    // Whether any of the last line was in a private block (or opened or closed one).
    bool touched_private() const { return touched_private_; }

  private:
    void keep(std::string_view text);
    void end_comment();

    bool in_comment_ = false;
    bool in_private_ = false;
    bool touched_private_ = false;
    std::string content_; // the start of the open comment: only that tells what it is
};

// `text` without its HTML comments, read as starting outside one: a comment
// never closed hides the rest of the line. Spaces left around are trimmed and
// runs of them inside made one.
std::string without_html_comments(std::string_view text);

// The body lines of a markdown file, read one at a time, for a MarkdownScanner:
// a leading BOM and the front matter ('---' to '---' or '...') are skipped.
// Line endings (LF or CRLF) are removed. Each line is kept whole, however long:
// a cut line could hide what follows it (a comment's closing "-->" past the cut
// leaves every later line read as inside the comment). Memory holds one line.
class BodyLines {
  public:
    explicit BodyLines(std::istream& in) : in_(in) {}

    // The next body line and its 1-based number in the file; false at the end.
    bool next(std::string& line, int& number);

  private:
    std::istream& in_;
    int number_ = 0;
    bool in_front_matter_ = false;
};

} // namespace pmi
