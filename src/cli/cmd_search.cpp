#include <chrono>
#include <fmt/format.h>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "core/query.hpp"
#include "core/search.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "util/json.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

struct SearchCommandOptions {
    std::vector<std::string> query; // the words of the query, as several arguments or one
    FilterOptions filter;
    Format format = Format::text;
    std::string by;
    std::size_t context = 0;
    bool rank = false;
};

// The text of each line of a file, without line endings.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

std::string highlighted(std::string_view line, const LineMatch* match, Color color) {
    if (!match || color == Color::off)
        return escape::terminal(line);
    std::string out;
    std::size_t at = 0;
    for (const auto& [start, end] : match->spans) {
        if (start < at || end > line.size())
            continue;
        out += escape::terminal(line.substr(at, start - at));
        out += paint(escape::terminal(line.substr(start, end - start)), Style::red, color);
        at = end;
    }
    return out + escape::terminal(line.substr(std::min(at, line.size())));
}

std::string note_heading(const Note& note) {
    return fmt::format("{} {} ({}, {})", format_date(note.date), note.customer, note.pm,
                       note.product);
}

void print_text(const std::vector<SearchResult>& results, std::size_t context, Color color) {
    bool first = true;
    for (const auto& result : results) {
        if (!first)
            std::cout << '\n';
        first = false;
        std::cout << paint(escape::terminal(note_heading(result.note)), Style::bold, color) << '\n';
        const std::string path = escape::terminal(result.note.path);
        if (result.lines.empty()) {
            std::cout << path << '\n';
            continue;
        }
        const auto lines = split_lines(result.text);
        std::size_t next = 1; // the first line not yet printed
        for (std::size_t i = 0; i < result.lines.size(); ++i) {
            const LineMatch& match = result.lines[i];
            const std::size_t from =
                std::max(next, match.line > context ? match.line - context : 1);
            if (context > 0 && next > 1 && from > next)
                std::cout << "--\n";
            const std::size_t next_match =
                i + 1 < result.lines.size() ? result.lines[i + 1].line : lines.size() + 1;
            const std::size_t to = std::min({match.line + context, lines.size(), next_match - 1});
            for (std::size_t number = from; number <= to; ++number) {
                const bool is_match = number == match.line;
                if (number > lines.size())
                    break;
                std::cout << path << (is_match ? ':' : '-') << number << (is_match ? ": " : "- ")
                          << highlighted(lines[number - 1], is_match ? &match : nullptr, color)
                          << '\n';
            }
            next = std::max(next, to + 1);
        }
    }
}

void print_json(const std::vector<SearchResult>& results) {
    util::JsonWriter json;
    begin_json_document(json);
    json.key("notes").begin_array();
    for (const auto& result : results) {
        const Note& note = result.note;
        json.begin_object();
        json.key("path").value(note.path);
        json.key("date").value(format_date(note.date));
        json.key("customer").value(note.customer);
        json.key("pm").value(note.pm);
        json.key("product").value(note.product);
        json.key("kind").value(effective_kind(note));
        json.key("segment").value(note.segment);
        json.key("tags").strings(note.tags);
        json.key("tldr").value(note.tldr);
        json.key("score").value(result.score);
        json.key("lines").begin_array();
        const auto lines = split_lines(result.text);
        for (const auto& match : result.lines) {
            if (match.line > lines.size())
                continue;
            const std::string_view line = lines[match.line - 1];
            json.begin_object();
            json.key("line").value(match.line);
            json.key("text").value(line);
            json.key("matches").begin_array();
            for (const auto& [start, end] : match.spans) {
                if (start > end || end > line.size())
                    continue;
                json.begin_object();
                json.key("text").value(line.substr(start, end - start));
                json.key("start").value(start);
                json.key("end").value(end);
                json.end_object();
            }
            json.end_array();
            json.end_object();
        }
        json.end_array();
        json.end_object();
        json.drain(std::cout);
    }
    json.end_array();
    json.end_object();
    json.finish(std::cout);
}

void print_evidence(const Evidence& evidence, Format format, Color color) {
    if (format == Format::json) {
        util::JsonWriter json;
        begin_json_document(json);
        json.key("by").value(evidence.field);
        json.key("customers").value(evidence.customers);
        json.key("segments").value(evidence.segments);
        json.key("notes").value(evidence.notes);
        json.key("first").value(evidence.notes ? format_date(evidence.first) : "");
        json.key("latest").value(evidence.notes ? format_date(evidence.latest) : "");
        json.key("rows").begin_array();
        for (const auto& row : evidence.rows) {
            json.begin_object();
            json.key("value").value(row.value);
            json.key("customers").value(row.customers);
            json.key("notes").value(row.notes);
            json.key("latest").value(format_date(row.latest));
            json.end_object();
        }
        json.end_array();
        json.end_object();
        std::cout << json.str();
        return;
    }
    Table table;
    std::string field = evidence.field;
    for (auto& c : field)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    table.headers = {field, "CUSTOMERS", "NOTES", "LATEST"};
    table.align = {Align::left, Align::right, Align::right, Align::left};
    for (const auto& row : evidence.rows)
        table.rows.push_back({Cell(escape::terminal(row.value)),
                              Cell(std::to_string(row.customers)), Cell(std::to_string(row.notes)),
                              Cell(format_date(row.latest))});
    std::cout << render_text(table, color, terminal_width());
    std::cout << fmt::format("\n{} customer{} in {} segment{}, {} note{}, {} to {}\n",
                             evidence.customers, evidence.customers == 1 ? "" : "s",
                             evidence.segments, evidence.segments == 1 ? "" : "s", evidence.notes,
                             evidence.notes == 1 ? "" : "s", format_date(evidence.first),
                             format_date(evidence.latest));
}

// Progress of a long index build, on stderr at a terminal only: shown once it
// has taken a second, at most ten times a second.
class ProgressLine {
  public:
    ProgressLine() : enabled_(util::is_terminal(2)), start_(Clock::now()), last_(start_) {}
    ~ProgressLine() {
        if (shown_)
            std::cerr << '\n';
    }
    void operator()(std::size_t done, std::size_t total) {
        if (!enabled_ || total == 0)
            return;
        const auto now = Clock::now();
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        if (elapsed < 1.0 || (now - last_ < std::chrono::milliseconds(100) && done < total))
            return;
        last_ = now;
        shown_ = true;
        const double rate = done / elapsed;
        const double eta = rate > 0 ? (total - done) / rate : 0;
        std::cerr << fmt::format("\rindexing notes: {}/{} ({:.0f}/s, {:.0f} s left)   ", done,
                                 total, rate, eta)
                  << std::flush;
    }

  private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    bool shown_ = false;
    Clock::time_point start_;
    Clock::time_point last_;
};

int run_search(const SearchCommandOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const NoteFilter filter = make_filter(options.filter, context);
    const SearchQuery query = parse_search_query(util::join(options.query, " "));
    NoteSet set = load_notes_for_reports(context.config);
    print_problems(set.problems);
    std::vector<Note> selected = select_notes(set.notes, filter);

    SearchOptions search;
    search.order = options.rank ? SearchOrder::rank : SearchOrder::newest;
    const bool want_lines = options.by.empty() && options.format != Format::paths;
    search.lines = want_lines ? SearchLines::matching : SearchLines::none;
    ProgressLine progress;
    search.progress = [&progress](std::size_t done, std::size_t total) { progress(done, total); };
    std::vector<std::string> warnings;
    std::vector<SearchResult> results;
    {
        results =
            search_notes(context.config, set.notes, std::move(selected), query, search, warnings);
    }
    for (const auto& warning : warnings)
        warn(warning);

    if (!options.by.empty()) {
        print_evidence(gather_evidence(results, options.by), options.format, context.color);
        check_output();
        return exit_ok;
    }
    if (options.format == Format::json) {
        print_json(results);
    } else if (options.format == Format::paths) {
        for (const auto& result : results)
            std::cout << result.note.path << '\n';
    } else if (results.empty()) {
        std::cerr << "no notes match\n";
    } else {
        print_text(results, options.context, context.color);
    }
    check_output();
    return exit_ok;
}

} // namespace

void setup_search(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<SearchCommandOptions>();
    command
        .add_option("query", options->query,
                    "Words to find (ANDed), \"a phrase\", prefix*, OR, -word or NOT word; "
                    "after -- when it starts with -")
        ->required();
    add_filter_options(command, options->filter);
    add_format_option(command, options->format, {Format::text, Format::json, Format::paths});
    std::vector<std::string> fields(std::begin(evidence_fields), std::end(evidence_fields));
    command
        .add_option("--by", options->by,
                    "Evidence table: distinct customers and notes per customer, segment, "
                    "product, pm, tag or kind")
        ->check(CLI::IsMember(fields));
    command.add_option("--context", options->context,
                       "Show N lines before and after each matching line");
    command.add_flag("--rank", options->rank, "Most relevant first (bm25) instead of newest");
    command.callback([options, &globals] { globals.exit_code = run_search(*options, globals); });
}

} // namespace pmi::cli
