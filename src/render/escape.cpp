#include "render/escape.hpp"

#include <bit>
#include <cstdio>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/strings.hpp"

namespace pmi::escape {

namespace {

void append_hex(std::string& out, const char* format, unsigned value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, value);
    out += buffer;
}

// Appends `text` with every control shown visibly; `keep` decides for LF and TAB.
// The end of the run of printable ASCII (0x20 to 0x7E) that starts at `i`.
std::size_t printable_run_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    // 16 bytes at a time: a byte is not printable when below 0x20 as a signed
    // char (bytes from 0x80 are negative) or DEL.
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i del = _mm_set1_epi8(0x7F);
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const auto stops = static_cast<unsigned>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmplt_epi8(bytes, space), _mm_cmpeq_epi8(bytes, del))));
        if (stops)
            return i + static_cast<std::size_t>(std::countr_zero(stops));
    }
#endif
    while (i < text.size() && text[i] >= 0x20 && text[i] < 0x7F)
        ++i;
    return i;
}

void append_visible(std::string& out, std::string_view text, Lines lines) {
    for (std::size_t i = 0; i < text.size();) {
        // Printable ASCII, most of any text, is appended a run at a time.
        const std::size_t run = printable_run_end(text, i);
        if (run > i) {
            out.append(text.substr(i, run - i));
            i = run;
            continue;
        }
        char32_t cp = 0;
        const std::size_t length = util::decode_utf8(text, i, cp);
        if (length == 0) {
            append_hex(out, "\\x%02x", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (cp == '\n' || cp == '\t') {
            if (lines == Lines::keep)
                out += static_cast<char>(cp);
            else
                out += cp == '\n' ? "\\n" : "\\t";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp < 0x20 || cp == 0x7F) {
            append_hex(out, "\\x%02x", static_cast<unsigned>(cp));
        } else if ((cp >= 0x80 && cp <= 0x9F) || util::is_invisible_control(cp)) {
            append_hex(out, "\\u%04x", static_cast<unsigned>(cp));
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
}

bool is_word_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || byte >= 0x80;
}

bool blank_or_end(std::string_view text, std::size_t i) {
    return i >= text.size() || text[i] == ' ' || text[i] == '\t';
}

// Whether the text, at the start of a line, would open a block: an ATX
// heading, a list item, a block quote, a thematic break or setext underline.
bool opens_block(std::string_view text) {
    if (text.empty())
        return false;
    if (text[0] == '>')
        return true;
    if (text.find_first_not_of("-=*_ \t") == std::string_view::npos)
        return true; // "---", "===", "* * *"
    if (text[0] == '#') {
        const std::size_t hashes = std::min(text.find_first_not_of('#'), text.size());
        return hashes <= 6 && blank_or_end(text, hashes);
    }
    if (text[0] == '-' || text[0] == '+' || text[0] == '*')
        return blank_or_end(text, 1);
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])))
        ++digits;
    return digits > 0 && digits <= 9 && digits < text.size() &&
           (text[digits] == '.' || text[digits] == ')') && blank_or_end(text, digits + 1);
}

} // namespace

std::string terminal(std::string_view text, Lines lines) {
    std::string out;
    out.reserve(text.size());
    append_visible(out, text, lines);
    return out;
}

void append_terminal(std::string& out, std::string_view text, Lines lines) {
    append_visible(out, text, lines);
}

namespace {

enum class BlockStart { escape, keep };

std::string markdown_escaped(std::string_view raw, BlockStart block_start) {
    const std::string text = terminal(raw, Lines::keep);
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t digits_end = 0;
    if (block_start == BlockStart::escape && opens_block(text)) {
        // Escape the one character that makes it a block: "\#", "\-", "1\.".
        while (digits_end < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[digits_end])))
            ++digits_end;
        out.append(text, 0, digits_end);
        out += '\\';
        out += text[digits_end];
        ++digits_end;
    }
    for (std::size_t i = digits_end; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\n':
        case '\t': out += ' '; break;
        case '\\':
        case '`':
        case '*':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
        case '&':
        case '!':
            out += '\\';
            out += c;
            break;
        case ':':
            // "http://…" would become a link (GFM's extended autolinks).
            if (text.compare(i + 1, 2, "//") == 0)
                out += '\\';
            out += c;
            break;
        case '.':
            // So would "www.…".
            if (i >= 3 && util::to_lower_ascii(text.substr(i - 3, 3)) == "www" &&
                (i == 3 || !is_word_char(text[i - 4])))
                out += '\\';
            out += c;
            break;
        case '_': {
            // Inside a word an underscore is not emphasis; keep snake_case readable.
            const bool inside = i > 0 && i + 1 < text.size() && is_word_char(text[i - 1]) &&
                                is_word_char(text[i + 1]);
            if (!inside)
                out += '\\';
            out += c;
            break;
        }
        default: out += c;
        }
    }
    return out;
}

} // namespace

std::string markdown_inline(std::string_view text) {
    return markdown_escaped(text, BlockStart::escape);
}

std::string markdown_cell(std::string_view text) {
    return markdown_escaped(text, BlockStart::keep);
}

std::string markdown_code(std::string_view raw) {
    std::string text = terminal(raw);
    std::size_t longest = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t run = 0;
        while (i < text.size() && text[i] == '`') {
            ++run;
            ++i;
        }
        longest = std::max(longest, run);
        if (run == 0)
            ++i;
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`' ||
                                       (text.front() == ' ' && text.back() == ' '));
    return fence + (pad ? " " + text + " " : text) + fence;
}

std::string csv_cell(std::string_view raw) {
    std::string text;
    if (!raw.empty() && (raw[0] == '=' || raw[0] == '+' || raw[0] == '-' || raw[0] == '@' ||
                         raw[0] == '\t' || raw[0] == '\r'))
        text += '\'';
    // Keep the cell's own line breaks (quoted below); show other controls.
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t end = raw.find_first_of("\r\n", i);
        append_visible(text, raw.substr(i, end == std::string_view::npos ? end : end - i),
                       Lines::keep);
        if (end == std::string_view::npos)
            break;
        text += raw[end];
        i = end + 1;
    }
    const bool quote = text.find_first_of(",\"\r\n") != std::string::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string xml(std::string_view text) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t length = util::decode_utf8(text, i, cp);
        if (length == 0) {
            out += replacement;
            ++i;
            continue;
        }
        switch (cp) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        case '\t': out += "&#9;"; break;
        default: {
            const bool allowed =
                (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
            // C1 controls are allowed by XML but are terminal controls in a CI log.
            const bool control = cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
            if (allowed && !control)
                out.append(text.substr(i, length));
            else
                out += replacement;
        }
        }
        i += length;
    }
    return out;
}

namespace {

enum class Entities { escape, keep };

// Printable ASCII, TAB and LF, and the entity characters only when they are kept:
// the bytes html_escaped copies as they are.
bool html_plain_byte(char c, Entities entities) {
    if (c == '\t' || c == '\n')
        return true;
    if (c < 0x20 || c >= 0x7F)
        return false;
    return entities == Entities::keep ||
           (c != '&' && c != '<' && c != '>' && c != '"' && c != '\'');
}

std::string html_escaped(std::string_view text, Entities entities) {
    static constexpr std::string_view replacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        // Most of any text is plain: appended a run at a time.
        std::size_t run = i;
        while (run < text.size() && html_plain_byte(text[run], entities))
            ++run;
        if (run > i) {
            out.append(text.substr(i, run - i));
            i = run;
            continue;
        }
        char32_t cp = 0;
        const std::size_t length = util::decode_utf8(text, i, cp);
        if (length == 0) {
            out += replacement;
            ++i;
            continue;
        }
        const char* entity = nullptr;
        switch (cp) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        case '\'': entity = "&#39;"; break;
        default: break;
        }
        const bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
        const bool noncharacter = (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE ||
                                  (cp >= 0xD800 && cp <= 0xDFFF);
        if (entity && entities == Entities::escape)
            out += entity;
        else if (control || noncharacter || util::is_invisible_control(cp))
            out += replacement;
        else
            out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

} // namespace

std::string html(std::string_view text) {
    return html_escaped(text, Entities::escape);
}

std::string html_chars(std::string_view text) {
    return html_escaped(text, Entities::keep);
}

std::string github_data(std::string_view raw) {
    // CR and LF are the command's own escapes (as @actions/core); other
    // controls are shown, as on a terminal.
    std::string text;
    for (std::size_t i = 0; i < raw.size();) {
        const std::size_t end = std::min(raw.find_first_of("\r\n%", i), raw.size());
        append_visible(text, raw.substr(i, end - i), Lines::one);
        if (end == raw.size())
            break;
        text += raw[end] == '\r' ? "%0D" : raw[end] == '\n' ? "%0A" : "%25";
        i = end + 1;
    }
    return text;
}

std::string github_property(std::string_view text) {
    std::string out;
    for (char c : github_data(text)) {
        switch (c) {
        case ':': out += "%3A"; break;
        case ',': out += "%2C"; break;
        default: out += c;
        }
    }
    return out;
}

std::string github_plain(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        const std::string_view line = text.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line.substr(first).starts_with("::")) {
            out.append(line.substr(0, first));
            out += "%3A";
            out.append(line.substr(first + 1));
        } else {
            out.append(line);
        }
        start = end;
    }
    return out;
}

std::string url_path(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0F];
        }
    }
    return out;
}

} // namespace pmi::escape
