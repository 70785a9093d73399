#include "cli/context.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

#include "core/search.hpp"
#include "util/pager.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

Context make_context(const Globals& globals) {
    Context context;
    context.config = load_config(std::filesystem::current_path(), globals.root);
    context.today = resolve_today(globals.today);
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
        std::cerr << format_problem(problem) << '\n';
}

void warn(const std::string& message) {
    std::cerr << "pmi: warning: " << message << '\n';
}

void add_filter_options(CLI::App& command, FilterOptions& options, FilterSet set) {
    command.add_option("--pm", options.pms, "Only this product manager (repeatable)");
    command.add_option("--product", options.products, "Only this product (repeatable)");
    command.add_option("--customer", options.customer, "Only this customer (name or slug)");
    command.add_option("--tag", options.tags,
                       "Only notes with this tag (repeatable; all must match)");
    command
        .add_option("--kind", options.kinds, "Only this kind: learning, sales, support, usability")
        ->check(CLI::IsMember({"learning", "sales", "support", "usability"}));
    command.add_option("--since", options.since, "Only notes on or after this date (YYYY-MM-DD)");
    command.add_option("--until", options.until, "Only notes on or before this date (YYYY-MM-DD)");
    if (set == FilterSet::all)
        command.add_option("--week", options.week,
                           "Only this week: this, last, 2026-W47 or a date in the week");
    command.add_option("--where", options.where,
                       "Only notes whose front-matter KEY equals VALUE (KEY=VALUE, repeatable)");
}

Date parse_date_option(const std::string& text, const char* option) {
    if (const auto date = parse_date(text))
        return *date;
    throw Error(fmt::format("{}: '{}' is not a date YYYY-MM-DD", option, text));
}

NoteFilter make_filter(const FilterOptions& options, const Context& context) {
    NoteFilter filter;
    filter.pms = options.pms;
    filter.products = options.products;
    filter.customer = options.customer;
    filter.tags = options.tags;
    filter.kinds = options.kinds;
    if (!options.since.empty())
        filter.since = parse_date_option(options.since, "--since");
    if (!options.until.empty())
        filter.until = parse_date_option(options.until, "--until");
    if (!options.week.empty()) {
        const Week week = parse_week(options.week, context.today, context.config.week_start);
        const Date end = week_end(week);
        if (!filter.since || *filter.since < week.start)
            filter.since = week.start;
        if (!filter.until || *filter.until > end)
            filter.until = end;
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

void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& formats) {
    format = formats.front();
    command.add_option("--format", format, "Output format: " + util::join(formats, ", "))
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
}

CLI::Option* add_optional_week_option(CLI::App& command, std::string& week,
                                      const std::string& description) {
    return command.add_option("--week", week, description)->expected(0, 1);
}

} // namespace pmi::cli
