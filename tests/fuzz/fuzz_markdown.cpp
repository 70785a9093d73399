// libFuzzer target: the line scanners of note bodies and guides (privacy,
// share's redaction, signals, guide lint). Any input must be handled without a
// crash, a hang or undefined behaviour; a reported contact never shows in full.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "core/guide.hpp"
#include "core/privacy.hpp"
#include "core/share.hpp"
#include "core/signals.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);

    for (const auto& problem : pmi::privacy_problems(text, "fuzz.md", {}))
        (void)pmi::format_problem(problem);
    for (const auto& contact : pmi::find_contacts(text.substr(0, text.find('\n')))) {
        if (contact.text.size() > 4 && pmi::masked(contact) == contact.text) {
            std::fprintf(stderr, "contact shown unmasked: %s\n", contact.text.c_str());
            std::abort();
        }
    }

    (void)pmi::redact_body(text);

    std::istringstream signals_in(text);
    (void)pmi::scan_signals(signals_in, pmi::emotion_words(pmi::Config{}));

    std::istringstream guide_in(text);
    int questions = 0;
    (void)pmi::lint_guide(guide_in, questions);
    return 0;
}
