// libFuzzer target: the .pmi.yaml parser. Any input must give a Config or a
// pmi::Error naming the file, never a crash, a hang or another exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config.hpp"
#include "core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const pmi::Config config = pmi::parse_config(text, ".pmi.yaml");
        for (const auto& person : config.team)
            (void)config.member(person.id);
        (void)config.kind_counts("sales");
    } catch (const pmi::Error&) {
    }
    return 0;
}
