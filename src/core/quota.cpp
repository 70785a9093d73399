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
    case QuotaStatus::not_started: return "not_started";
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
    std::vector<const Note*> not_counted;
    std::vector<const Note*> drafts;
    std::vector<const Note*> counted_in_products;
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
            else if (s != QuotaStatus::excused && s != QuotaStatus::due)
                break; // a week under way (due) neither breaks nor adds
        }
        return streak;
    }

    WeekCount standing(const Week& week) const {
        WeekCount result;
        result.week = week;
        result.count = count(week);
        result.status = status(week, result.count);
        result.streak = streak(week);
        const auto [products_first, products_last] = range_in(notes.counted_in_products, week);
        result.in_products = static_cast<int>(products_last - products_first);
        const auto [other_first, other_last] = range_in(notes.not_counted, week);
        std::map<std::string, int> by_kind;
        for (std::size_t i = other_first; i < other_last; ++i)
            ++by_kind[effective_kind(*notes.not_counted[i])];
        result.not_counted.assign(by_kind.begin(), by_kind.end());
        const auto [drafts_first, drafts_last] = range_in(notes.drafts, week);
        result.drafts = static_cast<int>(drafts_last - drafts_first);
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
    report.counted_kinds = config.quota_kinds;
    report.products = options.products;
    const int window = std::max(1, options.weeks);
    Week first_week = week;
    for (int i = 1; i < window; ++i)
        first_week = previous_week(first_week);
    for (Week w = first_week; w <= week; w = next_week(w))
        report.weeks.push_back(w);
    const Date window_first = first_week.start;
    const Date window_last = week_end(week);

    std::map<std::string, PmNotes> by_pm;
    std::set<std::string> in_products; // PMs with a note of the filter's products
    for (const auto& note : notes) {
        const bool of_products =
            options.products.empty() || util::contains(options.products, note.product);
        PmNotes& pm = by_pm[note.pm];
        pm.all.push_back(&note);
        if (of_products)
            in_products.insert(note.pm);
        if (note.draft) {
            pm.drafts.push_back(&note);
        } else if (config.kind_counts(effective_kind(note))) {
            pm.counted.push_back(&note);
            if (of_products)
                pm.counted_in_products.push_back(&note);
        } else {
            pm.not_counted.push_back(&note);
        }
    }
    for (auto& [id, pm] : by_pm)
        for (auto* list :
             {&pm.all, &pm.counted, &pm.not_counted, &pm.drafts, &pm.counted_in_products})
            std::sort(list->begin(), list->end(), earlier);

    // Who is listed, in order.
    std::vector<std::string> ids;
    std::set<std::string> listed;
    const bool has_roster = !config.team.empty();
    for (const auto& member : config.team) {
        if (!options.products.empty() && !in_products.count(member.id))
            continue;
        if (listed.insert(member.id).second)
            ids.push_back(member.id);
    }
    for (const auto& [id, pm] : by_pm) {
        if (listed.count(id) || (!options.products.empty() && !in_products.count(id)))
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
                throw Error(fmt::format("no PM '{}' in the roster or in the notes", id));
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
            row.products = member->products;
        } else {
            row.in_roster = !has_roster;
            if (!pm_notes.all.empty())
                row.since = pm_notes.all.front()->date; // no quota before their first note
        }
        const PmCalendar calendar{config, today, member, row.since, pm_notes};
        for (const auto& w : report.weeks)
            row.weeks.push_back(calendar.standing(w));
        if (report.weeks.size() == 1 && week.start <= today && today <= week_end(week))
            row.previous = calendar.standing(previous_week(week));
        report.rows.push_back(std::move(row));
    }
    return report;
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

} // namespace pmi
