#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/note.hpp"

namespace pmi {

// One tag, as spelled in the notes.
struct TagStat {
    std::string tag;
    std::size_t count = 0;             // notes carrying it
    std::vector<std::string> products; // sorted
    Date first;
    Date last;
};

struct TagSpelling {
    std::string tag;
    std::size_t count = 0;
    bool lookalike = false; // util::has_lookalike_letters: looks like another spelling
};

// Spellings with the same util::lookalike_key ("Security Config", "security-config",
// "nаvigation" with a Cyrillic а and "navigation").
struct TagDuplicate {
    std::string key;
    std::vector<TagSpelling> spellings; // most used first
};

struct TagReport {
    std::vector<TagStat> tags;            // count descending, then name
    std::vector<TagDuplicate> duplicates; // sorted by key
};

TagReport build_tag_report(const std::vector<Note>& notes);

// The spelling that names a group of spellings of one tag (same util::tag_key):
// the most used; ties go to the first in sort order. `counts` maps each
// spelling to its uses; empty gives "".
std::string most_used_spelling(const std::map<std::string, std::size_t>& counts);

// The tags of a note without repeats (same spelling listed twice counts once).
std::vector<std::string> distinct_tags(const Note& note);

} // namespace pmi
