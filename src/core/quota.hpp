#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/note.hpp"

namespace pmi {

// How a PM stands against the quota in one week.
enum class QuotaStatus {
    met,         // count >= quota
    missed,      // the week is over and count < quota
    due,         // the week is under way (or ahead) and count < quota
    excused,     // the week is in the PM's `away` list
    not_started, // the week ends before the PM's `since` date
    left,        // the week starts after the PM's `until` date
    no_quota,    // the PM's quota is 0: never missed
};

// "met", "missed", "due", "excused", "not_started", "left", "no_quota": the
// machine-readable names.
const char* status_name(QuotaStatus status);

// Fine for the CI gate: met, excused, not started, left or no quota.
bool status_ok(QuotaStatus status);

// A PM's standing in one week.
struct WeekCount {
    Week week;
    int count = 0;  // calls credited toward the quota: led, and paired under quota.paired everyone
    int led = 0;    // notes of counted kinds in the week with the PM as `pm`
    int paired = 0; // notes of counted kinds in the week with the PM in `with:`
    QuotaStatus status = QuotaStatus::missed;
    int streak = 0; // consecutive weeks met ending at this week (see build_quota_report)
    // Calls in the week of kinds that do not count (sales…), by kind, sorted.
    std::vector<std::pair<std::string, int>> not_counted;
    int drafts = 0; // notes in the week with nothing written yet (Note::draft): never counted
    // With a product filter: the counted notes of those products (count is over all).
    int in_products = 0;
    std::optional<Date> last_date; // latest credited note up to the end of this week
    std::string last_customer;
    std::string last_path;
};

struct PmQuota {
    std::string pm;
    std::string name;      // from the roster; empty otherwise
    bool in_roster = true; // false: seen in notes but missing from a non-empty roster
    std::optional<Date> since;
    std::optional<Date> until; // the last day on the team
    int quota = 1;             // this PM's quota per week
    std::vector<WeekCount>
        weeks; // the report's window, oldest first; the last is the selected week
    // The week before the selected one, when the selected week is under way
    // (a Monday one-on-one wants last week's outcome beside this week's).
    std::optional<WeekCount> previous;
    const WeekCount& selected() const { return weeks.back(); }
};

struct QuotaOptions {
    int weeks = 1;                     // the window: this many weeks ending at `week`
    std::vector<std::string> pms;      // only these PMs; empty: all
    std::vector<std::string> products; // only PMs with notes of these products; empty: all
};

struct QuotaReport {
    Week week; // the selected week
    Date today;
    int quota = 1; // quota.per_week; a PM's own is PmQuota::quota
    PairedCredit paired = PairedCredit::lead;
    WeekStart week_start = WeekStart::monday;
    std::vector<std::string> counted_kinds; // quota.kinds; empty: every kind but sales
    std::vector<std::string> products;      // the product filter; empty: none
    std::vector<Week> weeks;                // the window, oldest first
    std::vector<PmQuota> rows; // roster order (or by id without a roster), then others by id
};

// The quota report for `week`, computed from the config (roster, quota, kinds)
// and the valid notes. Only kinds for which config.kind_counts() holds count,
// and never a draft.
// A note credits its `pm`; under quota.paired everyone also each PM of its
// `with:` list, who otherwise sees it as paired (WeekCount::paired) only.
// Each PM's quota is their roster entry's `quota`, else quota.per_week.
// Rows: every roster PM but those whose `until` is before the window (unless
// named in `options.pms` or with a note in the window); with no roster, every
// PM seen in notes (as `pm` or in `with:`) up to the end of the week; PMs
// found in notes but missing from the roster only when they have a note in
// the window. With `products` set, only PMs with a note of those
// products are listed; their status still counts every product (the quota is
// per PM), and `in_products` gives the products' share.
// Streak: weeks met counted back from the week; a week under way (or ahead)
// that is not met yet is skipped, excused weeks neither break nor add, and it stops at the
// first missed, not-started or left week. A PM with quota 0 has no streak.
// Throws pmi::Error when `options.pms` names a PM neither in the roster nor in notes.
QuotaReport build_quota_report(const Config& config, const std::vector<Note>& notes,
                               const Date& today, const Week& week,
                               const QuotaOptions& options = {});

// The PMs `note` credits toward the quota: none for a draft or a kind that
// does not count; else its `pm`, and under quota.paired everyone each PM of
// its `with:` list.
std::vector<std::string> credited_pms(const Config& config, const Note& note);

struct TeamCounts {
    int met = 0, missed = 0, due = 0, excused = 0, not_started = 0, left = 0, no_quota = 0,
        not_in_roster = 0;
};
TeamCounts team_counts(const QuotaReport& report);

} // namespace pmi
