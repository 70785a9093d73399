#include "util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>

namespace util {

std::string_view trim(std::string_view text) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

static char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string one_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : trim(text)) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (lower(text[i]) != lower(prefix[i]))
            return false;
    return true;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += separator;
        out += parts[i];
    }
    return out;
}

// Folds the Latin-1 Supplement and Latin Extended-A letters to ASCII.
static std::string_view fold_accent(char32_t cp) {
    static constexpr std::string_view latin1 =
        "aaaaaaaceeeeiiiidnooooo/ouuuuyts"  // U+00C0..U+00DF (lowercased)
        "aaaaaaaceeeeiiiidnooooo/ouuuuyty"; // U+00E0..U+00FF
    if (cp >= 0xC0 && cp <= 0xFF) {
        if (cp == 0xC6 || cp == 0xE6)
            return "ae";
        if (cp == 0xDF)
            return "ss";
        if (cp == 0xD7 || cp == 0xF7)
            return "";
        return latin1.substr(cp - 0xC0, 1);
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        static constexpr std::string_view extended_a =
            "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
            "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
        if (cp == 0x152 || cp == 0x153)
            return "oe";
        const auto index = cp - 0x100;
        if (index < extended_a.size())
            return extended_a.substr(index, 1);
    }
    return "";
}

bool is_invisible_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    if (lead < 0x80) {
        cp = lead;
        return 1;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        cp = lead & 0x07;
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    const bool overlong =
        (length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return length;
}

// Non-ASCII code points that are not letters of a script: punctuation,
// spaces, symbols, emoji, format and private-use characters. They separate
// words in a slug; every other code point above Latin is kept as written.
static bool is_symbol_or_format(char32_t cp) {
    static constexpr std::pair<char32_t, char32_t> ranges[] = {
        {0x80, 0xBF},       {0x2000, 0x2BFF},   {0x3000, 0x303F},   {0xE000, 0xF8FF},
        {0xFE00, 0xFE1F},   {0xFE30, 0xFE6F},   {0xFEFF, 0xFEFF},   {0xFF00, 0xFF0F},
        {0xFF1A, 0xFF20},   {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},   {0xFFF0, 0xFFFF},
        {0x1F000, 0x1FAFF}, {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF}};
    for (const auto& [first, last] : ranges)
        if (cp >= first && cp <= last)
            return true;
    return false;
}

static bool is_combining_accent(char32_t cp) {
    return cp >= 0x300 && cp <= 0x36F;
}

std::string slugify(std::string_view text) {
    std::string slug;
    bool pending_dash = false;
    bool full = false;
    // Adds one letter (a byte, or the bytes of one code point) unless the slug
    // would pass max_slug_bytes: it is cut between letters, never in one.
    const auto add = [&](std::string_view letter) {
        const std::size_t dash = pending_dash && !slug.empty() ? 1 : 0;
        if (full || slug.size() + dash + letter.size() > max_slug_bytes) {
            full = true;
            return;
        }
        if (dash)
            slug += '-';
        pending_dash = false;
        slug += letter;
    };
    const auto add_ascii = [&](std::string_view piece) {
        if (piece.empty())
            pending_dash = true;
        for (char c : piece) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                add(std::string_view(&c, 1));
            else
                pending_dash = true;
        }
    };
    for (std::size_t i = 0; i < text.size() && !full;) {
        char32_t cp = 0;
        std::size_t length = decode_utf8(text, i, cp);
        if (length == 0) {
            length = 1;
            cp = 0xFFFD;
        }
        if (cp < 0x80) {
            const char c = lower(static_cast<char>(cp));
            add_ascii(std::string_view(&c, 1));
        } else if (cp < 0x180) {
            add_ascii(fold_accent(cp));
        } else if (is_combining_accent(cp)) {
            // An accent written apart from its letter ("e" + U+0301): dropped, as folded ones are.
        } else if (is_symbol_or_format(cp)) {
            pending_dash = true;
        } else {
            add(text.substr(i, length));
        }
        i += length;
    }
    return slug;
}

std::string tag_key(std::string_view tag) {
    std::string key;
    for (char c : tag)
        if (c != ' ' && c != '-' && c != '_' && c != '.')
            key += lower(c);
    return key;
}

namespace {

// Letters of other scripts that look like a Latin letter, and that letter.
struct Lookalike {
    char32_t cp;
    char latin;
};
constexpr Lookalike lookalikes[] = {
    {0x0131, 'i'}, {0x0251, 'a'}, {0x0261, 'g'}, {0x0391, 'a'}, {0x0392, 'b'}, {0x0395, 'e'},
    {0x0396, 'z'}, {0x0397, 'h'}, {0x0399, 'i'}, {0x039A, 'k'}, {0x039C, 'm'}, {0x039D, 'n'},
    {0x039F, 'o'}, {0x03A1, 'p'}, {0x03A4, 't'}, {0x03A5, 'y'}, {0x03A7, 'x'}, {0x03B1, 'a'},
    {0x03B5, 'e'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'},
    {0x03C5, 'u'}, {0x03C7, 'x'}, {0x0405, 's'}, {0x0406, 'i'}, {0x0408, 'j'}, {0x0410, 'a'},
    {0x0412, 'b'}, {0x0415, 'e'}, {0x041A, 'k'}, {0x041C, 'm'}, {0x041D, 'h'}, {0x041E, 'o'},
    {0x0420, 'p'}, {0x0421, 'c'}, {0x0422, 't'}, {0x0423, 'y'}, {0x0425, 'x'}, {0x0430, 'a'},
    {0x0435, 'e'}, {0x043A, 'k'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
    {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04AF, 'y'}, {0x04BB, 'h'},
    {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'}, {0x051D, 'w'},
};

char lookalike_latin(char32_t cp) {
    const auto found =
        std::lower_bound(std::begin(lookalikes), std::end(lookalikes), cp,
                         [](const Lookalike& entry, char32_t value) { return entry.cp < value; });
    return found != std::end(lookalikes) && found->cp == cp ? found->latin : '\0';
}

// Characters that show as nothing or as a space or dash: no-break and other
// spaces, soft hyphen, zero-width characters, dashes and the minus sign.
bool invisible_or_separator(char32_t cp) {
    return cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x2015) || cp == 0x202F ||
           cp == 0x205F || cp == 0x2060 || cp == 0x2212 || cp == 0x3000 || cp == 0xFEFF;
}

// The ASCII character a fullwidth form (U+FF01..U+FF5E) stands for, else 0.
char fullwidth_ascii(char32_t cp) {
    return cp >= 0xFF01 && cp <= 0xFF5E ? static_cast<char>(cp - 0xFEE0) : '\0';
}

} // namespace

std::string lookalike_key(std::string_view tag) {
    std::string folded;
    for (std::size_t i = 0; i < tag.size();) {
        char32_t cp = 0;
        const std::size_t length = decode_utf8(tag, i, cp);
        if (length == 0) {
            folded += tag[i++];
            continue;
        }
        if (const char latin = cp < 0x80 ? static_cast<char>(cp) : lookalike_latin(cp))
            folded += latin;
        else if (const char ascii = fullwidth_ascii(cp))
            folded += ascii;
        else if (invisible_or_separator(cp))
            folded += ' ';
        else if (const std::string_view plain = fold_accent(cp); !plain.empty() && plain != "/")
            folded += plain;
        else
            folded.append(tag.substr(i, length));
        i += length;
    }
    return tag_key(folded);
}

bool has_lookalike_letters(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t length = decode_utf8(text, i, cp);
        if (length == 0)
            return false;
        if (cp >= 0x80 &&
            (lookalike_latin(cp) || fullwidth_ascii(cp) || invisible_or_separator(cp)))
            return true;
        i += length;
    }
    return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::size_t damerau_distance(std::string_view a, std::string_view b) {
    // Three rows: a transposition looks two rows back.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates,
                          std::size_t max_distance) {
    const std::string lowered = to_lower_ascii(word);
    std::string best;
    std::size_t best_distance = max_distance + 1;
    for (const auto& candidate : candidates) {
        const std::size_t distance = damerau_distance(lowered, to_lower_ascii(candidate));
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t length = decode_utf8(text, i, cp);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++width;
    return width;
}

std::optional<long> parse_long(std::string_view text) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace util
