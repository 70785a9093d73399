#pragma once

#include <string>

#include "core/picks.hpp"
#include "render/format.hpp"

namespace pmi {

// One line per PM: "Caroline Diaz (reseller-portal): <nugget> — Acme Corp, 2026-11-17",
// or "no interview this week" / "away this week".
std::string picks_markdown(const WeekPicks& picks, const View& view);
std::string picks_text(const WeekPicks& picks, const View& view);
// {schema, week, since, until, picks: [{pm, name, products, away, interviews,
// nugget, marked, customer, date, path}]}; nugget and what follows null without one.
std::string picks_json(const WeekPicks& picks, const View& view);

inline const FormatTable<WeekPicks> picks_formats = {
    {Format::markdown, picks_markdown}, {Format::text, picks_text}, {Format::json, picks_json}};

// The message to the executive team, markdown ready to paste or mail (also for
// `text`: it is meant to be pasted).
std::string exec_markdown(const ExecMessage& message, const View& view);
// Each nugget links to its full notes: the web address with links.base (never
// used by share), else the repository path.
// {schema, week, since, until, nuggets: [{nugget, talked_with, customer, date,
// pm, name, products, path, url}]}; url null without links.base.
std::string exec_json(const ExecMessage& message, const View& view);

inline const FormatTable<ExecMessage> exec_formats = {
    {Format::markdown, exec_markdown}, {Format::text, exec_markdown}, {Format::json, exec_json}};

} // namespace pmi
