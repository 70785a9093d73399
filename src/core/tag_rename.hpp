#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/note.hpp"

namespace pmi {

// The note's text with every tag spelled as one of `from` renamed to `to` in
// its `tags` value, a resulting duplicate dropped, the list's style kept (flow
// `[a, b]`, block `- a` lines, or a single value) and every other byte kept.
// nullopt when the value holds none of them. Throws pmi::Error (naming `path`
// and the line) when the value is written in a way pmi does not edit.
std::optional<std::string> rename_tag_in_note(std::string_view text,
                                              const std::set<std::string>& from,
                                              const std::string& to, const std::string& path);

// The spellings `pmi tags rename` replaces: `old` alone, or with `variants`
// every spelling in the notes with the same util::tag_key.
std::set<std::string> tag_spellings(const std::vector<Note>& notes, const std::string& old,
                                    bool variants);

// The 1-based line of the `tags` key in the note's front matter; 0 when none.
int tags_key_line(std::string_view text);

// The 1-based line where two texts first differ.
int first_changed_line(std::string_view before, std::string_view after);

// A unified diff of two texts that differ in one region, for --dry-run.
std::string unified_diff(std::string_view before, std::string_view after, const std::string& path);

} // namespace pmi
