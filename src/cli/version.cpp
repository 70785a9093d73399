#include "cli/version.hpp"

namespace pmi::cli {

const char* version_line() {
    return "pmi " PMI_VERSION " (commit " PMI_COMMIT ")";
}

} // namespace pmi::cli
