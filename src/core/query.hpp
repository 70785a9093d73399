#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/note.hpp"

namespace pmi {

// Which notes `pms` selects: those a PM of it led (`pm`), or also those they
// were on as a paired PM (`with:`).
enum class PmMatch { lead, lead_or_with };

// Which notes a command looks at. Empty fields match everything.
struct NoteFilter {
    std::vector<std::string> pms;
    PmMatch pm_match = PmMatch::lead;
    std::vector<std::string> products;
    std::string customer;          // matches the customer name or its slug, case-insensitively
    std::vector<std::string> tags; // all must be present (compared by tag_key)
    std::vector<std::string> kinds;
    std::optional<Date> since;
    std::optional<Date> until;
    std::vector<std::pair<std::string, std::string>> where; // KEY=VALUE on any front-matter key
};

bool matches(const Note& note, const NoteFilter& filter);

// "lead" when a PM of `pms` is the note's `pm`, else "with" when one is in its
// `with:` list, else empty.
std::string pm_role(const Note& note, const std::vector<std::string>& pms);

// The values of a front-matter key as text, for --where: known and unknown keys
// alike; list values give one entry per item. Empty when the note lacks the key.
std::vector<std::string> field_values(const Note& note, const std::string& key);

// Newest first; ties by path, so output is deterministic.
void sort_newest_first(std::vector<Note>& notes);
// The order of sort_newest_first: whether the note of `a_date` and `a_path`
// comes before that of `b_date` and `b_path`.
bool newer_first(const Date& a_date, std::string_view a_path, const Date& b_date,
                 std::string_view b_path);

std::vector<Note> select_notes(const std::vector<Note>& notes, const NoteFilter& filter);
// The same, taking the notes instead of copying them.
std::vector<Note> select_notes(std::vector<Note>&& notes, const NoteFilter& filter);

} // namespace pmi
