#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "render/markdown_html.hpp"
#include "render/site.hpp"
#include "render/site_parts.hpp"

namespace pmi::site {

namespace {

using parts::h;

std::string note_link(const std::string& target, const std::string& text) {
    return "<a href=\"" + h(target) + "\">" + h(text) + "</a>";
}

std::string digest_note(const Note& note, const std::map<std::string, std::string>& pages) {
    const std::string title =
        (note.customer.empty() ? std::string("(customer left out)") : note.customer) + " — " +
        format_date(note.date);
    const auto page_of = pages.find(note.path);
    std::string out = "<h3>" +
                      (page_of == pages.end() ? h(title) : note_link(page_of->second, title)) +
                      "</h3>\n<p class=\"muted\">" + h("Talked with " + talked_with(note)) +
                      (note.product.empty() ? "" : " · " + h(note.product)) + "</p>\n";
    if (!note.tldr.empty())
        out += "<p class=\"tldr\"><strong>tl;dr</strong> " + h(note.tldr) + "</p>\n";
    if (!note.nuggets.empty()) {
        out += "<ul class=\"nuggets\">";
        for (const auto& nugget : note.nuggets)
            out += "<li>" + h(nugget) + "</li>";
        out += "</ul>\n";
    }
    return out;
}

void add_field(std::string& out, std::string_view name, const std::string& value) {
    if (!value.empty())
        out += "<dt>" + h(name) + "</dt><dd>" + h(value) + "</dd>\n";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string entry_item(const NoteEntry& entry, std::string_view context) {
    return "<li>" + note_link(entry.page, format_date(entry.date)) + " " + h(context) +
           (entry.tldr.empty() ? "" : ": " + h(entry.tldr)) + "</li>\n";
}

// Entries grouped by `key`, groups by name, newest first inside each; ids are
// numbered so that no name from a note ends up in an id.
std::string grouped(const std::vector<NoteEntry>& entries, const char* id_prefix,
                    std::string NoteEntry::*key, std::string NoteEntry::*context) {
    std::map<std::string, std::vector<const NoteEntry*>> groups;
    for (const auto& entry : entries)
        groups[entry.*key].push_back(&entry);
    std::string toc = "<ul class=\"toc\">";
    std::string out;
    int n = 0;
    for (const auto& [name, members] : groups) {
        const std::string id = fmt::format("{}-{}", id_prefix, ++n);
        const std::string shown = name.empty() ? "(left out)" : name;
        toc += "<li><a href=\"#" + id + "\">" + h(shown) + "</a> (" +
               std::to_string(members.size()) + ")</li>";
        out += "<h3 id=\"" + id + "\">" + h(shown) + "</h3>\n<ul class=\"notes\">\n";
        for (const NoteEntry* entry : members)
            out += entry_item(*entry, entry->*context);
        out += "</ul>\n";
    }
    return toc + "</ul>\n" + out;
}

} // namespace

std::string digest_page(const Digest& digest, const std::map<std::string, std::string>& pages) {
    const std::string week = digest.week ? week_label(*digest.week) : std::string();
    std::string content = "<h1>Digest of " + h(week) + "</h1>\n";
    for (const auto& pm : digest.pms) {
        content += "<h2>" + h(pm.name.empty() ? pm.id : pm.name) + "</h2>\n";
        if (pm.notes.empty())
            content += std::string("<p class=\"muted\">") +
                       (pm.away ? "Away this week." : "No interview this week.") + "</p>\n";
        for (const auto& note : pm.notes)
            content += digest_note(note, pages);
    }
    if (digest.pms.empty())
        content += "<p>No interview this week.</p>\n";
    return page("Digest", "", content);
}

std::string notes_index_page(std::vector<NoteEntry> entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const NoteEntry& a, const NoteEntry& b) { return b.date < a.date; });
    std::string content = "<h1>Notes for sales</h1>\n<p>" +
                          h(fmt::format("{} notes, as pmi share gives them: private sections, "
                                        "private blocks and the fields share.omit names are left "
                                        "out.",
                                        entries.size())) +
                          "</p>\n<p><a href=\"#by-product\">By product</a> · <a "
                          "href=\"#by-customer\">By customer</a></p>\n";
    content += "<h2 id=\"by-product\">By product</h2>\n" +
               grouped(entries, "product", &NoteEntry::product, &NoteEntry::customer);
    content += "<h2 id=\"by-customer\">By customer</h2>\n" +
               grouped(entries, "customer", &NoteEntry::customer, &NoteEntry::product);
    return page("Notes", "../", content);
}

std::string note_page(const Note& note, std::string_view body) {
    const std::string customer = note.customer.empty() ? "(customer left out)" : note.customer;
    std::string content = "<p><a href=\"" + std::string(notes_index_file) +
                          "\">All notes</a></p>\n<h1>" + h(customer) + " — " +
                          h(format_date(note.date)) + "</h1>\n";
    if (!note.tldr.empty())
        content += "<p class=\"tldr\"><strong>tl;dr</strong> " + h(note.tldr) + "</p>\n";
    std::string fields;
    add_field(fields, "Product", note.product);
    add_field(fields, "PM", note.pm);
    add_field(fields, "Kind", note.kind);
    std::vector<std::string> people;
    for (const auto& person : note.interviewees)
        people.push_back(format_interviewee(person));
    add_field(fields, "Interviewees", joined(people));
    add_field(fields, "Segment", note.segment);
    add_field(fields, "Channel", note.channel);
    add_field(fields, "Tags", joined(note.tags));
    for (const auto& extra : note.extra)
        add_field(fields, extra.key, extra.text);
    if (!fields.empty())
        content += "<dl class=\"fields\">\n" + fields + "</dl>\n";
    content += "<article class=\"note-body\">\n" + markdown_to_html(body) + "</article>\n";
    return page(customer + " " + format_date(note.date), "../", content);
}

} // namespace pmi::site
