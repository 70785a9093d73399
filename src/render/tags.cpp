#include "render/tags.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

static Table tag_table(const TagReport& report) {
    Table table;
    table.headers = {"TAG", "COUNT", "PRODUCTS", "FIRST", "LAST"};
    table.align = {Align::left, Align::right};
    for (const auto& stat : report.tags)
        table.rows.push_back({Cell(stat.tag), Cell(std::to_string(stat.count)),
                              Cell(util::join(stat.products, ", ")), Cell(format_date(stat.first)),
                              Cell(format_date(stat.last))});
    return table;
}

template <typename Escape>
static std::string spellings_text(const TagDuplicate& duplicate, Escape escape_tag) {
    std::vector<std::string> parts;
    for (const auto& spelling : duplicate.spellings)
        parts.push_back(fmt::format("{} ({}{})", escape_tag(spelling.tag), spelling.count,
                                    spelling.lookalike ? ", lookalike letters" : ""));
    return util::join(parts, ", ");
}

std::string tags_text(const TagReport& report, const View& view) {
    if (report.tags.empty())
        return "no tags\n";
    std::string out = render_text(tag_table(report), view.color);
    if (!report.duplicates.empty()) {
        out += "\nLikely duplicates (same tag spelled differently):\n";
        for (const auto& duplicate : report.duplicates)
            out += "  " +
                   spellings_text(duplicate,
                                  [](std::string_view tag) { return escape::terminal(tag); }) +
                   "\n";
    }
    return out;
}

std::string tags_markdown(const TagReport& report, const View&) {
    std::string out = "## Tags\n\n";
    if (report.tags.empty())
        return out + "No tags.\n";
    Table table = tag_table(report);
    table.headers = {"Tag", "Count", "Products", "First", "Last"};
    out += render_markdown(table);
    if (!report.duplicates.empty()) {
        out += "\n## Likely duplicates\n\n";
        for (const auto& duplicate : report.duplicates)
            out += "- " +
                   spellings_text(duplicate,
                                  [](std::string_view tag) { return escape::markdown_code(tag); }) +
                   "\n";
    }
    return out;
}

std::string tags_json(const TagReport& report, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("tags").begin_array();
    for (const auto& stat : report.tags) {
        json.begin_object();
        json.key("tag").value(stat.tag);
        json.key("count").value(stat.count);
        json.key("products").strings(stat.products);
        json.key("first").value(format_date(stat.first));
        json.key("last").value(format_date(stat.last));
        json.end_object();
    }
    json.end_array();
    json.key("duplicates").begin_array();
    for (const auto& duplicate : report.duplicates) {
        json.begin_object();
        json.key("key").value(duplicate.key);
        json.key("spellings").begin_array();
        for (const auto& spelling : duplicate.spellings) {
            json.begin_object();
            json.key("tag").value(spelling.tag);
            json.key("count").value(spelling.count);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
