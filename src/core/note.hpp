#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/error.hpp"

struct stat;

namespace pmi {

struct MarkdownLine;

// A nugget the PM marked to share: `- ! text` (the staff-meeting pick) or
// `- !! text` (the pick, also for the executive team).
struct NuggetMark {
    std::size_t index = 0; // into Note::nuggets
    int line = 0;
    bool execs = false; // `!!`
};

// The mark at the start of a nugget's text: "!" or "!!" then a space; `text`
// loses it. 0 when unmarked, 1 for "!", 2 for "!!".
int strip_nugget_mark(std::string_view& text);

struct Interviewee {
    std::string name;
    std::string role;
};

// A front-matter key pmi does not know, kept as written.
struct ExtraField {
    std::string key;
    std::string text; // the scalar's text, or the value in YAML flow style
    std::string yaml; // the value in YAML flow style, for writing it back
};

// The front-matter keys of a note with the line each is on, in file order.
// Immutable and shared: notes written from one template have the same keys on
// the same lines, so a tree of any size holds each distinct list once.
class KeyLines {
  public:
    using Entry = std::pair<std::string, int>;

    KeyLines() = default;
    KeyLines(const std::vector<Entry>& entries);
    KeyLines(std::initializer_list<Entry> entries) : KeyLines(std::vector<Entry>(entries)) {}

    const Entry* begin() const { return entries_ ? entries_->data() : nullptr; }
    const Entry* end() const { return entries_ ? entries_->data() + entries_->size() : nullptr; }
    std::size_t size() const { return entries_ ? entries_->size() : 0; }
    bool empty() const { return size() == 0; }
    const Entry& operator[](std::size_t i) const { return (*entries_)[i]; }
    // Equal lists are one shared copy, so this identifies the list.
    const void* identity() const { return entries_; }
    bool operator==(const KeyLines& other) const { return entries_ == other.entries_; }

  private:
    const std::vector<Entry>* entries_ = nullptr; // null when empty
};

inline constexpr const char* note_kinds[] = {"learning", "sales", "support", "usability"};

struct Note {
    std::string path; // relative to the repository root, with '/'
    std::string customer;
    Date date;
    std::string pm;                     // the lead: the PM who writes the note
    std::vector<std::string> with;      // other PMs on the call (roster ids)
    std::vector<std::string> listeners; // others from our side, free text: "Dana (sales)"
    std::string product;
    std::string kind; // empty when not given
    std::vector<Interviewee> interviewees;
    std::string segment;
    std::string channel;
    std::vector<std::string> tags;
    std::string tldr;
    bool execs = false; // `execs: true`: the note's pick goes to the executive team
    std::vector<ExtraField> extra;
    // Each front-matter key with the line it is on, in file order.
    KeyLines key_lines;

    // Filled only when the body is scanned (see BodyScan).
    std::vector<std::string> sections; // level-2 heading titles, in order
    std::vector<std::string> nuggets;  // bullets under the Nuggets heading, marks stripped
    int nuggets_line = 0;              // line of the Nuggets heading; 0 when absent
    // The nuggets marked `!` or `!!`, in order.
    std::vector<NuggetMark> nugget_marks;
    // The nuggets in a private block or section (indexes into `nuggets`, ascending):
    // the team's digest shows them as such; they are never a pick.
    std::vector<std::size_t> private_nuggets;

    // No tldr, and a body of only headings, HTML comments, empty and label-only
    // bullets ("- Memorable quote:"): a note not written yet, which never counts.
    // Known whatever the BodyScan (the body is read only when there is no tldr).
    bool draft = false;
};

// Whether a body line holds something written, for drafts: `in_comment` carries
// an HTML comment that spans lines from one call to the next.
bool line_has_content(const MarkdownLine& line, bool& in_comment);

// Whether the nugget at `index` is in a private block or section.
bool is_private_nugget(const Note& note, std::size_t index);

// The line of a front-matter key; the opening '---' line (1) when the key is absent.
int key_line(const Note& note, std::string_view key);

// "learning" when the note does not say.
std::string effective_kind(const Note& note);

enum class BodyScan { none, sections };

// The outcome of reading one note: the note when it is valid, and its problems
// (errors make it invalid; warnings do not).
struct NoteParse {
    std::optional<Note> note;
    std::vector<Problem> problems;
};

// Parses a whole note's text. `path` is used in problems and stored in the note.
NoteParse parse_note(std::string_view text, const std::string& path,
                     BodyScan scan = BodyScan::sections);

// Reads a note from disk without keeping its body: the front matter, and with
// BodyScan::sections the headings and nuggets, streamed line by line. Refuses
// anything that is not a regular file (a FIFO, a device, a symlink).
NoteParse load_note(const std::string& file, const std::string& path, BodyScan scan);

// load_note that also gives the status of the file as opened, before it is
// read (st_mode is 0 when it could not be opened).
NoteParse load_note(const std::string& file, const std::string& path, BodyScan scan,
                    struct stat& info);

// The note as text: front matter in a stable key order, free text double-quoted,
// then `body` unchanged.
std::string write_note(const Note& note, std::string_view body);

// "Jo Smith (end user)" -> {Jo Smith, end user}.
Interviewee parse_interviewee(std::string_view text);

// The reverse: "Jo Smith (end user)", or the name or role alone when the other is empty.
std::string format_interviewee(const Interviewee& person);

} // namespace pmi
