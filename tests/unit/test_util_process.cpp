#include <doctest/doctest.h>

#include "util/expected.hpp"
#include "util/process.hpp"

TEST_CASE("capture_output") {
    const auto echoed = util::capture_output({"printf", "%s", "a b"});
    REQUIRE(echoed);
    CHECK(*echoed == "a b");
    SUBCASE("says why it failed") {
        const auto missing = util::capture_output({"pmi-no-such-program-here"});
        CHECK_FALSE(missing);
        CHECK(missing.error().find("cannot run pmi-no-such-program-here") == 0);
        const auto failed = util::capture_output({"false"});
        CHECK_FALSE(failed);
        CHECK(failed.error() == "false exited with status 1");
    }
}

TEST_CASE("Expected and Status") {
    util::Expected<int> good = 3;
    CHECK(good);
    CHECK(*good == 3);
    CHECK(good.error().empty());
    util::Expected<int> bad = util::failure("no");
    CHECK_FALSE(bad);
    CHECK(bad.error() == "no");
    util::Status ok;
    CHECK(ok);
    util::Status broken = util::failure("disk full");
    CHECK_FALSE(broken);
    CHECK(broken.error() == "disk full");
}
