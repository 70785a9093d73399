#pragma once

namespace pmi::cli {

// "pmi VERSION (commit HASH)": the version and the commit pmi was built from.
const char* version_line();

} // namespace pmi::cli
