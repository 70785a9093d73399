#pragma once

#include <filesystem>
#include <string>

#include "core/config.hpp"
#include "core/note.hpp"

namespace pmi {

// The note body `pmi init` writes to .pmi/template.md and `pmi new` falls back to.
std::string default_template();

// The commented .pmi.yaml written by `pmi init`. With no `pm_id`, the sample
// entry (caroline, Caroline Diaz, since 2026-01-05); with one, that PM with
// `name` and `email` when given, else commented placeholders, on the team
// `since` (no quota before: a new team is not behind on the weeks before it).
std::string default_config(const std::string& pm_id, const std::string& name = {},
                           const std::string& email = {}, const Date& since = {2026, 1, 5});

// The note's body: the team's .pmi/template.md when there is one, else the default.
std::string note_template(const Config& config);

// The text `create_note` writes: the note with `body`, and an empty `tldr:`
// line when the note has no tldr, so the user sees where the summary goes.
std::string new_note_text(const Note& note, const std::string& body);

// Throws pmi::Error when the note's customer gives no file name (no letters or
// digits) or its product is not a folder name; returns the customer's slug.
std::string checked_note_slug(const Note& note);

// Throws pmi::Error when the config lists products and `product` is not one
// of them: adding a product is an edit of the config, not a side effect of a
// typo. (A name that is no folder name is left to checked_note_slug.)
void check_known_product(const Config& config, const std::string& product);

// Creates the note file <notes>/<product>/<customer-slug>-<date>.md, or -2, -3 …
// when that name is taken. Written whole under a temporary name, then linked into
// place without replacing anything: no existing file is ever touched,
// and concurrent calls get distinct files. Returns the new file's path; throws
// pmi::Error when it cannot be written.
std::filesystem::path create_note(const Config& config, const Note& note, const std::string& body);

// Splits "acme-corp-2026-11-20" into "acme-corp" and the date; false when the
// text does not end in a date.
bool split_customer_date(const std::string& text, std::string& customer, Date& date);

// Where a trailing date-like part of `text` starts (three groups of digits
// joined by '-', after a '-': "acme-2026-13-01", "acme-20-11-2026"), at its
// leading '-'; npos when there is none. Whether it is a date is for the caller.
std::size_t date_like_suffix(std::string_view text);

} // namespace pmi
