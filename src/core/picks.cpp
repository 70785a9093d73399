#include "core/picks.hpp"

#include <algorithm>

#include "core/share.hpp"
#include "util/strings.hpp"

namespace pmi {

// A mark that can make a pick: on a nugget that is not private.
static bool usable_mark(const Note& note, const NuggetMark& mark) {
    return mark.index < note.nuggets.size() && !is_private_nugget(note, mark.index);
}

static std::optional<std::size_t> first_shareable_nugget(const Note& note) {
    for (std::size_t i = 0; i < note.nuggets.size(); ++i)
        if (!is_private_nugget(note, i))
            return i;
    return std::nullopt;
}

std::optional<std::size_t> note_pick(const Note& note) {
    for (const auto& mark : note.nugget_marks)
        if (usable_mark(note, mark))
            return mark.index;
    return first_shareable_nugget(note);
}

std::optional<std::size_t> exec_pick(const Note& note) {
    for (const auto& mark : note.nugget_marks)
        if (mark.execs && usable_mark(note, mark))
            return mark.index;
    return note.execs ? note_pick(note) : std::nullopt;
}

bool flags_for_execs(const Note& note) {
    return note.execs || std::any_of(note.nugget_marks.begin(), note.nugget_marks.end(),
                                     [&](const NuggetMark& mark) {
                                         return mark.execs && usable_mark(note, mark);
                                     });
}

static bool has_mark(const Note& note) {
    return std::any_of(note.nugget_marks.begin(), note.nugget_marks.end(),
                       [&](const NuggetMark& mark) { return usable_mark(note, mark); });
}

// The note whose nugget is the PM's pick: the newest with a mark, else the newest
// with a nugget; null when no note has one. Private nuggets are never a pick.
// `notes` are oldest first.
static const Note* picked_note(const std::vector<Note>& notes) {
    for (auto note = notes.rbegin(); note != notes.rend(); ++note)
        if (has_mark(*note))
            return &*note;
    for (auto note = notes.rbegin(); note != notes.rend(); ++note)
        if (first_shareable_nugget(*note))
            return &*note;
    return nullptr;
}

static std::vector<std::string> managed_products(const Config& config, const std::string& pm,
                                                 const std::string& fallback) {
    if (const TeamMember* member = config.member(pm); member && !member->products.empty())
        return member->products;
    if (fallback.empty())
        return {};
    return {fallback};
}

WeekPicks build_picks(const Digest& digest, const Config& config) {
    WeekPicks picks;
    picks.week = digest.week.value_or(Week{});
    for (const auto& entry : digest.pms) {
        PmPick pick;
        pick.id = entry.id;
        pick.name = entry.name;
        pick.away = entry.away;
        pick.interviews = static_cast<int>(entry.notes.size());
        const Note* note = picked_note(entry.notes);
        const std::string product =
            note ? note->product : (entry.notes.empty() ? "" : entry.notes.back().product);
        pick.products = managed_products(config, entry.id, product);
        if (note) {
            pick.marked = has_mark(*note);
            pick.nugget = util::one_line(note->nuggets[*note_pick(*note)]);
            pick.customer = note->customer;
            pick.date = note->date;
            pick.path = note->path;
        }
        picks.pms.push_back(std::move(pick));
    }
    return picks;
}

std::optional<ExecNugget> exec_nugget(const Note& original, std::string_view text,
                                      const Config& config, std::vector<Problem>& problems) {
    const SharedNote shared = share_note(text, original.path, config.share_omit, problems);
    if (shared.status != ShareStatus::shared)
        return std::nullopt;
    NoteParse parse = parse_note(shared.text, original.path, BodyScan::sections);
    if (!parse.note)
        return std::nullopt;
    Note& note = *parse.note;
    note.execs = original.execs; // even when share.omit leaves the key out
    const auto pick = exec_pick(note);
    if (!pick)
        return std::nullopt;
    ExecNugget nugget;
    nugget.nugget = util::one_line(note.nuggets[*pick]);
    nugget.talked_with = talked_with(note);
    nugget.customer = note.customer;
    nugget.date = note.date;
    nugget.pm = note.pm;
    const TeamMember* member = config.member(note.pm);
    nugget.pm_name = member && !member->name.empty() ? member->name : note.pm;
    nugget.products = managed_products(config, note.pm, note.product);
    nugget.path = note.path;
    return nugget;
}

} // namespace pmi
