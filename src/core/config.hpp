#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"

namespace pmi {

struct TeamMember {
    std::string id;
    std::string name;
    std::string email;
    std::optional<Date> since; // no quota before this date
    std::vector<Week> away;    // excused weeks (date ranges are read as the weeks they cover)
    // The last day on the team: no quota for the weeks after it.
    std::optional<Date> until = std::nullopt;
    // Per week, overriding quota.per_week; 0: never missed.
    std::optional<int> quota = std::nullopt;
    // What the PM manages.
    std::vector<std::string> products = {};
};

// Whose quota a paired call (a note's `with:` list) counts toward (quota.paired).
enum class PairedCredit {
    lead,     // only the note's `pm`; the PMs in `with:` see it as paired, not counted
    everyone, // the lead and every PM in `with:`
};

// One customer under several names (`customers:` in .pmi.yaml).
struct CustomerNames {
    std::string name;                 // the canonical name, which reports show
    std::vector<std::string> aliases; // other names notes give it
};

struct Config {
    std::filesystem::path root;        // the repository root; notes paths are relative to it
    std::filesystem::path config_file; // empty when there is no .pmi.yaml
    std::string notes_dir = "prod/interviews";
    int quota_per_week = 1;
    std::vector<std::string> quota_kinds; // kinds that count; empty: every kind but sales
    PairedCredit paired = PairedCredit::lead;
    WeekStart week_start = WeekStart::monday;
    std::vector<std::string> products;
    std::vector<TeamMember> team;
    std::vector<std::string> share_omit; // front-matter keys `pmi share` leaves out
    // Extra words per emotion for `pmi signals` (signals.emotions in .pmi.yaml).
    std::vector<std::pair<std::string, std::vector<std::string>>> emotion_words;
    bool note_cache = true;                 // the front end turns it off (PMI_NO_CACHE)
    bool privacy_check = false;             // `privacy: true`: pmi check runs lint --privacy
    bool check_index = false;               // `check: {index: true}`: a stale INDEX.md fails check
    std::vector<std::string> privacy_allow; // privacy.allow: contacts that may appear in notes
    std::vector<CustomerNames> customers;   // customers: canonical names and their aliases
    // links.base: the web address of the repository's files (an http(s) URL
    // ending in '/'); summary and the digest print base + a note's path.
    std::string links_base;

    std::filesystem::path notes_path() const { return root / notes_dir; }
    std::filesystem::path template_path() const { return root / ".pmi" / "template.md"; }
    const TeamMember* member(const std::string& id) const;
    bool kind_counts(const std::string& kind) const;
    // The PM's weekly quota: the roster entry's `quota`, else quota.per_week.
    int quota_of(const TeamMember* member) const;
};

inline constexpr const char* config_file_name = ".pmi.yaml";

// The canonical name of a customer `customers:` names (canonical or alias, compared by
// slug, so case and punctuation do not matter); `name` itself otherwise.
std::string canonical_customer(const Config& config, std::string_view name);

// Finds the repository root: `root_override` (from --root or PMI_ROOT) when given,
// else the nearest folder holding .pmi.yaml walking up from `start`, else the
// nearest holding .git, else `start`. Then reads .pmi.yaml if there is one.
// Throws pmi::Error naming the file and line for an invalid config.
Config load_config(const std::filesystem::path& start, const std::string& root_override);

// Parses config text; `file` is used in error messages.
Config parse_config(std::string_view text, const std::string& file);

} // namespace pmi
