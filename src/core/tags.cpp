#include "core/tags.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

std::vector<std::string> distinct_tags(const Note& note) {
    std::vector<std::string> tags;
    for (const auto& raw : note.tags) {
        std::string tag(util::trim(raw));
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(std::move(tag));
    }
    return tags;
}

std::string most_used_spelling(const std::map<std::string, std::size_t>& counts) {
    std::string name;
    std::size_t best = 0;
    for (const auto& [spelling, count] : counts)
        if (count > best) {
            best = count;
            name = spelling;
        }
    return name;
}

TagReport build_tag_report(const std::vector<Note>& notes) {
    struct Accumulator {
        std::size_t count = 0;
        std::set<std::string> products;
        Date first;
        Date last;
    };
    std::map<std::string, Accumulator> by_tag;
    for (const auto& note : notes) {
        for (const auto& tag : distinct_tags(note)) {
            auto& acc = by_tag[tag];
            if (acc.count == 0 || note.date < acc.first)
                acc.first = note.date;
            if (acc.count == 0 || note.date > acc.last)
                acc.last = note.date;
            ++acc.count;
            acc.products.insert(note.product);
        }
    }
    TagReport report;
    std::map<std::string, std::vector<TagSpelling>> by_key;
    for (const auto& [tag, acc] : by_tag) {
        report.tags.push_back({tag, acc.count,
                               std::vector<std::string>(acc.products.begin(), acc.products.end()),
                               acc.first, acc.last});
        by_key[util::tag_key(tag)].push_back({tag, acc.count});
    }
    std::sort(report.tags.begin(), report.tags.end(), [](const TagStat& a, const TagStat& b) {
        if (a.count != b.count)
            return a.count > b.count;
        const std::string la = util::to_lower_ascii(a.tag), lb = util::to_lower_ascii(b.tag);
        return la != lb ? la < lb : a.tag < b.tag;
    });
    for (auto& [key, spellings] : by_key) {
        if (spellings.size() < 2)
            continue;
        std::stable_sort(
            spellings.begin(), spellings.end(),
            [](const TagSpelling& a, const TagSpelling& b) { return a.count > b.count; });
        report.duplicates.push_back({key, std::move(spellings)});
    }
    return report;
}

} // namespace pmi
