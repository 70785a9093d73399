#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/note.hpp"
#include "util/expected.hpp"

namespace pmi {

// A source that cannot be imported, with the line of its file the problem is on.
class SourceError : public Error {
  public:
    SourceError(int line_number, const std::string& message) : Error(message), line(line_number) {}
    int line;
};

// How to read a date such as 03/04/2026, where either number could be the month.
enum class DateOrder { unknown, mdy, dmy };

// A date as spreadsheets and documents write it: 2026-11-20, 2026/11/20,
// 11/20/2026 or 20/11/2026 (also with '.' or '-'), 20 Nov 2026, Nov 20, 2026,
// 20 November 2026; a time after the date (2026-11-20 14:30, 2026-11-20T14:30)
// is ignored. A numeric date whose order the numbers do not tell (03/04/2026)
// needs `order`; without it, an error naming --date-format.
util::Expected<Date> parse_loose_date(std::string_view text, DateOrder order);

// The key given to each source column or key: `--map date=Date,customer=Account`.
// A key is a front-matter key (typed or not) or `body` (the text goes into the
// note's body as it is).
struct ImportMap {
    std::vector<std::pair<std::string, std::string>> entries; // key, source

    // The key `source` is mapped to, or empty.
    std::string key_of(std::string_view source) const;
};

// Parses --map values ("key=Source,key=Source", each may repeat). Throws
// pmi::Error for a malformed entry, a key given twice, the reserved key
// `imported`, or a near miss of a typed key (`tag`, `Customer`).
ImportMap parse_import_map(const std::vector<std::string>& specs);

// Values used when a note's own is empty.
struct ImportDefaults {
    std::string pm;
    std::string product;
    std::string kind;
    DateOrder order = DateOrder::unknown;
};

// The key that marks a note as imported, with `import_id` as its value: a
// re-run skips every source whose id a note already carries.
inline constexpr std::string_view imported_key = "imported";

// Whether `pmi import` wrote the note (it has the `imported` key).
bool is_imported(const Note& note);

// A stable id of a source: 16 hex digits of a 64-bit FNV-1a hash of `text`.
std::string import_id(std::string_view text);

// A note ready to be written (with its `imported` key), and the id of what it came from.
struct ImportedNote {
    Note note;
    std::string body;
    std::string id;
};

// The id of a CSV row: its non-empty cells with their column names, in any
// column order.
std::string row_id(const std::vector<std::string>& header, const std::vector<std::string>& cells);

// The note of one CSV row. Mapped columns set their key; the other non-empty
// cells go into the body under "## Imported", one `- Column: value` line each,
// so nothing in the row is lost. Throws pmi::Error for a value that cannot
// be used (a bad date, an unknown kind, a missing required field).
ImportedNote note_from_row(const std::vector<std::string>& header,
                           const std::vector<std::string>& cells, const ImportMap& map,
                           const ImportDefaults& defaults);

// The note of a markdown file from another tool (Obsidian, Notion, Confluence).
// Front-matter keys are mapped by `map`, typed keys taken as they are, other
// keys kept; the body is kept as it is. A missing date and customer are taken
// from the file name (`Acme Corp 2026-11-20.md`, `2026-11-20 acme-corp.md`,
// Notion's trailing id left out). Throws SourceError for a value that cannot be
// used or front matter that is not YAML.
ImportedNote note_from_markdown(std::string_view text, std::string_view file_name,
                                const ImportMap& map, const ImportDefaults& defaults);

// The customer and date a file name gives, for note_from_markdown; either may
// be missing (an empty customer, a nullopt date).
struct NameParts {
    std::string customer;
    std::optional<Date> date;
};
NameParts parts_of_file_name(std::string_view file_name);

} // namespace pmi
