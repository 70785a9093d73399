#include "core/query.hpp"

#include <algorithm>
#include <numeric>

#include "core/fields.hpp"
#include "util/strings.hpp"

namespace pmi {

std::vector<std::string> field_values(const Note& note, const std::string& key) {
    if (const NoteField* field = find_note_field(key))
        return field_values(note, *field);
    for (const auto& field : note.extra)
        if (field.key == key)
            return {field.text};
    return {};
}

static bool where_matches(const Note& note, const std::string& key, const std::string& value) {
    const auto values = field_values(note, key);
    return std::any_of(values.begin(), values.end(), [&](const std::string& candidate) {
        return util::to_lower_ascii(candidate) == util::to_lower_ascii(value);
    });
}

std::string pm_role(const Note& note, const std::vector<std::string>& pms) {
    if (util::contains(pms, note.pm))
        return "lead";
    if (std::any_of(note.with.begin(), note.with.end(),
                    [&](const std::string& id) { return util::contains(pms, id); }))
        return "with";
    return "";
}

static bool pm_matches(const Note& note, const NoteFilter& filter) {
    if (filter.pm_match == PmMatch::lead)
        return util::contains(filter.pms, note.pm);
    return !pm_role(note, filter.pms).empty();
}

bool matches(const Note& note, const NoteFilter& filter) {
    if (!filter.pms.empty() && !pm_matches(note, filter))
        return false;
    if (!filter.products.empty() && !util::contains(filter.products, note.product))
        return false;
    if (!filter.kinds.empty() && !util::contains(filter.kinds, effective_kind(note)))
        return false;
    if (filter.since && note.date < *filter.since)
        return false;
    if (filter.until && note.date > *filter.until)
        return false;
    if (!filter.customer.empty()) {
        const auto wanted = util::slugify(filter.customer);
        if (util::slugify(note.customer) != wanted)
            return false;
    }
    for (const auto& tag : filter.tags) {
        const auto key = util::tag_key(tag);
        if (std::none_of(note.tags.begin(), note.tags.end(),
                         [&](const std::string& t) { return util::tag_key(t) == key; }))
            return false;
    }
    for (const auto& [key, value] : filter.where)
        if (!where_matches(note, key, value))
            return false;
    return true;
}

bool newer_first(const Date& a_date, std::string_view a_path, const Date& b_date,
                 std::string_view b_path) {
    if (a_date != b_date)
        return a_date > b_date;
    return a_path < b_path;
}

void sort_newest_first(std::vector<Note>& notes) {
    // Sorts positions, then moves each note once: a Note is large to swap.
    std::vector<std::size_t> order(notes.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
        return newer_first(notes[i].date, notes[i].path, notes[j].date, notes[j].path);
    });
    // Moves along each cycle of the permutation, holding one note aside.
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start)
            continue;
        Note held = std::move(notes[start]);
        std::size_t at = start;
        while (order[at] != start) {
            const std::size_t from = order[at];
            notes[at] = std::move(notes[from]);
            order[at] = at;
            at = from;
        }
        notes[at] = std::move(held);
        order[at] = at;
    }
}

std::vector<Note> select_notes(const std::vector<Note>& notes, const NoteFilter& filter) {
    std::vector<Note> selected;
    for (const auto& note : notes)
        if (matches(note, filter))
            selected.push_back(note);
    sort_newest_first(selected);
    return selected;
}

std::vector<Note> select_notes(std::vector<Note>&& notes, const NoteFilter& filter) {
    std::vector<Note> selected = std::move(notes);
    std::erase_if(selected, [&](const Note& note) { return !matches(note, filter); });
    sort_newest_first(selected);
    return selected;
}

} // namespace pmi
