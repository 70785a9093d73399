#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "render/index.hpp"
#include "util/fs.hpp"

namespace pmi::cli {

namespace {

enum class IndexMode { write, check };

struct IndexOptions {
    bool check = false;
};

struct GeneratedFile {
    std::filesystem::path path;
    void (*write)(const std::vector<Note>&, std::string_view, const TextSink&);
};

int run_index(const IndexOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const Config& config = context.config;
    const IndexMode mode = options.check ? IndexMode::check : IndexMode::write;
    const NoteSet set = load_notes(config);
    print_problems(set.problems);
    const auto folder = config.notes_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw Error(display_path(config, folder) +
                    ": notes folder not found; run 'pmi init' or check 'notes' in " +
                    config_file_name);
    const std::vector<GeneratedFile> files = {
        {folder / "INDEX.md", write_index_markdown},
        {folder / "TAGS.md", write_tags_index_markdown},
    };
    int exit_code = exit_ok;
    for (const auto& file : files) {
        const std::string shown = display_path(config, file.path);
        // Compared as generated, so the whole file is in memory only to write it.
        const auto write = [&](const TextSink& sink) {
            file.write(set.notes, config.notes_dir, sink);
        };
        std::string error;
        const bool exists = std::filesystem::exists(file.path, ec);
        const auto matches = exists ? util::file_matches(file.path, write, error) : std::nullopt;
        if (exists && !matches)
            throw Error(shown + ": cannot read: " + error);
        const bool up_to_date = matches && *matches;
        if (mode == IndexMode::check) {
            if (!exists)
                std::cout << escape::terminal(shown) << ": missing; run 'pmi index'\n";
            else if (!up_to_date)
                std::cout << escape::terminal(shown) << ": stale; run 'pmi index'\n";
            if (!up_to_date)
                exit_code = exit_check_failed;
            continue;
        }
        if (up_to_date) {
            std::cout << escape::terminal(shown) << ": up to date\n";
            continue;
        }
        std::string content;
        write([&](std::string_view piece) { content += piece; });
        if (const std::string failure = util::write_atomic(file.path, content); !failure.empty())
            throw Error(shown + ": cannot write: " + failure);
        std::cout << escape::terminal(shown) << (exists ? ": updated\n" : ": written\n");
    }
    if (mode == IndexMode::check && exit_code == exit_ok)
        std::cout << "INDEX.md and TAGS.md are up to date (" << set.notes.size() << " notes)\n";
    return exit_code;
}

} // namespace

void setup_index(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<IndexOptions>();
    command.add_flag("--check", options->check,
                     "Write nothing; exit 1 naming each missing or stale file (for CI)");
    command.callback([options, &globals] { globals.exit_code = run_index(*options, globals); });
}

} // namespace pmi::cli
