// libFuzzer target: the note parser. Any input must give a note or problems,
// never a crash or a hang; a valid note written back with write_note must read
// back as the same note.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/note.hpp"

namespace {

[[noreturn]] void differs(const char* what, const std::string& written) {
    std::fprintf(stderr, "round trip changed %s; written note:\n%s\n", what, written.c_str());
    std::abort();
}

bool same_people(const std::vector<pmi::Interviewee>& a, const std::vector<pmi::Interviewee>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].role != b[i].role)
            return false;
    return true;
}

bool same_extra(const std::vector<pmi::ExtraField>& a, const std::vector<pmi::ExtraField>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].key != b[i].key || a[i].text != b[i].text)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const pmi::NoteParse parse = pmi::parse_note(text, "fuzz.md", pmi::BodyScan::sections);
    for (const auto& problem : parse.problems)
        (void)pmi::format_problem(problem);
    if (!parse.note)
        return 0;
    const pmi::Note& note = *parse.note;
    const std::string written = pmi::write_note(note, "## Nuggets\n- kept\n");
    const pmi::NoteParse again = pmi::parse_note(written, "fuzz.md", pmi::BodyScan::sections);
    if (!again.note) {
        for (const auto& problem : again.problems)
            std::fprintf(stderr, "%s\n", pmi::format_problem(problem).c_str());
        differs("validity", written);
    }
    const pmi::Note& back = *again.note;
    if (back.customer != note.customer || back.pm != note.pm || back.product != note.product)
        differs("customer, pm or product", written);
    if (back.date != note.date || back.kind != note.kind)
        differs("date or kind", written);
    if (back.segment != note.segment || back.channel != note.channel || back.tldr != note.tldr)
        differs("segment, channel or tldr", written);
    if (back.tags != note.tags)
        differs("tags", written);
    if (!same_people(back.interviewees, note.interviewees))
        differs("interviewees", written);
    if (!same_extra(back.extra, note.extra))
        differs("extra fields", written);
    if (back.nuggets != std::vector<std::string>{"kept"})
        differs("the body", written);
    return 0;
}
