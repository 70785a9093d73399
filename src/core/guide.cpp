#include "core/guide.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "core/lint.hpp"
#include "core/markdown.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

constexpr std::string_view leading_phrases[] = {
    "don't you think", "don't you agree", "wouldn't it be", "wouldn't you",
    "isn't it",        "aren't you",      "surely",         "right?",
};

constexpr std::string_view hypothetical_phrases[] = {
    "would you use",  "would you pay",  "would you buy", "would you switch",
    "would you like", "would you want", "will you",      "if we built",
    "if we made",     "if we added",    "if there were", "how much would you",
};

constexpr std::string_view closed_starts[] = {
    "do",      "does",  "did",      "is",      "are",     "was",    "were",
    "can",     "could", "would",    "will",    "have",    "has",    "should",
    "shall",   "am",    "don't",    "doesn't", "didn't",  "aren't", "wasn't",
    "weren't", "can't", "couldn't", "won't",   "haven't", "hasn't", "shouldn't",
};

constexpr std::string_view question_words[] = {"how",  "what",  "who",   "whom", "whose", "why",
                                               "when", "where", "which", "do",   "does",  "did"};

// Open wrap-ups that start like a closed question but invite anything.
constexpr std::string_view wrap_up_phrases[] = {"is there anything else", "anything else i should"};

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

// Lowercase, with typographic apostrophes made straight.
std::string normalized(std::string_view text) {
    const std::string lowered = util::to_lower_ascii(text);
    const std::string_view apostrophe = "\xE2\x80\x99";
    std::string out;
    out.reserve(lowered.size());
    for (std::size_t i = 0; i < lowered.size();) {
        if (std::string_view(lowered).substr(i, 3) == apostrophe) {
            out += '\'';
            i += 3;
        } else {
            out += lowered[i++];
        }
    }
    return out;
}

// The first occurrence of `phrase` in `text` starting and ending at word boundaries.
bool has_phrase(const std::string& text, std::string_view phrase) {
    for (std::size_t at = text.find(phrase); at != std::string::npos;
         at = text.find(phrase, at + 1)) {
        const std::size_t end = at + phrase.size();
        const bool starts = at == 0 || !is_word_char(text[at - 1]);
        const bool ends =
            !is_word_char(phrase.back()) || end == text.size() || !is_word_char(text[end]);
        if (starts && ends)
            return true;
    }
    return false;
}

// The text's first word, lowercase, without leading emphasis or quotes.
std::string first_word(const std::string& lower, std::size_t& end) {
    std::size_t begin = 0;
    while (begin < lower.size() && !is_word_char(lower[begin]))
        ++begin;
    end = begin;
    while (end < lower.size() && is_word_char(lower[end]))
        ++end;
    return lower.substr(begin, end - begin);
}

std::string capitalized(std::string_view text) {
    std::string out(util::trim(text));
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string lowered_first(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z' &&
        !(out.size() > 1 && out[1] >= 'A' && out[1] <= 'Z'))
        out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

// Where a second question starts in a sentence with one '?': "and"/"or" (after a comma or
// not) followed by a question word and at least one more word ("…, and how much time would
// it save"); npos when there is none. `lower` is the normalized question.
std::size_t stacked_question_at(const std::string& lower) {
    for (const std::string_view conjunction : {"and ", "or "}) {
        for (std::size_t at = lower.find(conjunction); at != std::string::npos;
             at = lower.find(conjunction, at + 1)) {
            if (at == 0 || is_word_char(lower[at - 1]))
                continue;
            std::size_t word_end = 0;
            const std::string rest = lower.substr(at + conjunction.size());
            const std::string word = first_word(rest, word_end);
            const bool question_word =
                std::find(std::begin(question_words), std::end(question_words), word) !=
                std::end(question_words);
            const std::string_view after = util::trim(std::string_view(rest).substr(word_end));
            if (question_word && !after.empty() && is_word_char(after[0]))
                return at;
        }
    }
    return std::string::npos;
}

// The question without its trailing '?' (and anything after the first one).
std::string_view stem(std::string_view question) {
    const auto mark = question.find('?');
    return util::trim(question.substr(0, mark));
}

// An open rewrite of a closed question where the start is easy to rewrite.
std::string open_rewrite(std::string_view question, const std::string& word, std::size_t word_end) {
    const std::string_view base = stem(question);
    const std::string_view rest = util::trim(base.substr(std::min(word_end, base.size())));
    const bool you = util::starts_with_ci(rest, "you ");
    if ((word == "can" || word == "could") && you)
        return capitalized(rest.substr(4)) + ".";
    if ((word == "have" || word == "has") && you) {
        std::string_view after = util::trim(rest.substr(4));
        if (util::starts_with_ci(after, "ever "))
            after = util::trim(after.substr(5));
        return "Tell me about the last time you " + std::string(after) + ".";
    }
    if (word == "do" || word == "does" || word == "did")
        return "How " + lowered_first(base) + "?";
    if (word == "is" || word == "are" || word == "was" || word == "were")
        return "What…?";
    return "How…?";
}

} // namespace

const char* guide_issue_name(GuideIssue issue) {
    switch (issue) {
    case GuideIssue::closed: return "closed";
    case GuideIssue::leading: return "leading";
    case GuideIssue::hypothetical: return "hypothetical";
    case GuideIssue::double_question: return "double";
    case GuideIssue::empty_goal: return "empty_goal";
    }
    return "closed";
}

std::vector<GuideFinding> lint_question(std::string_view question, int line) {
    std::vector<GuideFinding> findings;
    const std::string text(util::trim(question));
    const std::string lower = normalized(text);
    const auto add = [&](GuideIssue issue, std::string message, std::string suggestion) {
        findings.push_back({line, issue, text, std::move(message), std::move(suggestion)});
    };
    bool flagged = false;
    for (const auto phrase : leading_phrases)
        if (has_phrase(lower, phrase)) {
            add(GuideIssue::leading,
                fmt::format("leading question (\"{}\") suggests the answer", phrase),
                "What do you think about…?");
            flagged = true;
            break;
        }
    for (const auto phrase : hypothetical_phrases)
        if (has_phrase(lower, phrase)) {
            add(GuideIssue::hypothetical,
                fmt::format("hypothetical about the future (\"{}\"); people predict their own "
                            "behaviour badly",
                            phrase),
                "Tell me about the last time you…");
            flagged = true;
            break;
        }
    std::size_t word_end = 0;
    const std::string word = first_word(lower, word_end);
    const bool wrap_up =
        std::any_of(std::begin(wrap_up_phrases), std::end(wrap_up_phrases),
                    [&](std::string_view phrase) { return has_phrase(lower, phrase); });
    if (!flagged && !wrap_up && lower.find('?') != std::string::npos &&
        std::find(std::begin(closed_starts), std::end(closed_starts), word) !=
            std::end(closed_starts)) {
        add(GuideIssue::closed,
            fmt::format("closed question (starts with \"{}\"): invites a yes or no", word),
            open_rewrite(text, word, word_end));
    }
    const auto marks = std::count(text.begin(), text.end(), '?');
    if (marks > 1) {
        add(GuideIssue::double_question, "two questions in one; ask one at a time",
            std::string(stem(text)) + "?");
    } else if (marks == 1) {
        // normalized() keeps ASCII offsets only before a typographic apostrophe: cut the
        // text at the same word count instead of the same byte.
        const std::size_t at = stacked_question_at(lower);
        if (at != std::string::npos) {
            const std::size_t words_before = static_cast<std::size_t>(
                std::count(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(at), ' '));
            std::size_t cut = 0;
            for (std::size_t spaces = 0; cut < text.size() && spaces < words_before; ++cut)
                if (text[cut] == ' ')
                    ++spaces;
            std::string first(util::trim(std::string_view(text).substr(0, cut)));
            while (!first.empty() && (first.back() == ',' || first.back() == ';'))
                first.pop_back();
            add(GuideIssue::double_question,
                "stacked questions: several in one sentence; ask one at a time",
                capitalized(first) + "?");
        }
    }
    return findings;
}

namespace {

// Reads a guide's "## Goal" section: whether it says anything beyond HTML comments.
class GoalSection {
  public:
    void line(const MarkdownLine& line, std::vector<GuideFinding>& findings) {
        if (line.kind == LineKind::heading) {
            finish(findings);
            if (line.level == 2 && is_goal_heading(line.title)) {
                heading_line_ = line.title_line;
                heading_ = std::string(line.title);
                written_ = false;
            }
            return;
        }
        if (heading_line_ == 0 || written_ || line.kind == LineKind::blank)
            return;
        std::string_view rest = util::trim(line.inner);
        while (!rest.empty()) {
            if (in_comment_) {
                const auto close = rest.find("-->");
                in_comment_ = close == std::string_view::npos;
                rest = in_comment_ ? std::string_view{} : util::trim(rest.substr(close + 3));
            } else if (rest.starts_with("<!--")) {
                in_comment_ = true;
                rest = rest.substr(4);
            } else {
                written_ = true;
                return;
            }
        }
    }

    void finish(std::vector<GuideFinding>& findings) {
        if (heading_line_ != 0 && !written_)
            findings.push_back({heading_line_, GuideIssue::empty_goal, "## " + heading_,
                                "empty Goal section (only comments)",
                                "write what these interviews should teach us"});
        heading_line_ = 0;
        in_comment_ = false;
    }

  private:
    int heading_line_ = 0; // the open Goal section's heading; 0 outside one
    std::string heading_;
    bool written_ = false;
    bool in_comment_ = false;
};

} // namespace

std::vector<GuideFinding> lint_guide(std::istream& in, int& questions) {
    std::vector<GuideFinding> findings;
    questions = 0;
    BodyLines lines(in);
    MarkdownScanner scanner;
    GoalSection goal;
    std::string text;
    int number = 0;
    while (lines.next(text, number)) {
        const MarkdownLine& line = scanner.scan(text, number);
        goal.line(line, findings);
        if (!line.item_start || line.kind == LineKind::code || line.kind == LineKind::fence)
            continue;
        std::string_view item = line.item;
        if (item.rfind("[ ] ", 0) == 0 || item.rfind("[x] ", 0) == 0 || item.rfind("[X] ", 0) == 0)
            item = util::trim(item.substr(4));
        if (item.empty())
            continue;
        ++questions;
        for (auto& finding : lint_question(item, number))
            findings.push_back(std::move(finding));
    }
    goal.finish(findings);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const GuideFinding& a, const GuideFinding& b) { return a.line < b.line; });
    return findings;
}

} // namespace pmi
