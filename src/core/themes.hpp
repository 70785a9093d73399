#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/note.hpp"

namespace pmi {

struct NamedCount {
    std::string name;
    std::size_t count = 0;
};

struct TagRow {
    std::string tag;
    std::vector<std::size_t> counts; // one per ThemesReport::products
    std::size_t total = 0;
};

struct TagTrend {
    std::string tag;
    std::size_t now = 0;
    std::size_t before = 0;
    long delta() const { return static_cast<long>(now) - static_cast<long>(before); }
};

struct TagPair {
    std::string first;
    std::string second;
    std::size_t count = 0;
};

struct LapsedCustomer {
    std::string customer;
    Date last;
};

struct ThemesReport {
    Period period;
    Period previous; // the period of equal length just before
    std::size_t interviews = 0;

    // What we hear across portfolios: tags (by util::tag_key, most used spelling)
    // against the products interviewed in the period.
    std::vector<std::string> products;
    std::vector<TagRow> matrix; // total descending, then tag

    // Who we hear from, in the period; "(none)" counts notes that do not say.
    std::vector<NamedCount> segments;
    std::vector<NamedCount> roles;
    std::vector<NamedCount> kinds;
    std::vector<NamedCount> channels;
    std::vector<std::string> quiet_products; // configured or seen, no interview in the period
    std::vector<std::string> quiet_segments; // seen in the tree, no interview in the period
    std::vector<NamedCount> top_customers;   // most interviews in the period (up to 10)
    std::vector<LapsedCustomer> lapsed;      // last interview before today - 90 days

    std::vector<TagTrend> rising;  // delta descending
    std::vector<TagTrend> falling; // delta ascending
    std::vector<TagPair> pairs;    // co-occurring in >= 2 notes, count descending
};

inline constexpr long lapsed_after_days = 90;

// `notes` is the whole tree; `products` the configured products.
ThemesReport build_themes(const std::vector<Note>& notes, const std::vector<std::string>& products,
                          const Period& period, const Date& today);

} // namespace pmi
