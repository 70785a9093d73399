#include "core/privacy.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

#include "core/store.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi {

namespace {

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
    return util::is_ascii_digit(c) || is_alpha(c);
}
bool is_one_of(char c, std::string_view set) {
    return set.find(c) != std::string_view::npos;
}

void find_emails(std::string_view line, std::vector<Contact>& out) {
    for (auto at = line.find('@'); at != std::string_view::npos; at = line.find('@', at + 1)) {
        std::size_t begin = at;
        while (begin > 0 && (is_alnum(line[begin - 1]) || is_one_of(line[begin - 1], "._%+-")))
            --begin;
        while (begin < at && line[begin] == '.')
            ++begin;
        std::size_t end = at + 1;
        while (end < line.size() && (is_alnum(line[end]) || is_one_of(line[end], ".-")))
            ++end;
        while (end > at + 1 && is_one_of(line[end - 1], ".-"))
            --end;
        if (begin == at)
            continue;
        const std::string_view domain = line.substr(at + 1, end - at - 1);
        const auto dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0)
            continue;
        const std::string_view top = domain.substr(dot + 1);
        if (top.size() < 2 || !std::all_of(top.begin(), top.end(), is_alpha))
            continue;
        out.push_back({Contact::Kind::email, std::string(line.substr(begin, end - begin)), begin});
    }
}

constexpr std::array<std::string_view, 10> profile_sites = {
    "linkedin.com/in/", "linkedin.com/pub/", "twitter.com/",  "x.com/", "facebook.com/",
    "fb.com/",          "instagram.com/",    "calendly.com/", "wa.me/", "t.me/"};

void find_profiles(std::string_view line, const std::string& lower, std::vector<Contact>& out) {
    for (const auto site : profile_sites) {
        for (auto at = lower.find(site); at != std::string::npos; at = lower.find(site, at + 1)) {
            if (at > 0 && (is_alnum(lower[at - 1]) || lower[at - 1] == '-'))
                continue;
            std::size_t end = at + site.size();
            while (end < line.size() && (is_alnum(line[end]) || is_one_of(line[end], "_.-")))
                ++end;
            if (end == at + site.size())
                continue;
            out.push_back({Contact::Kind::profile, std::string(line.substr(at, end - at)), at});
        }
    }
}

bool has_phone_word(const std::string& lower) {
    constexpr std::array<std::string_view, 10> words = {
        "phone", "telephone", "tel",   "fax",           "whatsapp",
        "sms",   "mobile:",   "cell:", "mobile number", "cell number"};
    for (const auto word : words) {
        for (auto at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
            const std::size_t end = at + word.size();
            if ((at == 0 || !is_alpha(lower[at - 1])) &&
                (end >= lower.size() || !is_alpha(lower[end])))
                return true;
        }
    }
    return false;
}

// The digit groups of a candidate and what separates them.
struct DigitGroups {
    std::vector<std::string_view> groups;
    std::vector<std::string_view> separators; // separators[i] is between groups i and i+1
    std::size_t digits = 0;
};

DigitGroups digit_groups(std::string_view text) {
    DigitGroups result;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        if (util::is_ascii_digit(text[i])) {
            while (i < text.size() && util::is_ascii_digit(text[i]))
                ++i;
            result.groups.push_back(text.substr(start, i - start));
            result.digits += i - start;
        } else {
            while (i < text.size() && !util::is_ascii_digit(text[i]))
                ++i;
            if (!result.groups.empty() && i < text.size())
                result.separators.push_back(text.substr(start, i - start));
        }
    }
    return result;
}

bool is_date_like(const DigitGroups& number) {
    const auto& g = number.groups;
    for (std::size_t i = 0; i + 2 < g.size(); ++i) {
        const bool plain_separators = number.separators[i].size() == 1 &&
                                      number.separators[i] == number.separators[i + 1] &&
                                      is_one_of(number.separators[i][0], "-/.");
        const bool year_first = g[i].size() == 4 && g[i + 1].size() <= 2 && g[i + 2].size() <= 2;
        const bool year_last = g[i].size() <= 2 && g[i + 1].size() <= 2 && g[i + 2].size() == 4;
        if (plain_separators && (year_first || year_last))
            return true;
    }
    return false;
}

bool only_dots(const DigitGroups& number) {
    return !number.separators.empty() &&
           std::all_of(number.separators.begin(), number.separators.end(),
                       [](std::string_view s) { return s == "."; });
}

bool is_phone_number(std::string_view text, bool phone_line) {
    const DigitGroups number = digit_groups(text);
    const auto& g = number.groups;
    if (number.digits < 7 || number.digits > 15 || is_date_like(number))
        return false;
    if (only_dots(number) &&
        std::any_of(g.begin(), g.end(), [](std::string_view d) { return d.size() < 2; }))
        return false; // a version number or an IP address
    if (phone_line || text[0] == '+')
        return true;
    if (text.find('(') != std::string_view::npos && text.find(')') != std::string_view::npos)
        return true;
    if (only_dots(number) && g.size() == 4 &&
        std::all_of(g.begin(), g.end(), [](std::string_view d) { return d.size() <= 3; }))
        return false; // an IP address
    const bool groups_of_two_or_more =
        std::all_of(g.begin(), g.end(), [](std::string_view d) { return d.size() >= 2; });
    if (groups_of_two_or_more && g.size() >= 3 && g.size() <= 6)
        return true;
    return g.size() == 2 && g[0].size() == 3 && g[1].size() == 4 &&
           is_one_of(number.separators[0][0], "- .") && number.separators[0].size() == 1;
}

// Whether the text before `at` ends with a word that names a reference number
// ("ticket", "Order #", "invoice no.", "PO:"): the digits after it are not a phone.
bool after_reference_word(std::string_view line, std::size_t at) {
    constexpr std::array<std::string_view, 11> words = {
        "ticket",    "order",   "invoice", "case",     "po", "ref",
        "reference", "booking", "account", "contract", "id"};
    std::string before = util::to_lower_ascii(line.substr(0, at));
    const auto drop_spaces = [&] {
        while (!before.empty() && (before.back() == ' ' || before.back() == ':'))
            before.pop_back();
    };
    drop_spaces();
    if (!before.empty() && before.back() == '#')
        before.pop_back();
    drop_spaces();
    for (const std::string_view number_word : {"no.", "nr.", "no", "nr", "number"}) {
        if (before.ends_with(number_word) &&
            (before.size() == number_word.size() ||
             !is_alpha(before[before.size() - number_word.size() - 1]))) {
            before.resize(before.size() - number_word.size());
            drop_spaces();
            break;
        }
    }
    return std::any_of(words.begin(), words.end(), [&](std::string_view word) {
        return before.ends_with(word) &&
               (before.size() == word.size() || !is_alpha(before[before.size() - word.size() - 1]));
    });
}

void find_phones(std::string_view line, bool phone_line, std::vector<Contact>& out) {
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        const bool may_start = c == '+' || c == '(' || util::is_ascii_digit(c);
        if (!may_start ||
            (i > 0 && (is_alnum(line[i - 1]) || is_one_of(line[i - 1], "+-./_#$€")))) {
            ++i;
            continue;
        }
        std::size_t run_end = i + 1;
        while (run_end < line.size() &&
               (util::is_ascii_digit(line[run_end]) || is_one_of(line[run_end], " -.()/")))
            ++run_end;
        std::size_t end = run_end;
        while (end > i && !util::is_ascii_digit(line[end - 1]) && line[end - 1] != ')')
            --end;
        const bool glued_to_word = end == run_end && end < line.size() && is_alpha(line[end]);
        if (end > i && !glued_to_word && !after_reference_word(line, i) &&
            is_phone_number(line.substr(i, end - i), phone_line))
            out.push_back({Contact::Kind::phone, std::string(line.substr(i, end - i)), i});
        i = run_end;
    }
}

std::string digits_of(std::string_view text) {
    std::string digits;
    for (char c : text)
        if (util::is_ascii_digit(c))
            digits += c;
    return digits;
}

bool reserved_domain(const std::string& domain) {
    return domain == "example.com" || domain == "example.org" || domain == "example.net" ||
           domain.ends_with(".example") || domain.ends_with(".test") ||
           domain.ends_with(".invalid") || domain.ends_with(".localhost") ||
           domain.ends_with(".example.com");
}

bool allowed(const Contact& contact, const PrivacyAllowList& allow) {
    const std::string lower = util::to_lower_ascii(contact.text);
    switch (contact.kind) {
    case Contact::Kind::email: {
        const std::string domain = lower.substr(lower.rfind('@') + 1);
        return reserved_domain(domain) || util::contains(allow.addresses, lower) ||
               util::contains(allow.domains, domain);
    }
    case Contact::Kind::phone: return util::contains(allow.numbers, digits_of(contact.text));
    case Contact::Kind::profile: return util::contains(allow.addresses, lower);
    }
    return false;
}

const char* kind_name(Contact::Kind kind) {
    switch (kind) {
    case Contact::Kind::email: return "email address";
    case Contact::Kind::phone: return "phone number";
    case Contact::Kind::profile: return "profile link";
    }
    return "contact";
}

} // namespace

PrivacyAllowList privacy_allow_list(const Config& config) {
    PrivacyAllowList allow;
    for (const auto& person : config.team)
        if (!person.email.empty())
            allow.addresses.push_back(util::to_lower_ascii(person.email));
    for (const auto& entry : config.privacy_allow) {
        const std::string lower = util::to_lower_ascii(util::trim(entry));
        if (!lower.empty() && lower[0] == '@')
            allow.domains.push_back(lower.substr(1));
        else if (lower.find('@') != std::string::npos || lower.find('/') != std::string::npos)
            allow.addresses.push_back(lower);
        else if (!digits_of(lower).empty())
            allow.numbers.push_back(digits_of(lower));
    }
    return allow;
}

std::vector<Contact> find_contacts(std::string_view line) {
    std::vector<Contact> found;
    const std::string lower = util::to_lower_ascii(line);
    find_emails(line, found);
    find_profiles(line, lower, found);
    // Digits inside an address or a link are not a phone number.
    std::string rest(line);
    for (const auto& contact : found)
        std::fill_n(rest.begin() + static_cast<std::ptrdiff_t>(contact.column), contact.text.size(),
                    ' ');
    find_phones(rest, has_phone_word(lower), found);
    std::sort(found.begin(), found.end(),
              [](const Contact& a, const Contact& b) { return a.column < b.column; });
    return found;
}

std::string masked(const Contact& contact) {
    const std::string& text = contact.text;
    switch (contact.kind) {
    case Contact::Kind::email: {
        const auto at = text.rfind('@');
        return text.substr(0, 1) + "…" + text.substr(at);
    }
    case Contact::Kind::phone: return text.substr(0, 2) + "…" + text.substr(text.size() - 2);
    case Contact::Kind::profile: {
        for (const auto site : profile_sites)
            if (util::starts_with_ci(text, site))
                return text.substr(0, site.size()) + "…";
        return text;
    }
    }
    return text;
}

std::vector<Problem> privacy_problems(std::string_view text, const std::string& path,
                                      const PrivacyAllowList& allow) {
    std::vector<Problem> problems;
    int line_number = 0;
    for (std::size_t start = 0; start < text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ++line_number;
        for (const auto& contact : find_contacts(line))
            if (!allowed(contact, allow))
                problems.push_back(
                    {path, line_number, Severity::error,
                     fmt::format("{} '{}': keep contact details out of notes (link the CRM "
                                 "record instead)",
                                 kind_name(contact.kind), masked(contact))});
        start = end + 1;
    }
    return problems;
}

std::vector<Problem> check_privacy(const Config& config,
                                   const std::vector<std::filesystem::path>& files) {
    const PrivacyAllowList allow = privacy_allow_list(config);
    std::vector<Problem> problems;
    for (const auto& file : files) {
        const auto text = util::read_file(file);
        if (!text)
            continue;
        auto found = privacy_problems(*text, display_path(config, file), allow);
        problems.insert(problems.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
    }
    return problems;
}

} // namespace pmi
