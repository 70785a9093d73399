#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/error.hpp"

namespace pmi {

// A contact detail found in a line of text.
struct Contact {
    enum class Kind { email, phone, profile };
    Kind kind = Kind::email;
    std::string text; // as written
    std::size_t column = 0;
};

// Contact details that may appear in notes: reserved example domains
// (example.com, *.test …), the team's own addresses and config.privacy_allow
// (an address, "@domain", or a phone number compared digit by digit).
struct PrivacyAllowList {
    std::vector<std::string> addresses; // lower case
    std::vector<std::string> domains;   // lower case, without '@'
    std::vector<std::string> numbers;   // digits only
};

PrivacyAllowList privacy_allow_list(const Config& config);

// The email addresses, phone numbers and profile links (LinkedIn, X/Twitter,
// Facebook, Instagram, Calendly, WhatsApp, Telegram) in one line, left to right.
// A phone number is 7 to 15 digits written as one: with a leading '+', an area
// code in parentheses, three or more groups of at least two digits, a local
// 555-0142, or any digits on a line that says phone, tel, mobile, cell, fax or
// WhatsApp. Dates, IP addresses and version numbers are not phone numbers, nor
// digits right after a reference word ("ticket", "Order #", "invoice no.", "PO:").
std::vector<Contact> find_contacts(std::string_view line);

// The contact as shown in a report, so the report does not spread it further:
// "j…@acme.com", "+1 4… …42", "linkedin.com/in/…".
std::string masked(const Contact& contact);

// Each contact detail in a note's text not on the allow list, as an error on its line.
std::vector<Problem> privacy_problems(std::string_view text, const std::string& path,
                                      const PrivacyAllowList& allow);

// privacy_problems for each file (absolute paths; `shown` paths in problems as
// display_path gives them). Files that cannot be read are skipped: loading
// reports them.
std::vector<Problem> check_privacy(const Config& config,
                                   const std::vector<std::filesystem::path>& files);

} // namespace pmi
