#include "core/share.hpp"

#include <algorithm>

#include "core/fields.hpp"
#include "core/markdown.hpp"
#include "core/note.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

struct Marker {
    std::size_t begin = std::string_view::npos;
    std::size_t end = std::string_view::npos;
};

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

// The first <!-- private --> (or, with `closing`, <!-- /private -->) at or after `from`.
Marker find_marker(std::string_view line, std::size_t from, bool closing) {
    for (std::size_t at = line.find("<!--", from); at != std::string_view::npos;
         at = line.find("<!--", at + 1)) {
        std::size_t i = at + 4;
        while (i < line.size() && is_space(line[i]))
            ++i;
        if (closing) {
            if (i >= line.size() || line[i] != '/')
                continue;
            ++i;
            while (i < line.size() && is_space(line[i]))
                ++i;
        }
        if (!util::starts_with_ci(line.substr(i), "private"))
            continue;
        i += 7;
        while (i < line.size() && is_space(line[i]))
            ++i;
        if (line.substr(i).rfind("-->", 0) == 0)
            return {at, i + 3};
    }
    return {};
}

bool is_private_title(std::string_view title) {
    if (!util::starts_with_ci(title, "private"))
        return false;
    return title.size() == 7 || title[7] == ' ' || title[7] == ':' || title[7] == '(';
}

// Whether what is left of a line after removing a private block says nothing:
// blank, or only a list marker or quote signs.
bool is_empty_remnant(std::string_view text) {
    text = util::trim(text);
    while (!text.empty() && (text.front() == '>' || is_space(text.front())))
        text.remove_prefix(1);
    if (text.empty() || text == "-" || text == "*" || text == "+")
        return true;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    return digits > 0 && digits + 1 == text.size() && (text.back() == '.' || text.back() == ')');
}

class Redactor {
  public:
    explicit Redactor(int first_line) : line_number_(first_line - 1) {}

    void line(std::string_view text) {
        ++line_number_;
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        std::string kept;
        const bool touched = strip_blocks(text, kept);
        if (touched) {
            if (is_empty_remnant(kept))
                return;
            while (!kept.empty() && is_space(kept.back()))
                kept.pop_back();
        }
        std::string_view title;
        if (const int level = heading_level(kept, title)) {
            // A private heading counts even inside a code fence (one left open would
            // otherwise hide it); headings that end a private section must be real.
            if (!in_fence_ && private_level_ && level <= private_level_)
                private_level_ = 0;
            if (!private_level_ && is_private_title(title)) {
                private_level_ = level;
                in_fence_ = false;
                return;
            }
        }
        if (is_code_fence(kept))
            in_fence_ = !in_fence_;
        if (private_level_)
            return;
        emit(kept);
    }

    Redacted finish() {
        while (!out_.body.empty() && out_.body.size() >= 2 &&
               out_.body.compare(out_.body.size() - 2, 2, "\n\n") == 0)
            out_.body.pop_back();
        if (out_.body == "\n")
            out_.body.clear();
        if (in_block_)
            out_.unclosed_line = block_line_;
        return std::move(out_);
    }

  private:
    // Copies to `kept` what lies outside private blocks; true if the line had a marker.
    bool strip_blocks(std::string_view text, std::string& kept) {
        bool touched = false;
        std::size_t at = 0;
        while (at <= text.size()) {
            if (in_block_) {
                const Marker close = find_marker(text, at, true);
                if (close.begin == std::string_view::npos)
                    return true;
                touched = true;
                in_block_ = false;
                at = close.end;
                continue;
            }
            const Marker open = find_marker(text, at, false);
            const Marker stray = find_marker(text, at, true);
            if (stray.begin != std::string_view::npos &&
                (open.begin == std::string_view::npos || stray.begin < open.begin)) {
                kept.append(text.substr(at, stray.begin - at));
                touched = true;
                at = stray.end;
                continue;
            }
            if (open.begin == std::string_view::npos) {
                kept.append(text.substr(at));
                return touched;
            }
            kept.append(text.substr(at, open.begin - at));
            touched = true;
            in_block_ = true;
            block_line_ = line_number_;
            at = open.end;
        }
        return touched;
    }

    void emit(std::string_view text) {
        const bool blank = util::trim(text).empty();
        if (blank && !in_fence_ && (out_.body.empty() || last_blank_))
            return;
        out_.body.append(blank && !in_fence_ ? std::string_view() : text);
        out_.body += '\n';
        last_blank_ = blank && !in_fence_;
    }

    Redacted out_;
    int line_number_;
    int private_level_ = 0;
    bool in_block_ = false;
    int block_line_ = 0;
    bool in_fence_ = false;
    bool last_blank_ = false;
};

bool is_front_matter_fence(std::string_view line) {
    return util::trim(line) == "---";
}

// Splits off the body: its offset in `text` and its first line number; false when the
// text has no closed front matter.
bool find_body(std::string_view text, std::size_t& offset, int& first_line) {
    std::size_t at = 0;
    int number = 0;
    while (at < text.size()) {
        const auto newline = text.find('\n', at);
        const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        std::string_view line = text.substr(at, end - at);
        ++number;
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.remove_prefix(3);
        at = newline == std::string_view::npos ? text.size() : newline + 1;
        if (number == 1 && !is_front_matter_fence(line))
            return false;
        if (number > 1 && (is_front_matter_fence(line) || util::trim(line) == "...")) {
            offset = at;
            first_line = number + 1;
            return true;
        }
    }
    return false;
}

bool omits(const std::vector<std::string>& omit, std::string_view key) {
    return std::find(omit.begin(), omit.end(), key) != omit.end();
}

} // namespace

Redacted redact_body(std::string_view body, int first_line) {
    Redactor redactor(first_line);
    std::size_t at = 0;
    while (at < body.size()) {
        const auto newline = body.find('\n', at);
        const std::size_t end = newline == std::string_view::npos ? body.size() : newline;
        redactor.line(body.substr(at, end - at));
        at = end + 1;
    }
    return redactor.finish();
}

std::optional<std::string> share_note(std::string_view text, const std::string& path,
                                      const std::vector<std::string>& omit,
                                      std::vector<Problem>& problems) {
    NoteParse parse = parse_note(text, path, BodyScan::none);
    problems.insert(problems.end(), parse.problems.begin(), parse.problems.end());
    std::size_t offset = 0;
    int first_line = 0;
    if (!parse.note || !find_body(text, offset, first_line))
        return std::nullopt;
    Note note = std::move(*parse.note);
    for (const auto& field : note_fields)
        if (omits(omit, field.key))
            clear_field(note, field); // a date is removed from the text below
    std::erase_if(note.extra, [&](const ExtraField& field) { return omits(omit, field.key); });

    Redacted redacted = redact_body(text.substr(offset), first_line);
    if (redacted.unclosed_line)
        problems.push_back({path, redacted.unclosed_line, Severity::warning,
                            "<!-- private --> is never closed by <!-- /private -->; left out "
                            "everything to the end of the note"});
    std::string out = write_note(note, redacted.body);
    if (omits(omit, "date")) {
        const auto at = out.find("\ndate: ");
        if (at != std::string::npos)
            out.erase(at + 1, out.find('\n', at + 1) - at);
    }
    return out;
}

} // namespace pmi
