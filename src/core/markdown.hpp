#pragma once

#include <istream>
#include <string>
#include <string_view>

namespace pmi {

// The level (1-6) of an ATX heading ("## Title ##", up to three spaces of
// indent), 0 for any other line. `title` gets the text without the marks.
int heading_level(std::string_view line, std::string_view& title);

// Whether the line opens or closes a fenced code block (``` or ~~~).
bool is_code_fence(std::string_view line);

// The text of a list item ("- x", "* x", "+ x", "1. x", "1) x"), trimmed;
// empty for other lines.
std::string_view list_item_text(std::string_view line);

// The body lines of a markdown file, read one at a time: a leading BOM and the
// front matter ('---' to '---' or '...') are skipped, and so is everything in
// fenced code blocks, fences included. Line endings (LF or CRLF) are removed.
class BodyLines {
  public:
    explicit BodyLines(std::istream& in) : in_(in) {}

    // The next body line and its 1-based number in the file; false at the end.
    bool next(std::string& line, int& number);

  private:
    std::istream& in_;
    int number_ = 0;
    bool in_front_matter_ = false;
    bool in_fence_ = false;
};

} // namespace pmi
