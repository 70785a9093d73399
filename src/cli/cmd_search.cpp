#include <chrono>
#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/query.hpp"
#include "core/search.hpp"
#include "core/store.hpp"
#include "render/search.hpp"
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

    SearchOptions search;
    search.order = options.rank ? SearchOrder::rank : SearchOrder::newest;
    // Only JSON shows the scores; computing them is most of SQLite's time in a broad query.
    search.scoring = options.format == Format::json ? Scoring::bm25 : Scoring::none;
    const bool want_lines = options.by.empty() && options.format != Format::paths;
    search.context = options.context;
    ProgressLine progress;
    search.progress = [&progress](std::size_t done, std::size_t total) { progress(done, total); };
    std::vector<std::string> warnings;
    std::vector<SearchResult> results;
    {
        results = search_notes(context.config, std::move(set.notes), set.stamps, filter, query,
                               search, warnings);
    }
    for (const auto& warning : warnings)
        warn(warning);

    if (options.format == Format::text && results.empty()) {
        std::cerr << "no notes match\n";
        return exit_ok;
    }
    if (!options.by.empty()) {
        write_output(render(evidence_formats, options.format, gather_evidence(results, options.by),
                            text_view(context)));
        check_output();
        return exit_ok;
    }
    if (want_lines) {
        // Each note's lines are found as it is written: the tree is never held.
        SearchHits hits{{}, options.context, [&](const auto& visit) {
                            visit_with_lines(context.config, query, options.context, results,
                                             visit);
                        }};
        render(search_formats, options.format, std::cout, hits, text_view(context));
    } else {
        render(search_formats, options.format, std::cout,
               SearchHits{std::move(results), options.context, {}}, text_view(context));
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
    add_format_option(command, options->format, search_formats);
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
