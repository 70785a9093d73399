#include "core/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/error.hpp"
#include "core/frontmatter.hpp"
#include "core/note.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace fs = std::filesystem;

const TeamMember* Config::member(const std::string& id) const {
    for (const auto& person : team)
        if (person.id == id)
            return &person;
    return nullptr;
}

int Config::quota_of(const TeamMember* person) const {
    return person && person->quota ? *person->quota : quota_per_week;
}

bool Config::kind_counts(const std::string& kind) const {
    if (quota_kinds.empty())
        return kind != "sales";
    return std::find(quota_kinds.begin(), quota_kinds.end(), kind) != quota_kinds.end();
}

std::string canonical_customer(const Config& config, std::string_view name) {
    if (config.customers.empty())
        return std::string(name);
    const std::string slug = util::slugify(name);
    for (const auto& customer : config.customers) {
        if (util::slugify(customer.name) == slug)
            return customer.name;
        for (const auto& alias : customer.aliases)
            if (util::slugify(alias) == slug)
                return customer.name;
    }
    return std::string(name);
}

namespace {

enum class RangeEnd { from, until };

struct ConfigReader {
    const std::string& file;

    [[noreturn]] void fail(int line, const std::string& message) const {
        throw Error(fmt::format("{}:{}: {}", file, line, message));
    }

    // Fails for a key of `map` not in `known`, naming the closest known key: a
    // misspelled setting would otherwise be ignored without a word.
    void only_known_keys(const YamlNode& map, const std::string& prefix,
                         const std::vector<std::string>& known) const {
        for (std::size_t i = 0; i < map.entries.size(); ++i) {
            const std::string& key = map.entries[i].first;
            if (util::contains(known, key))
                continue;
            const std::string best = util::closest_match(key, known);
            fail(
                i < map.key_lines.size() ? map.key_lines[i] : map.entries[i].second.line,
                fmt::format("unknown key '{}{}'{} (known: {})", prefix, key,
                            best.empty() ? "" : fmt::format("; did you mean '{}{}'?", prefix, best),
                            util::join(known, ", ")));
        }
    }

    std::string text(const YamlNode& node, std::string_view key) const {
        if (node.type != YamlNode::Type::scalar)
            fail(node.line,
                 fmt::format("'{}' must be a string, not {}", key, type_name(node.type)));
        return std::string(util::trim(node.scalar));
    }

    std::vector<std::string> texts(const YamlNode& node, std::string_view key) const {
        if (node.type == YamlNode::Type::scalar)
            return {text(node, key)};
        if (node.type != YamlNode::Type::sequence)
            fail(node.line,
                 fmt::format("'{}' must be a list of strings, not {}", key, type_name(node.type)));
        std::vector<std::string> out;
        for (const auto& item : node.items)
            out.push_back(text(item, key));
        return out;
    }

    int positive_int(const YamlNode& node, std::string_view key) const {
        const auto value = util::parse_long(text(node, key));
        if (!value || *value < 0 || *value > 1000)
            fail(node.line, fmt::format("'{}' must be a whole number from 0 to 1000", key));
        return static_cast<int>(*value);
    }

    bool yes_no(const YamlNode& node, std::string_view key) const {
        const std::string value = util::to_lower_ascii(text(node, key));
        if (value == "true" || value == "yes" || value == "on")
            return true;
        if (value == "false" || value == "no" || value == "off")
            return false;
        fail(node.line, fmt::format("'{}' must be true or false", key));
    }

    void privacy(const YamlNode& node, Config& config) const {
        if (node.type == YamlNode::Type::scalar) {
            config.privacy_check = yes_no(node, "privacy");
            return;
        }
        if (node.type != YamlNode::Type::map)
            fail(node.line, "'privacy' must be true, false or a map such as {check: true}");
        only_known_keys(node, "privacy.", {"check", "allow"});
        for (const auto& [key, value] : node.entries) {
            if (key == "check")
                config.privacy_check = yes_no(value, "privacy.check");
            else
                config.privacy_allow = texts(value, "privacy.allow");
        }
    }

    // links: {base: https://…/blob/main/}: an http(s) address of printable
    // ASCII that needs no quoting in a URL, so it can be printed as it is.
    void links(const YamlNode& node, Config& config) const {
        if (node.type != YamlNode::Type::map)
            fail(node.line, "'links' must be a map such as {base: https://example.com/notes/}");
        only_known_keys(node, "links.", {"base"});
        const YamlNode* base = node.find("base");
        if (!base)
            return;
        std::string url = text(*base, "links.base");
        const std::string lower = util::to_lower_ascii(url);
        const std::size_t host = lower.rfind("https://", 0) == 0  ? 8
                                 : lower.rfind("http://", 0) == 0 ? 7
                                                                  : 0;
        if (host == 0 || host >= url.size() || url[host] == '/')
            fail(base->line, "'links.base' must be an http:// or https:// address, such as "
                             "https://github.com/acme/pm-notes/blob/main/");
        for (char c : url)
            if (c <= ' ' || c >= 0x7f ||
                std::string_view("<>\"\\^`{|}").find(c) != std::string_view::npos)
                fail(base->line, "'links.base' holds a character a web address cannot "
                                 "(a space, a control, a non-ASCII letter or one of <>\"\\^`{|}); "
                                 "percent-encode it");
        if (url.back() != '/')
            url += '/';
        config.links_base = std::move(url);
    }

    Date date(const YamlNode& node, std::string_view key) const {
        const std::string written = text(node, key);
        const auto value = parse_date(written);
        if (!value)
            fail(node.line, fmt::format("'{}' must be a date YYYY-MM-DD: '{}' {}", key, written,
                                        date_problem(written)));
        return *value;
    }

    // A list of note kinds; a misspelt one would silently count nothing.
    std::vector<std::string> kinds(const YamlNode& node, std::string_view key) const {
        auto values = texts(node, key);
        for (const auto& kind : values)
            if (std::find(std::begin(note_kinds), std::end(note_kinds), kind) ==
                std::end(note_kinds))
                fail(node.line, fmt::format("'{}': unknown kind '{}' (known: {})", key, kind,
                                            fmt::join(note_kinds, ", ")));
        return values;
    }

    void quota(const YamlNode& node, Config& config) const {
        if (node.type == YamlNode::Type::scalar) {
            config.quota_per_week = positive_int(node, "quota");
            return;
        }
        if (node.type != YamlNode::Type::map)
            fail(node.line, "'quota' must be a map such as {per_week: 1}");
        only_known_keys(node, "quota.", {"per_week", "kinds", "paired"});
        for (const auto& [key, value] : node.entries) {
            if (key == "per_week")
                config.quota_per_week = positive_int(value, "quota.per_week");
            else if (key == "paired")
                config.paired = paired(value);
            else
                config.quota_kinds = kinds(value, "quota.kinds");
        }
    }

    // A team entry's products; each must be one of `products` when the config lists them.
    std::vector<std::string> managed_products(const YamlNode& node, const Config& config) const {
        auto values = texts(node, "team.products");
        for (const auto& product : values)
            if (!config.products.empty() && !util::contains(config.products, product)) {
                const std::string best = util::closest_match(product, config.products);
                fail(node.line,
                     fmt::format("'team.products': unknown product '{}'{} (known: {})", product,
                                 best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                                 util::join(config.products, ", ")));
            }
        return values;
    }

    // customers: {Acme Corp: [Acme, ACME Inc]}; a name given twice is an error, since a
    // note's customer could then belong to two customers.
    void customers(const YamlNode& node, Config& config) const {
        if (node.type == YamlNode::Type::null)
            return;
        if (node.type != YamlNode::Type::map)
            fail(node.line, "'customers' must be a map of canonical names to their aliases, "
                            "such as {Acme Corp: [Acme, ACME Inc]}");
        std::vector<std::pair<std::string, std::string>> seen; // slug, canonical name
        const auto claim = [&](const std::string& written, const std::string& canonical, int line) {
            const std::string slug = util::slugify(written);
            if (slug.empty())
                fail(line, fmt::format("customers: '{}' is not a customer name", written));
            for (const auto& [other_slug, owner] : seen)
                if (other_slug == slug && owner != canonical)
                    fail(line, fmt::format("customers: '{}' is given for both '{}' and '{}'",
                                           written, owner, canonical));
            seen.emplace_back(slug, canonical);
        };
        for (std::size_t i = 0; i < node.entries.size(); ++i) {
            const auto& [name, aliases] = node.entries[i];
            const int line = i < node.key_lines.size() ? node.key_lines[i] : aliases.line;
            CustomerNames customer{std::string(util::trim(name)), {}};
            claim(customer.name, customer.name, line);
            if (aliases.type != YamlNode::Type::null)
                customer.aliases = texts(aliases, "customers: " + customer.name);
            for (const auto& alias : customer.aliases)
                claim(alias, customer.name, aliases.line);
            config.customers.push_back(std::move(customer));
        }
    }

    PairedCredit paired(const YamlNode& node) const {
        const std::string value = util::to_lower_ascii(text(node, "quota.paired"));
        if (value == "lead")
            return PairedCredit::lead;
        if (value == "everyone")
            return PairedCredit::everyone;
        fail(node.line, fmt::format("'quota.paired' must be lead or everyone, not '{}'", value));
    }

    // `until`: a date (the last day on the team) or a week (its last day).
    Date last_day(const YamlNode& node, WeekStart week_start) const {
        const std::string written = text(node, "until");
        if (parse_date(written) || !is_week_label(written))
            return date(node, "until");
        return week_end(week(node, written, week_start));
    }

    static bool is_week_label(std::string_view text) {
        return text.size() >= 7 && text[4] == '-' && (text[5] == 'W' || text[5] == 'w');
    }

    Week week(const YamlNode& node, std::string_view written, WeekStart week_start) const {
        try {
            return parse_week(written, Date{2000, 1, 1}, week_start);
        } catch (const Error& error) {
            fail(node.line, error.what());
        }
    }

    // One end of an away range: a date, or a week (its first or last day).
    Date range_end(const YamlNode& node, std::string_view written, WeekStart week_start,
                   RangeEnd end) const {
        if (const auto day = parse_date(written))
            return *day;
        if (!is_week_label(written))
            fail(node.line,
                 fmt::format("'away': '{}' is not a date YYYY-MM-DD or a week YYYY-Www", written));
        const Week w = week(node, written, week_start);
        return end == RangeEnd::from ? w.start : week_end(w);
    }

    // `away`: weeks (2026-W52, or a date inside the week) and ranges FROM..UNTIL
    // of dates or weeks, both ends included; a range excuses the weeks whose
    // weekdays it covers.
    std::vector<Week> away(const YamlNode& node, WeekStart week_start) const {
        std::vector<const YamlNode*> items;
        if (node.type == YamlNode::Type::sequence)
            for (const auto& item : node.items)
                items.push_back(&item);
        else if (node.type != YamlNode::Type::null)
            items.push_back(&node);
        std::vector<Week> weeks;
        for (const YamlNode* item : items) {
            const std::string written = text(*item, "away");
            const auto dots = written.find("..");
            if (dots == std::string::npos) {
                weeks.push_back(week(*item, written, week_start));
                continue;
            }
            const Period period{
                range_end(*item, util::trim(std::string_view(written).substr(0, dots)), week_start,
                          RangeEnd::from),
                range_end(*item, util::trim(std::string_view(written).substr(dots + 2)), week_start,
                          RangeEnd::until)};
            if (period.last < period.first)
                fail(
                    item->line,
                    fmt::format("'away': '{}' ends before it starts (write FROM..UNTIL)", written));
            if (days_since_epoch(period.last) - days_since_epoch(period.first) > 3660)
                fail(item->line, fmt::format("'away': '{}' is longer than ten years", written));
            const auto covered = weeks_within(period, week_start);
            weeks.insert(weeks.end(), covered.begin(), covered.end());
        }
        std::sort(weeks.begin(), weeks.end());
        weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
        return weeks;
    }

    TeamMember member(const YamlNode& node, const Config& config) const {
        if (node.type != YamlNode::Type::map)
            fail(node.line, "each team entry must be a map with at least an 'id'");
        only_known_keys(node, "team.",
                        {"id", "name", "email", "since", "away", "until", "quota", "products"});
        TeamMember person;
        for (const auto& [key, value] : node.entries) {
            if (key == "id")
                person.id = text(value, "id");
            else if (key == "name")
                person.name = text(value, "name");
            else if (key == "email")
                person.email = text(value, "email");
            else if (key == "since")
                person.since = date(value, "since");
            else if (key == "products")
                person.products = managed_products(value, config);
            else if (key == "away")
                person.away = away(value, config.week_start);
            else if (key == "until")
                person.until = last_day(value, config.week_start);
            else if (key == "quota")
                person.quota = positive_int(value, "team.quota");
        }
        if (person.id.empty())
            fail(node.line, "team entry without an 'id'");
        if (person.since && person.until && *person.until < *person.since)
            fail(node.line,
                 fmt::format("team entry '{}': 'until' {} is before 'since' {}", person.id,
                             format_date(*person.until), format_date(*person.since)));
        return person;
    }
};

} // namespace

Config parse_config(std::string_view text, const std::string& file) {
    Config config;
    ConfigReader reader{file};
    YamlNode root;
    try {
        root = parse_yaml(text, 1);
    } catch (const YamlError& error) {
        reader.fail(error.line, "invalid YAML: " + error.message);
    }
    if (root.type == YamlNode::Type::null)
        return config;
    if (root.type != YamlNode::Type::map)
        reader.fail(root.line, "the config must be a map of keys");
    reader.only_known_keys(root, "",
                           {"notes", "quota", "week_starts", "products", "team", "share", "privacy",
                            "signals", "check", "links", "customers"});
    // products first: team entries' products are checked against them.
    if (const YamlNode* node = root.find("products"))
        config.products = reader.texts(*node, "products");
    // week_starts first: team 'away' weeks depend on it.
    if (const YamlNode* node = root.find("week_starts")) {
        const std::string value = util::to_lower_ascii(reader.text(*node, "week_starts"));
        if (value == "sunday")
            config.week_start = WeekStart::sunday;
        else if (value != "monday")
            reader.fail(node->line, "'week_starts' must be monday or sunday");
    }
    for (const auto& [key, value] : root.entries) {
        if (key == "notes") {
            config.notes_dir = reader.text(value, "notes");
            const fs::path notes(config.notes_dir);
            if (config.notes_dir.empty() || notes.is_absolute() ||
                std::any_of(notes.begin(), notes.end(),
                            [](const fs::path& p) { return p == ".."; }))
                reader.fail(value.line, "'notes' must be a folder inside the repository");
            // git's and pmi's own folders: notes and INDEX.md written there would be lost.
            if (std::any_of(notes.begin(), notes.end(),
                            [](const fs::path& p) { return p == ".git" || p == ".pmi"; }))
                reader.fail(value.line, "'notes' cannot be inside .git or .pmi");
        } else if (key == "quota") {
            reader.quota(value, config);
        } else if (key == "products") {
            config.products = reader.texts(value, "products");
        } else if (key == "team") {
            if (value.type == YamlNode::Type::null)
                continue;
            if (value.type != YamlNode::Type::sequence)
                reader.fail(value.line, "'team' must be a list of team entries");
            for (const auto& item : value.items) {
                TeamMember person = reader.member(item, config);
                if (config.member(person.id))
                    reader.fail(item.line, fmt::format("team id '{}' appears twice", person.id));
                config.team.push_back(std::move(person));
            }
        } else if (key == "share") {
            if (value.type != YamlNode::Type::map)
                reader.fail(value.line, "'share' must be a map such as {omit: [interviewees]}");
            reader.only_known_keys(value, "share.", {"omit"});
            if (const YamlNode* omit = value.find("omit"))
                config.share_omit = reader.texts(*omit, "share.omit");
        } else if (key == "privacy") {
            reader.privacy(value, config);
        } else if (key == "customers") {
            reader.customers(value, config);
        } else if (key == "links") {
            reader.links(value, config);
        } else if (key == "check") {
            if (value.type != YamlNode::Type::map)
                reader.fail(value.line, "'check' must be a map such as {index: true}");
            reader.only_known_keys(value, "check.", {"index"});
            if (const YamlNode* index = value.find("index"))
                config.check_index = reader.yes_no(*index, "check.index");
        } else if (key == "signals") {
            if (value.type != YamlNode::Type::map)
                reader.fail(value.line, "'signals' must be a map such as {emotions: {...}}");
            reader.only_known_keys(value, "signals.", {"emotions"});
            if (const YamlNode* emotions = value.find("emotions")) {
                if (emotions->type != YamlNode::Type::map)
                    reader.fail(emotions->line, "'signals.emotions' must be a map of word lists");
                for (const auto& [emotion, words] : emotions->entries)
                    config.emotion_words.emplace_back(emotion,
                                                      reader.texts(words, "signals.emotions"));
            }
        }
    }
    return config;
}

static fs::path find_upwards(const fs::path& start, const char* name) {
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
        std::error_code ec;
        if (fs::exists(dir / name, ec))
            return dir;
        if (dir == dir.parent_path())
            break;
    }
    return {};
}

Config load_config(const fs::path& start, const std::string& root_override) {
    fs::path root;
    const std::string& override_text = root_override;
    std::error_code ec;
    if (!override_text.empty()) {
        root = fs::absolute(override_text, ec);
        if (ec || !fs::is_directory(root, ec))
            throw Error(fmt::format("root folder '{}' does not exist", override_text));
    } else {
        const fs::path here = fs::absolute(start, ec);
        root = find_upwards(here, config_file_name);
        if (root.empty())
            root = find_upwards(here, ".git");
        if (root.empty())
            root = here;
    }
    root = root.lexically_normal();
    if (root.has_filename() == false && root != root.root_path())
        root = root.parent_path();

    const fs::path file = root / config_file_name;
    if (!fs::exists(file, ec)) {
        Config config;
        config.root = root;
        return config;
    }
    const auto text = util::read_file(file);
    if (!text)
        throw Error(fmt::format("{}: cannot read: {}", file.string(), text.error()));
    Config config = parse_config(*text, util::relative_to(file, fs::current_path(ec)));
    config.root = root;
    config.config_file = file;
    return config;
}

} // namespace pmi
