#include "core/quota.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/error.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

const char* status_name(QuotaStatus status) {
    switch (status) {
    case QuotaStatus::met: return "met";
    case QuotaStatus::missed: return "missed";
    case QuotaStatus::due: return "due";
    case QuotaStatus::excused: return "excused";
    case QuotaStatus::not_started: return "not-started";
    }
    return "missed";
}

bool status_ok(QuotaStatus status) {
    return status == QuotaStatus::met || status == QuotaStatus::excused ||
           status == QuotaStatus::not_started;
}

namespace {

// One PM's notes, sorted by (date, path).
struct PmNotes {
    std::vector<const Note*> all;
    std::vector<const Note*> counted;
};

bool earlier(const Note* a, const Note* b) {
    return a->date != b->date ? a->date < b->date : a->path < b->path;
}

// Notes of `notes` (sorted) with a date inside `week`.
std::pair<std::size_t, std::size_t> range_in(const std::vector<const Note*>& notes,
                                             const Week& week) {
    const Date end = week_end(week);
    const auto first = std::lower_bound(notes.begin(), notes.end(), week.start,
                                        [](const Note* n, const Date& d) { return n->date < d; });
    const auto last = std::upper_bound(notes.begin(), notes.end(), end,
                                       [](const Date& d, const Note* n) { return d < n->date; });
    return {static_cast<std::size_t>(first - notes.begin()),
            static_cast<std::size_t>(last - notes.begin())};
}

struct PmCalendar {
    const Config& config;
    const Date& today;
    const TeamMember* member;
    std::optional<Date> since;
    const PmNotes& notes;

    int count(const Week& week) const {
        const auto [first, last] = range_in(notes.counted, week);
        return static_cast<int>(last - first);
    }

    QuotaStatus status(const Week& week, int count_in_week) const {
        if (count_in_week >= config.quota_per_week)
            return QuotaStatus::met;
        if (since && week_end(week) < *since)
            return QuotaStatus::not_started;
        if (member &&
            std::find(member->away.begin(), member->away.end(), week) != member->away.end())
            return QuotaStatus::excused;
        if (today <= week_end(week))
            return QuotaStatus::due;
        return QuotaStatus::missed;
    }

    QuotaStatus status(const Week& week) const { return status(week, count(week)); }

    int streak(const Week& week) const {
        Week current = week;
        if (status(current) == QuotaStatus::due)
            current = previous_week(current);
        int streak = 0;
        // Bounded: every PM eventually reaches a week before all notes and excuses.
        for (int guard = 0; guard < 100000; ++guard, current = previous_week(current)) {
            const QuotaStatus s = status(current);
            if (s == QuotaStatus::met)
                ++streak;
            else if (s != QuotaStatus::excused)
                break;
        }
        return streak;
    }

    WeekCount standing(const Week& week) const {
        WeekCount result;
        result.week = week;
        result.count = count(week);
        result.status = status(week, result.count);
        result.streak = streak(week);
        const Date end = week_end(week);
        const auto last =
            std::upper_bound(notes.counted.begin(), notes.counted.end(), end,
                             [](const Date& d, const Note* n) { return d < n->date; });
        if (last != notes.counted.begin()) {
            const Note* note = *(last - 1);
            result.last_date = note->date;
            result.last_customer = note->customer;
            result.last_path = note->path;
        }
        return result;
    }
};

} // namespace

QuotaReport build_quota_report(const Config& config, const std::vector<Note>& notes,
                               const Date& today, const Week& week, const QuotaOptions& options) {
    QuotaReport report;
    report.week = week;
    report.today = today;
    report.quota = config.quota_per_week;
    report.week_start = config.week_start;
    const int window = std::max(1, options.weeks);
    Week first_week = week;
    for (int i = 1; i < window; ++i)
        first_week = previous_week(first_week);
    for (Week w = first_week; w <= week; w = next_week(w))
        report.weeks.push_back(w);
    const Date window_first = first_week.start;
    const Date window_last = week_end(week);

    std::map<std::string, PmNotes> by_pm;
    for (const auto& note : notes) {
        if (!options.products.empty() && !util::contains(options.products, note.product))
            continue;
        PmNotes& pm = by_pm[note.pm];
        pm.all.push_back(&note);
        if (config.kind_counts(effective_kind(note)))
            pm.counted.push_back(&note);
    }
    for (auto& [id, pm] : by_pm) {
        std::sort(pm.all.begin(), pm.all.end(), earlier);
        std::sort(pm.counted.begin(), pm.counted.end(), earlier);
    }

    // Who is listed, in order.
    std::vector<std::string> ids;
    std::set<std::string> listed;
    const bool has_roster = !config.team.empty();
    for (const auto& member : config.team) {
        if (!options.products.empty() && !by_pm.count(member.id))
            continue;
        if (listed.insert(member.id).second)
            ids.push_back(member.id);
    }
    for (const auto& [id, pm] : by_pm) {
        if (listed.count(id))
            continue;
        const bool seen =
            has_roster ? std::any_of(pm.all.begin(), pm.all.end(),
                                     [&](const Note* n) {
                                         return window_first <= n->date && n->date <= window_last;
                                     })
                       : pm.all.front()->date <= window_last;
        if (seen && listed.insert(id).second)
            ids.push_back(id);
    }
    if (!options.pms.empty()) {
        for (const auto& id : options.pms)
            if (!config.member(id) && !by_pm.count(id))
                throw Error(fmt::format("--pm '{}': no such PM in the roster or in the notes", id));
        std::vector<std::string> kept;
        for (const auto& id : ids)
            if (util::contains(options.pms, id))
                kept.push_back(id);
        for (const auto& id : options.pms)
            if (!util::contains(kept, id) && by_pm.count(id) && !config.member(id))
                kept.push_back(id); // asked for by name: listed even without notes in the window
        ids = kept;
    }

    const PmNotes no_notes;
    for (const auto& id : ids) {
        PmQuota row;
        row.pm = id;
        const TeamMember* member = config.member(id);
        const auto found = by_pm.find(id);
        const PmNotes& pm_notes = found == by_pm.end() ? no_notes : found->second;
        if (member) {
            row.name = member->name;
            row.since = member->since;
        } else {
            row.in_roster = !has_roster;
            if (!pm_notes.all.empty())
                row.since = pm_notes.all.front()->date; // no quota before their first note
        }
        const PmCalendar calendar{config, today, member, row.since, pm_notes};
        for (const auto& w : report.weeks)
            row.weeks.push_back(calendar.standing(w));
        report.rows.push_back(std::move(row));
    }
    return report;
}

std::string status_text(const PmQuota& row, const QuotaReport& report) {
    const WeekCount& week = row.selected();
    switch (week.status) {
    case QuotaStatus::met: return "met";
    case QuotaStatus::missed: return fmt::format("missed ({} of {})", week.count, report.quota);
    case QuotaStatus::due:
        return fmt::format("{} of {}, due by {}", week.count, report.quota,
                           weekday_name(iso_weekday(week_end(week.week))));
    case QuotaStatus::excused: return "excused (away)";
    case QuotaStatus::not_started:
        return row.since ? fmt::format("not started (since {})", format_date(*row.since))
                         : "not started";
    }
    return "";
}

TeamCounts team_counts(const QuotaReport& report) {
    TeamCounts counts;
    for (const auto& row : report.rows) {
        if (!row.in_roster) {
            ++counts.not_in_roster;
            continue;
        }
        switch (row.selected().status) {
        case QuotaStatus::met: ++counts.met; break;
        case QuotaStatus::missed: ++counts.missed; break;
        case QuotaStatus::due: ++counts.due; break;
        case QuotaStatus::excused: ++counts.excused; break;
        case QuotaStatus::not_started: ++counts.not_started; break;
        }
    }
    return counts;
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
    case QuotaStatus::not_started: return Style::dim;
    }
    return Style::plain;
}

static std::string last_text(const WeekCount& week) {
    return week.last_date ? format_date(*week.last_date) + " " + week.last_customer : "-";
}

Table quota_table(const QuotaReport& report) {
    Table table;
    table.headers = {"PM", "INTERVIEWS", "STATUS", "STREAK", "LAST INTERVIEW"};
    table.align = {Align::left, Align::right, Align::left, Align::right, Align::left};
    for (const auto& row : report.rows) {
        const WeekCount& week = row.selected();
        table.rows.push_back({Cell(pm_label(row), row.in_roster ? Style::bold : Style::dim),
                              Cell(std::to_string(week.count)),
                              Cell(status_text(row, report), status_style(week.status)),
                              Cell(std::to_string(week.streak)), Cell(last_text(week))});
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

std::string quota_json(const QuotaReport& report) {
    util::JsonWriter json;
    json.begin_object();
    json.key("week").value(week_label(report.week));
    json.key("start").value(format_date(report.week.start));
    json.key("end").value(format_date(week_end(report.week)));
    json.key("today").value(format_date(report.today));
    json.key("quota").value(report.quota);
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
        json.key("count").value(selected.count);
        json.key("quota").value(report.quota);
        json.key("status").value(status_name(selected.status));
        json.key("status_text").value(status_text(row, report));
        json.key("streak").value(selected.streak);
        last_json(json, selected);
        json.key("weeks").begin_array();
        for (const auto& week : row.weeks) {
            json.begin_object();
            json.key("week").value(week_label(week.week));
            json.key("count").value(week.count);
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
    json.key("not_in_roster").value(c.not_in_roster);
    json.end_object();
    json.end_object();
    return json.str();
}

std::string quota_csv(const QuotaReport& report) {
    Table table;
    table.headers = {"pm",    "name",  "in_roster", "week",   "start",     "end",
                     "count", "quota", "status",    "streak", "last_date", "last_customer"};
    for (const auto& row : report.rows)
        for (const auto& week : row.weeks)
            table.rows.push_back({Cell(row.pm), Cell(row.name), Cell(row.in_roster ? "yes" : "no"),
                                  Cell(week_label(week.week)), Cell(format_date(week.week.start)),
                                  Cell(format_date(week_end(week.week))),
                                  Cell(std::to_string(week.count)),
                                  Cell(std::to_string(report.quota)),
                                  Cell(status_name(week.status)), Cell(std::to_string(week.streak)),
                                  Cell(week.last_date ? format_date(*week.last_date) : ""),
                                  Cell(week.last_customer)});
    return render_csv(table);
}

} // namespace pmi
