#include "render/followups.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "util/json.hpp"

namespace pmi {

std::string followups_text(const FollowUps& followups, const View&) {
    const auto term = [](std::string_view text) { return escape::terminal(text); };
    std::string out;
    for (const auto& entry : followups.entries)
        out += fmt::format("{}:{}: {} {}, {}: {}{}{}\n", term(entry.path), entry.item.line,
                           format_date(entry.date), term(entry.customer), term(entry.pm),
                           entry.item.done ? "[x] " : "", term(entry.item.text),
                           entry.item.private_ ? " (private)" : "");
    return out;
}

std::string followups_markdown(const FollowUps& followups, const View&) {
    const auto md = [](std::string_view text) { return escape::markdown_inline(text); };
    std::string out = followups.all ? "# Follow-ups\n\n" : "# Open follow-ups\n\n";
    if (followups.entries.empty())
        out += followups.all ? "None.\n" : "None open.\n";
    for (const auto& entry : followups.entries)
        out +=
            fmt::format("- [{}] {}{} — {}, {}, {}: {}\n", entry.item.done ? "x" : " ",
                        md(entry.item.text), entry.item.private_ ? " (private)" : "",
                        md(entry.customer), md(entry.pm), format_date(entry.date),
                        escape::markdown_code(fmt::format("{}:{}", entry.path, entry.item.line)));
    return out;
}

std::string followups_json(const FollowUps& followups, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("all").value(followups.all);
    json.key("followups").begin_array();
    for (const auto& entry : followups.entries) {
        json.begin_object();
        json.key("path").value(entry.path);
        json.key("line").value(entry.item.line);
        json.key("date").value(format_date(entry.date));
        json.key("customer").value(entry.customer);
        json.key("pm").value(entry.pm);
        json.key("product").value(entry.product);
        json.key("text").value(entry.item.text);
        json.key("done").value(entry.item.done);
        json.key("private").value(entry.item.private_);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
