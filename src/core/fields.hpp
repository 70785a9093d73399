#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/note.hpp"

namespace pmi {

// How a typed front-matter field is read, written, cached and shown.
enum class FieldKind {
    text,      // a one-line string
    kind,      // a string from note_kinds
    date,      // YYYY-MM-DD (Note::date)
    people,    // interviewees: {name, role} or "Name (role)" (Note::interviewees)
    text_list, // a list of strings, or one comma-separated string
};

// One typed field of a note, declared once. This table drives the reader, the
// writer, the cache codec, --where, share.omit and list's JSON and CSV, so a
// new field is one line here (and its member in Note) plus tests.
struct NoteField {
    std::string_view key;
    FieldKind kind;
    bool required = false;
    std::string Note::*text = nullptr;              // text and kind
    std::vector<std::string> Note::*list = nullptr; // text_list
};

inline constexpr NoteField note_fields[] = {
    {"customer", FieldKind::text, true, &Note::customer},
    {"date", FieldKind::date, true},
    {"pm", FieldKind::text, true, &Note::pm},
    {"with", FieldKind::text_list, false, nullptr, &Note::with},
    {"product", FieldKind::text, true, &Note::product},
    {"kind", FieldKind::kind, false, &Note::kind},
    {"interviewees", FieldKind::people},
    {"listeners", FieldKind::text_list, false, nullptr, &Note::listeners},
    {"segment", FieldKind::text, false, &Note::segment},
    {"channel", FieldKind::text, false, &Note::channel},
    {"tags", FieldKind::text_list, false, nullptr, &Note::tags},
    {"tldr", FieldKind::text, false, &Note::tldr},
};

// The typed field named `key` (exact spelling), or null for an unknown key.
const NoteField* find_note_field(std::string_view key);

// The key of note_fields that `key` (not one of them) is most likely a typo of:
// the same but for case ("Customer"), or one edit (a swap of two letters
// included) from a key of four or more letters ("tag", "interviewee", "tl;dr",
// "tldr "). Empty when none. Such a key is read as an extra field, so its
// value would be lost to every report.
std::string near_miss_key(std::string_view key);

// The field's values as text, as --where compares them: a date as YYYY-MM-DD,
// the effective kind ("learning" when not given), interviewees by name, each
// tag; an empty text gives no value.
std::vector<std::string> field_values(const Note& note, const NoteField& field);

// Empties the field (share.omit); a date, which cannot be empty, is left as is.
void clear_field(Note& note, const NoteField& field);

// The field's value on one line, as list's CSV shows it: tags joined with ";",
// interviewees as "Jo Smith (end user); Ann".
std::string field_cell(const Note& note, const NoteField& field);

} // namespace pmi
