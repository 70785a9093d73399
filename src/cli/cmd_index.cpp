#include <filesystem>
#include <functional>
#include <iostream>

#include "cli/commands.hpp"
#include "core/repo_files.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "render/index.hpp"
#include "util/fs.hpp"

namespace pmi::cli {

namespace {

enum class IndexMode { write, check };

struct IndexOptions {
    bool check = false;
    bool force = false;
};

struct GeneratedFile {
    std::filesystem::path path; // relative to the repository root
    void (*write)(const std::vector<Note>&, std::string_view, const TextSink&);
};

// What is at a generated file's place now.
struct Existing {
    bool exists = false;
    bool up_to_date = false;
    bool written_by_pmi = false;
};

// Looks at `name` in the notes folder without following links (a link is an
// error), comparing it with what `write` generates piece by piece.
Existing look_at(const util::FolderHandle& folder, const std::string& name,
                 const std::string& shown, const std::function<void(const TextSink&)>& write,
                 IndexMode mode) {
    switch (util::entry_kind_at(folder.fd(), name)) {
    case util::EntryKind::missing: return {};
    case util::EntryKind::symlink:
        throw Error(shown + (mode == IndexMode::write
                                 ? " is a symbolic link; pmi does not write through links"
                                 : " is a symbolic link; pmi does not follow links"));
    default: break;
    }
    const auto matches = util::file_matches_at(folder.fd(), name, write, util::FollowLinks::no);
    if (!matches)
        throw Error(shown + ": cannot read: " + matches.error());
    const std::string_view header = generated_header;
    const auto prefix = util::read_prefix_at(folder.fd(), name, header.size());
    return {true, *matches, prefix && *prefix == header};
}

int run_index(const IndexOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const Config& config = context.config;
    const IndexMode mode = options.check ? IndexMode::check : IndexMode::write;
    NoteSet set = load_notes(config);
    print_problems(set.problems);
    load_first_nuggets(config, set.notes); // INDEX.md's tl;dr falls back to the first nugget
    // Reached without following links: an error when missing, unreadable or a link.
    const util::FolderHandle notes = open_notes_folder(config);
    const std::filesystem::path folder = config.notes_dir;
    const std::vector<GeneratedFile> files = {
        {folder / "INDEX.md", write_index_markdown},
        {folder / "TAGS.md", write_tags_index_markdown},
    };
    int exit_code = exit_ok;
    for (const auto& file : files) {
        const std::string shown = file.path.generic_string();
        const auto write = [&](const TextSink& sink) {
            file.write(set.notes, config.notes_dir, sink);
        };
        const Existing existing = look_at(notes, file.path.filename().string(), shown, write, mode);
        const bool up_to_date = existing.up_to_date;
        if (mode == IndexMode::check) {
            if (!existing.exists)
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
        if (existing.exists && !existing.written_by_pmi && !options.force)
            throw Error(shown + ": not written by pmi (no generated header); not replaced. Move "
                                "it away, or run 'pmi index --force' to replace it");
        write_repo_file(config.root, file.path, write);
        std::cout << escape::terminal(shown) << (existing.exists ? ": updated\n" : ": written\n");
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
    command.add_flag("--force", options->force,
                     "Replace INDEX.md and TAGS.md even when pmi did not write them");
    command.callback([options, &globals] { globals.exit_code = run_index(*options, globals); });
}

} // namespace pmi::cli
