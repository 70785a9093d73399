#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace util {

// One record of a CSV file, with the file line it starts on (a quoted cell
// can hold line breaks, so records and lines differ).
struct CsvRecord {
    int line = 0;
    std::vector<std::string> cells;
};

struct CsvTable {
    std::vector<CsvRecord> records; // blank lines left out
    // A quoted cell still open at the end of the text: where it opened, and
    // empty when there is none. The records before it are complete.
    int unclosed_quote_line = 0;
};

// Reads CSV as RFC 4180 writes it, and as spreadsheets export it: cells in
// double quotes may hold commas, line breaks and doubled quotes (""); records
// end in LF or CRLF; a UTF-8 byte-order mark at the start is dropped. A quote
// inside an unquoted cell is kept as text. Never throws on any input.
CsvTable parse_csv(std::string_view text);

} // namespace util
