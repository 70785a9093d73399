#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "core/create.hpp"
#include "core/edit.hpp"
#include "core/lint.hpp"
#include "core/store.hpp"
#include "render/escape.hpp"
#include "util/fs.hpp"
#include "util/process.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace fs = std::filesystem;

namespace {

struct NewOptions {
    std::string customer;
    std::string product;
    std::string date;
    std::string pm;
    std::vector<std::string> with;
    std::vector<std::string> listeners;
    std::vector<std::string> tags;
    std::string kind = "learning";
    std::vector<std::string> interviewees;
    std::string tldr;
    std::string segment;
    std::string channel;
    bool no_edit = false;
    bool edit = false;
};

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// --pm, then PMI_PM, then the roster entry matching git's user.email, then $USER.
std::string resolve_pm(const std::string& given, const Config& config) {
    if (!given.empty())
        return given;
    if (const auto pm = env("PMI_PM"); !pm.empty())
        return pm;
    if (const auto email =
            util::capture_output({"git", "-C", config.root.string(), "config", "user.email"})) {
        const auto trimmed = util::to_lower_ascii(util::trim(*email));
        for (const auto& person : config.team)
            if (!trimmed.empty() && util::to_lower_ascii(person.email) == trimmed)
                return person.id;
    }
    if (const auto user = env("USER"); !user.empty())
        return user;
    throw Error("no product manager: use --pm ID or set PMI_PM");
}

std::string resolve_product(const std::string& given, const Config& config) {
    if (!given.empty())
        return given;
    const auto known = config.products.empty() ? product_folders(config) : config.products;
    if (known.size() == 1)
        return known.front();
    if (known.empty())
        throw Error("no product: use --product NAME (the folder the note is filed under)");
    throw Error(fmt::format("more than one product; choose one with --product: {}",
                            util::join(known, ", ")));
}

// The --with ids, each once. With a roster each must be in it (lint fails a
// note whose `with:` names someone else), and none is the lead.
std::vector<std::string> paired_pms(const std::vector<std::string>& given, const std::string& lead,
                                    const Config& config) {
    std::vector<std::string> ids;
    for (const auto& typed : given) {
        const std::string id(util::trim(typed));
        if (id.empty() || util::contains(ids, id))
            continue;
        if (id == lead)
            throw Error(fmt::format("--with '{}' is the note's lead PM (--pm); list only the other "
                                    "PMs on the call",
                                    id));
        if (!config.team.empty() && !config.member(id)) {
            std::vector<std::string> roster;
            for (const auto& person : config.team)
                roster.push_back(person.id);
            const std::string best = util::closest_match(id, roster);
            throw Error(fmt::format("--with '{}' is not in the team of {}{} (known: {})", id,
                                    config_file_name,
                                    best.empty() ? "" : fmt::format("; did you mean '{}'?", best),
                                    util::join(roster, ", ")));
        }
        ids.push_back(id);
    }
    return ids;
}

// The canonical name when `customers:` in the config names the customer; else
// "acme-corp" as typed: reuse the name of an earlier note for that customer,
// else turn the slug into words ("Acme Corp").
std::string customer_name(const std::string& typed, const Config& config) {
    if (std::string canonical = canonical_customer(config, typed); canonical != typed)
        return canonical; // `customers:` names it
    if (typed != util::slugify(typed))
        return typed;
    // No notes folder yet (or one pmi will refuse to write into): nothing to reuse.
    util::WalkError unusable;
    if (util::open_beneath(config.root, config.notes_dir, util::MissingFolders::fail, unusable))
        for (const auto& note : load_notes(config).notes)
            if (util::slugify(note.customer) == typed)
                return note.customer;
    std::string name;
    bool start = true;
    for (char c : typed) {
        if (c == '-') {
            name += ' ';
            start = true;
            continue;
        }
        name += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        start = false;
    }
    return name;
}

// A note for the same customer and day already exists: re-running `pmi new`
// would log a second interview. At a terminal, offers to open that note
// instead (true when it did); otherwise says how to.
bool offer_existing(const Note& note, const Config& config, const NewOptions& options) {
    const std::string slug = util::slugify(note.customer);
    std::vector<std::string> existing;
    for (const auto& other : load_notes(config).notes)
        if (other.date == note.date &&
            util::slugify(canonical_customer(config, other.customer)) == slug)
            existing.push_back(other.path);
    if (existing.empty())
        return false;
    const bool interactive = util::is_terminal(STDIN_FILENO) && util::is_terminal(STDERR_FILENO);
    if (!interactive || options.no_edit) {
        if (util::is_terminal(STDERR_FILENO)) // a person, not a script, is waiting
            warn(fmt::format("{} already has a note on {}: {}; to reopen it: pmi open {}",
                             escape::terminal(note.customer), format_date(note.date),
                             escape::terminal(existing.front()), shell_quote(existing.front())));
        return false;
    }
    std::cerr << fmt::format("{} already has a note on {}: {}\nopen it instead? [Y/n] ",
                             escape::terminal(note.customer), format_date(note.date),
                             escape::terminal(existing.front()))
              << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    const std::string reply = util::to_lower_ascii(util::trim(answer));
    if (!reply.empty() && reply != "y" && reply != "yes")
        return false;
    std::cout << existing.front() << '\n' << std::flush;
    open_editor(config.root / existing.front(), config);
    return true;
}

// Runs the editor on the new note. Returns false when the note was removed:
// the user saved nothing (the file is as pmi wrote it), or the editor failed
// and nothing was written in the note (a draft), as git aborts a commit when
// its message is left empty.
bool edit_new_note(const fs::path& file, const std::string& written, const Config& config) {
    const std::string editor = resolve_editor();
    const std::string shown = display_path(config, file);
    const int status = util::run_program(util::editor_command(editor, file.string()));
    if (status != 0)
        warn(status < 0 ? fmt::format("could not start editor '{}'", editor)
                        : fmt::format("editor '{}' exited with status {}", editor, status));
    const auto saved = util::read_file(file);
    const auto parse = load_note(file.string(), shown, BodyScan::sections);
    const bool untouched = saved && *saved == written;
    if (untouched || (status != 0 && parse.note && parse.note->draft)) {
        std::error_code ec;
        fs::remove(file, ec);
        if (ec) {
            warn(fmt::format("{}: cannot remove the unwritten note: {}", shown, ec.message()));
            return true;
        }
        std::cerr << fmt::format("pmi: {}; removed {}\n",
                                 untouched ? "nothing was saved in the note"
                                           : "the editor failed and nothing was written",
                                 escape::terminal(shown));
        return false;
    }
    // What the user saved, checked as `pmi lint --privacy` (the pre-commit
    // hook) will check it, and what is still missing.
    LintExtras extras;
    extras.privacy = true;
    print_problems(lint_paths(config, {file}, extras).problems);
    if (!parse.note)
        return true;
    if (parse.note->draft)
        warn(fmt::format("{}: a draft (nothing written yet); it does not count toward the quota",
                         shown));
    if (parse.note->tldr.empty()) {
        const bool has_key = std::any_of(parse.note->key_lines.begin(), parse.note->key_lines.end(),
                                         [](const auto& entry) { return entry.first == "tldr"; });
        warn(has_key
                 ? fmt::format("{}:{}: no tldr yet: write the call in one sentence after "
                               "'tldr:' on line {}",
                               shown, key_line(*parse.note, "tldr"), key_line(*parse.note, "tldr"))
                 : fmt::format("{}: no tldr yet: add a line 'tldr: <the call in one "
                               "sentence>' to the front matter, between the '---' lines",
                               shown));
    }
    if (parse.note->nuggets.empty())
        warn(fmt::format("{}: no nuggets yet", shown));
    return true;
}

int run_new(const NewOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const Config& config = context.config;
    Note note;
    std::string customer = options.customer;
    Date date = context.today;
    if (!options.date.empty())
        date = parse_date_option(options.date, "--date");
    if (const std::size_t at = date_like_suffix(customer); at != std::string::npos) {
        const std::string part = customer.substr(at + 1);
        const auto parsed = part.size() == 10 ? parse_date(part) : std::nullopt;
        if (!parsed)
            throw Error(fmt::format("'{}' ends in '{}', which is not a date YYYY-MM-DD; write "
                                    "customer-YYYY-MM-DD or use --date",
                                    customer, part));
        if (!options.date.empty() && *parsed != date)
            throw Error(fmt::format("'{}' is dated {} but --date says {}; give the date once",
                                    customer, part, format_date(date)));
        customer = customer.substr(0, at);
        date = *parsed;
    }
    if (util::trim(customer).empty())
        throw Error("the customer name is empty");
    note.customer = customer_name(std::string(util::trim(customer)), config);
    note.date = date;
    note.pm = resolve_pm(options.pm, config);
    note.product = resolve_product(options.product, config);
    note.kind = options.kind;
    note.tags = options.tags;
    for (const auto& person : options.interviewees)
        note.interviewees.push_back(parse_interviewee(person));
    note.tldr = options.tldr;
    note.segment = options.segment;
    note.channel = options.channel;
    check_known_product(config, note.product);
    if (!config.team.empty() && !config.member(note.pm))
        warn(fmt::format("PM '{}' is not in the team roster of {}", note.pm, config_file_name));
    note.with = paired_pms(options.with, note.pm, config);
    for (const auto& listener : options.listeners)
        if (const auto name = util::trim(listener); !name.empty())
            note.listeners.emplace_back(name);

    if (offer_existing(note, config, options))
        return exit_ok;
    const std::string body = note_template(config);
    const fs::path file = create_note(config, note, body);
    std::error_code ec;
    std::cout << escape::terminal(util::relative_to(file, fs::current_path(ec))) << '\n';
    std::cout.flush();
    const bool interactive = util::is_terminal(STDIN_FILENO) && util::is_terminal(STDOUT_FILENO);
    if (options.edit || (interactive && !options.no_edit)) {
        if (!edit_new_note(file, new_note_text(note, body), config))
            return exit_check_failed;
    } else if (util::is_terminal(STDERR_FILENO)) // a person, not a script, is waiting
        std::cerr << "next: write the call's notes in that file (tldr, Goal, a nugget), then "
                     "commit it\n";
    return exit_ok;
}

} // namespace

void setup_new(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<NewOptions>();
    command
        .add_option("customer", options->customer,
                    "Customer name, or customer-YYYY-MM-DD to take the date from it")
        ->required();
    command.add_option("--product", options->product, "Product the note is filed under");
    command.add_option("--date", options->date, "Interview date YYYY-MM-DD (default: today)");
    command.add_option("--pm", options->pm,
                       "Product manager id (default: PMI_PM, git user.email in the roster, $USER)");
    command.add_option("--with", options->with,
                       "Another PM on the call, a roster id (repeatable); the note's pm stays the "
                       "lead");
    command.add_option("--listener", options->listeners,
                       "Someone else from our side who listened in, as \"Dana (sales)\" "
                       "(repeatable)");
    command.add_option("--tag", options->tags, "A tag (repeatable)");
    command.add_option("--kind", options->kind, "learning, sales, support or usability")
        ->check(closest_choice({std::begin(note_kinds), std::end(note_kinds)}))
        ->check(CLI::IsMember({"learning", "sales", "support", "usability"}))
        ->capture_default_str();
    command.add_option("--interviewee", options->interviewees,
                       "Who was interviewed, as \"Jo Smith (end user)\" (repeatable)");
    command.add_option("--tldr", options->tldr, "One-sentence summary");
    command.add_option("--segment", options->segment, "Customer segment, e.g. enterprise");
    command.add_option("--channel", options->channel, "video, phone, onsite …");
    auto* no_edit = command.add_flag("--no-edit", options->no_edit, "Do not open the editor");
    command.add_flag("--edit", options->edit, "Open the editor even without a terminal")
        ->excludes(no_edit);
    command.callback([options, &globals] { globals.exit_code = run_new(*options, globals); });
}

} // namespace pmi::cli
