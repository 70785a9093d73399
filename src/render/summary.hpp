#pragma once

#include <string>

#include "core/summary.hpp"
#include "render/format.hpp"

namespace pmi {

// The note's web address: links.base (checked to need no escaping) and the
// repository-relative path with every byte a URL path cannot hold
// percent-encoded; empty without a base.
std::string note_url(const std::string& base, const std::string& path);

// The two lines a PM pastes to the dev team:
//   tl;dr – talked with Jo Smith (end user) at Acme Corp on 2026-11-20: <tldr>
//   Full interview notes at prod/interviews/portal/acme-corp-2026-11-20.md
// for a terminal, and for markdown (values escaped so none becomes a link).
std::string summary_text(const NoteSummary& summary);
std::string summary_markdown(const NoteSummary& summary);

// The staff-meeting digest (or, without a week, the chosen notes' summaries).
std::string digest_markdown(const Digest& digest, const View& view);
std::string digest_text(const Digest& digest, const View& view);
// One shape with and without a week: {schema, week, since, until, pms: [{pm,
// name, interviews: [{path, url, date, customer, …, tldr, tldr_source, summary}]}]};
// url is the note's web address (links.base), null without one.
std::string digest_json(const Digest& digest, const View& view);

inline const FormatTable<Digest> digest_formats = {
    {Format::markdown, digest_markdown}, {Format::text, digest_text}, {Format::json, digest_json}};

} // namespace pmi
