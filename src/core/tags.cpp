#include "core/tags.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

std::vector<std::string> distinct_tags(const Note& note) {
    std::vector<std::string> tags;
    std::unordered_set<std::string_view> seen; // views into note.tags
    for (const auto& raw : note.tags) {
        const std::string_view tag = util::trim(raw);
        if (!tag.empty() && seen.insert(tag).second)
            tags.emplace_back(tag);
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
        by_key[util::lookalike_key(tag)].push_back(
            {tag, acc.count, util::has_lookalike_letters(tag)});
    }
    // by_tag is sorted by tag: a stable sort by (count, lowercase) keeps that order for ties.
    std::vector<std::pair<std::string, TagStat>> keyed;
    keyed.reserve(report.tags.size());
    for (auto& stat : report.tags)
        keyed.emplace_back(util::to_lower_ascii(stat.tag), std::move(stat));
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        if (a.second.count != b.second.count)
            return a.second.count > b.second.count;
        return a.first < b.first;
    });
    for (std::size_t i = 0; i < keyed.size(); ++i)
        report.tags[i] = std::move(keyed[i].second);
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
