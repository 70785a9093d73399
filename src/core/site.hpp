#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/note.hpp"

namespace pmi {

// The file name of each note's page in the site, in the order given: the
// note's path inside the notes folder (`notes_dir/` removed) without ".md",
// with "/" as "--" and every byte outside [A-Za-z0-9._-] as "_", then
// ".html". A name already taken gets "-2", "-3"...: the same tree always gives
// the same names, and a name can never climb out of its folder or hide.
std::vector<std::string> note_page_names(const std::vector<std::string>& paths,
                                         const std::string& notes_dir);

// Empties the fields share.omit names (keys compared ignoring ASCII case), so
// that no page of the site shows what `pmi share` would leave out.
void omit_shared_fields(Note& note, const std::vector<std::string>& omit);

// The body of a note's text: what follows the line that closes its '---'
// front matter; the whole text when it has none.
std::string_view note_body(std::string_view text);

// The nuggets of a note's body (the first-level items under its "Nuggets"
// heading), as the note reader finds them.
std::vector<std::string> body_nuggets(std::string_view body);

} // namespace pmi
