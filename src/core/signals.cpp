#include "core/signals.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "core/markdown.hpp"
#include "core/tags.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
           c == '\'' || u >= 0x80;
}

// Lowercase words; apostrophes inside a word are kept ("don't"), around it dropped.
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(text[i]))
            ++i;
        std::size_t end = i;
        while (end < text.size() && is_word_byte(text[end]))
            ++end;
        std::string_view word = text.substr(i, end - i);
        while (!word.empty() && word.front() == '\'')
            word.remove_prefix(1);
        while (!word.empty() && word.back() == '\'')
            word.remove_suffix(1);
        if (!word.empty())
            words.push_back(util::to_lower_ascii(word));
        i = end;
    }
    return words;
}

bool word_matches(const std::string& word, std::string_view pattern) {
    if (!pattern.empty() && pattern.back() == '*') {
        pattern.remove_suffix(1);
        return word.size() >= pattern.size() && word.compare(0, pattern.size(), pattern) == 0;
    }
    return word == pattern;
}

bool phrase_in(const std::vector<std::string>& words, const std::string& phrase) {
    std::vector<std::string> parts = util::split(util::to_lower_ascii(phrase), ' ');
    std::erase_if(parts, [](const std::string& part) { return part.empty(); });
    if (parts.empty() || parts.size() > words.size())
        return false;
    for (std::size_t i = 0; i + parts.size() <= words.size(); ++i) {
        bool all = true;
        for (std::size_t j = 0; j < parts.size() && all; ++j)
            all = word_matches(words[i + j], parts[j]);
        if (all)
            return true;
    }
    return false;
}

enum class Section { other, workarounds, terms, emotions };

Section section_of(std::string_view title) {
    if (util::starts_with_ci(title, "workaround"))
        return Section::workarounds;
    if (util::starts_with_ci(title, "their words"))
        return Section::terms;
    if (util::starts_with_ci(title, "emotion"))
        return Section::emotions;
    return Section::other;
}

// Removes HTML comments, which may span lines (`in_comment` carries the state).
std::string strip_comments(std::string_view line, bool& in_comment) {
    std::string out;
    std::size_t at = 0;
    while (at < line.size()) {
        if (in_comment) {
            const auto close = line.find("-->", at);
            if (close == std::string_view::npos)
                return out;
            in_comment = false;
            at = close + 3;
            continue;
        }
        const auto open = line.find("<!--", at);
        if (open == std::string_view::npos) {
            out.append(line.substr(at));
            break;
        }
        out.append(line.substr(at, open - at));
        in_comment = true;
        at = open + 4;
    }
    return out;
}

const std::vector<EmotionWords>& builtin_words() {
    static const std::vector<EmotionWords> words = {
        {"frustration",
         {"frustrat*", "annoy*", "angry", "anger*", "irritat*", "fed up", "hate*", "upset*",
          "furious"}},
        {"confusion",
         {"confus*", "unclear", "lost", "puzzl*", "baffl*", "not sure", "don't understand",
          "not clear"}},
        {"resignation",
         {"resign*", "gave up", "give up", "giving up", "live with", "living with", "used to it",
          "no choice", "nothing we can do"}},
        {"delight",
         {"delight*", "love*", "rave*", "happy", "glad", "excit*", "thrilled", "amaz*",
          "saved my"}},
    };
    return words;
}

} // namespace

std::vector<EmotionWords> emotion_words(const Config& config) {
    std::vector<EmotionWords> words = builtin_words();
    for (const auto& [emotion, extra] : config.emotion_words) {
        const std::string name = util::to_lower_ascii(util::trim(emotion));
        auto found = std::find_if(words.begin(), words.end(),
                                  [&](const EmotionWords& e) { return e.emotion == name; });
        if (found == words.end()) {
            words.push_back({name, {}});
            found = words.end() - 1;
        }
        for (const auto& word : extra)
            if (!util::trim(word).empty())
                found->words.push_back(util::to_lower_ascii(util::trim(word)));
    }
    return words;
}

std::vector<std::size_t> emotions_in(std::string_view line,
                                     const std::vector<EmotionWords>& words) {
    const std::vector<std::string> tokens = words_of(line);
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < words.size(); ++i)
        if (std::any_of(words[i].words.begin(), words[i].words.end(),
                        [&](const std::string& phrase) { return phrase_in(tokens, phrase); }))
            found.push_back(i);
    return found;
}

bool parse_term_line(std::string_view line, TermPair& pair) {
    std::string_view text = list_item_content(line);
    static constexpr std::string_view opens[] = {"\"", "\xE2\x80\x9C"};  // " “
    static constexpr std::string_view closes[] = {"\"", "\xE2\x80\x9D"}; // " ”
    std::size_t open_size = 0;
    for (const auto open : opens)
        if (text.rfind(open, 0) == 0)
            open_size = open.size();
    if (open_size == 0)
        return false;
    text.remove_prefix(open_size);
    std::size_t close = std::string_view::npos;
    std::size_t close_size = 0;
    for (const auto mark : closes) {
        const auto at = text.find(mark);
        if (at < close) {
            close = at;
            close_size = mark.size();
        }
    }
    if (close == std::string_view::npos)
        return false;
    const auto theirs = util::trim(text.substr(0, close));
    auto rest = util::trim(text.substr(close + close_size));
    if (rest.rfind("=", 0) == 0)
        rest.remove_prefix(1);
    else if (rest.rfind("->", 0) == 0)
        rest.remove_prefix(2);
    else if (rest.rfind("\xE2\x86\x92", 0) == 0) // →
        rest.remove_prefix(3);
    else
        return false;
    rest = util::trim(rest);
    if (theirs.empty() || rest.empty())
        return false;
    pair = {std::string(theirs), std::string(rest)};
    return true;
}

NoteSignals scan_signals(std::istream& in, const std::vector<EmotionWords>& words) {
    NoteSignals signals;
    signals.emotions.assign(words.size(), 0);
    BodyLines lines(in);
    MarkdownScanner scanner;
    std::string raw;
    int number = 0;
    bool in_comment = false;
    Section section = Section::other;
    while (lines.next(raw, number)) {
        const std::string text = strip_comments(raw, in_comment);
        const MarkdownLine& line = scanner.scan(text, number);
        if (line.kind == LineKind::code || line.kind == LineKind::fence)
            continue;
        if (line.kind == LineKind::heading) {
            if (!line.nested() && line.level <= 2)
                section = line.level == 2 ? section_of(line.title) : Section::other;
            continue;
        }
        if (section == Section::workarounds) {
            if (line.item_start && !line.item.empty() && util::is_valid_utf8(line.item))
                signals.workarounds.emplace_back(std::string(line.item), number);
        } else if (section == Section::terms) {
            TermPair pair;
            if (util::is_valid_utf8(text) && parse_term_line(text, pair))
                signals.terms.push_back(std::move(pair));
        } else if (section == Section::emotions) {
            for (const std::size_t i : emotions_in(text, words))
                ++signals.emotions[i];
        }
    }
    return signals;
}

Signals combine_signals(const std::vector<Note>& notes, const std::vector<NoteSignals>& scans,
                        const std::vector<EmotionWords>& words) {
    Signals out;
    for (const auto& e : words)
        out.emotions.push_back(e.emotion);

    // Keyed by tag_key; shown by the most used spelling, as themes and TAGS.md do.
    std::map<std::string, std::map<std::string, std::size_t>> spellings;
    for (const auto& note : notes)
        for (const auto& tag : distinct_tags(note))
            ++spellings[util::tag_key(tag)][tag];
    std::map<std::string, std::string> tag_name;
    for (const auto& [key, counts] : spellings)
        tag_name[key] = most_used_spelling(counts);
    const auto name_of = [&](const std::string& key, const std::string& spelling) {
        const auto found = tag_name.find(key);
        return found == tag_name.end() ? spelling : found->second;
    };
    std::map<std::string, std::pair<std::string, std::vector<Workaround>>> by_tag;
    struct Term {
        std::string theirs, ours;
        std::set<std::string> customers;
    };
    std::map<std::pair<std::string, std::string>, Term> terms;
    std::map<std::string, std::vector<int>> product_counts;
    std::map<std::string, std::pair<std::string, std::vector<int>>> tag_counts;

    const auto add_counts = [&](std::vector<int>& into, const std::vector<int>& counts) {
        into.resize(words.size(), 0);
        for (std::size_t i = 0; i < counts.size() && i < into.size(); ++i)
            into[i] += counts[i];
    };
    for (std::size_t n = 0; n < notes.size() && n < scans.size(); ++n) {
        const Note& note = notes[n];
        const NoteSignals& scan = scans[n];
        std::vector<std::pair<std::string, std::string>> tags; // key, spelling
        for (const auto& tag : note.tags)
            tags.emplace_back(util::tag_key(tag), tag);
        if (tags.empty())
            tags.emplace_back("", untagged);
        for (const auto& [text, line] : scan.workarounds)
            for (const auto& [key, spelling] : tags) {
                auto& group = by_tag[key];
                if (group.first.empty())
                    group.first = name_of(key, spelling);
                group.second.push_back(
                    {text, note.customer, note.product, note.date, note.path, line});
            }
        for (const auto& pair : scan.terms) {
            Term& term =
                terms[{util::to_lower_ascii(pair.theirs), util::to_lower_ascii(pair.ours)}];
            if (term.theirs.empty()) {
                term.theirs = pair.theirs;
                term.ours = pair.ours;
            }
            term.customers.insert(note.customer);
        }
        if (std::any_of(scan.emotions.begin(), scan.emotions.end(), [](int c) { return c > 0; })) {
            add_counts(product_counts[note.product], scan.emotions);
            for (const auto& tag : note.tags) {
                const std::string key = util::tag_key(tag);
                auto& row = tag_counts[key];
                if (row.first.empty())
                    row.first = name_of(key, tag);
                add_counts(row.second, scan.emotions);
            }
        }
    }
    std::pair<std::string, std::vector<Workaround>> untagged_group;
    for (auto& [key, group] : by_tag) {
        if (key.empty())
            untagged_group = std::move(group);
        else
            out.workarounds.push_back(std::move(group));
    }
    if (!untagged_group.second.empty())
        out.workarounds.push_back(std::move(untagged_group));
    for (auto& [key, term] : terms)
        out.glossary.push_back(
            {term.theirs, term.ours,
             std::vector<std::string>(term.customers.begin(), term.customers.end())});
    std::stable_sort(out.glossary.begin(), out.glossary.end(),
                     [](const GlossaryEntry& a, const GlossaryEntry& b) {
                         return a.customers.size() > b.customers.size();
                     });
    for (auto& [product, counts] : product_counts)
        out.by_product.push_back({product, std::move(counts)});
    for (auto& [key, row] : tag_counts)
        out.by_tag.push_back({row.first, std::move(row.second)});
    return out;
}

Signals gather_signals(const std::vector<Note>& notes, const Config& config,
                       std::vector<Problem>& problems) {
    const std::vector<EmotionWords> words = emotion_words(config);
    std::vector<Note> kept;
    std::vector<NoteSignals> scans;
    for (const auto& note : notes) {
        std::ifstream in(config.root / note.path, std::ios::binary);
        if (!in) {
            problems.push_back({note.path, 0, Severity::error, "cannot read the note"});
            continue;
        }
        scans.push_back(scan_signals(in, words));
        kept.push_back(note);
    }
    return combine_signals(kept, scans, words);
}

} // namespace pmi
