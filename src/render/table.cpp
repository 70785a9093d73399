#include "render/table.hpp"

#include <algorithm>

#include "render/escape.hpp"
#include "util/strings.hpp"

namespace pmi {

std::string paint(const std::string& text, Style style, Color color) {
    if (color == Color::off || style == Style::plain)
        return text;
    const char* code = "";
    switch (style) {
    case Style::plain:
    case Style::code: return text;
    case Style::bold:
    case Style::strong: code = "1"; break;
    case Style::dim: code = "2"; break;
    case Style::green: code = "32"; break;
    case Style::yellow: code = "33"; break;
    case Style::red: code = "31"; break;
    }
    return std::string("\x1b[") + code + "m" + text + "\x1b[0m";
}

static std::string cut_to_width(const std::string& text, std::size_t width) {
    if (util::display_width(text) <= width)
        return text;
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_char && ++used > width - 1)
            break;
        out += text[i];
    }
    return out + "…";
}

// Narrows the widest columns, one character at a time, until the table fits.
static void fit_widths(std::vector<std::size_t>& widths, std::size_t max_width) {
    constexpr std::size_t min_width = 6;
    std::size_t total = 2 * (widths.size() - 1);
    for (auto width : widths)
        total += width;
    // The last column holds free text (a tldr, a message): it gives way first.
    while (total > max_width && widths.back() > 24) {
        --widths.back();
        --total;
    }
    while (total > max_width) {
        auto widest = std::max_element(widths.begin(), widths.end());
        if (*widest <= min_width)
            return;
        --*widest;
        --total;
    }
}

static Table escaped_for_terminal(const Table& table) {
    Table out;
    out.align = table.align;
    for (const auto& header : table.headers)
        out.headers.push_back(escape::terminal(header));
    out.rows.reserve(table.rows.size());
    for (const auto& row : table.rows) {
        std::vector<Cell> cells;
        cells.reserve(row.size());
        for (const auto& cell : row)
            cells.emplace_back(escape::terminal(cell.text), cell.style);
        out.rows.push_back(std::move(cells));
    }
    return out;
}

std::string render_text(const Table& raw, Color color, std::size_t max_width) {
    const Table table = escaped_for_terminal(raw);
    const std::size_t columns = table.headers.size();
    std::vector<std::size_t> widths(columns, 0);
    for (std::size_t c = 0; c < columns; ++c)
        widths[c] = util::display_width(table.headers[c]);
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < columns && c < row.size(); ++c)
            widths[c] = std::max(widths[c], util::display_width(row[c].text));
    if (max_width > 0 && columns > 0)
        fit_widths(widths, max_width);
    const auto line = [&](const std::vector<Cell>& cells, bool header) {
        std::string out;
        std::string pending_spaces;
        for (std::size_t c = 0; c < columns; ++c) {
            const Cell empty;
            const Cell& cell = c < cells.size() ? cells[c] : empty;
            const std::string text = cut_to_width(cell.text, widths[c]);
            const std::size_t pad = widths[c] - util::display_width(text);
            const bool right = c < table.align.size() && table.align[c] == Align::right;
            const Style style = header ? Style::bold : cell.style;
            if (c > 0)
                pending_spaces += "  ";
            if (right)
                pending_spaces.append(pad, ' ');
            if (!text.empty()) {
                out += pending_spaces + paint(text, style, color);
                pending_spaces.clear();
            }
            if (!right)
                pending_spaces.append(pad, ' ');
        }
        return out + "\n";
    };
    std::vector<Cell> header_cells(table.headers.begin(), table.headers.end());
    std::string out = line(header_cells, true);
    for (const auto& row : table.rows)
        out += line(row, false);
    return out;
}

static std::string markdown_cell(const Cell& cell) {
    if (cell.text.empty())
        return "";
    switch (cell.style) {
    case Style::strong: return "**" + escape::markdown_cell(cell.text) + "**";
    case Style::code: return escape::markdown_code(cell.text);
    default: return escape::markdown_cell(cell.text);
    }
}

std::string render_markdown(const Table& table) {
    std::string out = "|";
    for (const auto& header : table.headers)
        out += " " + escape::markdown_cell(header) + " |";
    out += "\n|";
    for (std::size_t c = 0; c < table.headers.size(); ++c) {
        const bool right = c < table.align.size() && table.align[c] == Align::right;
        out += right ? " ---: |" : " --- |";
    }
    out += "\n";
    for (const auto& row : table.rows) {
        out += "|";
        for (std::size_t c = 0; c < table.headers.size(); ++c)
            out += " " + (c < row.size() ? markdown_cell(row[c]) : std::string()) + " |";
        out += "\n";
    }
    return out;
}

std::string render_csv(const Table& table) {
    std::string out;
    for (std::size_t c = 0; c < table.headers.size(); ++c)
        out += (c ? "," : "") + escape::csv_cell(table.headers[c]);
    out += "\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < table.headers.size(); ++c)
            out += (c ? "," : "") + escape::csv_cell(c < row.size() ? row[c].text : "");
        out += "\n";
    }
    return out;
}

} // namespace pmi
