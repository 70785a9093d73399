#include <cstring>
#include <fmt/format.h>
#include <iostream>

#include "cli/commands.hpp"
#include "core/merge_index.hpp"
#include "render/escape.hpp"
#include "render/index.hpp"
#include "util/fs.hpp"

extern char** environ;

namespace pmi::cli {

namespace {

struct MergeIndexOptions {
    std::string base;
    std::string ours;
    std::string theirs;
    std::string path;
};

// The commit being merged: git names it in a GITHEAD_<commit> variable for
// the merge drivers of `git merge` and `git pull`. Empty when there is not
// exactly one (an octopus merge, a rebase or a cherry-pick).
std::string merged_commit() {
    std::string found;
    int count = 0;
    for (char** entry = environ; *entry; ++entry) {
        const std::string_view text = *entry;
        if (text.rfind("GITHEAD_", 0) != 0)
            continue;
        const std::string_view id = text.substr(8, text.find('=') - 8);
        if (id.size() < 40 || id.find_first_not_of("0123456789abcdef") != std::string_view::npos)
            continue;
        found = std::string(id);
        ++count;
    }
    return count == 1 ? found : std::string();
}

int run_merge_index(const MergeIndexOptions& options, const Globals& globals) {
    const std::string name = std::filesystem::path(options.path).filename().string();
    const std::string theirs = merged_commit();
    if (theirs.empty() || (name != "INDEX.md" && name != "TAGS.md")) {
        // Keeping ours with a conflict is always safe: the user regenerates.
        std::cerr << fmt::format("pmi: {}: cannot tell which notes the merge gives; kept ours as "
                                 "a conflict: run 'pmi index', then 'git add' it\n",
                                 escape::terminal(options.path));
        return exit_check_failed;
    }
    const Context context = make_context(globals);
    const std::vector<Note> notes = merged_notes(context.config, theirs);
    const std::string text = name == "INDEX.md"
                                 ? index_markdown(notes, context.config.notes_dir)
                                 : tags_index_markdown(notes, context.config.notes_dir);
    if (const util::Status written = util::write_atomic(options.ours, text); !written)
        throw Error(fmt::format("{}: cannot write: {}", options.ours, written.error()));
    return exit_ok;
}

} // namespace

void setup_merge_index(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<MergeIndexOptions>();
    command.add_option("base", options->base, "%O: the merge base's version")->required();
    command.add_option("ours", options->ours, "%A: our version; replaced by the result")
        ->required();
    command.add_option("theirs", options->theirs, "%B: their version")->required();
    command.add_option("path", options->path, "%P: the file's path in the repository")->required();
    command.callback(
        [options, &globals] { globals.exit_code = run_merge_index(*options, globals); });
}

} // namespace pmi::cli
