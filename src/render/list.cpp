#include "render/list.hpp"

#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

// Written as it is built: the JSON of many notes is large.
void list_json(std::ostream& out, const std::vector<Note>& notes, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("notes").begin_array();
    for (const auto& note : notes) {
        json.begin_object();
        json.key("path").value(note.path);
        json.key("customer").value(note.customer);
        json.key("date").value(format_date(note.date));
        json.key("pm").value(note.pm);
        json.key("product").value(note.product);
        json.key("kind").value(effective_kind(note));
        json.key("interviewees");
        write_interviewees_json(json, note.interviewees);
        json.key("segment").value(note.segment);
        json.key("channel").value(note.channel);
        json.key("tags").strings(note.tags);
        json.key("tldr").value(note.tldr);
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

static Table notes_table(const std::vector<Note>& notes) {
    Table table;
    table.headers = {"DATE", "CUSTOMER", "PM", "PRODUCT", "KIND", "TAGS", "TLDR"};
    for (const auto& note : notes) {
        const std::string kind = effective_kind(note);
        table.rows.push_back({Cell(format_date(note.date)), Cell(note.customer, Style::bold),
                              Cell(note.pm), Cell(note.product),
                              Cell(kind, kind == "sales" ? Style::dim : Style::plain),
                              Cell(util::join(note.tags, ",")), Cell(note.tldr)});
    }
    return table;
}

static Table notes_csv_table(const std::vector<Note>& notes) {
    Table table;
    table.headers = {"date",    "customer",     "pm",   "product", "kind", "segment",
                     "channel", "interviewees", "tags", "tldr",    "path"};
    for (const auto& note : notes) {
        std::vector<std::string> people;
        for (const auto& person : note.interviewees)
            people.push_back(format_interviewee(person));
        table.rows.push_back({Cell(format_date(note.date)), Cell(note.customer), Cell(note.pm),
                              Cell(note.product), Cell(effective_kind(note)), Cell(note.segment),
                              Cell(note.channel), Cell(util::join(people, "; ")),
                              Cell(util::join(note.tags, ";")), Cell(note.tldr), Cell(note.path)});
    }
    return table;
}

void list_text(std::ostream& out, const std::vector<Note>& notes, const View& view) {
    out << render_text(notes_table(notes), view.color, view.width);
}

void list_csv(std::ostream& out, const std::vector<Note>& notes, const View&) {
    out << render_csv(notes_csv_table(notes));
}

void list_paths(std::ostream& out, const std::vector<Note>& notes, const View&) {
    for (const auto& note : notes)
        out << escape::terminal(note.path) << '\n';
}

} // namespace pmi
