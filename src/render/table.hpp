#pragma once

#include <string>
#include <vector>

namespace pmi {

// How a cell is shown: colours and weight on a terminal only; `strong` is also
// bold in markdown, `code` a code span there.
enum class Style { plain, bold, dim, green, yellow, red, strong, code };

struct Cell {
    std::string text;
    Style style = Style::plain;
    Cell() = default;
    Cell(std::string t, Style s = Style::plain) : text(std::move(t)), style(s) {}
    Cell(const char* t, Style s = Style::plain) : text(t), style(s) {}
};

enum class Align { left, right };

// Report data shaped as a table; every renderer below reads the same data.
// Cells hold raw values: each renderer escapes them for its target.
struct Table {
    std::vector<std::string> headers;
    std::vector<Align> align; // per column; missing means left
    std::vector<std::vector<Cell>> rows;
};

enum class Color { off, on };

// Columns padded to their widest cell, two spaces apart, no trailing spaces;
// cells escaped for a terminal. `max_width` > 0 shortens the last column to fit
// (cut with "…").
std::string render_text(const Table& table, Color color, std::size_t max_width = 0);
std::string render_markdown(const Table& table);
std::string render_csv(const Table& table);

// `text` (already escaped) in the style's colour when `color` is on.
std::string paint(const std::string& text, Style style, Color color);

} // namespace pmi
