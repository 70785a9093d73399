#include "cli/editor.hpp"

#include <cstdlib>
#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/store.hpp"
#include "util/process.hpp"

namespace pmi::cli {

std::string resolve_editor() {
    for (const char* name : {"PMI_EDITOR", "VISUAL", "EDITOR"})
        if (const char* value = std::getenv(name); value && *value)
            return value;
    return "vi";
}

void open_editor(const std::filesystem::path& file, const Config& config) {
    const std::string editor = resolve_editor();
    const int status = util::run_program(util::editor_command(editor, file.string()));
    if (status != 0)
        warn(status < 0 ? fmt::format("could not start editor '{}'", editor)
                        : fmt::format("editor '{}' exited with status {}", editor, status));
    // Check what the user saved, and say what is still missing.
    const auto parse = load_note(file.string(), display_path(config, file), BodyScan::sections);
    print_problems(parse.problems);
    if (parse.note && parse.note->tldr.empty())
        warn(fmt::format("{}: no tldr yet; `pmi summary` will fall back to the first nugget",
                         display_path(config, file)));
    if (parse.note && parse.note->nuggets.empty())
        warn(fmt::format("{}: no nuggets yet", display_path(config, file)));
}

} // namespace pmi::cli
