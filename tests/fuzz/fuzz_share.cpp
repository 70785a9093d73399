// libFuzzer target: `pmi share`'s redaction. The input is a mode byte, two bytes
// of position, a length byte and a note body; the target puts a secret into that
// body where it is private beyond doubt (after an opening private marker at the
// position and any text of that length, and before a closing one; or under a
// Private heading at the top), and asserts that the secret never reaches the
// shared copy, whatever the rest of the body holds. Share may refuse the note:
// markers only pair up one to one, so a secret that something in the body moves
// out of its block leaves a closing marker unmatched.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/share.hpp"

namespace {

// The secret's bytes are taken out of the fuzzed text, so only the secret can bring them.
constexpr char mark = '\x01';
const std::string secret = std::string(1, mark) + "SECRET" + std::string(1, mark);

std::string body_with_secret(unsigned mode, std::size_t position, std::size_t length,
                             std::string text) {
    std::erase(text, mark);
    position = text.empty() ? 0 : position % (text.size() + 1);
    const std::string before = text.substr(0, position);
    const std::string middle = text.substr(position, length);
    const std::string after = text.substr(std::min(text.size(), position + length));
    switch (mode % 6) {
    case 0: return before + "<!-- private -->" + secret + "<!-- /private -->" + after;
    case 1:
        return before + "\n<!-- private: reason -->\n" + secret + "\n<!-- /private -->\n" + after;
    case 2: return before + "<!--\nPRIVATE\n-->" + secret + "<!--/private-->" + after;
    case 3: return "## Private\n" + secret + "\n\n" + text;
    case 4: return "Private\n=======\n- " + secret + "\n\n" + text;
    default: return before + "<!-- private -->" + middle + secret + "<!-- /private -->" + after;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4)
        return 0;
    const unsigned mode = data[0];
    const std::size_t position = static_cast<std::size_t>(data[1]) << 8 | data[2];
    const std::string body = body_with_secret(
        mode, position, data[3], std::string(reinterpret_cast<const char*>(data) + 4, size - 4));
    const std::string note =
        "---\ncustomer: Acme\ndate: 2026-11-20\npm: caroline\nproduct: portal\n---\n" + body;

    std::vector<pmi::Problem> problems;
    const pmi::SharedNote shared = pmi::share_note(note, "fuzz.md", {}, problems);
    if (shared.status == pmi::ShareStatus::shared && shared.text.find(mark) != std::string::npos) {
        std::fprintf(stderr, "private text in the shared copy of:\n%s\n--- shared:\n%s\n",
                     note.c_str(), shared.text.c_str());
        std::abort();
    }
    if (shared.status != pmi::ShareStatus::shared && problems.empty()) {
        std::fprintf(stderr, "share refused without saying why:\n%s\n", note.c_str());
        std::abort();
    }
    return 0;
}
