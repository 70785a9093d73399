#include "core/note.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <limits>
#include <memory>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_set>

#include "core/fields.hpp"
#include "core/frontmatter.hpp"
#include "core/markdown.hpp"
#include "core/share.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

constexpr std::size_t max_front_matter_bytes = 1 << 20;
// Body lines are kept whole: a cut nugget would be shown cut (or dropped, cut
// inside a UTF-8 character), and a cut comment would hide the lines after it.
constexpr std::size_t max_body_line_bytes = std::numeric_limits<std::size_t>::max();

// Yields lines without their line ending, from memory or from a file descriptor,
// holding at most one buffer and one line (capped in the front matter) in memory.
class LineReader {
  public:
    explicit LineReader(std::string_view text) : text_(text) {}
    explicit LineReader(int fd) : fd_(fd) {}

    // False at the end of input. A line longer than the cap is cut (the rest is
    // skipped) and `cut` is set.
    bool next(std::string& line, bool& cut) {
        line.clear();
        cut = false;
        bool any = false;
        while (true) {
            if (position_ == available().size() && !refill())
                return any;
            const std::string_view rest = available().substr(position_);
            const auto newline = rest.find('\n');
            const auto piece = rest.substr(0, newline);
            any = true;
            const std::size_t room = max_line_ - std::min(max_line_, line.size());
            if (piece.size() > room)
                cut = true;
            line.append(piece.substr(0, room));
            if (newline == std::string_view::npos) {
                position_ = available().size();
                continue;
            }
            position_ += newline + 1;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            return true;
        }
    }

    void set_max_line(std::size_t bytes) { max_line_ = bytes; }
    int error() const { return error_; }

  private:
    std::string_view available() const {
        return fd_ < 0 ? text_ : std::string_view(buffer_.get(), size_);
    }

    // The first read is small, as the front matter usually is; later ones are large.
    bool refill() {
        if (fd_ < 0)
            return false;
        const std::size_t want = reads_++ == 0 ? first_read_bytes : buffer_bytes;
        if (!buffer_)
            buffer_ = std::make_unique_for_overwrite<char[]>(buffer_bytes);
        position_ = 0;
        while (true) {
            const ssize_t got = ::read(fd_, buffer_.get(), want);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                error_ = errno;
            size_ = got > 0 ? static_cast<std::size_t>(got) : 0;
            return got > 0;
        }
    }

    static constexpr std::size_t first_read_bytes = 4096;
    static constexpr std::size_t buffer_bytes = 64 * 1024;

    std::string_view text_;
    int fd_ = -1;
    std::unique_ptr<char[]> buffer_;
    std::size_t size_ = 0;
    std::size_t reads_ = 0;
    std::size_t position_ = 0;
    std::size_t max_line_ = max_front_matter_bytes;
    int error_ = 0;
};

struct Reader {
    const std::string& path;
    NoteParse result;

    void error(int line, std::string message) {
        result.problems.push_back({path, line, Severity::error, std::move(message)});
    }
    void warning(int line, std::string message) {
        result.problems.push_back({path, line, Severity::warning, std::move(message)});
    }
    bool has_errors() const {
        return std::any_of(result.problems.begin(), result.problems.end(),
                           [](const Problem& p) { return p.severity == Severity::error; });
    }
};

bool is_fence(const std::string& line) {
    return util::trim(line) == "---";
}

// Reads the front matter's YAML text; returns false (with an error) when absent.
bool read_front_matter(LineReader& lines, Reader& reader, std::string& yaml, int& line_number) {
    std::string line;
    bool cut = false;
    if (!lines.next(line, cut)) {
        reader.error(1, lines.error() ? std::strerror(lines.error())
                                      : "empty file: a note starts with '---' front matter");
        return false;
    }
    line_number = 1;
    if (line.rfind("\xEF\xBB\xBF", 0) == 0)
        line.erase(0, 3);
    if (!is_fence(line)) {
        if (line.find('\0') != std::string::npos)
            reader.error(1, "binary file, not a markdown note");
        else
            reader.error(1, "no front matter: a note starts with a '---' line");
        return false;
    }
    while (lines.next(line, cut)) {
        ++line_number;
        if (is_fence(line) || line == "...")
            return true;
        if (line.find('\0') != std::string::npos) {
            reader.error(line_number, "binary file, not a markdown note");
            return false;
        }
        yaml += line;
        yaml += '\n';
        if (cut || yaml.size() > max_front_matter_bytes) {
            reader.error(line_number, "front matter larger than 1 MiB");
            return false;
        }
    }
    if (lines.error())
        reader.error(line_number, std::strerror(lines.error()));
    else
        reader.error(1, "front matter has no closing '---' line");
    return false;
}

std::string scalar_text(const YamlNode& node) {
    return node.type == YamlNode::Type::scalar ? node.scalar : yaml_flow(node);
}

// A required or optional free-text field; false when the type is wrong.
bool read_text(Reader& reader, const YamlNode& node, const std::string& key, std::string& out) {
    if (node.type == YamlNode::Type::null)
        return true;
    if (node.type != YamlNode::Type::scalar) {
        // One note, one lead: the others on the call go under `with:`.
        const bool several_pms = key == "pm" && node.type == YamlNode::Type::sequence;
        reader.error(node.line,
                     fmt::format("'{}' must be a string, not {}{}", key, type_name(node.type),
                                 several_pms ? "; keep the lead PM (who writes the note) in "
                                               "'pm' and list the others in 'with: [...]'"
                                             : ""));
        return false;
    }
    if (!util::is_valid_utf8(node.scalar)) {
        reader.error(node.line, fmt::format("'{}' is not valid UTF-8", key));
        return false;
    }
    out = std::string(util::trim(node.scalar));
    return true;
}

void read_date(Reader& reader, const YamlNode& node, Note& note) {
    if (node.type != YamlNode::Type::scalar) {
        if (node.type != YamlNode::Type::null)
            reader.error(node.line, fmt::format("'date' must be a date YYYY-MM-DD, not {}",
                                                type_name(node.type)));
        return;
    }
    const auto text = util::trim(node.scalar);
    if (const auto date = parse_date(text)) {
        note.date = *date;
        return;
    }
    reader.error(node.line, fmt::format("date '{}' {}", text, date_problem(text)));
}

// A list of strings, or one comma-separated string; repeats dropped.
void read_list(Reader& reader, const YamlNode& node, std::string_view key,
               std::vector<std::string>& out) {
    std::unordered_set<std::string_view> seen; // views into the values read, alive until return
    const auto add = [&](std::string_view tag) {
        tag = util::trim(tag);
        if (!tag.empty() && seen.insert(tag).second)
            out.emplace_back(tag);
    };
    if (node.type == YamlNode::Type::scalar) {
        const auto parts = util::split(node.scalar, ',');
        for (const auto& tag : parts)
            add(tag);
        return;
    }
    if (node.type == YamlNode::Type::null)
        return;
    if (node.type != YamlNode::Type::sequence) {
        reader.error(node.line, fmt::format("'{}' must be a list of strings, not a map", key));
        return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
        const auto& item = node.items[i];
        if (item.type == YamlNode::Type::null)
            continue;
        if (item.type != YamlNode::Type::scalar) {
            reader.error(item.line, fmt::format("'{}' must be a list of strings; item {} is {}",
                                                key, i + 1, type_name(item.type)));
            continue;
        }
        add(item.scalar);
    }
}

void read_interviewees(Reader& reader, const YamlNode& node, Note& note) {
    if (node.type == YamlNode::Type::null)
        return;
    const auto read_one = [&](const YamlNode& item) {
        if (item.type == YamlNode::Type::scalar) {
            note.interviewees.push_back(parse_interviewee(item.scalar));
            return;
        }
        if (item.type != YamlNode::Type::map) {
            reader.error(item.line,
                         "each interviewee must be {name: …, role: …} or \"Name (role)\"");
            return;
        }
        Interviewee person;
        for (const auto& [key, value] : item.entries) {
            if (value.type == YamlNode::Type::scalar && key == "name")
                person.name = util::trim(value.scalar);
            else if (value.type == YamlNode::Type::scalar && key == "role")
                person.role = util::trim(value.scalar);
            else if ((key == "name" || key == "role") && value.type != YamlNode::Type::null)
                reader.error(value.line, fmt::format("interviewee '{}' must be a string", key));
        }
        note.interviewees.push_back(std::move(person));
    };
    if (node.type == YamlNode::Type::sequence) {
        for (const auto& item : node.items)
            read_one(item);
    } else {
        read_one(node);
    }
}

// "; line 3 has 'Customer'" when a key of `root` is a near miss of the missing `key`.
std::string near_miss_hint(const YamlNode& root, std::string_view key) {
    for (std::size_t i = 0; i < root.entries.size(); ++i)
        if (near_miss_key(root.entries[i].first) == key)
            return fmt::format("; line {} has '{}', did you mean '{}'?",
                               i < root.key_lines.size() ? root.key_lines[i]
                                                         : root.entries[i].second.line,
                               root.entries[i].first, key);
    return "";
}

void read_kind(Reader& reader, const YamlNode& node, Note& note) {
    if (read_text(reader, node, "kind", note.kind) && !note.kind.empty() &&
        std::find(std::begin(note_kinds), std::end(note_kinds), note.kind) == std::end(note_kinds))
        reader.error(node.line, fmt::format("kind '{}' is not one of learning, sales, support, "
                                            "usability",
                                            note.kind));
}

void read_flag(Reader& reader, const YamlNode& node, std::string_view key, bool& out) {
    if (node.type == YamlNode::Type::null)
        return;
    const std::string value =
        node.type == YamlNode::Type::scalar ? util::to_lower_ascii(util::trim(node.scalar)) : "";
    if (value == "true" || value == "yes" || value == "on")
        out = true;
    else if (value != "false" && value != "no" && value != "off")
        reader.error(node.line, fmt::format("'{}' must be true or false", key));
}

void read_field(Reader& reader, const YamlNode& node, const NoteField& field, Note& note) {
    switch (field.kind) {
    case FieldKind::text: read_text(reader, node, std::string(field.key), note.*field.text); break;
    case FieldKind::kind: read_kind(reader, node, note); break;
    case FieldKind::date: read_date(reader, node, note); break;
    case FieldKind::people: read_interviewees(reader, node, note); break;
    case FieldKind::text_list: read_list(reader, node, field.key, note.*field.list); break;
    case FieldKind::flag: read_flag(reader, node, field.key, note.*field.flag); break;
    }
}

void read_fields(Reader& reader, const YamlNode& root, Note& note, int open_line) {
    if (root.type != YamlNode::Type::map && root.type != YamlNode::Type::null) {
        reader.error(root.line, fmt::format("front matter must be a map of keys, not {}",
                                            type_name(root.type)));
        return;
    }
    std::vector<KeyLines::Entry> key_lines;
    for (std::size_t i = 0; i < root.entries.size(); ++i) {
        const auto& [key, value] = root.entries[i];
        key_lines.emplace_back(key, i < root.key_lines.size() ? root.key_lines[i] : value.line);
    }
    note.key_lines = KeyLines(key_lines);
    for (std::size_t i = 0; i < root.entries.size(); ++i) {
        const auto& [key, value] = root.entries[i];
        if (const NoteField* field = find_note_field(key))
            read_field(reader, value, *field, note);
        else
            note.extra.push_back({key, scalar_text(value), yaml_flow(value)});
    }
    for (const auto& field : note_fields) {
        if (!field.required)
            continue;
        const YamlNode* value = root.find(std::string(field.key));
        if (!value || value->type == YamlNode::Type::null ||
            (value->type == YamlNode::Type::scalar && util::trim(value->scalar).empty()))
            reader.error(value ? value->line : open_line,
                         fmt::format("missing required field '{}'{}", field.key,
                                     value ? "" : near_miss_hint(root, field.key)));
    }
}

// Follows the private headings below a level-2 heading: `### Private` makes
// its part private up to the next heading of its level or higher.
struct PrivateSubsection {
    int level = 0; // 0 when not in one

    void heading(const MarkdownLine& line) {
        if (line.level <= 2 || (level != 0 && line.level <= level))
            level = 0;
        if (line.level > 2 && level == 0 && classify_heading(line.title) == HeadingClass::private_)
            level = line.level;
    }
};

// Sections are the top-level level-2 headings (ATX or setext); nuggets the
// items of the first-level lists under a "Nuggets" heading, without their HTML
// comments (an item that starts inside one is none).
void scan_body(LineReader& lines, int line_number, Note& note) {
    lines.set_max_line(max_body_line_bytes);
    MarkdownScanner scanner;
    HtmlComments comments;
    PrivateSubsection private_part;
    std::string text;
    bool cut = false;
    bool in_nuggets = false;
    bool in_comment = false;
    bool written = !note.tldr.empty();
    while (lines.next(text, cut)) {
        const MarkdownLine& line = scanner.scan(text, ++line_number);
        if (!written)
            written = line_has_content(line, in_comment);
        const bool started_in_comment = comments.in_comment();
        if (line.kind != LineKind::code && line.kind != LineKind::fence)
            comments.line(text);
        if (line.kind == LineKind::heading && !line.nested()) {
            private_part.heading(line);
            if (line.level <= 2)
                in_nuggets = false;
            if (line.level == 2) {
                in_nuggets = util::starts_with_ci(line.title, "nuggets");
                if (in_nuggets && note.nuggets_line == 0)
                    note.nuggets_line = line.title_line;
                note.sections.emplace_back(line.title);
            }
            continue;
        }
        if (!in_nuggets || !line.item_start || line.list_depth != 1 || line.quote_depth != 0 ||
            started_in_comment || !util::is_valid_utf8(line.item))
            continue;
        const std::string visible = without_html_comments(line.item);
        std::string_view item = visible;
        const int mark = strip_nugget_mark(item);
        if (item.empty())
            continue;
        if (mark > 0)
            note.nugget_marks.push_back({note.nuggets.size(), line.number, mark == 2});
        if (private_part.level != 0 || comments.touched_private())
            note.private_nuggets.push_back(note.nuggets.size());
        note.nuggets.emplace_back(item);
    }
    note.draft = !written;
}

// Whether a note without a tldr is a draft, reading its body only up to the
// first line with something written.
void scan_draft(LineReader& lines, int line_number, Note& note) {
    lines.set_max_line(max_body_line_bytes);
    MarkdownScanner scanner;
    std::string text;
    bool cut = false;
    bool in_comment = false;
    while (lines.next(text, cut))
        if (line_has_content(scanner.scan(text, ++line_number), in_comment))
            return;
    note.draft = true;
}

NoteParse parse_lines(LineReader& lines, const std::string& path, BodyScan scan) {
    Reader reader{path, {}};
    std::string yaml;
    int line_number = 0;
    if (!read_front_matter(lines, reader, yaml, line_number))
        return std::move(reader.result);
    if (!util::is_valid_utf8(yaml)) {
        reader.error(2, "front matter is not valid UTF-8");
        return std::move(reader.result);
    }
    Note note;
    note.path = path;
    try {
        const YamlNode root = parse_yaml(yaml, 2);
        read_fields(reader, root, note, 1);
    } catch (const YamlError& error) {
        reader.error(error.line, "invalid YAML: " + error.message);
    }
    if (reader.has_errors())
        return std::move(reader.result);
    if (scan == BodyScan::sections)
        scan_body(lines, line_number, note);
    else if (note.tldr.empty())
        scan_draft(lines, line_number, note);
    reader.result.note = std::move(note);
    return std::move(reader.result);
}

// A key written back as the reader saw it: plain when it is a simple word that
// YAML does not read as null, quoted otherwise.
std::string yaml_key(const std::string& key) {
    const bool word = !key.empty() &&
                      std::all_of(key.begin(), key.end(),
                                  [](char c) {
                                      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                             (c >= '0' && c <= '9') || c == '_' || c == '-';
                                  }) &&
                      key.front() != '-' && util::to_lower_ascii(key) != "null";
    return word ? key : yaml_quote(key);
}

void append_field(std::string& out, std::string_view key, std::string_view value) {
    if (!value.empty())
        out += fmt::format("{}: {}\n", key, yaml_quote(value));
}

struct KeyLinesHash {
    std::size_t operator()(const std::vector<KeyLines::Entry>& entries) const {
        std::size_t hash = entries.size();
        for (const auto& [key, line] : entries)
            hash = hash * 31 + std::hash<std::string>()(key) * 7 + static_cast<std::size_t>(line);
        return hash;
    }
};

// `text` without its HTML comments ("<!-- ... -->", which may span lines).
std::string without_comments(std::string_view text, bool& in_comment) {
    std::string rest;
    while (!text.empty()) {
        if (in_comment) {
            const std::size_t end = text.find("-->");
            if (end == std::string_view::npos)
                return rest;
            in_comment = false;
            text.remove_prefix(end + 3);
            continue;
        }
        const std::size_t start = text.find("<!--");
        rest += text.substr(0, start);
        if (start == std::string_view::npos)
            break;
        in_comment = true;
        text.remove_prefix(start + 4);
    }
    return rest;
}

// "Memorable quote:", "**Role:**": a label with nothing after it.
bool is_label(std::string_view text) {
    while (!text.empty() && (text.back() == '*' || text.back() == '_' || text.back() == ' '))
        text.remove_suffix(1);
    return !text.empty() && text.back() == ':';
}

} // namespace

bool line_has_content(const MarkdownLine& line, bool& in_comment) {
    const bool was_in_comment = in_comment;
    const std::string_view part = line.item_start               ? line.item
                                  : line.kind == LineKind::text ? line.inner
                                                                : line.text;
    const std::string rest(util::trim(without_comments(part, in_comment)));
    switch (line.kind) {
    case LineKind::blank:
    case LineKind::heading:
    case LineKind::thematic_break: return false;
    case LineKind::fence:
    case LineKind::code:
        if (!was_in_comment)
            return true;
        break;
    case LineKind::text: break;
    }
    if (rest.empty())
        return false;
    return !(line.item_start && is_label(rest));
}

KeyLines::KeyLines(const std::vector<Entry>& entries) {
    if (entries.empty())
        return;
    // One entry per distinct list, shared by every note that has it; kept until exit.
    static std::mutex mutex;
    static std::unordered_set<std::vector<Entry>, KeyLinesHash> known;
    const std::lock_guard lock(mutex);
    entries_ = &*known.insert(entries).first;
}

int strip_nugget_mark(std::string_view& text) {
    std::size_t marks = 0;
    while (marks < text.size() && text[marks] == '!')
        ++marks;
    if (marks == 0 || marks > 2 || marks == text.size() ||
        (text[marks] != ' ' && text[marks] != '\t'))
        return 0;
    text = util::trim(text.substr(marks));
    return static_cast<int>(marks);
}

bool is_private_nugget(const Note& note, std::size_t index) {
    return std::binary_search(note.private_nuggets.begin(), note.private_nuggets.end(), index);
}

int key_line(const Note& note, std::string_view key) {
    for (const auto& [name, line] : note.key_lines)
        if (name == key)
            return line;
    return 1;
}

std::string effective_kind(const Note& note) {
    return note.kind.empty() ? "learning" : note.kind;
}

NoteParse parse_note(std::string_view text, const std::string& path, BodyScan scan) {
    LineReader lines(text);
    return parse_lines(lines, path, scan);
}

NoteParse load_note(const std::string& file, const std::string& path, BodyScan scan) {
    struct stat info {};
    return load_note(file, path, scan, info);
}

NoteParse load_note(const std::string& file, const std::string& path, BodyScan scan,
                    struct stat& info) {
    info = {};
    NoteParse result;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        const char* reason =
            errno == ELOOP ? "is a symbolic link; not followed" : std::strerror(errno);
        result.problems.push_back({path, 0, Severity::error, reason});
        return result;
    }
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        info.st_mode = 0;
        ::close(fd);
        result.problems.push_back({path, 0, Severity::error, "not a regular file"});
        return result;
    }
    LineReader lines(fd);
    result = parse_lines(lines, path, scan);
    ::close(fd);
    return result;
}

// The field as written by pmi: empty optional fields left out.
static void append_typed_field(std::string& out, const Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::text:
        if (field.required || !(note.*field.text).empty())
            append_field(out, field.key, note.*field.text);
        break;
    case FieldKind::kind:
        if (!note.kind.empty())
            out += fmt::format("{}: {}\n", field.key, note.kind);
        break;
    case FieldKind::date: out += fmt::format("{}: {}\n", field.key, format_date(note.date)); break;
    case FieldKind::people:
        if (note.interviewees.empty())
            break;
        out += fmt::format("{}:\n", field.key);
        for (const auto& person : note.interviewees) {
            out += "  - {name: " + yaml_quote(person.name);
            if (!person.role.empty())
                out += ", role: " + yaml_quote(person.role);
            out += "}\n";
        }
        break;
    case FieldKind::text_list: {
        if ((note.*field.list).empty())
            break;
        std::vector<std::string> quoted;
        for (const auto& item : note.*field.list)
            quoted.push_back(yaml_quote(item));
        out += fmt::format("{}: [{}]\n", field.key, util::join(quoted, ", "));
        break;
    }
    case FieldKind::flag:
        if (note.*field.flag)
            out += fmt::format("{}: true\n", field.key);
        break;
    }
}

std::string write_note(const Note& note, std::string_view body) {
    std::string out = "---\n";
    for (const auto& field : note_fields)
        append_typed_field(out, note, field);
    for (const auto& field : note.extra) {
        // YAML limits implicit keys to 1024 characters; longer ones take the '?' form.
        const std::string key = yaml_key(field.key);
        out += key.size() < 1000 ? fmt::format("{}: {}\n", key, field.yaml)
                                 : fmt::format("? {}\n: {}\n", key, field.yaml);
    }
    out += "---\n";
    out += body;
    return out;
}

Interviewee parse_interviewee(std::string_view text) {
    text = util::trim(text);
    const auto open = text.rfind('(');
    if (open != std::string_view::npos && !text.empty() && text.back() == ')' && open > 0)
        return {std::string(util::trim(text.substr(0, open))),
                std::string(util::trim(text.substr(open + 1, text.size() - open - 2)))};
    return {std::string(text), ""};
}

std::string format_interviewee(const Interviewee& person) {
    if (person.role.empty())
        return person.name;
    if (person.name.empty())
        return person.role;
    return person.name + " (" + person.role + ")";
}

} // namespace pmi
