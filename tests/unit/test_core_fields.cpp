#include <doctest/doctest.h>

#include <fstream>

#include "core/cache.hpp"
#include "core/fields.hpp"
#include "temp_dir.hpp"

using namespace pmi;

namespace {

// A value for each field that no default or other field has.
void set_distinct_value(Note& note, const NoteField& field) {
    switch (field.kind) {
    case FieldKind::text:
        note.*field.text = "value of " + std::string(field.key) + ": \"x\", y";
        break;
    case FieldKind::kind: note.kind = "usability"; break;
    case FieldKind::date: note.date = {2026, 2, 28}; break;
    case FieldKind::people: note.interviewees = {{"Jo Smith", "end user"}, {"Ann", ""}}; break;
    case FieldKind::text_list:
        note.*field.list = {"first " + std::string(field.key), "b, c"};
        break;
    case FieldKind::flag: note.*field.flag = true; break;
    }
}

Note full_note() {
    Note note;
    note.path = "prod/interviews/portal/acme-2026-02-28.md";
    for (const auto& field : note_fields)
        set_distinct_value(note, field);
    return note;
}

} // namespace

// Every field of the table survives the writer and the reader, and the cache
// codec: a field added to the table without its plumbing fails here.
TEST_CASE("note_fields round trip") {
    const Note note = full_note();
    const std::string text = write_note(note, "## Goal\n");
    const NoteParse parse = parse_note(text, note.path, BodyScan::sections);
    REQUIRE(parse.note);
    CHECK(parse.problems.empty());
    CHECK(parse.note->extra.empty());

    TempDir dir;
    NoteCacheWriter writer;
    const FileStamp stamp{10, 20, 30, 40, 50};
    writer.add(note.path, stamp, BodyScan::sections, &*parse.note, {});
    const auto file = dir.path / "cache.bin";
    std::ofstream(file, std::ios::binary) << writer.finish();
    const auto entries = read_note_cache(file);
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].parse.note);

    for (const auto& field : note_fields) {
        CAPTURE(field.key);
        const auto expected = field_values(note, field);
        CHECK(!expected.empty());
        CHECK(field_values(*parse.note, field) == expected);
        CHECK(field_values(*entries[0].parse.note, field) == expected);
        CHECK(text.find("\n" + std::string(field.key) + ":") != std::string::npos);
    }
}

TEST_CASE("find_note_field") {
    CHECK(find_note_field("tags")->kind == FieldKind::text_list);
    CHECK(find_note_field("date")->required);
    CHECK(find_note_field("Tags") == nullptr);
    CHECK(find_note_field("crm_id") == nullptr);
}

TEST_CASE("clear_field and field_cell") {
    Note note = full_note();
    CHECK(field_cell(note, *find_note_field("interviewees")) == "Jo Smith (end user); Ann");
    CHECK(field_cell(note, *find_note_field("tags")) == "first tags;b, c");
    for (const auto& field : note_fields)
        clear_field(note, field);
    CHECK(note.customer.empty());
    CHECK(note.tags.empty());
    CHECK(note.interviewees.empty());
    CHECK(format_date(note.date) == "2026-02-28"); // a date cannot be empty
}

TEST_CASE("near_miss_key") {
    CHECK(near_miss_key("tag") == "tags");
    CHECK(near_miss_key("Customer") == "customer");
    CHECK(near_miss_key("Interviewees") == "interviewees");
    CHECK(near_miss_key("interviewee") == "interviewees");
    CHECK(near_miss_key("tl;dr") == "tldr");
    CHECK(near_miss_key("tldr ") == "tldr");
    CHECK(near_miss_key("PM") == "pm");
    CHECK(near_miss_key("tgas") == "tags"); // a swap is one edit
    CHECK(near_miss_key("tags").empty());
    CHECK(near_miss_key("pms").empty()); // one edit from a key shorter than four letters
    CHECK(near_miss_key("renewal").empty());
    CHECK(near_miss_key("crm_id").empty());
}
