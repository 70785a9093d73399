#include "core/cache.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <nmmintrin.h>
#endif

#include "core/fields.hpp"
#include "util/fs.hpp"

namespace pmi {

namespace fs = std::filesystem;

namespace {

using CrcTables = std::array<std::array<std::uint32_t, 256>, 8>;

CrcTables make_crc_tables() {
    CrcTables tables{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t crc = i;
        for (int bit = 0; bit < 8; ++bit)
            crc = crc & 1 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        tables[0][i] = crc;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
        for (std::size_t t = 1; t < 8; ++t)
            tables[t][i] = (tables[t - 1][i] >> 8) ^ tables[0][tables[t - 1][i] & 0xFF];
    return tables;
}

} // namespace

#if defined(__x86_64__) && defined(__GNUC__)
namespace {

__attribute__((target("sse4.2"))) std::uint32_t crc32c_sse42(std::uint32_t crc, const char* data,
                                                             std::size_t size) {
    std::uint64_t wide = crc;
    for (; size >= 8; data += 8, size -= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, data, 8);
        wide = _mm_crc32_u64(wide, word);
    }
    crc = static_cast<std::uint32_t>(wide);
    for (; size > 0; ++data, --size)
        crc = _mm_crc32_u8(crc, static_cast<unsigned char>(*data));
    return crc;
}

} // namespace

bool crc32c_hardware(std::uint32_t& crc, const char* data, std::size_t size) {
    static const bool supported = __builtin_cpu_supports("sse4.2");
    if (supported)
        crc = crc32c_sse42(crc, data, size);
    return supported;
}
#else
bool crc32c_hardware(std::uint32_t&, const char*, std::size_t) {
    return false;
}
#endif

void Crc32c::update(const char* data, std::size_t size) {
    std::uint32_t crc = ~crc_;
    if (!crc32c_hardware(crc, data, size))
        crc = crc32c_tables(crc, data, size);
    crc_ = ~crc;
}

// Eight bytes at a time (slicing-by-8).
std::uint32_t crc32c_tables(std::uint32_t crc, const char* data, std::size_t size) {
    static const CrcTables tables = make_crc_tables();
    const auto* bytes = reinterpret_cast<const unsigned char*>(data);
    while (size >= 8) {
        std::uint32_t low = 0, high = 0;
        std::memcpy(&low, bytes, 4);
        std::memcpy(&high, bytes + 4, 4);
        low ^= crc; // little-endian, as the cache itself
        crc = tables[7][low & 0xFF] ^ tables[6][(low >> 8) & 0xFF] ^ tables[5][(low >> 16) & 0xFF] ^
              tables[4][low >> 24] ^ tables[3][high & 0xFF] ^ tables[2][(high >> 8) & 0xFF] ^
              tables[1][(high >> 16) & 0xFF] ^ tables[0][high >> 24];
        bytes += 8;
        size -= 8;
    }
    while (size-- > 0)
        crc = tables[0][(crc ^ *bytes++) & 0xFF] ^ (crc >> 8);
    return crc;
}

namespace {

// Bump when the format or what load_note produces changes.
// 3: sections and nuggets by the CommonMark scanner; 4: unclosed quotes rejected;
// 5: a CRC-32C over the file; 6: the draft flag; 7: with and listeners;
// 8: nugget marks and `execs`; 9: private nuggets, nuggets without HTML comments
constexpr std::uint32_t format_version = 9;
constexpr std::uint32_t byte_order_mark = 0x01020304;
constexpr char magic[] = "PMI-NOTE-CACHE\n";
constexpr std::uint32_t max_string = 16u << 20;
constexpr std::size_t max_count = 1u << 20;
constexpr const char* cache_folder = ".pmi/cache";
constexpr const char* cache_name = "notes-v1.bin";
constexpr std::int64_t racy_window_ns = 2'000'000'000;

std::int64_t to_ns(const struct timespec& time) {
    return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

// Identifies the pmi build, so a rebuilt parser never trusts an old cache.
const std::string& build_tag() {
    static const std::string tag = [] {
        struct stat info {};
        if (::stat("/proc/self/exe", &info) != 0)
            return std::string(PMI_VERSION);
        return fmt::format("{}:{}:{}", PMI_VERSION, info.st_size, to_ns(info.st_mtim));
    }();
    return tag;
}

static_assert(std::endian::native == std::endian::little, "the cache is little-endian");

class Encoder {
  public:
    explicit Encoder(std::string& out) : out_(out) {}
    template <typename T> void number(T value) {
        char bytes[sizeof value];
        std::memcpy(bytes, &value, sizeof value);
        out_.append(bytes, sizeof value);
    }
    void text(const std::string& value) {
        number(static_cast<std::uint32_t>(value.size()));
        out_ += value;
    }
    void texts(const std::vector<std::string>& values) {
        number(static_cast<std::uint32_t>(values.size()));
        for (const auto& value : values)
            text(value);
    }

  private:
    std::string& out_;
};

// Reads the cache file through a fixed buffer, so the whole file is never in
// memory at once. Every read is bounds-checked; `ok` turns false for good at
// the first short or implausible read.
class Decoder {
  public:
    explicit Decoder(int fd) : fd_(fd) {}
    bool ok = true;

    bool bytes(char* out, std::size_t size) {
        while (ok && size > 0) {
            if (position_ == buffer_.size() && !refill())
                ok = false;
            if (!ok)
                break;
            const std::size_t take = std::min(size, buffer_.size() - position_);
            std::memcpy(out, buffer_.data() + position_, take);
            crc_.update(buffer_.data() + position_, take);
            position_ += take;
            out += take;
            size -= take;
        }
        return ok;
    }
    template <typename T> T number() {
        T value{};
        char raw[sizeof value];
        if (bytes(raw, sizeof raw))
            std::memcpy(&value, raw, sizeof value);
        return value;
    }
    void text(std::string& value) {
        const auto size = number<std::uint32_t>();
        if (!ok || size > max_string) {
            ok = false;
            return;
        }
        value.resize(size);
        bytes(value.data(), size);
    }
    std::uint32_t checksum() const { return crc_.value(); }
    std::size_t count(std::size_t limit = max_count) {
        const auto size = number<std::uint32_t>();
        if (size > limit)
            ok = false;
        return ok ? size : 0;
    }
    void texts(std::vector<std::string>& values) {
        values.resize(count());
        for (auto& value : values)
            text(value);
    }
    bool at_end() { return position_ == buffer_.size() && !refill(); }

  private:
    bool refill() {
        buffer_.resize(1 << 20);
        position_ = 0;
        while (true) {
            const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
            if (got < 0 && errno == EINTR)
                continue;
            buffer_.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
            return got > 0;
        }
    }

    int fd_;
    std::string buffer_;
    std::size_t position_ = 0;
    Crc32c crc_;
};

// Key lists are shared by many notes: the first note with a list writes it
// after the next free number, later ones write just the number (0: no keys).
void encode_key_lines(Encoder& out, const KeyLines& key_lines,
                      std::unordered_map<const void*, std::uint32_t>& numbers) {
    if (key_lines.empty()) {
        out.number<std::uint32_t>(0);
        return;
    }
    const auto [found, added] =
        numbers.try_emplace(key_lines.identity(), static_cast<std::uint32_t>(numbers.size() + 1));
    out.number(found->second);
    if (!added)
        return;
    out.number(static_cast<std::uint32_t>(key_lines.size()));
    for (const auto& [key, line] : key_lines) {
        out.text(key);
        out.number<std::int32_t>(line);
    }
}

void decode_key_lines(Decoder& in, KeyLines& key_lines, std::vector<KeyLines>& known) {
    const auto number = in.number<std::uint32_t>();
    if (number == 0 || !in.ok) {
        key_lines = {};
    } else if (number <= known.size()) {
        key_lines = known[number - 1];
    } else if (number == known.size() + 1) {
        std::vector<KeyLines::Entry> entries(in.count());
        for (auto& [key, line] : entries) {
            in.text(key);
            line = in.number<std::int32_t>();
        }
        key_lines = in.ok ? KeyLines(entries) : KeyLines();
        known.push_back(key_lines);
    } else {
        in.ok = false;
    }
}

// The typed fields, in the order of the field table.
void encode_field(Encoder& out, const Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::text:
    case FieldKind::kind: out.text(note.*field.text); break;
    case FieldKind::date:
        out.number<std::int32_t>(note.date.year);
        out.number<std::int32_t>(note.date.month);
        out.number<std::int32_t>(note.date.day);
        break;
    case FieldKind::people:
        out.number(static_cast<std::uint32_t>(note.interviewees.size()));
        for (const auto& person : note.interviewees) {
            out.text(person.name);
            out.text(person.role);
        }
        break;
    case FieldKind::text_list: out.texts(note.*field.list); break;
    case FieldKind::flag: out.number<std::uint8_t>(note.*field.flag ? 1 : 0); break;
    }
}

void decode_field(Decoder& in, Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::text:
    case FieldKind::kind: in.text(note.*field.text); break;
    case FieldKind::date:
        note.date.year = in.number<std::int32_t>();
        note.date.month = in.number<std::int32_t>();
        note.date.day = in.number<std::int32_t>();
        break;
    case FieldKind::people:
        note.interviewees.resize(in.count());
        for (auto& person : note.interviewees) {
            in.text(person.name);
            in.text(person.role);
        }
        break;
    case FieldKind::text_list: in.texts(note.*field.list); break;
    case FieldKind::flag: note.*field.flag = in.number<std::uint8_t>() == 1; break;
    }
}

void encode_note(Encoder& out, const Note& note,
                 std::unordered_map<const void*, std::uint32_t>& key_lists) {
    for (const auto& field : note_fields)
        encode_field(out, note, field);
    out.number(static_cast<std::uint32_t>(note.extra.size()));
    for (const auto& field : note.extra) {
        out.text(field.key);
        out.text(field.text);
        out.text(field.yaml);
    }
    encode_key_lines(out, note.key_lines, key_lists);
    out.texts(note.sections);
    out.texts(note.nuggets);
    out.number<std::int32_t>(note.nuggets_line);
    out.number(static_cast<std::uint32_t>(note.nugget_marks.size()));
    for (const auto& mark : note.nugget_marks) {
        out.number(static_cast<std::uint32_t>(mark.index));
        out.number<std::int32_t>(mark.line);
        out.number<std::uint8_t>(mark.execs ? 1 : 0);
    }
    out.number(static_cast<std::uint32_t>(note.private_nuggets.size()));
    for (const auto index : note.private_nuggets)
        out.number(static_cast<std::uint32_t>(index));
    out.number<std::uint8_t>(note.draft ? 1 : 0);
}

void decode_note(Decoder& in, Note& note, std::vector<KeyLines>& key_lists) {
    for (const auto& field : note_fields)
        decode_field(in, note, field);
    note.extra.resize(in.count());
    for (auto& field : note.extra) {
        in.text(field.key);
        in.text(field.text);
        in.text(field.yaml);
    }
    decode_key_lines(in, note.key_lines, key_lists);
    in.texts(note.sections);
    in.texts(note.nuggets);
    note.nuggets_line = in.number<std::int32_t>();
    note.nugget_marks.resize(in.count());
    for (auto& mark : note.nugget_marks) {
        mark.index = in.number<std::uint32_t>();
        mark.line = in.number<std::int32_t>();
        mark.execs = in.number<std::uint8_t>() == 1;
    }
    note.private_nuggets.resize(in.count());
    for (auto& index : note.private_nuggets)
        index = in.number<std::uint32_t>();
    note.draft = in.number<std::uint8_t>() == 1;
}

bool decode_entry(Decoder& in, CacheEntry& entry, std::vector<KeyLines>& key_lists) {
    in.text(entry.path);
    entry.stamp.size = in.number<std::uint64_t>();
    entry.stamp.mtime_ns = in.number<std::int64_t>();
    entry.stamp.ctime_ns = in.number<std::int64_t>();
    entry.stamp.inode = in.number<std::uint64_t>();
    entry.stamp.device = in.number<std::uint64_t>();
    const auto scan = in.number<std::uint8_t>();
    if (scan > 1)
        return false;
    entry.scan = scan == 1 ? BodyScan::sections : BodyScan::none;
    const auto has_note = in.number<std::uint8_t>();
    if (has_note > 1)
        return false;
    entry.parse.note.reset();
    if (has_note) {
        entry.parse.note.emplace();
        decode_note(in, *entry.parse.note, key_lists);
        entry.parse.note->path = entry.path;
    }
    entry.parse.problems.resize(in.count());
    for (auto& problem : entry.parse.problems) {
        problem.path = entry.path;
        problem.line = in.number<std::int32_t>();
        const auto severity = in.number<std::uint8_t>();
        if (severity > 1)
            return false;
        problem.severity = severity == 1 ? Severity::error : Severity::warning;
        in.text(problem.message);
    }
    return in.ok;
}

} // namespace

std::optional<FileStamp> stamp_file(const fs::path& file) {
    return stamp_file(file.c_str());
}

std::optional<FileStamp> stamp_file(const char* file) {
    struct stat info {};
    if (::lstat(file, &info) != 0)
        return std::nullopt;
    return stamp_of(info);
}

std::optional<FileStamp> stamp_of(const struct stat& info) {
    if (!S_ISREG(info.st_mode))
        return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(info.st_size), to_ns(info.st_mtim),
                     to_ns(info.st_ctim), static_cast<std::uint64_t>(info.st_ino),
                     static_cast<std::uint64_t>(info.st_dev)};
}

bool is_racy(const FileStamp& stamp, std::int64_t now) {
    return std::max(stamp.mtime_ns, stamp.ctime_ns) >= now - racy_window_ns;
}

std::int64_t now_ns() {
    struct timespec time {};
    ::clock_gettime(CLOCK_REALTIME, &time);
    return to_ns(time);
}

fs::path note_cache_file(const fs::path& root) {
    return root / cache_folder / cache_name;
}

namespace {

bool read_note_cache_fd(int fd, const std::function<void(CacheEntry&)>& visit) {
    Decoder in(fd);
    char header[sizeof magic - 1];
    std::string tag;
    bool ok = in.bytes(header, sizeof header) && std::memcmp(header, magic, sizeof header) == 0 &&
              in.number<std::uint32_t>() == format_version &&
              in.number<std::uint32_t>() == byte_order_mark;
    if (ok) {
        in.text(tag);
        ok = in.ok && tag == build_tag();
    }
    std::uint64_t count = 0;
    CacheEntry entry;
    std::vector<KeyLines> key_lists;
    while (ok) {
        const auto marker = in.number<std::uint8_t>();
        if (!in.ok || (marker != 'E' && marker != 'Z')) {
            ok = false;
        } else if (marker == 'Z') {
            ok = in.number<std::uint64_t>() == count && in.ok;
            const std::uint32_t checksum = in.checksum();
            ok = ok && in.number<std::uint32_t>() == checksum && in.ok && in.at_end();
            break;
        } else if ((ok = decode_entry(in, entry, key_lists))) {
            ++count;
            visit(entry);
        }
    }
    ::close(fd);
    return ok;
}

} // namespace

bool read_note_cache(const fs::path& file, const std::function<void(CacheEntry&)>& visit) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    return fd >= 0 && read_note_cache_fd(fd, visit);
}

bool read_repo_note_cache(const fs::path& root, const std::function<void(CacheEntry&)>& visit) {
    util::WalkError error;
    const util::FolderHandle folder =
        util::open_beneath(root, cache_folder, util::MissingFolders::fail, error);
    if (!folder)
        return false;
    util::remove_stale_temporaries(folder.fd());
    const int fd =
        ::openat(folder.fd(), cache_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    return fd >= 0 && read_note_cache_fd(fd, visit);
}

std::vector<CacheEntry> read_note_cache(const fs::path& file) {
    std::vector<CacheEntry> entries;
    if (!read_note_cache(file, [&](CacheEntry& entry) { entries.push_back(std::move(entry)); }))
        entries.clear();
    return entries;
}

NoteCacheWriter::NoteCacheWriter() {
    out_.append(magic, sizeof magic - 1);
    Encoder out(out_);
    out.number(format_version);
    out.number(byte_order_mark);
    out.text(build_tag());
}

namespace {

bool fits(const std::string& text) {
    return text.size() <= max_string;
}

bool fits(const std::vector<std::string>& texts) {
    return texts.size() <= max_count &&
           std::all_of(texts.begin(), texts.end(), [](const auto& text) { return fits(text); });
}

bool fits(const Note& note, const NoteField& field) {
    if (field.text)
        return fits(note.*field.text);
    if (field.list)
        return fits(note.*field.list);
    if (field.kind == FieldKind::people)
        return note.interviewees.size() <= max_count &&
               std::all_of(note.interviewees.begin(), note.interviewees.end(),
                           [](const auto& p) { return fits(p.name) && fits(p.role); });
    return true; // a date
}

// Whether every string and list of the note is within the reader's limits.
bool fits(const Note& note) {
    const auto extra_fits =
        note.extra.size() <= max_count &&
        std::all_of(note.extra.begin(), note.extra.end(), [](const auto& field) {
            return fits(field.key) && fits(field.text) && fits(field.yaml);
        });
    const auto keys_fit = note.key_lines.size() <= max_count &&
                          std::all_of(note.key_lines.begin(), note.key_lines.end(),
                                      [](const auto& entry) { return fits(entry.first); });
    return std::all_of(std::begin(note_fields), std::end(note_fields),
                       [&](const NoteField& field) { return fits(note, field); }) &&
           fits(note.sections) && fits(note.nuggets) && extra_fits && keys_fit;
}

} // namespace

bool cache_can_hold(const std::string& path, const Note* note,
                    const std::vector<Problem>& problems) {
    if (!fits(path) || (note && (note->path != path || !fits(*note))) ||
        problems.size() > max_count)
        return false;
    return std::all_of(problems.begin(), problems.end(), [&](const Problem& problem) {
        return problem.path == path && fits(problem.message);
    });
}

void NoteCacheWriter::add(const std::string& path, const FileStamp& stamp, BodyScan scan,
                          const Note* note, const std::vector<Problem>& problems) {
    if (!cache_can_hold(path, note, problems))
        return;
    Encoder out(out_);
    out.number<std::uint8_t>('E');
    out.text(path);
    out.number(stamp.size);
    out.number(stamp.mtime_ns);
    out.number(stamp.ctime_ns);
    out.number(stamp.inode);
    out.number(stamp.device);
    out.number<std::uint8_t>(scan == BodyScan::sections ? 1 : 0);
    out.number<std::uint8_t>(note ? 1 : 0);
    if (note)
        encode_note(out, *note, key_lists_);
    out.number(static_cast<std::uint32_t>(problems.size()));
    for (const auto& problem : problems) {
        out.number<std::int32_t>(problem.line);
        out.number<std::uint8_t>(problem.severity == Severity::error ? 1 : 0);
        out.text(problem.message);
    }
    ++count_;
}

std::string NoteCacheWriter::finish() {
    Encoder out(out_);
    out.number<std::uint8_t>('Z');
    out.number(count_);
    crc_.update(out_.data(), out_.size());
    out.number(crc_.value());
    crc_ = {};
    count_ = 0;
    key_lists_.clear();
    std::string content = std::move(out_);
    out_.clear();
    return content;
}

void NoteCacheWriter::drain(const std::function<void(std::string_view)>& sink) {
    crc_.update(out_.data(), out_.size());
    sink(out_);
    out_.clear();
}

bool write_note_cache(const fs::path& root, std::string_view content) {
    return write_note_cache(root, [&](const util::TextSink& sink) { sink(content); });
}

bool write_note_cache(const fs::path& root,
                      const std::function<void(const util::TextSink&)>& write) {
    util::WalkError error;
    const util::FolderHandle folder =
        util::open_beneath(root, cache_folder, util::MissingFolders::create, error);
    if (!folder)
        return false;
    if (util::entry_kind_at(folder.fd(), ".gitignore") == util::EntryKind::missing &&
        !util::create_exclusive_at(folder.fd(), ".gitignore", "*\n"))
        return false;
    util::remove_stale_temporaries(folder.fd());
    // The temporary file beside the cache: ignored there, and removed by a later run if left.
    return util::write_atomic_at(folder.fd(), cache_name, write).ok();
}

bool ensure_cache_folder(const fs::path& folder) {
    // `folder` is <root>/.pmi/cache: made beneath the root, through no link.
    const fs::path root = folder.parent_path().parent_path();
    util::WalkError error;
    const util::FolderHandle handle =
        util::open_beneath(root, cache_folder, util::MissingFolders::create, error);
    if (!handle)
        return false;
    return util::entry_kind_at(handle.fd(), ".gitignore") != util::EntryKind::missing ||
           util::create_exclusive_at(handle.fd(), ".gitignore", "*\n").has_value();
}

} // namespace pmi
