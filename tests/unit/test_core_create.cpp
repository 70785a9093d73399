#include <doctest/doctest.h>

#include "core/create.hpp"

using namespace pmi;

TEST_CASE("date_like_suffix") {
    constexpr auto none = std::string_view::npos;
    CHECK(date_like_suffix("acme-corp-2026-11-20") == 9);
    CHECK(date_like_suffix("acme-corp-20-11-2026") == 9);
    CHECK(date_like_suffix("acme-2026-13-01") == 4);
    CHECK(date_like_suffix("acme") == none);
    CHECK(date_like_suffix("route-66") == none);
    CHECK(date_like_suffix("a-1-2") == none);
    CHECK(date_like_suffix("2026-11-20") == none);
    CHECK(date_like_suffix("-2026-11-20") == none);
    CHECK(date_like_suffix("acme-2026--20") == none);
}
