#include "render/search.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <functional>

#include "core/query.hpp"
#include "render/escape.hpp"
#include "util/json.hpp"

namespace pmi {

namespace {

// Appends the line, escaped, with its matches painted.
void append_highlighted(std::string& out, std::string_view line, const LineMatch* match,
                        Color color) {
    if (!match || color == Color::off) {
        escape::append_terminal(out, line);
        return;
    }
    std::size_t at = 0;
    for (const auto& [start, end] : match->spans) {
        if (start < at || end > line.size())
            continue;
        escape::append_terminal(out, line.substr(at, start - at));
        out += paint(escape::terminal(line.substr(start, end - start)), Style::red, color);
        at = end;
    }
    escape::append_terminal(out, line.substr(std::min(at, line.size())));
}

void append_number(std::string& out, std::size_t number) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    out.append(digits, end);
}

std::string match_heading(const Note& note) {
    return fmt::format("{} {} ({}, {})", format_date(note.date), note.customer, note.pm,
                       note.product);
}

// Appends the note's matching lines (and those around them) to `out`, a note
// at a time: one write per note, not one per piece.
void append_matching_lines(std::string& out, const SearchResult& result, std::size_t context,
                           Color color) {
    const std::string path = escape::terminal(result.note.path);
    // Only the shown lines exist for us: their count bounds the context (and its sums).
    context = std::min(context, result.shown.size());
    std::size_t next = 1;  // the first line not yet printed
    std::size_t shown = 0; // lines are asked for in order: where the last one was
    for (std::size_t i = 0; i < result.lines.size(); ++i) {
        const LineMatch& match = result.lines[i];
        const std::size_t from = std::max(next, match.line > context ? match.line - context : 1);
        if (context > 0 && next > 1 && from > next)
            out += "--\n";
        const std::size_t to = i + 1 < result.lines.size()
                                   ? std::min(match.line + context, result.lines[i + 1].line - 1)
                                   : match.line + context;
        for (std::size_t number = from; number <= to; ++number) {
            const auto line = shown_line(result, number, shown);
            if (!line)
                break; // past the end of the file
            const bool is_match = number == match.line;
            out += path;
            out += is_match ? ':' : '-';
            append_number(out, number);
            out += is_match ? ": " : "- ";
            append_highlighted(out, *line, is_match ? &match : nullptr, color);
            out += '\n';
        }
        next = std::max(next, to + 1);
    }
}

void write_json_lines(util::JsonWriter& json, const SearchResult& result) {
    json.key("lines").begin_array();
    for (const auto& match : result.lines) {
        const auto shown = shown_line(result, match.line);
        if (!shown)
            continue;
        const std::string_view line = *shown;
        json.begin_object();
        json.key("line").value(match.line);
        json.key("text").value(line);
        json.key("matches").begin_array();
        for (const auto& [start, end] : match.spans) {
            if (start > end || end > line.size())
                continue;
            json.begin_object();
            json.key("text").value(line.substr(start, end - start));
            json.key("start").value(start);
            json.key("end").value(end);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
}

void for_each_result(const SearchHits& hits,
                     const std::function<void(const SearchResult&)>& visit) {
    if (hits.each) {
        hits.each(visit);
        return;
    }
    for (const auto& result : hits.results)
        visit(result);
}

} // namespace

void search_text(std::ostream& out, const SearchHits& hits, const View& view) {
    // Written 64 KiB at a time, not a note at a time: a search matching
    // every note would otherwise make a system call per note.
    constexpr std::size_t flush_size = 64 * 1024;
    bool first = true;
    std::string text;
    for_each_result(hits, [&](const SearchResult& result) {
        if (!first)
            text += '\n';
        first = false;
        text += paint(escape::terminal(match_heading(result.note)), Style::bold, view.color);
        text += '\n';
        if (result.lines.empty())
            text += escape::terminal(result.note.path) + '\n';
        else
            append_matching_lines(text, result, hits.context, view.color);
        if (text.size() >= flush_size) {
            out << text;
            text.clear();
        }
    });
    out << text;
}

void search_json(std::ostream& out, const SearchHits& hits, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("notes").begin_array();
    for_each_result(hits, [&](const SearchResult& result) {
        const Note& note = result.note;
        json.begin_object();
        json.key("path").value(note.path);
        json.key("date").value(format_date(note.date));
        json.key("customer").value(note.customer);
        json.key("pm").value(note.pm);
        json.key("product").value(note.product);
        json.key("kind").value(effective_kind(note));
        json.key("segment").value(note.segment);
        json.key("tags").strings(note.tags);
        json.key("tldr").value(note.tldr);
        json.key("score").value(result.score);
        write_json_lines(json, result);
        json.end_object();
        json.drain(out);
    });
    json.end_array();
    json.end_object();
    json.finish(out);
}

void search_paths(std::ostream& out, const SearchHits& hits, const View&) {
    for (const auto& result : hits.results)
        out << result.note.path << '\n';
}

std::string evidence_text(const Evidence& evidence, const View& view) {
    Table table;
    std::string field = evidence.field;
    for (auto& c : field)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    table.headers = {field, "CUSTOMERS", "NOTES", "LATEST"};
    table.align = {Align::left, Align::right, Align::right, Align::left};
    for (const auto& row : evidence.rows)
        table.rows.push_back({Cell(escape::terminal(row.value)),
                              Cell(std::to_string(row.customers)), Cell(std::to_string(row.notes)),
                              Cell(format_date(row.latest))});
    return render_text(table, view.color, view.width) +
           fmt::format("\n{} customer{} in {} segment{}, {} note{}, {} to {}\n", evidence.customers,
                       evidence.customers == 1 ? "" : "s", evidence.segments,
                       evidence.segments == 1 ? "" : "s", evidence.notes,
                       evidence.notes == 1 ? "" : "s", format_date(evidence.first),
                       format_date(evidence.latest));
}

std::string evidence_json(const Evidence& evidence, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("by").value(evidence.field);
    json.key("customers").value(evidence.customers);
    json.key("segments").value(evidence.segments);
    json.key("notes").value(evidence.notes);
    json.key("first").value(evidence.notes ? format_date(evidence.first) : "");
    json.key("latest").value(evidence.notes ? format_date(evidence.latest) : "");
    json.key("rows").begin_array();
    for (const auto& row : evidence.rows) {
        json.begin_object();
        json.key("value").value(row.value);
        json.key("customers").value(row.customers);
        json.key("notes").value(row.notes);
        json.key("latest").value(format_date(row.latest));
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
