#include "core/share.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include "core/fields.hpp"
#include "core/markdown.hpp"
#include "core/note.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

bool mentions_private(std::string_view text) {
    return util::to_lower_ascii(text).find("private") != std::string::npos;
}

// "private" followed by the end, a space or ':' (a reason may follow).
bool is_private_word(std::string_view text) {
    return util::starts_with_ci(text, "private") &&
           (text.size() == 7 || util::is_blank(text[7]) || text[7] == ':' || text[7] == '\n');
}

enum class CommentKind { ordinary, open_private, close_private, malformed };

CommentKind comment_kind(std::string_view content) {
    const std::string_view text = util::trim(content);
    if (is_private_word(text))
        return CommentKind::open_private;
    if (!text.empty() && text[0] == '/' && is_private_word(util::trim(text.substr(1))))
        return CommentKind::close_private;
    return mentions_private(text) ? CommentKind::malformed : CommentKind::ordinary;
}

// Decodes "&#80;" and "&#x50;" for ASCII letters, so "P&#114;ivate" reads as a word.
std::string decode_letter_references(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 2) == "&#") {
            const bool hex = i + 2 < text.size() && (text[i + 2] == 'x' || text[i + 2] == 'X');
            std::size_t at = i + (hex ? 3 : 2);
            long value = 0;
            const std::size_t digits_start = at;
            while (at < text.size() && at - digits_start < 8 &&
                   std::isxdigit(static_cast<unsigned char>(text[at])) &&
                   (hex || (text[at] >= '0' && text[at] <= '9'))) {
                const char c =
                    static_cast<char>(std::tolower(static_cast<unsigned char>(text[at])));
                value = value * (hex ? 16 : 10) + (c <= '9' ? c - '0' : c - 'a' + 10);
                ++at;
            }
            if (at > digits_start && at < text.size() && text[at] == ';' && value < 128 &&
                util::is_ascii_letter(static_cast<char>(value))) {
                out += static_cast<char>(value);
                i = at;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// The ASCII words of a title, lowercase; HTML tags are left out.
std::vector<std::string> title_words(std::string_view title) {
    const std::string text = decode_letter_references(title);
    std::vector<std::string> words;
    std::string word;
    bool in_tag = false;
    for (const char c : text) {
        if (c == '<')
            in_tag = true;
        if (!in_tag && util::is_ascii_letter(c)) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (c == '>')
            in_tag = false;
        if (!word.empty())
            words.push_back(std::move(word));
        word.clear();
    }
    if (!word.empty())
        words.push_back(std::move(word));
    return words;
}

// Text outside HTML comments, line by line; comments may span lines. Follows
// the private markers and reports every marker it cannot be sure of.
class CommentFilter {
  public:
    explicit CommentFilter(std::vector<RedactionError>& errors) : errors_(errors) {}

    // The part of `line` to keep; `touched` when a comment or private text was removed.
    std::string line(std::string_view text, int number, bool& touched) {
        std::string kept;
        touched = false;
        std::size_t at = 0;
        while (at < text.size()) {
            if (in_comment_) {
                const auto close = text.find("-->", at);
                touched = true;
                content_.append(
                    text.substr(at, close == std::string_view::npos ? text.npos : close - at));
                if (close == std::string_view::npos) {
                    content_ += '\n';
                    return kept;
                }
                in_comment_ = false;
                end_comment();
                at = close + 3;
                continue;
            }
            const auto open = text.find("<!--", at);
            const std::size_t end = open == std::string_view::npos ? text.size() : open;
            if (private_line_ == 0)
                kept.append(text.substr(at, end - at));
            else if (end > at)
                touched = true;
            if (open == std::string_view::npos)
                break;
            touched = true;
            in_comment_ = true;
            comment_line_ = number;
            content_.clear();
            at = open + 4;
        }
        if (in_comment_)
            content_ += '\n';
        if (in_comment_ || private_line_ != 0)
            touched = true;
        return kept;
    }

    void finish() {
        if (in_comment_)
            error(comment_line_,
                  "a comment '<!--' is never closed by '-->'; share cannot tell what it hides");
        else if (private_line_ != 0)
            error(private_line_, "<!-- private --> is never closed by <!-- /private -->");
    }

  private:
    void end_comment() {
        switch (comment_kind(content_)) {
        case CommentKind::ordinary: return;
        case CommentKind::open_private:
            if (private_line_ != 0)
                error(comment_line_,
                      fmt::format("<!-- private --> inside the private block opened on line {}; "
                                  "share cannot tell where each ends",
                                  private_line_));
            else
                private_line_ = comment_line_;
            return;
        case CommentKind::close_private:
            if (private_line_ == 0)
                error(comment_line_, "<!-- /private --> without an opening <!-- private -->");
            private_line_ = 0;
            return;
        case CommentKind::malformed:
            error(comment_line_, "a comment mentions 'private' but is neither <!-- private --> "
                                 "nor <!-- /private -->; share cannot tell what it marks");
            return;
        }
    }

    void error(int line, std::string message) { errors_.push_back({line, std::move(message)}); }

    std::vector<RedactionError>& errors_;
    bool in_comment_ = false;
    int comment_line_ = 0;
    std::string content_;
    int private_line_ = 0; // where the open private block started; 0 outside
};

// Whether what is left of a line after removing a comment says nothing:
// blank, or only a list marker or quote signs.
bool is_empty_remnant(std::string_view text) {
    text = util::trim(text);
    while (!text.empty() && (text.front() == '>' || util::is_blank(text.front())))
        text.remove_prefix(1);
    if (text.empty() || text == "-" || text == "*" || text == "+")
        return true;
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    return digits > 0 && digits + 1 == text.size() && (text.back() == '.' || text.back() == ')');
}

// Leaves out private sections of the lines that survive the comment filter.
class SectionFilter {
  public:
    explicit SectionFilter(std::vector<RedactionError>& errors) : errors_(errors) {}

    void line(std::string_view text, int number) {
        const MarkdownLine& line = scanner_.scan(text, number);
        if (line.too_deep && private_level_ == 0 && !too_deep_reported_) {
            error(number, "quotes and lists nested this deep are not read; share cannot tell "
                          "what is private in them");
            too_deep_reported_ = true;
        }
        if (line.kind == LineKind::heading && heading(line))
            return;
        if (line.kind == LineKind::fence)
            fence_private_line_ = 0;
        if (line.kind == LineKind::code && private_level_ == 0 && fence_private_line_ == 0 &&
            mentions_private(text))
            fence_private_line_ = number;
        if (private_level_ != 0)
            return;
        emit(text, line);
    }

    std::string finish() {
        if (scanner_.in_fence() && fence_private_line_ != 0)
            error(scanner_.fence_line(),
                  fmt::format("this code block is never closed and holds 'private' (line {}); "
                              "share cannot tell where the code ends",
                              fence_private_line_));
        while (out_.size() >= 2 && out_.compare(out_.size() - 2, 2, "\n\n") == 0)
            out_.pop_back();
        if (out_ == "\n")
            out_.clear();
        return std::move(out_);
    }

  private:
    // Starts or ends private sections; true when the line is dropped.
    bool heading(const MarkdownLine& line) {
        const HeadingClass kind = classify_heading(line.title);
        if (line.nested()) {
            if (private_level_ == 0 && kind != HeadingClass::plain)
                error(line.title_line,
                      fmt::format("heading '{}' inside a block quote or list item; share only "
                                  "treats top-level headings as private sections",
                                  line.title));
            return private_level_ != 0;
        }
        if (private_level_ != 0 && line.setext && line.level <= private_level_) {
            error(line.title_line,
                  fmt::format("the text of a setext heading (underlined on line {}) starts in "
                              "the private section of line {}; share cannot tell whether it "
                              "ends the section: write it as an ATX heading ('## …')",
                              line.number, private_line_));
            return true;
        }
        if (private_level_ != 0 && line.level <= private_level_)
            private_level_ = 0;
        if (private_level_ != 0)
            return true;
        if (kind == HeadingClass::unclear)
            error(line.title_line,
                  fmt::format("heading '{}' mentions 'private' but does not start with it; "
                              "share cannot tell whether its section is private",
                              line.title));
        if (kind != HeadingClass::private_)
            return false;
        private_level_ = line.level;
        private_line_ = line.title_line;
        if (line.setext && !retract_paragraph(line.title_line))
            error(line.title_line, "cannot take back the text of this private heading");
        return true;
    }

    // Takes back the emitted lines of a paragraph that turned out to be a private
    // heading; false when they are not all there to take back.
    bool retract_paragraph(int first_line) {
        const auto mark = std::find_if(paragraph_.begin(), paragraph_.end(),
                                       [&](const Mark& m) { return m.number == first_line; });
        if (mark == paragraph_.end())
            return false;
        out_.resize(mark->offset);
        last_blank_ = mark->last_blank;
        paragraph_.clear();
        return true;
    }

    void emit(std::string_view text, const MarkdownLine& line) {
        if (line.kind == LineKind::text)
            paragraph_.push_back({line.number, out_.size(), last_blank_});
        else
            paragraph_.clear();
        const bool blank = line.kind == LineKind::blank && util::trim(text).empty();
        if (blank && (out_.empty() || last_blank_))
            return;
        out_.append(blank ? std::string_view() : text);
        out_ += '\n';
        last_blank_ = blank;
    }

    void error(int line, std::string message) { errors_.push_back({line, std::move(message)}); }

    struct Mark {
        int number = 0;
        std::size_t offset = 0;
        bool last_blank = false;
    };

    std::vector<RedactionError>& errors_;
    MarkdownScanner scanner_;
    std::string out_;
    std::vector<Mark> paragraph_;
    bool last_blank_ = false;
    int private_level_ = 0;
    int private_line_ = 0;
    int fence_private_line_ = 0;
    bool too_deep_reported_ = false;
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
    const std::string lower = util::to_lower_ascii(key);
    return std::any_of(omit.begin(), omit.end(), [&](const std::string& name) {
        return util::to_lower_ascii(util::trim(name)) == lower;
    });
}

} // namespace

HeadingClass classify_heading(std::string_view title) {
    const std::vector<std::string> words = title_words(title);
    if (words.empty())
        return HeadingClass::plain;
    if (words.front() == "private")
        return HeadingClass::private_;
    if (std::find(words.begin(), words.end(), "private") != words.end())
        return HeadingClass::unclear;
    // A word cut by an invisible character or marks: "Pri\u200Bvate", "P-R-I-V-A-T-E".
    std::string letters;
    for (const auto& word : words) {
        letters += word;
        if (letters.size() >= 7)
            break;
    }
    if (words.front().size() < 7 && letters.rfind("private", 0) == 0)
        return HeadingClass::unclear;
    return HeadingClass::plain;
}

Redacted redact_body(std::string_view body, int first_line) {
    Redacted result;
    CommentFilter comments(result.errors);
    SectionFilter sections(result.errors);
    int number = first_line - 1;
    std::size_t at = 0;
    while (at < body.size()) {
        const auto newline = body.find('\n', at);
        const std::size_t end = newline == std::string_view::npos ? body.size() : newline;
        std::string_view text = body.substr(at, end - at);
        at = end + 1;
        ++number;
        if (!text.empty() && text.back() == '\r')
            text.remove_suffix(1);
        bool touched = false;
        std::string kept = comments.line(text, number, touched);
        if (touched) {
            if (is_empty_remnant(kept))
                continue;
            while (!kept.empty() && util::is_blank(kept.back()))
                kept.pop_back();
        }
        sections.line(kept, number);
    }
    comments.finish();
    result.body = sections.finish();
    if (!result.errors.empty())
        result.body.clear();
    std::stable_sort(
        result.errors.begin(), result.errors.end(),
        [](const RedactionError& a, const RedactionError& b) { return a.line < b.line; });
    return result;
}

SharedNote share_note(std::string_view text, const std::string& path,
                      const std::vector<std::string>& omit, std::vector<Problem>& problems) {
    NoteParse parse = parse_note(text, path, BodyScan::none);
    problems.insert(problems.end(), parse.problems.begin(), parse.problems.end());
    std::size_t offset = 0;
    int first_line = 0;
    if (!parse.note || !find_body(text, offset, first_line))
        return {};
    const Redacted redacted = redact_body(text.substr(offset), first_line);
    for (const auto& error : redacted.errors)
        problems.push_back({path, error.line, Severity::error, error.message});
    if (!redacted.errors.empty())
        return {ShareStatus::refused, {}};

    Note note = std::move(*parse.note);
    for (const auto& field : note_fields)
        if (omits(omit, field.key))
            clear_field(note, field); // a date is removed from the text below
    std::erase_if(note.extra, [&](const ExtraField& field) { return omits(omit, field.key); });

    std::string out = write_note(note, redacted.body);
    if (omits(omit, "date")) {
        const auto at = out.find("\ndate: ");
        if (at != std::string::npos)
            out.erase(at + 1, out.find('\n', at + 1) - at);
    }
    out.insert(4, std::string(shared_copy_marker) + "\n");
    return {ShareStatus::shared, std::move(out)};
}

bool is_shared_copy(std::string_view text) {
    const auto first = text.find('\n');
    if (first == std::string_view::npos || util::trim(text.substr(0, first)) != "---")
        return false;
    const std::string_view rest = text.substr(first + 1);
    return rest.substr(0, rest.find('\n')) == shared_copy_marker;
}

} // namespace pmi
