#pragma once

#include <filesystem>
#include <string>

#include "core/config.hpp"

namespace pmi::cli {

// PMI_EDITOR, VISUAL, EDITOR, else vi.
std::string resolve_editor();

// Opens the note in the editor (exec-style), then checks what the user saved
// and says on stderr what is still missing, as `pmi new` does.
void open_editor(const std::filesystem::path& file, const Config& config);

} // namespace pmi::cli
