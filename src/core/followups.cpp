#include "core/followups.hpp"

#include <algorithm>
#include <fstream>

#include "core/markdown.hpp"
#include "core/share.hpp"
#include "core/summary.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

std::string ascii_letters(std::string_view text) {
    std::string letters;
    for (const char c : text)
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letters += static_cast<char>(c | 0x20);
    return letters;
}

} // namespace

bool is_followups_heading(std::string_view title, bool& private_) {
    const std::string letters = ascii_letters(title);
    private_ = classify_heading(title) == HeadingClass::private_;
    const std::string_view rest =
        private_ ? std::string_view(letters).substr(std::min<std::size_t>(7, letters.size()))
                 : std::string_view(letters);
    return rest.starts_with("followup");
}

bool strip_task_box(std::string_view& text, bool& done) {
    done = false;
    if (text.size() < 3 || text[0] != '[' || text[2] != ']' ||
        (text.size() > 3 && text[3] != ' ' && text[3] != '\t'))
        return false;
    if (text[1] != ' ' && text[1] != 'x' && text[1] != 'X')
        return false;
    done = text[1] != ' ';
    text = util::trim(text.substr(3));
    return true;
}

std::vector<FollowUp> scan_followups(std::istream& in) {
    std::vector<FollowUp> items;
    BodyLines lines(in);
    MarkdownScanner scanner;
    HtmlComments comments;
    std::string text;
    int number = 0;
    bool in_section = false;
    bool private_section = false;
    int private_subsection = 0; // the level of a private heading inside the section
    while (lines.next(text, number)) {
        const bool started_in_comment = comments.in_comment();
        comments.line(text);
        const MarkdownLine& line = scanner.scan(text, number);
        if (line.kind == LineKind::heading && !line.nested()) {
            if (line.level <= 2) {
                in_section = line.level == 2 && is_followups_heading(line.title, private_section);
                private_subsection = 0;
            } else if (private_subsection != 0 && line.level <= private_subsection) {
                private_subsection = 0;
            }
            if (line.level > 2 && private_subsection == 0 &&
                classify_heading(line.title) == HeadingClass::private_)
                private_subsection = line.level;
            continue;
        }
        if (!in_section || !line.item_start || line.list_depth != 1 || line.quote_depth != 0 ||
            started_in_comment || !util::is_valid_utf8(line.item))
            continue;
        const std::string visible = without_html_comments(line.item);
        std::string_view item = visible;
        FollowUp followup;
        strip_task_box(item, followup.done);
        if (item.empty())
            continue;
        followup.text = util::one_line(item);
        followup.private_ =
            private_section || private_subsection != 0 || comments.touched_private();
        followup.line = number;
        items.push_back(std::move(followup));
    }
    return items;
}

FollowUps gather_followups(const std::vector<Note>& notes, const Config& config, DoneItems done,
                           std::vector<Problem>& problems) {
    std::vector<const Note*> ordered;
    for (const auto& note : notes)
        ordered.push_back(&note);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Note* a, const Note* b) { return earlier_in_digest(*a, *b); });
    FollowUps result;
    result.all = done == DoneItems::show;
    for (const Note* note : ordered) {
        std::ifstream in(config.root / note->path, std::ios::binary);
        if (!in) {
            problems.push_back({note->path, 0, Severity::error, "cannot read the note"});
            continue;
        }
        for (auto& item : scan_followups(in)) {
            if (item.done && done == DoneItems::hide)
                continue;
            result.entries.push_back(
                {std::move(item), note->customer, note->pm, note->product, note->date, note->path});
        }
    }
    return result;
}

} // namespace pmi
