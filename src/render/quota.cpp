#include "render/quota.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

static std::string standing_text(const PmQuota& row, const WeekCount& week) {
    switch (week.status) {
    case QuotaStatus::met: return "met";
    case QuotaStatus::missed: return fmt::format("missed ({} of {})", week.count, row.quota);
    case QuotaStatus::due:
        return fmt::format("{} of {}, due by {}", week.count, row.quota,
                           weekday_name(iso_weekday(week_end(week.week))));
    case QuotaStatus::excused: return "excused (away)";
    case QuotaStatus::not_started:
        return row.since ? fmt::format("not started (since {})", format_date(*row.since))
                         : "not started";
    case QuotaStatus::left:
        return row.until ? fmt::format("left (until {})", format_date(*row.until)) : "left";
    case QuotaStatus::no_quota: return "no quota";
    }
    return "";
}

std::string interviews_text(const WeekCount& week) {
    if (week.paired == 0)
        return std::to_string(week.led);
    return fmt::format("{} (+{} paired)", week.led, week.paired);
}

std::string not_counted_text(const WeekCount& week) {
    std::vector<std::string> parts;
    for (const auto& [kind, count] : week.not_counted)
        parts.push_back(fmt::format("{} {} call{}", count, kind, count == 1 ? "" : "s"));
    std::string text = parts.empty() ? "" : util::join(parts, ", ") + " not counted";
    if (week.drafts > 0)
        text = fmt::format("{} draft{}{}{}", week.drafts, week.drafts == 1 ? "" : "s",
                           text.empty() ? "" : ", ", text);
    return text;
}

static std::string with_not_counted(std::string text, const WeekCount& week) {
    const std::string extra = not_counted_text(week);
    return extra.empty() ? text : text + "; " + extra;
}

std::string status_text(const PmQuota& row, const QuotaReport&) {
    return with_not_counted(standing_text(row, row.selected()), row.selected());
}

std::string team_line(const QuotaReport& report) {
    const TeamCounts c = team_counts(report);
    std::string line = fmt::format("team {}: {} of {} met", week_label(report.week), c.met,
                                   c.met + c.missed + c.due);
    const auto add = [&line](int n, const char* what) {
        if (n > 0)
            line += fmt::format(", {} {}", n, what);
    };
    add(c.missed, "missed");
    add(c.due, "still due");
    add(c.excused, "excused");
    add(c.not_started, "not started");
    add(c.left, "left");
    add(c.no_quota, "no quota");
    add(c.not_in_roster, "not in roster");
    return line;
}

std::string week_span(const Week& week) {
    return format_date(week.start) + " to " + format_date(week_end(week));
}

std::string pm_label(const PmQuota& row) {
    return row.in_roster ? row.pm : row.pm + " (not in roster)";
}

static Style status_style(QuotaStatus status) {
    switch (status) {
    case QuotaStatus::met: return Style::green;
    case QuotaStatus::missed: return Style::red;
    case QuotaStatus::due: return Style::yellow;
    case QuotaStatus::excused:
    case QuotaStatus::not_started:
    case QuotaStatus::left:
    case QuotaStatus::no_quota: return Style::dim;
    }
    return Style::plain;
}

static std::string last_text(const WeekCount& week) {
    return week.last_date ? format_date(*week.last_date) + " " + week.last_customer : "-";
}

Table quota_table(const QuotaReport& report) {
    const bool previous = std::any_of(report.rows.begin(), report.rows.end(),
                                      [](const PmQuota& row) { return row.previous.has_value(); });
    const bool products = !report.products.empty();
    Table table;
    table.headers = {"PM", "INTERVIEWS"};
    table.align = {Align::left, Align::right};
    if (products) {
        table.headers.push_back("IN " + util::join(report.products, ", "));
        table.align.push_back(Align::right);
    }
    for (const char* header : {"STATUS", "STREAK", "LAST INTERVIEW"})
        table.headers.push_back(header);
    table.align.insert(table.align.end(), {Align::left, Align::right, Align::left});
    if (previous) {
        table.headers.push_back("LAST WEEK");
        table.align.push_back(Align::left);
    }
    for (const auto& row : report.rows) {
        const WeekCount& week = row.selected();
        std::vector<Cell> cells = {Cell(pm_label(row), row.in_roster ? Style::bold : Style::dim),
                                   Cell(interviews_text(week))};
        if (products)
            cells.emplace_back(std::to_string(week.in_products));
        cells.insert(cells.end(), {Cell(status_text(row, report), status_style(week.status)),
                                   Cell(std::to_string(week.streak)), Cell(last_text(week))});
        if (previous)
            cells.emplace_back(row.previous ? standing_text(row, *row.previous) : "",
                               row.previous ? status_style(row.previous->status) : Style::plain);
        table.rows.push_back(std::move(cells));
    }
    return table;
}

static std::string short_week_label(const Week& week) {
    const std::string label = week_label(week);
    return label.substr(label.find('-') + 1);
}

Table quota_grid(const QuotaReport& report) {
    Table table;
    table.headers = {"PM"};
    table.align = {Align::left};
    for (const auto& week : report.weeks) {
        table.headers.push_back(short_week_label(week));
        table.align.push_back(Align::right);
    }
    table.headers.push_back("STREAK");
    table.align.push_back(Align::right);
    for (const auto& row : report.rows) {
        std::vector<Cell> cells{Cell(pm_label(row), row.in_roster ? Style::bold : Style::dim)};
        for (const auto& week : row.weeks) {
            const std::string count = std::to_string(week.count);
            switch (week.status) {
            case QuotaStatus::met: cells.emplace_back(count, Style::green); break;
            case QuotaStatus::missed: cells.emplace_back(count + "!", Style::red); break;
            case QuotaStatus::due: cells.emplace_back(count + "?", Style::yellow); break;
            case QuotaStatus::excused: cells.emplace_back("away", Style::dim); break;
            case QuotaStatus::not_started: cells.emplace_back("-", Style::dim); break;
            case QuotaStatus::left: cells.emplace_back("left", Style::dim); break;
            case QuotaStatus::no_quota: cells.emplace_back(count, Style::dim); break;
            }
        }
        cells.emplace_back(std::to_string(row.selected().streak));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

static void last_json(util::JsonWriter& json, const WeekCount& week) {
    json.key("last_interview");
    if (!week.last_date) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("date").value(format_date(*week.last_date));
    json.key("customer").value(week.last_customer);
    json.key("path").value(week.last_path);
    json.end_object();
}

std::string quota_json(const QuotaReport& report, const View&) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("week").value(week_label(report.week));
    json.key("since").value(format_date(report.week.start));
    json.key("until").value(format_date(week_end(report.week)));
    json.key("today").value(format_date(report.today));
    json.key("quota").value(report.quota);
    json.key("paired").value(report.paired == PairedCredit::everyone ? "everyone" : "lead");
    json.key("weeks").begin_array();
    for (const auto& week : report.weeks)
        json.value(week_label(week));
    json.end_array();
    json.key("pms").begin_array();
    for (const auto& row : report.rows) {
        const WeekCount& selected = row.selected();
        json.begin_object();
        json.key("pm").value(row.pm);
        json.key("name").value(row.name);
        json.key("in_roster").value(row.in_roster);
        json.key("since");
        if (row.since)
            json.value(format_date(*row.since));
        else
            json.null();
        json.key("until");
        if (row.until)
            json.value(format_date(*row.until));
        else
            json.null();
        json.key("count").value(selected.count);
        json.key("led").value(selected.led);
        json.key("paired").value(selected.paired);
        json.key("quota").value(row.quota);
        json.key("status").value(status_name(selected.status));
        json.key("status_text").value(status_text(row, report));
        json.key("not_counted").begin_object();
        for (const auto& [kind, count] : selected.not_counted)
            json.key(kind).value(count);
        json.end_object();
        json.key("drafts").value(selected.drafts);
        if (!report.products.empty())
            json.key("in_products").value(selected.in_products);
        json.key("previous_week");
        if (row.previous) {
            json.begin_object();
            json.key("week").value(week_label(row.previous->week));
            json.key("count").value(row.previous->count);
            json.key("status").value(status_name(row.previous->status));
            json.end_object();
        } else {
            json.null();
        }
        json.key("streak").value(selected.streak);
        last_json(json, selected);
        json.key("weeks").begin_array();
        for (const auto& week : row.weeks) {
            json.begin_object();
            json.key("week").value(week_label(week.week));
            json.key("count").value(week.count);
            json.key("led").value(week.led);
            json.key("paired").value(week.paired);
            json.key("status").value(status_name(week.status));
            json.key("streak").value(week.streak);
            json.end_object();
        }
        json.end_array();
        json.end_object();
    }
    json.end_array();
    const TeamCounts c = team_counts(report);
    json.key("team").begin_object();
    json.key("met").value(c.met);
    json.key("missed").value(c.missed);
    json.key("due").value(c.due);
    json.key("excused").value(c.excused);
    json.key("not_started").value(c.not_started);
    json.key("left").value(c.left);
    json.key("no_quota").value(c.no_quota);
    json.key("not_in_roster").value(c.not_in_roster);
    json.end_object();
    json.end_object();
    return json.str();
}

std::string quota_csv(const QuotaReport& report, const View&) {
    Table table;
    table.headers = {"pm",        "name",          "in_roster", "week",   "since",
                     "until",     "count",         "quota",     "status", "streak",
                     "last_date", "last_customer", "led",       "paired"};
    for (const auto& row : report.rows)
        for (const auto& week : row.weeks)
            table.rows.push_back({Cell(row.pm), Cell(row.name), Cell(row.in_roster ? "yes" : "no"),
                                  Cell(week_label(week.week)), Cell(format_date(week.week.start)),
                                  Cell(format_date(week_end(week.week))),
                                  Cell(std::to_string(week.count)), Cell(std::to_string(row.quota)),
                                  Cell(status_name(week.status)), Cell(std::to_string(week.streak)),
                                  Cell(week.last_date ? format_date(*week.last_date) : ""),
                                  Cell(week.last_customer), Cell(std::to_string(week.led)),
                                  Cell(std::to_string(week.paired))});
    return render_csv(table);
}

static std::string counted_kinds(const QuotaReport& report) {
    if (report.counted_kinds.empty())
        return "every kind but sales";
    return "kinds " + util::join(report.counted_kinds, ", ");
}

static std::string title(const QuotaReport& report) {
    const std::string weeks =
        report.weeks.size() == 1
            ? fmt::format("{} ({})", week_label(report.week), week_span(report.week))
            : fmt::format("{} to {} ({} to {})", week_label(report.weeks.front()),
                          week_label(report.week), format_date(report.weeks.front().start),
                          format_date(week_end(report.week)));
    std::string text =
        fmt::format("{}: quota {} a week, counting {}", weeks, report.quota, counted_kinds(report));
    if (report.paired == PairedCredit::everyone)
        text += "; a paired call counts for every PM on it";
    if (!report.products.empty())
        text += fmt::format("; PMs with notes of {}, their status over every product",
                            util::join(report.products, ", "));
    return text;
}

// The grid's legend; "left" only when a PM's weeks show it.
static std::string grid_legend(const QuotaReport& report) {
    std::string legend = "0! missed, 0? still due, away excused, - not started";
    for (const auto& row : report.rows)
        for (const auto& week : row.weeks)
            if (week.status == QuotaStatus::left)
                return legend + ", left after the PM's last day";
    return legend;
}

std::string quota_text(const QuotaReport& report, const View& view) {
    std::string out = escape::terminal(title(report)) + "\n";
    const bool grid = report.weeks.size() > 1;
    if (report.rows.empty())
        out += "no PMs: add a team roster to .pmi.yaml or write notes\n";
    else if (grid)
        out += render_text(quota_grid(report), view.color) + grid_legend(report) + "\n";
    else
        out += render_text(quota_table(report), view.color, view.width);
    return out + team_line(report) + "\n";
}

std::string quota_markdown(const QuotaReport& report, const View&) {
    const bool grid = report.weeks.size() > 1;
    std::string out = "### Interviews " + escape::markdown_inline(title(report)) + "\n\n";
    if (!report.rows.empty())
        out += render_markdown(grid ? quota_grid(report) : quota_table(report)) + "\n";
    if (grid)
        out += "Legend: " + grid_legend(report) + "\n\n";
    return out + team_line(report) + "\n";
}

} // namespace pmi
