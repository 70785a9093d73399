#include <doctest/doctest.h>

#include "core/cache.hpp"
#include "core/store.hpp"
#include "temp_dir.hpp"
#include "util/fs.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

using namespace pmi;

namespace {

// Every field of a note, in one comparable string.
std::string describe(const Note& note) {
    std::string text =
        fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|", note.path, note.customer,
                    format_date(note.date), note.pm, note.product, note.kind, note.segment,
                    note.channel, note.tldr, note.nuggets_line, note.draft);
    for (const auto& person : note.interviewees)
        text += "i:" + person.name + "/" + person.role + "|";
    for (const auto& tag : note.tags)
        text += "t:" + tag + "|";
    for (const auto& field : note.extra)
        text += "x:" + field.key + "=" + field.text + "=" + field.yaml + "|";
    for (const auto& [key, line] : note.key_lines)
        text += fmt::format("k:{}@{}|", key, line);
    for (const auto& section : note.sections)
        text += "s:" + section + "|";
    for (const auto& nugget : note.nuggets)
        text += "n:" + nugget + "|";
    return text;
}

std::string describe(const NoteSet& set) {
    std::string text;
    for (const auto& note : set.notes)
        text += describe(note) + "\n";
    for (const auto& problem : set.problems)
        text += format_problem(problem) + "\n";
    return text;
}

// Files changed in the last 2 seconds are not cached (see is_racy).
void wait_until_cacheable() {
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
}

// A tree of 100 notes, 11 of them invalid, with unknown keys.
void write_tree(const TempDir& dir) {
    dir.write(".pmi.yaml", "notes: notes\n");
    for (int i = 0; i < 100; ++i) {
        const std::string name =
            fmt::format("notes/p{}/c{:03}-2026-10-{:02}.md", i % 3, i, i % 28 + 1);
        std::string text;
        if (i % 17 == 5)
            text = "no front matter\n";
        else if (i % 19 == 7)
            text = "---\ncustomer: C\ndate: 2026-13-01\npm: a\nproduct: p\n---\n";
        else
            text =
                fmt::format("---\ncustomer: Customer {}\ndate: 2026-10-{:02}\npm: pm{}\nproduct: "
                            "p{}\ntags: [t{}, shared]\ninterviewees:\n  - {{name: N{}, role: "
                            "r}}\ntldr: \"Said {}\"\nregion: {{zone: eu, n: {}}}\n---\n"
                            "## Goal\ntext\n## Nuggets\n- nugget {}\n- second\n## Quotes\n",
                            i, i % 28 + 1, i % 4, i % 3, i % 5, i, i, i, i);
        dir.write(name, text);
    }
}

NoteSet load(const TempDir& dir, BodyScan scan, unsigned threads, CacheMode cache) {
    Config config;
    config.root = dir.path;
    config.config_file = dir.path / ".pmi.yaml";
    config.notes_dir = "notes";
    std::vector<Problem> problems;
    const auto files = find_note_files(config, problems);
    return load_note_files(config, files, scan, threads, cache);
}

} // namespace

TEST_CASE("load_note_files") {
    TempDir dir;
    write_tree(dir);

    SUBCASE("the result does not depend on the number of threads") {
        for (const auto scan : {BodyScan::none, BodyScan::sections}) {
            const auto one = describe(load(dir, scan, 1, CacheMode::off));
            CHECK(one == describe(load(dir, scan, 4, CacheMode::off)));
            CHECK(one == describe(load(dir, scan, 0, CacheMode::off)));
        }
        const auto set = load(dir, BodyScan::sections, 4, CacheMode::off);
        CHECK(set.notes.size() == 89);
        CHECK(set.problems.size() == 11);
        CHECK(set.notes[0].nuggets == std::vector<std::string>{"nugget 0", "second"});
    }

    SUBCASE("the cache gives the same notes, cold and warm, for either scan") {
        ::unsetenv("PMI_NO_CACHE");
        wait_until_cacheable();
        const auto cache_file = note_cache_file(dir.path);
        const auto sections = describe(load(dir, BodyScan::sections, 1, CacheMode::off));
        const auto none = describe(load(dir, BodyScan::none, 1, CacheMode::off));
        CHECK(sections != none);

        // Built by a front-matter-only load, then asked for sections.
        CHECK(describe(load(dir, BodyScan::none, 4, CacheMode::automatic)) == none);
        REQUIRE(std::filesystem::exists(cache_file));
        CHECK(std::filesystem::exists(cache_file.parent_path() / ".gitignore"));
        CHECK(read_note_cache(cache_file).size() == 100);
        CHECK(describe(load(dir, BodyScan::none, 4, CacheMode::automatic)) == none);
        CHECK(describe(load(dir, BodyScan::sections, 4, CacheMode::automatic)) == sections);
        const auto written = std::filesystem::last_write_time(cache_file);
        CHECK(describe(load(dir, BodyScan::sections, 1, CacheMode::automatic)) == sections);
        CHECK(describe(load(dir, BodyScan::none, 2, CacheMode::automatic)) == none);
        CHECK(std::filesystem::last_write_time(cache_file) == written); // nothing changed
    }

    SUBCASE("a corrupt or truncated cache is ignored and rebuilt") {
        ::unsetenv("PMI_NO_CACHE");
        wait_until_cacheable();
        const auto expected = describe(load(dir, BodyScan::sections, 1, CacheMode::off));
        load(dir, BodyScan::sections, 2, CacheMode::automatic);
        const auto cache_file = note_cache_file(dir.path);
        const auto content = util::read_file(cache_file);
        REQUIRE(content);
        for (const std::size_t size :
             {std::size_t{0}, std::size_t{10}, content->size() / 2, content->size() - 1}) {
            std::ofstream(cache_file, std::ios::binary) << content->substr(0, size);
            CHECK(read_note_cache(cache_file).empty());
            CHECK(describe(load(dir, BodyScan::sections, 2, CacheMode::automatic)) == expected);
            CHECK(read_note_cache(cache_file).size() == 100);
        }
        std::string garbage = *content;
        for (std::size_t i = 40; i < garbage.size(); i += 97)
            garbage[i] = static_cast<char>(0xff);
        std::ofstream(cache_file, std::ios::binary) << garbage;
        CHECK(describe(load(dir, BodyScan::sections, 2, CacheMode::automatic)) == expected);
    }
}

TEST_CASE("load_first_nuggets reads only the notes without a tldr") {
    TempDir dir;
    dir.write(".pmi.yaml", "notes: notes\n");
    dir.write("notes/p/a-2026-10-01.md", "---\ncustomer: A\ndate: 2026-10-01\npm: x\nproduct: "
                                         "p\n---\n## Nuggets\n- first\n- second\n");
    dir.write("notes/p/b-2026-10-02.md", "---\ncustomer: B\ndate: 2026-10-02\npm: x\nproduct: "
                                         "p\ntldr: Said\n---\n## Nuggets\n- unread\n");
    dir.write("notes/p/c-2026-10-03.md",
              "---\ncustomer: C\ndate: 2026-10-03\npm: x\nproduct: p\n---\n## Goal\nx\n");
    Config config;
    config.root = dir.path;
    config.config_file = dir.path / ".pmi.yaml";
    config.notes_dir = "notes";
    NoteSet set = load(dir, BodyScan::none, 1, CacheMode::off);
    REQUIRE(set.notes.size() == 3);
    load_first_nuggets(config, set.notes);
    CHECK(set.notes[0].nuggets == std::vector<std::string>{"first"});
    CHECK(set.notes[1].nuggets.empty()); // has a tldr: its body is not read
    CHECK(set.notes[2].nuggets.empty()); // no nugget at all
}

TEST_CASE("NoteCacheWriter") {
    TempDir dir;
    Note note;
    note.path = "notes/p/a-2026-10-01.md";
    note.customer = "Acme, \"Corp\"\n";
    note.date = {2026, 10, 1};
    note.pm = "caroline";
    note.product = "portal";
    note.kind = "sales";
    note.interviewees = {{"Jo Smith", "end user"}, {"Ana", ""}};
    note.segment = "smb";
    note.channel = "video";
    note.tags = {"navigation", "security-config"};
    note.tldr = std::string("Bytes \0 and \xC3\xA9", 15);
    note.extra = {{"region", "eu", "eu"}, {"deal", "{a: 1}", "{a: 1}"}};
    note.key_lines = {{"customer", 2}, {"date", 3}};
    note.sections = {"Goal", "Nuggets"};
    note.nuggets = {"one", "two"};
    note.nuggets_line = 12;
    note.draft = true;
    const FileStamp stamp{1234, 1'700'000'000'123'456'789, 1'700'000'001'000'000'000, 42, 7};
    const std::vector<Problem> warnings = {{note.path, 3, Severity::warning, "odd"}};
    const std::vector<Problem> errors = {{"notes/p/b.md", 0, Severity::error, "bad"}};

    NoteCacheWriter writer;
    writer.add(note.path, stamp, BodyScan::sections, &note, warnings);
    writer.add("notes/p/b.md", stamp, BodyScan::none, nullptr, errors);
    writer.add("notes/p/other.md", stamp, BodyScan::none, &note, {}); // path mismatch: left out
    const auto file = dir.path / "cache.bin";
    std::ofstream(file, std::ios::binary) << writer.finish();

    const auto entries = read_note_cache(file);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].path == note.path);
    CHECK(entries[0].stamp == stamp);
    CHECK(entries[0].scan == BodyScan::sections);
    REQUIRE(entries[0].parse.note);
    CHECK(describe(*entries[0].parse.note) == describe(note));
    REQUIRE(entries[0].parse.problems.size() == 1);
    CHECK(format_problem(entries[0].parse.problems[0]) == format_problem(warnings[0]));
    CHECK(entries[1].scan == BodyScan::none);
    CHECK(!entries[1].parse.note);
    REQUIRE(entries[1].parse.problems.size() == 1);
    CHECK(format_problem(entries[1].parse.problems[0]) == format_problem(errors[0]));
}

TEST_CASE("NoteCacheWriter leaves out what the reader would refuse") {
    TempDir dir;
    Note small;
    small.path = "notes/p/a-2026-10-01.md";
    small.customer = "Acme";
    Note huge = small;
    huge.path = "notes/p/b-2026-10-01.md";
    huge.nuggets.assign((1u << 20) + 1, "n");
    CHECK(cache_can_hold(small.path, &small, {}));
    CHECK_FALSE(cache_can_hold(huge.path, &huge, {}));
    const FileStamp stamp{1, 2, 3, 4, 5};
    NoteCacheWriter writer;
    writer.add(small.path, stamp, BodyScan::sections, &small, {});
    writer.add(huge.path, stamp, BodyScan::sections, &huge, {});
    const auto file = dir.path / "cache.bin";
    std::ofstream(file, std::ios::binary) << writer.finish();
    const auto entries = read_note_cache(file);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].path == small.path);
}

TEST_CASE("the cache's checksum catches any flipped byte") {
    TempDir dir;
    Note note;
    note.path = "notes/p/a-2026-10-01.md";
    note.customer = "Initech";
    note.tags = {"navigation"};
    NoteCacheWriter writer;
    writer.add(note.path, FileStamp{1, 2, 3, 4, 5}, BodyScan::none, &note, {});
    const std::string content = writer.finish();
    const auto file = dir.path / "cache.bin";
    for (std::size_t i = 0; i < content.size(); ++i) {
        std::string flipped = content;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << flipped;
        CHECK_MESSAGE(read_note_cache(file).empty(), "byte ", i, " flipped");
    }
    std::ofstream(file, std::ios::binary | std::ios::trunc) << content;
    CHECK(read_note_cache(file).size() == 1);
}

TEST_CASE("Crc32c") {
    Crc32c crc;
    crc.update("123456789", 9);
    CHECK(crc.value() == 0xE3069283u); // the standard check value
    Crc32c pieces;
    pieces.update("1234", 4);
    pieces.update("56789", 5);
    CHECK(pieces.value() == crc.value());
    SUBCASE("the tables and the CPU's instruction agree") {
        std::string bytes;
        for (int i = 0; i < 300; ++i)
            bytes += static_cast<char>((i * 37 + 11) & 0xFF);
        CHECK(~crc32c_tables(~0u, "123456789", 9) == 0xE3069283u);
        for (std::size_t start = 0; start < 9; ++start)
            for (const std::size_t size : {0, 1, 7, 8, 9, 15, 16, 17, 64, 255}) {
                CAPTURE(start);
                CAPTURE(size);
                std::uint32_t hardware = 0x12345678u;
                if (crc32c_hardware(hardware, bytes.data() + start, size))
                    CHECK(hardware == crc32c_tables(0x12345678u, bytes.data() + start, size));
            }
    }
}

TEST_CASE("stamp_file") {
    TempDir dir;
    const auto file = dir.write("a.md", "one");
    const auto first = stamp_file(file);
    REQUIRE(first);
    CHECK(first->size == 3);
    CHECK(!stamp_file(dir.path));
    CHECK(!stamp_file(dir.path / "missing.md"));
    std::filesystem::create_symlink(file, dir.path / "link.md");
    CHECK(!stamp_file(dir.path / "link.md"));
    std::this_thread::sleep_for(std::chrono::milliseconds(30)); // past the clock's tick
    dir.write("a.md", "two");
    const auto second = stamp_file(file);
    REQUIRE(second);
    CHECK(!(*first == *second)); // same size, but a later write
    CHECK(is_racy(*second, now_ns()));
    CHECK(!is_racy(*second, now_ns() + 3'000'000'000));
}

TEST_CASE("NoteCacheWriter::drain") {
    Note note;
    note.path = "notes/p/a-2026-10-01.md";
    note.customer = "Acme";
    note.key_lines = {{"customer", 2}};
    const FileStamp stamp{1, 2, 3, 4, 5};
    const auto add_all = [&](NoteCacheWriter& writer, const util::TextSink* sink) {
        for (int i = 0; i < 50; ++i) {
            writer.add(note.path, stamp, BodyScan::none, &note, {});
            if (sink && i % 7 == 0)
                writer.drain(*sink);
        }
    };
    NoteCacheWriter whole;
    add_all(whole, nullptr);
    std::string drained;
    const util::TextSink sink = [&](std::string_view piece) { drained += piece; };
    NoteCacheWriter pieces;
    add_all(pieces, &sink);
    drained += pieces.finish();
    CHECK(drained == whole.finish());
}
