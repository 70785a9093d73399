#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct ListOptions {
    FilterOptions filter;
    std::string match;
    std::string format;
};

// Written as it is built: the JSON of many notes is large.
void write_notes_json(std::ostream& out, const std::vector<Note>& notes) {
    util::JsonWriter json;
    json.begin_array();
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
    json.finish(out);
}

Table notes_table(const std::vector<Note>& notes) {
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

Table notes_csv_table(const std::vector<Note>& notes) {
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

int run_list(const ListOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const NoteFilter filter = make_filter(options.filter, context);
    NoteSet set = load_notes(context.config);
    print_problems(set.problems);
    const std::vector<Note> notes =
        options.match.empty()
            ? select_notes(std::move(set.notes), filter)
            : apply_match(options.match, context, set.notes, select_notes(set.notes, filter));
    if (options.format == "json") {
        write_notes_json(std::cout, notes);
    } else if (options.format == "csv") {
        std::cout << render_csv(notes_csv_table(notes));
    } else if (options.format == "paths") {
        for (const auto& note : notes)
            std::cout << note.path << '\n';
    } else if (notes.empty()) {
        std::cerr << "no notes match\n";
    } else {
        std::cout << render_text(notes_table(notes), context.color, terminal_width());
    }
    return exit_ok;
}

} // namespace

void setup_list(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ListOptions>();
    add_filter_options(command, options->filter);
    add_match_option(command, options->match);
    add_format_option(command, options->format, {"table", "json", "csv", "paths"});
    command.callback([options, &globals] { globals.exit_code = run_list(*options, globals); });
}

} // namespace pmi::cli
