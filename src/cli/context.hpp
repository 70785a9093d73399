#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"
#include "core/query.hpp"
#include "render/format.hpp"

namespace pmi::cli {

// Options every command accepts, and the exit code the command sets.
struct Globals {
    std::string root;
    std::string today;
    std::string color = "auto";
    int exit_code = exit_ok;
};

// What a command needs from the environment, resolved once.
struct Context {
    Config config;
    Date today;
    Color color = Color::off;
};

Context make_context(const Globals& globals);

// Today: --today, else PMI_TODAY, else the system's date.
Date today_of(const Globals& globals);

// Colour on a terminal unless NO_COLOR is set or TERM=dumb; --color=always|never
// overrides.
Color resolve_color(const std::string& mode);

// Terminal width for tables on a terminal (COLUMNS, else the tty), 0 otherwise.
std::size_t terminal_width();

// Prints each problem to stderr as "path:line: severity: message".
void print_problems(const std::vector<Problem>& problems);

void warn(const std::string& message);

// Writes `text` to standard output. A write that fails (a full disk, a closed
// file) is reported as an error naming the cause, exit 2.
void write_output(std::string_view text);

// Throws pmi::Error when standard output has failed (checked once at exit too).
void check_output();

// The filter options shared by list, summary and report.
struct FilterOptions {
    std::vector<std::string> pms;
    std::vector<std::string> products;
    std::string customer;
    std::vector<std::string> tags;
    std::vector<std::string> kinds;
    std::string since;
    std::string until;
    std::string week;
    std::vector<std::string> where;
};

enum class FilterSet { all, without_week };

void add_filter_options(CLI::App& command, FilterOptions& options, FilterSet set = FilterSet::all);
NoteFilter make_filter(const FilterOptions& options, const Context& context);

// --match QUERY: only the notes a search matches. For list, summary, signals
// and themes; never share, whose copies leave private sections out, which the
// search index holds.
void add_match_option(CLI::App& command, std::string& match);
// The notes of `selected` that match `match` (all of them when it is empty);
// `all` are the tree's valid notes, which the index is kept fresh with.
std::vector<Note> apply_match(const std::string& match, const Context& context,
                              const std::vector<Note>& all, std::vector<Note> selected);

// Warns about each --pm, --product and --tag value that names nothing pmi
// knows (the roster and the notes' PMs; the configured products, product
// folders and the notes' products; the notes' tags), with the closest known
// value: a typo must not pass as "no notes match". (--kind is checked when
// parsed, with closest_choice.)
void warn_unknown_filter_values(const FilterOptions& options, const Context& context,
                                const std::vector<Note>& notes);

// The product folders of the notes tree (not hidden ones), sorted.
std::vector<std::string> product_folders(const Config& config);

// A check that rejects a value not in `choices` with the closest one ("did you
// mean 'learning'?"). Put it before CLI::IsMember, which lists the choices for
// help and completion.
CLI::Validator closest_choice(std::vector<std::string> choices);

// Whether any filter but --week is given.
bool has_filters(const FilterOptions& options);

// Narrows the filter's dates to the week.
void clamp_to_week(NoteFilter& filter, const Week& week);

// Adds --format restricted to `formats`, the first being the default. A hidden
// alias is accepted but neither shown in help nor completed (an old name).
struct FormatAlias {
    const char* name;
    Format format;
};
void add_format_option(CLI::App& command, Format& format, const std::vector<Format>& formats,
                       const std::vector<FormatAlias>& hidden_aliases = {});

template <typename Data>
void add_format_option(CLI::App& command, Format& format, const FormatTable<Data>& table,
                       const std::vector<FormatAlias>& hidden_aliases = {}) {
    add_format_option(command, format, formats_of(table), hidden_aliases);
}

template <typename Data>
void add_format_option(CLI::App& command, Format& format, const StreamFormatTable<Data>& table,
                       const std::vector<FormatAlias>& hidden_aliases = {}) {
    add_format_option(command, format, formats_of(table), hidden_aliases);
}

// The View for text output: colour and terminal width.
View text_view(const Context& context);

Date parse_date_option(const std::string& text, const char* option);

// Adds `--week [WEEK]`, whose value may be left out: `week` stays empty then,
// meaning this week. The option's count() tells whether it was given.
CLI::Option* add_optional_week_option(CLI::App& command, std::string& week,
                                      const std::string& description);

// Adds `--week [WEEK]` for commands whose `week` keeps its own default when the
// option is absent: a bare `--week` sets it to "this", as for summary and report.
CLI::Option* add_week_option_bare_this(CLI::App& command, std::string& week,
                                       const std::string& description);

} // namespace pmi::cli
