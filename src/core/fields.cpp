#include "core/fields.hpp"

#include "util/strings.hpp"

namespace pmi {

const NoteField* find_note_field(std::string_view key) {
    for (const auto& field : note_fields)
        if (field.key == key)
            return &field;
    return nullptr;
}

std::string near_miss_key(std::string_view key) {
    if (key.size() > 16 || find_note_field(key))
        return ""; // far from every known key, or known
    const std::string lowered = util::to_lower_ascii(key);
    for (const auto& field : note_fields) {
        const std::string_view name = field.key;
        const bool one_edit_possible = name.size() >= 4 && lowered.size() + 1 >= name.size() &&
                                       lowered.size() <= name.size() + 1;
        if (lowered == name || (one_edit_possible && util::damerau_distance(lowered, name) == 1))
            return std::string(name);
    }
    return "";
}

std::vector<std::string> field_values(const Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::text: {
        const std::string& text = note.*field.text;
        return text.empty() ? std::vector<std::string>{} : std::vector{text};
    }
    case FieldKind::kind: return {effective_kind(note)};
    case FieldKind::date: return {format_date(note.date)};
    case FieldKind::people: {
        std::vector<std::string> names;
        for (const auto& person : note.interviewees)
            names.push_back(person.name);
        return names;
    }
    case FieldKind::text_list: return note.*field.list;
    case FieldKind::flag: return {note.*field.flag ? "true" : "false"};
    }
    return {};
}

void clear_field(Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::text:
    case FieldKind::kind: (note.*field.text).clear(); break;
    case FieldKind::date: break;
    case FieldKind::people: note.interviewees.clear(); break;
    case FieldKind::text_list: (note.*field.list).clear(); break;
    case FieldKind::flag: note.*field.flag = false; break;
    }
}

std::string field_cell(const Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::people: {
        std::vector<std::string> people;
        for (const auto& person : note.interviewees)
            people.push_back(format_interviewee(person));
        return util::join(people, "; ");
    }
    case FieldKind::text_list: return util::join(note.*field.list, ";");
    default: return util::join(field_values(note, field), "");
    }
}

} // namespace pmi
