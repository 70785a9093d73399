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
    case QuotaStatus::left: return "left";
    case QuotaStatus::no_quota: return "no_quota";
    }
    return "missed";
}

bool status_ok(QuotaStatus status) {
    return status != QuotaStatus::missed && status != QuotaStatus::due;
}

std::vector<std::string> credited_pms(const Config& config, const Note& note) {
    if (note.draft || !config.kind_counts(effective_kind(note)))
        return {};
    std::vector<std::string> pms{note.pm};
    if (config.paired == PairedCredit::everyone)
        for (const auto& id : note.with)
            if (!util::contains(pms, id))
                pms.push_back(id);
    return pms;
}

namespace {

// One PM's notes, sorted by (date, path).
struct PmNotes {
    std::vector<const Note*> all;     // as `pm`
    std::vector<const Note*> joined;  // in `with:`
    std::vector<const Note*> counted; // credited toward the quota
    std::vector<const Note*> led;     // counted kinds, as `pm`
    std::vector<const Note*> paired;  // counted kinds, in `with:`
    std::vector<const Note*> not_counted;
    std::vector<const Note*> drafts;
    std::vector<const Note*> counted_in_products;

    // The first note the PM was on, as `pm` or in `with:`.
    std::optional<Date> first_date() const {
        std::optional<Date> first;
        for (const auto* list : {&all, &joined})
            if (!list->empty() && (!first || list->front()->date < *first))
                first = list->front()->date;
        return first;
    }

    bool on_a_call_within(const Date& first, const Date& last) const {
        const auto within = [&](const Note* n) { return first <= n->date && n->date <= last; };
        return std::any_of(all.begin(), all.end(), within) ||
               std::any_of(joined.begin(), joined.end(), within);
    }
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
    int quota;
    const PmNotes& notes;

    int count(const Week& week) const {
        const auto [first, last] = range_in(notes.counted, week);
        return static_cast<int>(last - first);
    }

    QuotaStatus status(const Week& week, int count_in_week) const {
        if (quota > 0 && count_in_week >= quota)
            return QuotaStatus::met;
        if (since && week_end(week) < *since)
            return QuotaStatus::not_started;
        if (member && member->until && *member->until < week.start)
            return QuotaStatus::left;
        if (quota == 0)
            return QuotaStatus::no_quota;
        if (member &&
            std::find(member->away.begin(), member->away.end(), week) != member->away.end())
            return QuotaStatus::excused;
        if (today <= week_end(week))
            return QuotaStatus::due;
        return QuotaStatus::missed;
    }

    QuotaStatus status(const Week& week) const { return status(week, count(week)); }

    int streak(const Week& week) const {
        if (quota == 0)
            return 0; // every week would be "no quota": nothing to count
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
        const auto [led_first, led_last] = range_in(notes.led, week);
        result.led = static_cast<int>(led_last - led_first);
        const auto [paired_first, paired_last] = range_in(notes.paired, week);
        result.paired = static_cast<int>(paired_last - paired_first);
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
    report.paired = config.paired;
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
        const bool counts = !note.draft && config.kind_counts(effective_kind(note));
        PmNotes& pm = by_pm[note.pm];
        pm.all.push_back(&note);
        if (of_products)
            in_products.insert(note.pm);
        if (note.draft)
            pm.drafts.push_back(&note);
        else if (counts)
            pm.led.push_back(&note);
        else
            pm.not_counted.push_back(&note);
        for (const auto& id : note.with) {
            if (id == note.pm)
                continue;
            PmNotes& other = by_pm[id];
            other.joined.push_back(&note);
            if (of_products)
                in_products.insert(id);
            if (counts)
                other.paired.push_back(&note);
        }
        for (const auto& id : credited_pms(config, note)) {
            PmNotes& credited = by_pm[id];
            credited.counted.push_back(&note);
            if (of_products)
                credited.counted_in_products.push_back(&note);
        }
    }
    for (auto& [id, pm] : by_pm)
        for (auto* list : {&pm.all, &pm.joined, &pm.counted, &pm.led, &pm.paired, &pm.not_counted,
                           &pm.drafts, &pm.counted_in_products})
            std::sort(list->begin(), list->end(), earlier);

    // Who is listed, in order.
    std::vector<std::string> ids;
    std::set<std::string> listed;
    const bool has_roster = !config.team.empty();
    const PmNotes no_notes;
    const auto notes_of = [&](const std::string& id) -> const PmNotes& {
        const auto found = by_pm.find(id);
        return found == by_pm.end() ? no_notes : found->second;
    };
    for (const auto& member : config.team) {
        if (!options.products.empty() && !in_products.count(member.id))
            continue;
        // Gone before the window: not expected, so not listed unless asked for.
        if (member.until && *member.until < window_first &&
            !util::contains(options.pms, member.id) &&
            !notes_of(member.id).on_a_call_within(window_first, window_last))
            continue;
        if (listed.insert(member.id).second)
            ids.push_back(member.id);
    }
    for (const auto& [id, pm] : by_pm) {
        if (listed.count(id) || (!options.products.empty() && !in_products.count(id)))
            continue;
        // With a roster, `with:` names outside it are typos (lint says so), not PMs.
        const auto first = pm.first_date();
        const bool seen =
            has_roster ? std::any_of(pm.all.begin(), pm.all.end(),
                                     [&](const Note* n) {
                                         return window_first <= n->date && n->date <= window_last;
                                     })
                       : first && *first <= window_last;
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

    for (const auto& id : ids) {
        PmQuota row;
        row.pm = id;
        const TeamMember* member = config.member(id);
        const PmNotes& pm_notes = notes_of(id);
        if (member) {
            row.name = member->name;
            row.since = member->since;
            row.until = member->until;
        } else {
            row.in_roster = !has_roster;
            row.since = pm_notes.first_date(); // no quota before their first note
        }
        row.quota = config.quota_of(member);
        const PmCalendar calendar{config, today, member, row.since, row.quota, pm_notes};
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
        case QuotaStatus::left: ++counts.left; break;
        case QuotaStatus::no_quota: ++counts.no_quota; break;
        }
    }
    return counts;
}

} // namespace pmi
