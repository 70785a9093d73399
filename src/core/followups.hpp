#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/note.hpp"

namespace pmi {

// One item of a note's Follow-ups section.
struct FollowUp {
    std::string text;      // the item's text, without the task box
    bool done = false;     // a checked task item: `- [x]` or `- [X]`
    bool private_ = false; // in a private section or a <!-- private --> block
    int line = 0;
};

// Whether a level-2 heading's title opens the follow-ups ("Follow-ups", "Follow
// ups", "Followups:"); `private_` is set for "Private: follow-ups".
bool is_followups_heading(std::string_view title, bool& private_);

// A GFM task box at the start of an item's text: "[ ]" (open), "[x]" or "[X]"
// (done), then a space or the end; `text` loses it. Plain text is open.
bool strip_task_box(std::string_view& text, bool& done);

// The items of the first-level lists under each Follow-ups heading, read line
// by line (front matter skipped; nothing kept but the items). Items inside an
// HTML comment are not items; inside a <!-- private --> block they are private.
std::vector<FollowUp> scan_followups(std::istream& in);

// A follow-up with the note it comes from.
struct FollowUpEntry {
    FollowUp item;
    std::string customer;
    std::string pm;
    std::string product;
    Date date;
    std::string path;
};

enum class DoneItems { hide, show };

struct FollowUps {
    bool all = false;                   // done items included
    std::vector<FollowUpEntry> entries; // oldest note first, then in file order
};

// The follow-ups of `notes`, each file read under the config root; unreadable
// files become problems.
FollowUps gather_followups(const std::vector<Note>& notes, const Config& config, DoneItems done,
                           std::vector<Problem>& problems);

} // namespace pmi
