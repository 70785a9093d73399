#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "core/create.hpp"
#include "core/import.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "util/csv.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace fs = std::filesystem;

namespace {

struct ImportOptions {
    std::string csv;
    std::string from_md;
    std::vector<std::string> map;
    std::string date_format;
    std::string pm;
    std::string product;
    std::string kind;
    bool dry_run = false;
};

// What one import run did, for the closing line and the exit code.
struct ImportRun {
    const Config& config;
    bool dry_run;
    std::set<std::string> known_ids; // ids of imported notes, and of this run's sources
    std::set<fs::path> planned;      // the dry run's file names, as if written
    int written = 0;
    int skipped = 0;
    int failed = 0;
};

// The ids of notes already imported: the value of their `imported` key.
std::set<std::string> imported_ids(const Config& config) {
    std::set<std::string> ids;
    util::WalkError unusable;
    if (!util::open_beneath(config.root, config.notes_dir, util::MissingFolders::fail, unusable))
        return ids; // no notes folder yet: nothing imported
    for (const auto& note : load_notes(config).notes)
        for (const auto& field : note.extra)
            if (field.key == imported_key)
                ids.insert(field.text);
    return ids;
}

void report_problem(const std::string& source, int line, Severity severity,
                    const std::string& message) {
    print_problems({{source, line, severity, message}});
}

// The file create_note would choose: the first free <slug>-<date>[-N].md.
fs::path planned_path(ImportRun& run, const Note& note) {
    const fs::path folder = run.config.root / run.config.notes_dir / note.product;
    const std::string stem = checked_note_slug(note) + "-" + format_date(note.date);
    for (int n = 1;; ++n) {
        const fs::path file = folder / (n == 1 ? stem + ".md" : fmt::format("{}-{}.md", stem, n));
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(file, ec)) && !run.planned.count(file)) {
            run.planned.insert(file);
            return file;
        }
    }
}

// Writes (or, in a dry run, shows) one imported note.
void write_imported(ImportRun& run, ImportedNote imported) {
    check_known_product(run.config, imported.note.product);
    std::error_code ec;
    const fs::path here = fs::current_path(ec);
    if (run.dry_run) {
        const fs::path file = planned_path(run, imported.note);
        std::string text = new_note_text(imported.note, imported.body);
        std::string shown;
        if (!text.empty() && text.back() == '\n')
            text.pop_back();
        for (const auto& line : util::split(text, '\n'))
            shown += line.empty() ? "\n" : "    " + line + "\n";
        write_output(fmt::format(
            "would write {}:\n{}\n", escape::terminal(util::relative_to(file, here)),
            escape::terminal(util::trim(shown).empty() ? "" : shown, escape::Lines::keep)));
    } else {
        const fs::path file = create_note(run.config, imported.note, imported.body);
        write_output(escape::terminal(util::relative_to(file, here)) + "\n");
    }
    ++run.written;
}

// Imports one source (a row, a file); a problem with it is reported and counted.
// A source whose id a note already carries (or this run imported) is skipped
// before it is read, so a row fixed by a later option is never imported twice.
template <typename Build>
void import_one(ImportRun& run, const std::string& source, int line, const std::string& what,
                const std::string& id, Build build) {
    if (run.known_ids.count(id)) {
        ++run.skipped;
        return;
    }
    try {
        write_imported(run, build());
        run.known_ids.insert(id);
    } catch (const SourceError& error) {
        ++run.failed;
        report_problem(source, error.line, Severity::error, error.what());
    } catch (const Error& error) {
        ++run.failed;
        report_problem(source, line, Severity::error, what + error.what());
    }
}

// The column each source of --map names, checked before anything is written.
void check_columns(const std::string& source, const std::vector<std::string>& header,
                   const ImportMap& map) {
    std::set<std::string> seen;
    for (const auto& name : header)
        if (!seen.insert(util::to_lower_ascii(util::trim(name))).second)
            throw Error(fmt::format("{}: column '{}' appears twice in the header", source, name));
    for (const auto& [key, column] : map.entries) {
        const bool found = std::any_of(header.begin(), header.end(),
                                       [&](const auto& name) { return map.key_of(name) == key; });
        if (found)
            continue;
        const std::string best = util::closest_match(column, header);
        throw Error(fmt::format("{}: --map {}={}: no column '{}'{} (columns: {})", source, key,
                                column, column,
                                best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                                util::join(header, ", ")));
    }
}

void import_csv(ImportRun& run, const std::string& source, const ImportMap& map,
                const ImportDefaults& defaults) {
    const auto text = util::read_file(source);
    if (!text)
        throw Error(fmt::format("{}: cannot read: {}", source, text.error()));
    const util::CsvTable table = util::parse_csv(*text);
    if (table.records.empty())
        throw Error(fmt::format("{}: no header row", source));
    const std::vector<std::string>& header = table.records.front().cells;
    check_columns(source, header, map);
    for (std::size_t row = 1; row < table.records.size(); ++row) {
        const util::CsvRecord& record = table.records[row];
        import_one(run, source, record.line, fmt::format("row {}: ", row + 1),
                   row_id(header, record.cells),
                   [&] { return note_from_row(header, record.cells, map, defaults); });
    }
    if (table.unclosed_quote_line != 0) {
        ++run.failed;
        report_problem(source, table.unclosed_quote_line, Severity::error,
                       "a quoted cell opens here and never closes; the rest of the file is not "
                       "imported");
    }
}

// The markdown files under `folder`, sorted; links are skipped with a warning.
std::vector<fs::path> markdown_files(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(folder, ec)))
        throw Error(fmt::format("{}: not a folder", folder.string()));
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto status = it->symlink_status(ec);
        if (fs::is_symlink(status)) {
            warn(fmt::format("{}: a symbolic link; skipped", it->path().string()));
            continue;
        }
        const std::string ext = util::to_lower_ascii(it->path().extension().string());
        if (fs::is_regular_file(status) && ext == ".md")
            files.push_back(it->path());
    }
    if (ec)
        throw Error(fmt::format("{}: cannot read: {}", folder.string(), ec.message()));
    std::sort(files.begin(), files.end());
    return files;
}

void import_markdown(ImportRun& run, const std::string& folder, const ImportMap& map,
                     const ImportDefaults& defaults) {
    for (const auto& file : markdown_files(folder)) {
        const std::string source = file.string();
        const auto text = util::read_file(file);
        if (!text) {
            ++run.failed;
            report_problem(source, 0, Severity::error, "cannot read: " + text.error());
            continue;
        }
        import_one(run, source, 0, "", import_id(*text), [&] {
            return note_from_markdown(*text, file.filename().string(), map, defaults);
        });
    }
}

DateOrder date_order(const std::string& format) {
    if (format == "mdy")
        return DateOrder::mdy;
    if (format == "dmy")
        return DateOrder::dmy;
    return DateOrder::unknown;
}

int run_import(const ImportOptions& options, const Globals& globals) {
    if (options.csv.empty() == options.from_md.empty())
        throw Error("import: give a CSV file or --from-md DIR (one of them)");
    const Context context = make_context(globals);
    const ImportMap map = parse_import_map(options.map);
    const ImportDefaults defaults{options.pm, options.product, options.kind,
                                  date_order(options.date_format)};
    ImportRun run{context.config, options.dry_run, imported_ids(context.config), {}};
    const std::string source = options.csv.empty() ? options.from_md : options.csv;
    if (options.csv.empty())
        import_markdown(run, options.from_md, map, defaults);
    else
        import_csv(run, options.csv, map, defaults);
    std::cerr << fmt::format("pmi: {} {} note{} from {}",
                             options.dry_run ? "would import" : "imported", run.written,
                             run.written == 1 ? "" : "s", escape::terminal(source));
    if (run.skipped != 0)
        std::cerr << fmt::format("; {} already imported", run.skipped);
    if (run.failed != 0)
        std::cerr << fmt::format("; {} failed", run.failed);
    std::cerr << '\n';
    return run.failed != 0 ? exit_usage : exit_ok;
}

} // namespace

void setup_import(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<ImportOptions>();
    command.add_option("csv", options->csv, "CSV file of past interviews, one per row");
    command.add_option("--from-md", options->from_md,
                       "Folder of markdown notes exported from another tool");
    command.add_option("--map", options->map,
                       "KEY=COLUMN,... : the front-matter key of each column or source key "
                       "(body=COLUMN: the note's body)");
    command
        .add_option("--date-format", options->date_format,
                    "mdy or dmy: how to read dates like 03/04/2026")
        ->check(CLI::IsMember({"mdy", "dmy"}));
    command.add_option("--pm", options->pm, "PM for rows or files that name none");
    command.add_option("--product", options->product, "Product for rows or files that name none");
    command.add_option("--kind", options->kind, "Kind for rows or files that name none")
        ->check(CLI::IsMember({"learning", "sales", "support", "usability"}));
    command.add_flag("--dry-run", options->dry_run,
                     "Print the notes it would write; write nothing");
    command.callback([options, &globals] { globals.exit_code = run_import(*options, globals); });
}

} // namespace pmi::cli
