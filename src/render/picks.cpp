#include "render/picks.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/summary.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

std::string week_title(const Week& week) {
    return fmt::format("{} ({} to {})", week_label(week), format_date(week.start),
                       format_date(week_end(week)));
}

void week_json(util::JsonWriter& json, const Week& week) {
    json.key("week").value(week_label(week));
    json.key("since").value(format_date(week.start));
    json.key("until").value(format_date(week_end(week)));
}

// "Caroline Diaz (reseller-portal)", each value through `escape_value`.
template <typename Escape> std::string who(const PmPick& pick, Escape escape_value) {
    std::string text = escape_value(pick.name.empty() ? pick.id : pick.name);
    if (!pick.products.empty())
        text += " (" + escape_value(util::join(pick.products, ", ")) + ")";
    return text;
}

template <typename Escape> std::string pick_line(const PmPick& pick, Escape escape_value) {
    std::string what;
    if (!pick.nugget.empty())
        what = fmt::format("{} — {}, {}", escape_value(pick.nugget), escape_value(pick.customer),
                           format_date(pick.date));
    else if (pick.interviews > 0)
        what = fmt::format("no nugget in {} interview{} this week", pick.interviews,
                           pick.interviews == 1 ? "" : "s");
    else
        what = pick.away ? "away this week" : "no interview this week";
    return who(pick, escape_value) + ": " + what;
}

} // namespace

std::string picks_markdown(const WeekPicks& picks, const View&) {
    std::string out = fmt::format("# Nuggets of the week, {}\n\n", week_title(picks.week));
    if (picks.pms.empty())
        out += "No PMs and no interviews this week.\n";
    for (const auto& pick : picks.pms)
        out +=
            "- " +
            pick_line(pick, [](std::string_view text) { return escape::markdown_inline(text); }) +
            "\n";
    return out;
}

std::string picks_text(const WeekPicks& picks, const View&) {
    std::string out;
    if (picks.pms.empty())
        out += "no PMs and no interviews in " + week_label(picks.week) + "\n";
    for (const auto& pick : picks.pms)
        out += pick_line(pick, [](std::string_view text) { return escape::terminal(text); }) + "\n";
    return out;
}

std::string picks_json(const WeekPicks& picks, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    week_json(json, picks.week);
    json.key("picks").begin_array();
    for (const auto& pick : picks.pms) {
        json.begin_object();
        json.key("pm").value(pick.id);
        json.key("name").value(pick.name);
        json.key("products").strings(pick.products);
        json.key("away").value(pick.away);
        json.key("interviews").value(pick.interviews);
        if (pick.nugget.empty()) {
            for (const char* key : {"nugget", "marked", "customer", "date", "path"})
                json.key(key).null();
        } else {
            json.key("nugget").value(pick.nugget);
            json.key("marked").value(pick.marked);
            json.key("customer").value(pick.customer);
            json.key("date").value(format_date(pick.date));
            json.key("path").value(pick.path);
        }
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

std::string exec_markdown(const ExecMessage& message, const View&) {
    const auto md = [](std::string_view text) { return escape::markdown_inline(text); };
    if (message.nuggets.empty())
        return fmt::format("No interview nugget was flagged for the executive team in {}.\n",
                           week_title(message.week));
    std::string out = fmt::format("Execs: the customer interview nuggets our PMs picked for you "
                                  "this week, {}.\n\n",
                                  week_title(message.week));
    for (const auto& nugget : message.nuggets) {
        std::string from = md(nugget.pm_name);
        if (!nugget.products.empty())
            from += ", who product manages " + md(util::join(nugget.products, ", "));
        // The web address as an autolink, as the digest gives it.
        const std::string url = note_url(message.links_base, nugget.path);
        out += fmt::format("- {} — {}, {}. From {}. Full notes: {}\n", md(nugget.nugget),
                           md(nugget.talked_with), format_date(nugget.date), from,
                           url.empty() ? escape::markdown_code(nugget.path) : "<" + url + ">");
    }
    return out;
}

std::string exec_json(const ExecMessage& message, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    week_json(json, message.week);
    json.key("nuggets").begin_array();
    for (const auto& nugget : message.nuggets) {
        json.begin_object();
        json.key("nugget").value(nugget.nugget);
        json.key("talked_with").value(nugget.talked_with);
        json.key("customer").value(nugget.customer);
        json.key("date").value(format_date(nugget.date));
        json.key("pm").value(nugget.pm);
        json.key("name").value(nugget.pm_name);
        json.key("products").strings(nugget.products);
        json.key("path").value(nugget.path);
        json.key("url");
        if (const std::string url = note_url(message.links_base, nugget.path); url.empty())
            json.null();
        else
            json.value(url);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

} // namespace pmi
