#include <doctest/doctest.h>

#include "core/privacy.hpp"
#include "temp_dir.hpp"

using namespace pmi;

namespace {

std::vector<std::string> found(std::string_view line) {
    std::vector<std::string> texts;
    for (const auto& contact : find_contacts(line))
        texts.push_back(contact.text);
    return texts;
}

using Texts = std::vector<std::string>;

} // namespace

TEST_CASE("find_contacts: email addresses") {
    CHECK(found("write to jane.roe+pmi@acme-corp.co.uk.") == Texts{"jane.roe+pmi@acme-corp.co.uk"});
    CHECK(found("<JO@ACME.COM>, x@y.io") == Texts{"JO@ACME.COM", "x@y.io"});
    CHECK(found("@caroline said so; user@localhost; a@b.c1; @ alone").empty());
}

TEST_CASE("find_contacts: phone numbers") {
    CHECK(found("call +1 415 555 0142 today") == Texts{"+1 415 555 0142"});
    CHECK(found("(415) 555-0143 or 555-0144") == Texts{"(415) 555-0143", "555-0144"});
    CHECK(found("office 020 7946 0958, fax") == Texts{"020 7946 0958"});
    CHECK(found("+14155550142") == Texts{"+14155550142"});
    CHECK(found("415.555.0142") == Texts{"415.555.0142"});
    SUBCASE("a bare run of digits only on a line about phones") {
        CHECK(found("ticket 4155550199").empty());
        CHECK(found("Phone: 4155550199") == Texts{"4155550199"});
        CHECK(found("tel:4155550199") == Texts{"4155550199"});
        CHECK(found("the hotel has 4155550199 rooms").empty());
    }
    SUBCASE("digits after a word naming a reference are not a phone number") {
        for (const char* line :
             {"Support ticket 4521-8876-2210", "ORDER # 415 555 0142", "invoice no. 415-555-0142",
              "Case: 415 555 0142", "PO 415.555.0142", "ref #415-555-0142", "Order No 415 555 0142",
              "tel: see ticket 4155550199"})
            CHECK_MESSAGE(found(line).empty(), line);
        CHECK(found("ticket 123, call 415 555 0142") == Texts{"415 555 0142"});
        CHECK(found("showcase 415 555 0142") == Texts{"415 555 0142"});
        CHECK(found("case 12; phone 415 555 0142") == Texts{"415 555 0142"});
    }
    SUBCASE("numbers that are not phone numbers") {
        for (const char* line :
             {"on 2026-11-23", "from 12/04/2023", "12.04.2023", "ip 192.168.100.200",
              "v1.2.3 and 1.2.3.4567", "10,000,000 users", "1 000 000 euros", "2019-2023",
              "scores 3 4 5 6 7 8 9", "order A1234567", "id 12345678abc", "$4155550142",
              "phone 123456", "+1 234 567 890 123 456 789"})
            CHECK_MESSAGE(found(line).empty(), line);
    }
}

TEST_CASE("find_contacts: profile links, and their digits are not phone numbers") {
    CHECK(found("https://www.linkedin.com/in/jane-roe-4155550142/ and x.com/jr") ==
          Texts{"linkedin.com/in/jane-roe-4155550142", "x.com/jr"});
    CHECK(found("box.com/files and linkedin.com/company/acme").empty());
    CHECK(found("book calendly.com/jane") == Texts{"calendly.com/jane"});
}

TEST_CASE("masked contacts do not repeat the detail") {
    const auto contacts = find_contacts("jane@acme.com +1 415 555 0142 linkedin.com/in/jane");
    REQUIRE(contacts.size() == 3);
    CHECK(masked(contacts[0]) == "j…@acme.com");
    CHECK(masked(contacts[1]) == "+1…42");
    CHECK(masked(contacts[2]) == "linkedin.com/in/…");
}

TEST_CASE("privacy_problems: lines, allow list, reserved domains") {
    Config config;
    config.team = {{"dev", "Dev", "dev@ourco.com", std::nullopt, {}}};
    config.privacy_allow = {"support@acme.com", "@partner.io", "+1 (800) 555-0100",
                            "linkedin.com/in/our-ceo"};
    const auto allow = privacy_allow_list(config);
    const std::string text = "---\r\ncustomer: Acme\r\ncontact: jane@acme.com\r\n---\n"
                             "dev@ourco.com support@ACME.com ops@partner.io jo@example.com "
                             "a@b.test\n1-800-555-0100 linkedin.com/in/our-ceo\n"
                             "- nested\n  - call 555-0142\n";
    const auto problems = privacy_problems(text, "n.md", allow);
    REQUIRE(problems.size() == 2);
    CHECK(format_problem(problems[0]) ==
          "n.md:3: error: email address 'j…@acme.com': keep contact details out of notes "
          "(link the CRM record instead)");
    CHECK(problems[1].line == 8);
    CHECK(problems[1].message.find("phone number '55…42'") == 0);
}

TEST_CASE("check_privacy reads each file and skips what it cannot read") {
    TempDir dir;
    Config config;
    config.root = dir.path;
    const auto note = dir.write("prod/a.md", "no contacts\nlast line jane@acme.com");
    const auto problems =
        check_privacy(config, {note, dir.path / "prod/missing.md", dir.path / "prod"});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "prod/a.md");
    CHECK(problems[0].line == 2);
}
