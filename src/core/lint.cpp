#include "core/lint.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/backfill.hpp"
#include "core/check.hpp"
#include "core/create.hpp"
#include "core/edit.hpp"
#include "core/fields.hpp"
#include "core/privacy.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace fs = std::filesystem;

namespace {

// "<slug>-<YYYY-MM-DD>.md" or "<slug>-<YYYY-MM-DD>-<N>.md".
struct FileName {
    std::string slug;
    Date date;
};

std::optional<FileName> parse_file_name(const std::string& name) {
    if (name.size() <= 3 || name.substr(name.size() - 3) != ".md")
        return std::nullopt;
    const std::string stem = name.substr(0, name.size() - 3);
    FileName parsed;
    if (split_customer_date(stem, parsed.slug, parsed.date))
        return parsed;
    const auto dash = stem.rfind('-');
    if (dash == std::string::npos || dash + 1 == stem.size() ||
        !std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(dash) + 1, stem.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    if (split_customer_date(stem.substr(0, dash), parsed.slug, parsed.date))
        return parsed;
    return std::nullopt;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& known) {
    const std::string best = util::closest_match(word, known);
    return best.empty() ? "" : fmt::format("; did you mean '{}'?", best);
}

// Someone in `with:` who is not in the roster: a typo of a PM's id, or someone
// from our side who is not a PM and belongs under `listeners:`.
std::string not_in_team_message(const std::string& id, const std::vector<std::string>& ids) {
    std::string hint = did_you_mean(id, ids);
    if (hint.empty())
        hint = "; list someone who is not a PM under 'listeners:'";
    return fmt::format("'with': PM '{}' is not in the team of {}{}", id, config_file_name, hint);
}

// The notes folder relative to the root, with '/' and a trailing '/'; empty for the root.
std::string notes_prefix(const Config& config) {
    fs::path notes = fs::path(config.notes_dir).lexically_normal();
    if (notes.is_absolute())
        notes = notes.lexically_relative(config.root.lexically_normal());
    std::string prefix = notes.generic_string();
    if (prefix.empty() || prefix == ".")
        return "";
    if (prefix.back() != '/')
        prefix += '/';
    return prefix;
}

std::string_view file_name_of(std::string_view path) {
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

struct Linter {
    const Config& config;
    std::vector<Problem> problems;
    std::string notes_folder = notes_prefix(config);
    std::unordered_set<std::string> team_ids = [this] {
        std::unordered_set<std::string> ids;
        for (const auto& person : config.team)
            ids.insert(person.id);
        return ids;
    }();
    std::unordered_set<std::string> products{config.products.begin(), config.products.end()};

    void error(const Note& note, int line, std::string message) {
        problems.push_back({note.path, line, Severity::error, std::move(message)});
    }
    void warning(const Note& note, int line, std::string message) {
        problems.push_back({note.path, line, Severity::warning, std::move(message)});
    }

    std::string expected_name(const Note& note) const {
        return fmt::format("{}-{}.md", util::slugify(note.customer), format_date(note.date));
    }

    void file_name(const Note& note) {
        const std::string name(file_name_of(note.path));
        const auto parsed = parse_file_name(name);
        if (!parsed) {
            warning(note, 0,
                    fmt::format("file name does not follow <customer>-<YYYY-MM-DD>.md, like {}",
                                expected_name(note)));
            return;
        }
        if (parsed->date != note.date)
            error(note, key_line(note, "date"),
                  fmt::format("date {} disagrees with the file name's date {}; to move the "
                              "file: pmi mv {} --date {}",
                              format_date(note.date), format_date(parsed->date),
                              shell_quote(note.path), format_date(note.date)));
        if (parsed->slug != util::slugify(note.customer))
            warning(note, key_line(note, "customer"),
                    fmt::format("customer '{}' does not match the file name '{}' (expected {})",
                                note.customer, name, expected_name(note)));
    }

    // A note filed as <notes>/<folder>/<file> must be in its product's folder.
    void product_folder(const Note& note) {
        const std::string_view path = note.path;
        if (path.compare(0, notes_folder.size(), notes_folder) != 0)
            return;
        const std::string_view inside = path.substr(notes_folder.size());
        const auto slash = inside.find('/');
        if (slash == std::string_view::npos || slash == 0 ||
            inside.find('/', slash + 1) != std::string_view::npos)
            return;
        const std::string_view folder = inside.substr(0, slash);
        if (folder != note.product)
            error(note, key_line(note, "product"),
                  fmt::format("product '{}' disagrees with the folder '{}' the note is in; "
                              "to move the file: pmi mv {} --product {}",
                              note.product, folder, shell_quote(note.path),
                              shell_quote(note.product)));
    }

    void roster(const Note& note) {
        std::vector<std::string> ids;
        for (const auto& person : config.team)
            ids.push_back(person.id);
        if (!team_ids.empty() && !team_ids.count(note.pm))
            warning(note, key_line(note, "pm"),
                    fmt::format("PM '{}' is not in the team of {}{}", note.pm, config_file_name,
                                did_you_mean(note.pm, ids)));
        paired(note, ids);
        if (!products.empty() && !products.count(note.product))
            warning(note, key_line(note, "product"),
                    fmt::format("product '{}' is not in the products of {}{}", note.product,
                                config_file_name, did_you_mean(note.product, config.products)));
    }

    // A `with:` id outside the roster is an error, where an unknown lead is only
    // a warning: a lead typo still shows in every report (as "not in roster"),
    // while a `with:` typo shows nowhere and silently credits nobody under
    // quota.paired everyone. The note still counts for its lead.
    void paired(const Note& note, const std::vector<std::string>& ids) {
        for (const auto& id : note.with) {
            if (id == note.pm)
                warning(note, key_line(note, "with"),
                        fmt::format("'with' lists the lead PM '{}'; list only the other PMs on "
                                    "the call",
                                    id));
            else if (!team_ids.empty() && !team_ids.count(id))
                error(note, key_line(note, "with"), not_in_team_message(id, ids));
        }
    }

    // A near miss of a known key is read as an extra field, so its value is lost
    // to every report: `tag: [sso]` leaves the note out of tags and themes.
    void key_typos(const Note& note) {
        for (const auto& [key, line] : note.key_lines)
            if (const std::string known = near_miss_key(key); !known.empty())
                error(note, line,
                      fmt::format("unknown key '{}' is ignored; did you mean '{}'?", key, known));
    }

    void content(const Note& note) {
        if (note.draft)
            warning(note, key_line(note, "tldr"),
                    "draft: nothing written yet (no tldr, only headings, comments and empty "
                    "bullets); it does not count toward the quota");
        else if (note.tldr.empty())
            warning(note, key_line(note, "tldr"),
                    "no tldr: add a one-sentence summary for the dev team");
    }

    void body(const Note& note) {
        if (note.nuggets_line != 0 && note.nuggets.empty())
            warning(note, note.nuggets_line, "Nuggets section has no bullet ('- …')");
        std::vector<const NuggetMark*> picks;
        for (const auto& mark : note.nugget_marks) {
            if (is_private_nugget(note, mark.index))
                warning(note, mark.line,
                        "a private nugget cannot be picked: it is never shared at the staff "
                        "meeting or with the execs; move it out of the private part or drop "
                        "the '!'");
            else
                picks.push_back(&mark);
        }
        if (picks.size() > 1)
            warning(note, picks[1]->line,
                    fmt::format(
                        "a second nugget marked to share (the first is on line {}): one "
                        "pick per note; keep one '- !' (or '- !!', for the execs too) and remove "
                        "the others",
                        picks[0]->line));
        if (std::none_of(note.sections.begin(), note.sections.end(), is_goal_heading))
            warning(note, 0,
                    "no Goal section: add '## Goal' with what the call was meant to learn");
    }

    void duplicates(const std::vector<Note>& notes) {
        // Same PM and day first: cheap, and rarely more than one note.
        std::unordered_map<std::string, std::vector<const Note*>> by_pm_day;
        for (const auto& note : notes) {
            const long day = days_since_epoch(note.date);
            std::string key = note.pm;
            key.push_back('\0');
            key.append(reinterpret_cast<const char*>(&day), sizeof day);
            by_pm_day[std::move(key)].push_back(&note);
        }
        for (const auto& [key, same_day] : by_pm_day) {
            if (same_day.size() < 2)
                continue;
            std::map<std::string, std::vector<const Note*>> by_customer;
            for (const Note* note : same_day)
                by_customer[util::slugify(note->customer)].push_back(note);
            for (const auto& [customer, group] : by_customer)
                if (group.size() > 1)
                    duplicate_group(group);
        }
    }

    // Notes named <slug>-<date>.md, -2.md … in one folder are calls of one day;
    // any other notes of one customer, day and PM are duplicates. The group is
    // listed once, on its first note; every other note names that one, so the
    // output grows with the group, not with its square.
    void duplicate_group(std::vector<const Note*> group) {
        std::sort(group.begin(), group.end(),
                  [](const Note* a, const Note* b) { return a->path < b->path; });
        std::vector<std::string> series;
        for (const Note* note : group) {
            const fs::path path(note->path);
            const auto parsed = parse_file_name(path.filename().string());
            series.push_back(parsed && parsed->date == note->date
                                 ? fmt::format("{}/{}-{}", path.parent_path().string(),
                                               parsed->slug, format_date(parsed->date))
                                 : note->path);
        }
        if (std::all_of(series.begin(), series.end(),
                        [&](const std::string& s) { return s == series.front(); }))
            return;
        std::vector<std::string> others_of_first;
        for (std::size_t j = 1; j < group.size(); ++j)
            if (series[j] != series[0])
                others_of_first.push_back(group[j]->path);
        error(*group[0], key_line(*group[0], "customer"),
              fmt::format("duplicate note: same customer, date and PM as {}",
                          listed(others_of_first)));
        // The first note outside the first one's series; there is one, as not all are equal.
        std::size_t outside_first = 1;
        while (series[outside_first] == series[0])
            ++outside_first;
        for (std::size_t i = 1; i < group.size(); ++i) {
            const std::size_t other = series[i] == series[0] ? outside_first : 0;
            error(*group[i], key_line(*group[i], "customer"),
                  fmt::format("duplicate note: same customer, date and PM as {}",
                              group[other]->path));
        }
    }

    // At most a few paths, then how many more.
    static std::string listed(const std::vector<std::string>& paths) {
        constexpr std::size_t shown = 5;
        if (paths.size() <= shown)
            return util::join(paths, ", ");
        const std::vector<std::string> first(paths.begin(), paths.begin() + shown);
        return fmt::format("{} and {} more", util::join(first, ", "), paths.size() - shown);
    }

    // Customer names that look like one customer and that `customers:` does not say are
    // one, or are two: a warning on each note of the less used name.
    void customer_lookalikes(const std::vector<Note>& notes) {
        std::map<std::string, std::vector<const Note*>> notes_of; // by canonical name
        for (const auto& note : notes)
            notes_of[canonical_customer(config, note.customer)].push_back(&note);
        std::vector<std::string> names;
        for (const auto& [name, users] : notes_of)
            names.push_back(name);
        const auto declared = [&](const std::string& name) {
            return std::any_of(config.customers.begin(), config.customers.end(),
                               [&](const CustomerNames& c) { return c.name == name; });
        };
        for (const auto& [a, b] : lookalike_customers(names)) {
            if (declared(a) && declared(b))
                continue; // declared as two customers
            const auto& users_a = notes_of[a];
            const auto& users_b = notes_of[b];
            // The name to keep: the more used, else the longer ("Acme Corp" over "Acme").
            const bool keep_a =
                std::pair(users_a.size(), a.size()) > std::pair(users_b.size(), b.size());
            const std::string& keep = keep_a ? a : b;
            const std::string& other = keep_a ? b : a;
            const std::size_t kept_notes = (keep_a ? users_a : users_b).size();
            for (const Note* note : keep_a ? users_b : users_a)
                warning(*note, key_line(*note, "customer"),
                        fmt::format("customer '{}' looks like '{}' ({} note{}); if they are one "
                                    "customer, add to {}: customers: {{{}: [{}]}}",
                                    note->customer, keep, kept_notes, kept_notes == 1 ? "" : "s",
                                    config_file_name, keep, other));
        }
    }

    void tag_spellings(const std::vector<Note>& notes) {
        std::unordered_map<std::string, std::vector<const Note*>> users_of;
        for (const auto& note : notes)
            for (const auto& tag : note.tags)
                users_of[tag].push_back(&note);
        // tag key -> spelling -> notes using it
        std::map<std::string, std::map<std::string, std::vector<const Note*>>> spellings;
        for (auto& [spelling, users] : users_of)
            spellings[util::lookalike_key(spelling)][spelling] = std::move(users);
        for (const auto& [key, by_spelling] : spellings) {
            if (by_spelling.size() < 2)
                continue;
            // The most used spelling without lookalike letters, so that lint never
            // asks to copy a Cyrillic 'а'; ties: the first in order.
            const auto rank = [](const auto& entry) {
                return std::pair(!util::has_lookalike_letters(entry.first), entry.second.size());
            };
            const auto most =
                std::max_element(by_spelling.begin(), by_spelling.end(),
                                 [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
            for (const auto& [spelling, users] : by_spelling) {
                if (spelling == most->first)
                    continue;
                for (const Note* note : users)
                    warning(*note, key_line(*note, "tags"),
                            fmt::format("tag '{}' is spelled '{}' in {} other note{}{}", spelling,
                                        most->first, most->second.size(),
                                        most->second.size() == 1 ? "" : "s",
                                        util::has_lookalike_letters(spelling)
                                            ? " (it has letters that only look Latin, or "
                                              "invisible characters)"
                                            : ""));
            }
        }
    }
};

// The pairs of slugs (indexes into `slugs`, sorted and distinct) that look alike.
std::set<std::pair<std::size_t, std::size_t>>
lookalike_slug_pairs(const std::vector<std::string>& slugs) {
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    // "acme" and "acme-corp": in sorted order, the longer ones follow the prefix.
    for (std::size_t i = 0; i < slugs.size(); ++i)
        for (std::size_t j = i + 1; j < slugs.size() && slugs[j].starts_with(slugs[i]); ++j)
            if (slugs[j][slugs[i].size()] == '-')
                pairs.emplace(i, j);
    // One edit apart: two such slugs share a form with one character deleted (or none).
    std::unordered_map<std::string, std::vector<std::size_t>> by_form;
    std::unordered_map<std::string, std::vector<std::size_t>> by_lookalike;
    for (std::size_t i = 0; i < slugs.size(); ++i) {
        by_lookalike[util::lookalike_key(slugs[i])].push_back(i);
        if (slugs[i].size() < 5)
            continue;
        std::set<std::string> forms = {slugs[i]};
        for (std::size_t at = 0; at < slugs[i].size(); ++at)
            forms.insert(slugs[i].substr(0, at) + slugs[i].substr(at + 1));
        for (const auto& form : forms)
            by_form[form].push_back(i);
    }
    const auto pair_up = [&](const std::vector<std::size_t>& group, bool check_distance) {
        for (std::size_t a = 0; a < group.size(); ++a)
            for (std::size_t b = a + 1; b < group.size(); ++b)
                if (group[a] != group[b] &&
                    (!check_distance ||
                     util::damerau_distance(slugs[group[a]], slugs[group[b]]) <= 1))
                    pairs.emplace(std::min(group[a], group[b]), std::max(group[a], group[b]));
    };
    for (const auto& [form, group] : by_form)
        pair_up(group, true);
    for (const auto& [key, group] : by_lookalike)
        pair_up(group, false);
    return pairs;
}

bool problem_less(const Problem& a, const Problem& b) {
    return std::tie(a.path, a.line) < std::tie(b.path, b.line);
}

bool problem_equal(const Problem& a, const Problem& b) {
    return a.path == b.path && a.line == b.line && a.severity == b.severity &&
           a.message == b.message;
}

} // namespace

std::vector<std::pair<std::string, std::string>>
lookalike_customers(const std::vector<std::string>& names) {
    std::map<std::string, std::string> name_of_slug; // the first name given for each slug
    for (const auto& name : names)
        name_of_slug.emplace(util::slugify(name), name);
    name_of_slug.erase("");
    std::vector<std::string> slugs;
    for (const auto& [slug, name] : name_of_slug)
        slugs.push_back(slug);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [a, b] : lookalike_slug_pairs(slugs)) {
        const std::string& first = name_of_slug[slugs[a]];
        const std::string& second = name_of_slug[slugs[b]];
        out.emplace_back(std::min(first, second), std::max(first, second));
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is_goal_heading(std::string_view title) {
    std::string word;
    for (char c : title) {
        if (c == ' ' || c == ':' || c == '\t')
            break;
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return word == "goal" || word == "goals";
}

std::vector<Problem> lint_notes(const Config& config, const NoteSet& notes, BodyScan scanned) {
    Linter linter{config, {}};
    for (const auto& note : notes.notes) {
        linter.file_name(note);
        linter.product_folder(note);
        linter.roster(note);
        linter.key_typos(note);
        linter.content(note);
        if (scanned == BodyScan::sections)
            linter.body(note);
    }
    linter.duplicates(notes.notes);
    linter.tag_spellings(notes.notes);
    linter.customer_lookalikes(notes.notes);
    std::stable_sort(linter.problems.begin(), linter.problems.end(), problem_less);
    return std::move(linter.problems);
}

std::size_t LintReport::count(Severity severity) const {
    return static_cast<std::size_t>(
        std::count_if(problems.begin(), problems.end(),
                      [&](const Problem& problem) { return problem.severity == severity; }));
}

LintReport lint_paths(const Config& config, const std::vector<fs::path>& paths,
                      const LintExtras& extras) {
    std::vector<Problem> problems;
    std::vector<fs::path> files = find_note_files(config, problems);
    std::set<std::string> selected_files;
    std::vector<std::string> selected_folders;
    for (const auto& given : paths) {
        std::error_code ec;
        const fs::path path = fs::absolute(given, ec).lexically_normal();
        const auto status = fs::symlink_status(path, ec);
        if (ec || !fs::exists(status))
            throw Error(fmt::format("{}: no such file or folder", given.string()));
        if (fs::is_directory(status)) {
            Config folder_config = config;
            folder_config.notes_dir = path.string();
            auto found = find_note_files(folder_config, problems);
            files.insert(files.end(), found.begin(), found.end());
            std::string shown = display_path(config, path);
            while (shown.size() > 1 && shown.back() == '/')
                shown.pop_back();
            selected_folders.push_back(shown);
        } else {
            const std::string shown = display_path(config, path);
            if (fs::is_symlink(status))
                problems.push_back({shown, 0, Severity::warning, "symbolic link; not followed"});
            else
                files.push_back(path);
            selected_files.insert(shown);
        }
    }
    for (auto& file : files)
        file = file.lexically_normal();
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());

    NoteSet set = load_note_files(config, files, BodyScan::sections);
    problems.insert(problems.end(), set.problems.begin(), set.problems.end());
    const auto lint = lint_notes(config, set, BodyScan::sections);
    problems.insert(problems.end(), lint.begin(), lint.end());
    // A note dated after today is a typo, or written ahead of the call.
    if (extras.today != Date{}) // not given: no today to compare with
        for (const auto& note : set.notes)
            if (extras.today < note.date)
                problems.push_back(
                    {note.path, key_line(note, "date"), Severity::warning,
                     fmt::format("dated {}, after today ({}): is the date right?",
                                 format_date(note.date), format_date(extras.today))});

    const auto selected = [&](const std::string& path) {
        if (paths.empty() || selected_files.count(path))
            return true;
        return std::any_of(
            selected_folders.begin(), selected_folders.end(), [&](const std::string& folder) {
                return folder == "." || path == folder ||
                       (path.size() > folder.size() &&
                        path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/');
            });
    };
    LintReport report;
    std::vector<fs::path> selected_paths;
    for (const auto& file : files)
        if (selected(display_path(config, file)))
            selected_paths.push_back(file);
    report.files = selected_paths.size();
    if (extras.privacy) {
        auto found = check_privacy(config, selected_paths);
        problems.insert(problems.end(), found.begin(), found.end());
    }
    if (extras.git) {
        // Only the selected paths' problems are kept below.
        auto found = backfill_problems(set.notes, read_first_recorded(config), extras.today,
                                       extras.late_after_days);
        problems.insert(problems.end(), found.begin(), found.end());
    }
    for (const auto& note : set.notes)
        if (selected(note.path))
            ++report.valid;
    for (auto& problem : problems)
        if (selected(problem.path))
            report.problems.push_back(std::move(problem));
    std::stable_sort(report.problems.begin(), report.problems.end(), problem_less);
    report.problems.erase(
        std::unique(report.problems.begin(), report.problems.end(), problem_equal),
        report.problems.end());
    return report;
}

} // namespace pmi
