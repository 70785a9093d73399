#include "render/list.hpp"

#include "core/fields.hpp"
#include "core/query.hpp"
#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

void write_interviewees_json(util::JsonWriter& json, const std::vector<Interviewee>& people) {
    json.begin_array();
    for (const auto& person : people) {
        json.begin_object();
        json.key("name").value(person.name);
        json.key("role").value(person.role);
        json.end_object();
    }
    json.end_array();
}

static void write_field_json(util::JsonWriter& json, const Note& note, const NoteField& field) {
    json.key(field.key);
    switch (field.kind) {
    case FieldKind::people: write_interviewees_json(json, note.interviewees); break;
    case FieldKind::text_list: json.strings(note.*field.list); break;
    default: json.value(field_cell(note, field));
    }
}

// Written as it is built: the JSON of many notes is large.
void list_json(std::ostream& out, const NoteListing& listing, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("notes").begin_array();
    for (const auto& note : listing.notes) {
        json.begin_object();
        json.key("path").value(note.path);
        for (const auto& field : note_fields)
            write_field_json(json, note, field);
        if (!listing.pms.empty())
            json.key("role").value(pm_role(note, listing.pms));
        json.key("extra").begin_object();
        for (const auto& field : note.extra)
            json.key(field.key).value(field.text);
        json.end_object();
        json.end_object();
        json.drain(out);
    }
    json.end_array();
    json.end_object();
    json.finish(out);
}

static Table notes_table(const NoteListing& listing) {
    const bool roles = !listing.pms.empty();
    Table table;
    table.headers = {"DATE", "CUSTOMER", "PM"};
    if (roles)
        table.headers.emplace_back("ROLE");
    table.headers.insert(table.headers.end(), {"PRODUCT", "KIND", "TAGS", "TLDR"});
    for (const auto& note : listing.notes) {
        const std::string kind = effective_kind(note);
        std::vector<Cell> cells = {Cell(format_date(note.date)), Cell(note.customer, Style::bold),
                                   Cell(note.pm)};
        if (roles)
            cells.emplace_back(pm_role(note, listing.pms));
        cells.insert(cells.end(),
                     {Cell(note.product), Cell(kind, kind == "sales" ? Style::dim : Style::plain),
                      Cell(util::join(note.tags, ",")), Cell(note.tldr)});
        table.rows.push_back(std::move(cells));
    }
    return table;
}

static Table notes_csv_table(const NoteListing& listing) {
    const bool roles = !listing.pms.empty();
    Table table;
    for (const auto& field : note_fields)
        table.headers.emplace_back(field.key);
    table.headers.emplace_back("path");
    if (roles)
        table.headers.emplace_back("role");
    for (const auto& note : listing.notes) {
        std::vector<Cell> cells;
        for (const auto& field : note_fields)
            cells.emplace_back(field_cell(note, field));
        cells.emplace_back(note.path);
        if (roles)
            cells.emplace_back(pm_role(note, listing.pms));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

void list_text(std::ostream& out, const NoteListing& listing, const View& view) {
    out << render_text(notes_table(listing), view.color, view.width);
}

void list_csv(std::ostream& out, const NoteListing& listing, const View&) {
    out << render_csv(notes_csv_table(listing));
}

void list_paths(std::ostream& out, const NoteListing& listing, const View&) {
    for (const auto& note : listing.notes)
        out << escape::terminal(note.path) << '\n';
}

} // namespace pmi
