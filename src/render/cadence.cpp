#include "render/cadence.hpp"

#include <fmt/format.h>

#include "render/escape.hpp"
#include "render/quota.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

std::string days_text(double days) {
    return fmt::format("{:g} day{}", days, days == 1 ? "" : "s");
}

std::string gap_text(const std::optional<Gap>& gap) {
    if (!gap)
        return "-";
    if (gap->open)
        return fmt::format("{} (open, since {})", days_text(gap->days), format_date(gap->from));
    return fmt::format("{} (to {})", days_text(gap->days), format_date(gap->to));
}

std::string names_text(const std::vector<NameCount>& names, std::size_t shown) {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < names.size() && i < shown; ++i)
        parts.push_back(fmt::format("{} {}", names[i].first, names[i].second));
    if (names.size() > shown)
        parts.push_back(fmt::format("+{}", names.size() - shown));
    return util::join(parts, ", ");
}

void names_json(util::JsonWriter& json, const std::vector<NameCount>& names) {
    json.begin_array();
    for (const auto& [name, count] : names) {
        json.begin_object();
        json.key("name").value(name);
        json.key("interviews").value(count);
        json.end_object();
    }
    json.end_array();
}

void gap_json(util::JsonWriter& json, const std::optional<Gap>& gap) {
    if (!gap) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("days").value(gap->days);
    json.key("from").value(format_date(gap->from));
    json.key("to").value(format_date(gap->to));
    json.key("open").value(gap->open);
    json.end_object();
}

} // namespace

std::string cadence_strip(const PmQuota& row) {
    std::string strip;
    for (const auto& week : row.weeks) {
        if (week.count >= 10)
            strip += '+';
        else if (week.count > 0)
            strip += static_cast<char>('0' + week.count);
        else if (week.status == QuotaStatus::excused)
            strip += 'a';
        else if (week.status == QuotaStatus::not_started || week.status == QuotaStatus::left)
            strip += '-';
        else
            strip += '.';
    }
    return strip;
}

std::string cadence_title(const CadenceReport& report) {
    return fmt::format("Interview cadence, {} to {}: {} weeks ({} month{}), oldest first",
                       format_date(report.first), format_date(report.today),
                       report.quota.weeks.size(), report.months, report.months == 1 ? "" : "s");
}

Table cadence_table(const CadenceReport& report) {
    Table table;
    table.headers = {"PM",          "WEEKS",     "INTERVIEWS", "MEDIAN GAP",
                     "LONGEST GAP", "CUSTOMERS", "SEGMENTS"};
    table.align = {Align::left, Align::left, Align::right, Align::right,
                   Align::left, Align::left, Align::left};
    for (const auto& row : report.rows) {
        const std::string strip = cadence_strip(row.quota);
        const bool long_gap =
            row.longest_gap && row.longest_gap->open && row.longest_gap->days > 14;
        table.rows.push_back(
            {Cell(pm_label(row.quota), row.quota.in_roster ? Style::bold : Style::dim),
             Cell(strip, Style::code), Cell(std::to_string(row.interviews)),
             Cell(row.median_gap_days ? days_text(*row.median_gap_days) : "-"),
             Cell(gap_text(row.longest_gap), long_gap ? Style::yellow : Style::plain),
             Cell(row.customers.empty()
                      ? "-"
                      : fmt::format("{}: {}", row.customers.size(), names_text(row.customers, 3))),
             Cell(row.segments.empty() ? "-" : names_text(row.segments, 4))});
    }
    return table;
}

std::string cadence_json(const CadenceReport& report, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("since").value(format_date(report.first));
    json.key("until").value(format_date(report.today));
    json.key("months").value(report.months);
    json.key("weeks").begin_array();
    for (const auto& week : report.quota.weeks)
        json.value(week_label(week));
    json.end_array();
    json.key("pms").begin_array();
    for (const auto& row : report.rows) {
        json.begin_object();
        json.key("pm").value(row.quota.pm);
        json.key("name").value(row.quota.name);
        json.key("in_roster").value(row.quota.in_roster);
        json.key("interviews").value(row.interviews);
        json.key("per_week").begin_array();
        for (const auto& week : row.quota.weeks)
            json.value(week.count);
        json.end_array();
        json.key("strip").value(cadence_strip(row.quota));
        json.key("median_gap_days");
        if (row.median_gap_days)
            json.value(*row.median_gap_days);
        else
            json.null();
        json.key("longest_gap");
        gap_json(json, row.longest_gap);
        json.key("customers");
        names_json(json, row.customers);
        json.key("segments");
        names_json(json, row.segments);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.str();
}

std::string cadence_text(const CadenceReport& report, const View& view) {
    std::string out = cadence_title(report) + "\n";
    if (report.rows.empty())
        out += "no PMs: add a team roster to .pmi.yaml or write notes\n";
    else
        out += render_text(cadence_table(report), view.color, view.width);
    return out + "weeks: " + cadence_legend + "\n";
}

std::string cadence_markdown(const CadenceReport& report, const View&) {
    std::string out = "### " + cadence_title(report) + "\n\n";
    if (!report.rows.empty())
        out += render_markdown(cadence_table(report)) + "\n";
    return out + "Weeks: " + cadence_legend + "\n";
}

static std::string optional_number(const std::optional<double>& value) {
    return value ? fmt::format("{:g}", *value) : "";
}

std::string cadence_csv(const CadenceReport& report, const View&) {
    Table table;
    table.headers = {"pm",
                     "name",
                     "in_roster",
                     "interviews",
                     "median_gap_days",
                     "longest_gap_days",
                     "longest_gap_from",
                     "longest_gap_to",
                     "longest_gap_open",
                     "item",
                     "item_name",
                     "item_interviews"};
    for (const auto& row : report.rows) {
        const auto& gap = row.longest_gap;
        const std::vector<Cell> pm_cells = {Cell(row.quota.pm),
                                            Cell(row.quota.name),
                                            Cell(row.quota.in_roster ? "yes" : "no"),
                                            Cell(std::to_string(row.interviews)),
                                            Cell(optional_number(row.median_gap_days)),
                                            Cell(gap ? std::to_string(gap->days) : ""),
                                            Cell(gap ? format_date(gap->from) : ""),
                                            Cell(gap ? format_date(gap->to) : ""),
                                            Cell(gap ? (gap->open ? "yes" : "no") : "")};
        const auto add = [&](const char* item, const std::string& name, int count) {
            std::vector<Cell> cells = pm_cells;
            cells.insert(cells.end(), {Cell(item), Cell(name), Cell(std::to_string(count))});
            table.rows.push_back(std::move(cells));
        };
        for (const auto& week : row.quota.weeks)
            add("week", week_label(week.week), week.count);
        for (const auto& [name, count] : row.customers)
            add("customer", name, count);
        for (const auto& [name, count] : row.segments)
            add("segment", name, count);
    }
    return render_csv(table);
}

} // namespace pmi
