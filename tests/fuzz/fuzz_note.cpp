// libFuzzer target: the note parser. Any input must give a note or problems,
// never a crash or a hang; a valid note written back with write_note must read
// back as the same note; and whatever the front-matter fast path accepts, it
// must read exactly as yaml-cpp does.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/frontmatter.hpp"
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

std::string yaml_cpp_reading(std::string_view text) {
    try {
        return pmi::describe_yaml(pmi::parse_yaml_with_yaml_cpp(text, 2));
    } catch (const pmi::YamlError& error) {
        return "error " + std::to_string(error.line) + ": " + error.message;
    }
}

// The fast path declines or agrees with yaml-cpp, on the tree or on the error
// (an unclosed quote).
void check_fast_path(std::string_view yaml) {
    std::string fast;
    try {
        const auto simple = pmi::parse_simple_yaml(yaml, 2);
        if (!simple)
            return;
        fast = pmi::describe_yaml(*simple);
    } catch (const pmi::YamlError& error) {
        fast = "error " + std::to_string(error.line) + ": " + error.message;
    }
    const std::string full = yaml_cpp_reading(yaml);
    if (fast != full) {
        std::fprintf(stderr, "fast path differs from yaml-cpp on:\n%.*s\nfast: %s\nyaml-cpp: %s\n",
                     static_cast<int>(yaml.size()), yaml.data(), fast.c_str(), full.c_str());
        std::abort();
    }
}

// The text between the opening '---' line and the next '---' line, if any.
std::string_view front_matter(std::string_view text) {
    if (text.rfind("---\n", 0) != 0)
        return {};
    const auto end = text.find("\n---", 3);
    return end == std::string_view::npos ? std::string_view() : text.substr(4, end - 3);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_fast_path(text);
    check_fast_path(front_matter(text));
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
    if (back.execs != note.execs)
        differs("execs", written);
    if (!same_people(back.interviewees, note.interviewees))
        differs("interviewees", written);
    if (!same_extra(back.extra, note.extra))
        differs("extra fields", written);
    if (back.nuggets != std::vector<std::string>{"kept"})
        differs("the body", written);
    return 0;
}
