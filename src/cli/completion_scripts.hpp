#pragma once

namespace pmi::cli {

// The scripts each shell loads. They hold no command or option: on each Tab
// they ask `pmi completion candidates -- WORDS...` and take its NUL-separated
// answer as data (matched, quoted and inserted by the shell, never evaluated).
extern const char* const bash_completion_script;
extern const char* const zsh_completion_script;
extern const char* const fish_completion_script;

} // namespace pmi::cli
