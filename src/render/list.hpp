#pragma once

#include <ostream>
#include <vector>

#include "core/note.hpp"
#include "render/format.hpp"

namespace pmi {

// The interviewees as a JSON array of {name, role}.
void write_interviewees_json(util::JsonWriter& json, const std::vector<Interviewee>& people);

// The notes `pmi list` shows, and the PMs it was asked for (--pm): with them,
// each note says whether they led the call or joined it (`with:`).
struct NoteListing {
    std::vector<Note> notes;
    std::vector<std::string> pms;
};

// A table: date, customer, PM, (ROLE with --pm), product, kind, tags, tldr.
void list_text(std::ostream& out, const NoteListing& listing, const View& view);
// {schema, notes: [...]}, written as it is built: the JSON of many notes is large.
// With --pm each note has a "role": "lead" or "with".
void list_json(std::ostream& out, const NoteListing& listing, const View& view);
// The typed fields, path, and with --pm a role column.
void list_csv(std::ostream& out, const NoteListing& listing, const View& view);
// One path a line (control characters shown escaped).
void list_paths(std::ostream& out, const NoteListing& listing, const View& view);

inline const StreamFormatTable<NoteListing> list_formats = {{Format::text, list_text},
                                                            {Format::json, list_json},
                                                            {Format::csv, list_csv},
                                                            {Format::paths, list_paths}};

} // namespace pmi
