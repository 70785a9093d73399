#include "core/themes.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

#include "core/tags.hpp"
#include "util/json.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

constexpr const char* none_label = "(none)";
constexpr std::size_t top_customer_limit = 10;

// Tag keys of a note, each once, in first-seen order.
std::vector<std::string> tag_keys(const Note& note) {
    std::vector<std::string> keys;
    for (const auto& tag : distinct_tags(note)) {
        std::string key = util::tag_key(tag);
        if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(std::move(key));
    }
    return keys;
}

// Count descending, then name case-insensitively (then exactly, for a total order).
bool by_count_then_name(const NamedCount& a, const NamedCount& b) {
    if (a.count != b.count)
        return a.count > b.count;
    const std::string la = util::to_lower_ascii(a.name), lb = util::to_lower_ascii(b.name);
    return la != lb ? la < lb : a.name < b.name;
}

std::vector<NamedCount> sorted_counts(const std::map<std::string, std::size_t>& counts) {
    std::vector<NamedCount> out;
    for (const auto& [name, count] : counts)
        out.push_back({name, count});
    std::sort(out.begin(), out.end(), by_count_then_name);
    return out;
}

std::string or_none(std::string_view text) {
    const auto trimmed = util::trim(text);
    return trimmed.empty() ? std::string(none_label) : std::string(trimmed);
}

} // namespace

ThemesReport build_themes(const std::vector<Note>& notes, const std::vector<std::string>& products,
                          const Period& period, const Date& today) {
    ThemesReport report;
    report.period = period;
    const long length = days_since_epoch(period.last) - days_since_epoch(period.first) + 1;
    report.previous = {add_days(period.first, -length), add_days(period.first, -1)};

    // Names for tag keys, from the whole tree: the most used spelling.
    std::map<std::string, std::map<std::string, std::size_t>> spellings;
    for (const auto& note : notes)
        for (const auto& tag : distinct_tags(note))
            ++spellings[util::tag_key(tag)][tag];
    std::map<std::string, std::string> tag_name;
    for (const auto& [key, counts] : spellings)
        tag_name[key] = most_used_spelling(counts);

    std::set<std::string> product_set;
    std::set<std::string> all_products(products.begin(), products.end());
    std::set<std::string> all_segments;
    std::map<std::string, std::size_t> segments, roles, kinds, channels, customers, now, before;
    std::map<std::string, std::map<std::string, std::size_t>> matrix; // key -> product -> n
    std::map<std::pair<std::string, std::string>, std::size_t> pairs;
    struct Seen {
        std::string name;
        Date last;
    };
    std::map<std::string, Seen> customer_last;        // by slug, up to today
    std::map<std::string, std::string> customer_name; // slug -> most recent spelling in period
    std::map<std::string, Date> customer_name_date;

    for (const auto& note : notes) {
        all_products.insert(note.product);
        if (!util::trim(note.segment).empty())
            all_segments.insert(std::string(util::trim(note.segment)));
        const std::string slug = util::slugify(note.customer);
        if (note.date <= today) {
            auto [it, inserted] = customer_last.try_emplace(slug, Seen{note.customer, note.date});
            if (!inserted && note.date >= it->second.last)
                it->second = {note.customer, note.date};
        }
        const auto keys = tag_keys(note);
        if (report.previous.contains(note.date))
            for (const auto& key : keys)
                ++before[key];
        if (!period.contains(note.date))
            continue;

        ++report.interviews;
        product_set.insert(note.product);
        ++segments[or_none(note.segment)];
        ++channels[or_none(note.channel)];
        ++kinds[effective_kind(note)];
        if (note.interviewees.empty())
            ++roles[none_label];
        for (const auto& person : note.interviewees)
            ++roles[or_none(person.role)];
        ++customers[slug];
        if (customer_name.count(slug) == 0 || note.date >= customer_name_date[slug]) {
            customer_name[slug] = note.customer;
            customer_name_date[slug] = note.date;
        }
        for (const auto& key : keys) {
            ++now[key];
            ++matrix[key][note.product];
        }
        std::vector<std::string> sorted_keys = keys;
        std::sort(sorted_keys.begin(), sorted_keys.end(),
                  [&](const auto& a, const auto& b) { return tag_name[a] < tag_name[b]; });
        for (std::size_t i = 0; i < sorted_keys.size(); ++i)
            for (std::size_t j = i + 1; j < sorted_keys.size(); ++j)
                ++pairs[{sorted_keys[i], sorted_keys[j]}];
    }

    report.products.assign(product_set.begin(), product_set.end());
    for (const auto& [key, by_product] : matrix) {
        TagRow row;
        row.tag = tag_name[key];
        for (const auto& product : report.products) {
            const auto it = by_product.find(product);
            row.counts.push_back(it == by_product.end() ? 0 : it->second);
        }
        row.total = now[key];
        report.matrix.push_back(std::move(row));
    }
    std::sort(report.matrix.begin(), report.matrix.end(), [](const TagRow& a, const TagRow& b) {
        return a.total != b.total ? a.total > b.total : a.tag < b.tag;
    });

    report.segments = sorted_counts(segments);
    report.roles = sorted_counts(roles);
    report.kinds = sorted_counts(kinds);
    report.channels = sorted_counts(channels);
    for (const auto& product : all_products)
        if (product_set.count(product) == 0)
            report.quiet_products.push_back(product);
    for (const auto& segment : all_segments)
        if (segments.count(segment) == 0)
            report.quiet_segments.push_back(segment);

    std::vector<NamedCount> top;
    for (const auto& [slug, count] : customers)
        top.push_back({customer_name[slug], count});
    std::sort(top.begin(), top.end(), by_count_then_name);
    if (top.size() > top_customer_limit)
        top.resize(top_customer_limit);
    report.top_customers = std::move(top);

    const Date lapsed_before = add_days(today, -lapsed_after_days);
    for (const auto& [slug, seen] : customer_last)
        if (seen.last < lapsed_before)
            report.lapsed.push_back({seen.name, seen.last});
    std::sort(report.lapsed.begin(), report.lapsed.end(),
              [](const LapsedCustomer& a, const LapsedCustomer& b) {
                  return a.last != b.last ? a.last < b.last : a.customer < b.customer;
              });

    std::set<std::string> trend_keys;
    for (const auto& [key, count] : now)
        trend_keys.insert(key);
    for (const auto& [key, count] : before)
        trend_keys.insert(key);
    for (const auto& key : trend_keys) {
        TagTrend trend{tag_name[key], now.count(key) ? now[key] : 0,
                       before.count(key) ? before[key] : 0};
        if (trend.delta() > 0)
            report.rising.push_back(trend);
        else if (trend.delta() < 0)
            report.falling.push_back(trend);
    }
    const auto by_delta = [](const TagTrend& a, const TagTrend& b) {
        if (a.delta() != b.delta())
            return std::labs(a.delta()) > std::labs(b.delta());
        return a.tag < b.tag;
    };
    std::sort(report.rising.begin(), report.rising.end(), by_delta);
    std::sort(report.falling.begin(), report.falling.end(), by_delta);

    for (const auto& [keys, count] : pairs)
        if (count >= 2)
            report.pairs.push_back({tag_name[keys.first], tag_name[keys.second], count});
    std::sort(report.pairs.begin(), report.pairs.end(), [](const TagPair& a, const TagPair& b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    return report;
}

} // namespace pmi
