#pragma once

#include <ostream>
#include <vector>

#include "core/note.hpp"
#include "render/format.hpp"

namespace pmi {

// The interviewees as a JSON array of {name, role}.
void write_interviewees_json(util::JsonWriter& json, const std::vector<Interviewee>& people);

// A table: date, customer, PM, product, kind, tags, tldr.
void list_text(std::ostream& out, const std::vector<Note>& notes, const View& view);
// {schema, notes: [...]}, written as it is built: the JSON of many notes is large.
void list_json(std::ostream& out, const std::vector<Note>& notes, const View& view);
void list_csv(std::ostream& out, const std::vector<Note>& notes, const View& view);
// One path a line (control characters shown escaped).
void list_paths(std::ostream& out, const std::vector<Note>& notes, const View& view);

inline const StreamFormatTable<std::vector<Note>> list_formats = {{Format::text, list_text},
                                                                  {Format::json, list_json},
                                                                  {Format::csv, list_csv},
                                                                  {Format::paths, list_paths}};

} // namespace pmi
