#include "cli/context.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <set>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/search.hpp"
#include "render/escape.hpp"
#include "util/pager.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

static std::string env_value(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

Date today_of(const Globals& globals) {
    return resolve_today(globals.today.empty() ? env_value("PMI_TODAY") : globals.today);
}

Context make_context(const Globals& globals) {
    Context context;
    // The environment is read here, once; the core takes what it says as arguments.
    context.config = load_config(std::filesystem::current_path(),
                                 globals.root.empty() ? env_value("PMI_ROOT") : globals.root);
    // Like git outside a repository: a CI job pointed at the wrong folder must
    // fail, not find no notes and go green.
    if (context.config.config_file.empty())
        throw Error(fmt::format("not in a pmi repository (no {} {}); run pmi init",
                                config_file_name,
                                globals.root.empty() && env_value("PMI_ROOT").empty()
                                    ? "here or in any parent"
                                    : "in " + context.config.root.string()));
    context.today = today_of(globals);
    const std::string no_cache = env_value("PMI_NO_CACHE");
    context.config.note_cache = no_cache.empty() || no_cache == "0";
    context.color = resolve_color(globals.color);
    return context;
}

Color resolve_color(const std::string& mode) {
    if (mode == "always")
        return Color::on;
    if (mode == "never")
        return Color::off;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color)
        return Color::off;
    // A dumb terminal shows escape codes as garbage (git's rule too).
    const char* term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0)
        return Color::off;
    return util::Pager::output_is_terminal() ? Color::on : Color::off;
}

std::size_t terminal_width() {
    if (!util::Pager::output_is_terminal())
        return 0;
    if (const char* columns = std::getenv("COLUMNS"))
        if (const auto value = util::parse_long(columns); value && *value > 20)
            return static_cast<std::size_t>(*value);
    winsize size{};
    for (int fd : {STDOUT_FILENO, STDERR_FILENO})
        if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 20)
            return size.ws_col;
    return 0;
}

void print_problems(const std::vector<Problem>& problems) {
    for (const auto& problem : problems)
        std::cerr << escape::terminal(format_problem(problem)) << '\n';
}

void warn(const std::string& message) {
    std::cerr << "pmi: warning: " << escape::terminal(message) << '\n';
}

void write_output(std::string_view text) {
    std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
    check_output();
}

void check_output() {
    std::cout.flush(); // a failed write leaves its errno (ENOSPC, EIO…)
    const bool failed = !std::cout || std::fflush(stdout) != 0;
    if (failed) {
        const int error = errno;
        std::cout.clear();
        throw Error(fmt::format("cannot write to standard output: {}",
                                error ? std::strerror(error) : "write error"));
    }
}

void add_filter_options(CLI::App& command, FilterOptions& options, FilterSet set) {
    command.add_option("--pm", options.pms, "Only this product manager (repeatable)");
    command.add_option("--product", options.products, "Only this product (repeatable)");
    command.add_option("--customer", options.customer, "Only this customer (name or slug)");
    command.add_option("--tag", options.tags,
                       "Only notes with this tag (repeatable; all must match)");
    command
        .add_option("--kind", options.kinds, "Only this kind: learning, sales, support, usability")
        ->check(closest_choice({std::begin(note_kinds), std::end(note_kinds)}))
        ->check(CLI::IsMember({"learning", "sales", "support", "usability"}));
    command.add_option("--since", options.since, "Only notes on or after this date (YYYY-MM-DD)");
    command.add_option("--until", options.until, "Only notes on or before this date (YYYY-MM-DD)");
    if (set == FilterSet::all)
        add_week_option_bare_this(command, options.week,
                                  "Only this week: this (also when WEEK is omitted), last, "
                                  "2026-W47 or a date in the week");
    command.add_option("--where", options.where,
                       "Only notes whose front-matter KEY equals VALUE (KEY=VALUE, repeatable)");
}

Date parse_date_option(const std::string& text, const char* option) {
    if (const auto date = parse_date(text))
        return *date;
    // In the form YYYY-MM-DD but no such day (2026-02-30), or out of range: say which.
    const std::string problem = date_problem(text);
    if (problem.starts_with("is not in the form"))
        throw Error(fmt::format("{}: '{}' is not a date YYYY-MM-DD", option, text));
    throw Error(fmt::format("{}: '{}' {}", option, text, problem));
}

NoteFilter make_filter(const FilterOptions& options, const Context& context) {
    NoteFilter filter;
    filter.pms = options.pms;
    filter.products = options.products;
    filter.customer = canonical_customer(context.config, options.customer);
    filter.tags = options.tags;
    filter.kinds = options.kinds;
    if (!options.since.empty())
        filter.since = parse_date_option(options.since, "--since");
    if (!options.until.empty())
        filter.until = parse_date_option(options.until, "--until");
    if (!options.week.empty()) {
        clamp_to_week(filter, parse_week(options.week, context.today, context.config.week_start));
    }
    for (const auto& condition : options.where) {
        const auto equals = condition.find('=');
        if (equals == std::string::npos || equals == 0)
            throw Error(fmt::format("--where '{}': expected KEY=VALUE", condition));
        filter.where.emplace_back(std::string(util::trim(condition.substr(0, equals))),
                                  std::string(util::trim(condition.substr(equals + 1))));
    }
    return filter;
}

void add_match_option(CLI::App& command, std::string& match) {
    command.add_option("--match", match,
                       "Only notes a search matches (the query syntax of pmi search)");
}

std::vector<Note> apply_match(const std::string& match, const Context& context,
                              const std::vector<Note>& all, std::vector<Note> selected) {
    if (match.empty())
        return selected;
    std::vector<std::string> warnings;
    auto kept = keep_matching(context.config, all, std::move(selected), match, warnings);
    for (const auto& warning : warnings)
        warn(warning);
    return kept;
}

std::vector<std::string> product_folders(const Config& config) {
    std::vector<std::string> folders;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(config.notes_path(), ec))
        if (!entry.is_symlink(ec) && entry.is_directory(ec) &&
            entry.path().filename().string()[0] != '.')
            folders.push_back(entry.path().filename().string());
    std::sort(folders.begin(), folders.end());
    return folders;
}

namespace {

void warn_unknown(const char* option, const std::vector<std::string>& given,
                  const std::set<std::string>& known, const char* what) {
    for (const auto& value : given) {
        if (known.count(value))
            continue;
        const std::string best =
            util::closest_match(value, std::vector<std::string>(known.begin(), known.end()));
        warn(fmt::format("{} '{}': no {} of that name{}", option, value, what,
                         best.empty() ? "" : fmt::format("; did you mean '{}'?", best)));
    }
}

} // namespace

void warn_unknown_filter_values(const FilterOptions& options, const Context& context,
                                const std::vector<Note>& notes) {
    std::set<std::string> pms, products, tags;
    for (const auto& person : context.config.team)
        pms.insert(person.id);
    products.insert(context.config.products.begin(), context.config.products.end());
    if (!options.products.empty())
        for (auto& folder : product_folders(context.config))
            products.insert(std::move(folder));
    for (const auto& note : notes) {
        pms.insert(note.pm);
        pms.insert(note.with.begin(), note.with.end());
        products.insert(note.product);
        if (!options.tags.empty())
            tags.insert(note.tags.begin(), note.tags.end());
    }
    warn_unknown("--pm", options.pms, pms, "product manager");
    warn_unknown("--product", options.products, products, "product");
    // Tags match by util::tag_key, as the filter does.
    std::set<std::string> tag_keys;
    for (const auto& tag : tags)
        tag_keys.insert(util::tag_key(tag));
    for (const auto& tag : options.tags)
        if (!tag_keys.count(util::tag_key(tag)))
            warn_unknown("--tag", {tag}, tags, "tag in any note");
}

CLI::Validator closest_choice(std::vector<std::string> choices) {
    return CLI::Validator(
        [choices = std::move(choices)](std::string& value) -> std::string {
            if (util::contains(choices, value))
                return "";
            const std::string best = util::closest_match(value, choices);
            return fmt::format("'{}' is not one of {}{}", value, util::join(choices, ", "),
                               best.empty() ? "" : fmt::format("; did you mean '{}'?", best));
        },
        "");
}

bool has_filters(const FilterOptions& filter) {
    return !filter.pms.empty() || !filter.products.empty() || !filter.customer.empty() ||
           !filter.tags.empty() || !filter.kinds.empty() || !filter.since.empty() ||
           !filter.until.empty() || !filter.where.empty();
}

void clamp_to_week(NoteFilter& filter, const Week& week) {
    const Date end = week_end(week);
    if (!filter.since || *filter.since < week.start)
        filter.since = week.start;
    if (!filter.until || *filter.until > end)
        filter.until = end;
}

void add_format_option(CLI::App& command, Format& format, const std::vector<Format>& formats,
                       const std::vector<FormatAlias>& hidden_aliases) {
    format = formats.front();
    std::vector<std::string> names;
    std::vector<std::pair<std::string, Format>> accepted;
    for (Format each : formats) {
        names.emplace_back(format_name(each));
        accepted.emplace_back(format_name(each), each);
    }
    for (const auto& alias : hidden_aliases)
        accepted.emplace_back(alias.name, alias.format);
    std::vector<std::string> accepted_names;
    for (const auto& entry : accepted)
        accepted_names.push_back(entry.first);
    command
        .add_option_function<std::string>(
            "--format",
            [&format, accepted](const std::string& name) {
                for (const auto& [accepted_name, value] : accepted)
                    if (accepted_name == name)
                        format = value;
            },
            "Output format: " + util::join(names, ", "))
        ->check(CLI::IsMember(accepted_names).description("{" + util::join(names, ",") + "}"))
        ->default_str(names.front());
}

View text_view(const Context& context) {
    return View{context.color, terminal_width()};
}

CLI::Option* add_optional_week_option(CLI::App& command, std::string& week,
                                      const std::string& description) {
    return command.add_option("--week", week, description)->expected(0, 1);
}

CLI::Option* add_week_option_bare_this(CLI::App& command, std::string& week,
                                       const std::string& description) {
    return command
        .add_option_function<std::string>(
            "--week", [&week](const std::string& value) { week = value.empty() ? "this" : value; },
            description)
        ->expected(0, 1);
}

} // namespace pmi::cli
