#include <filesystem>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "core/cadence.hpp"
#include "core/quota.hpp"
#include "core/repo_files.hpp"
#include "core/share.hpp"
#include "core/site.hpp"
#include "core/store.hpp"
#include "core/summary.hpp"
#include "core/themes.hpp"
#include "render/escape.hpp"
#include "render/site.hpp"
#include "util/fs.hpp"
#include "util/strings.hpp"

namespace pmi::cli {

namespace {

namespace fs = std::filesystem;

inline constexpr int dashboard_weeks = 12;
inline constexpr int cadence_months = 6;
inline constexpr long themes_days = 90;

struct SiteOptions {
    std::string out; // empty: <root>/site
    std::string week = "this";
    FilterOptions filter;
};

bool starts_with_path(const fs::path& path, const fs::path& folder) {
    auto it = path.begin();
    for (const auto& part : folder) {
        if (it == path.end() || *it != part)
            return false;
        ++it;
    }
    return true;
}

// The site's folder relative to the root: inside the repository, but neither
// the root itself nor inside the notes folder, .git or .pmi.
fs::path site_folder(const SiteOptions& options, const Config& config) {
    const std::string shown = options.out.empty() ? "site" : options.out;
    const fs::path out = options.out.empty() ? config.root / "site" : fs::path(options.out);
    const auto relative = inside_root(config.root, out);
    if (!relative)
        throw Error("--out '" + shown +
                    "' is outside the repository; pmi site writes only inside it");
    const fs::path folder = relative->lexically_normal();
    if (folder.empty() || folder == ".")
        throw Error("--out '" + shown + "' is the repository's root; give a folder such as site");
    const std::string first = folder.begin()->string();
    if (first == ".git" || first == ".pmi" ||
        starts_with_path(folder, fs::path(config.notes_dir).lexically_normal()))
        throw Error("--out '" + shown + "' is inside " +
                    (first == ".git" || first == ".pmi" ? first : config.notes_dir) +
                    "; choose a folder of its own, such as site");
    return folder;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Writes the site's files: each to a temporary file renamed over the old one,
// never through a link, never over a file pmi site did not write.
class SiteWriter {
  public:
    SiteWriter(const fs::path& root, const fs::path& folder)
        : root_(root), folder_(folder),
          top_(open_repo_folder(root, folder, util::MissingFolders::create, Access::write)),
          notes_(open_repo_folder(root, folder / site::notes_folder, util::MissingFolders::create,
                                  Access::write)),
          temporaries_(open_temporaries(root)) {}

    // Throws unless `name` may be written: absent, or a file pmi site wrote.
    void check(bool in_notes, const std::string& name) const {
        const int fd = in_notes ? notes_.fd() : top_.fd();
        const std::string shown = shown_path(in_notes, name);
        switch (util::entry_kind_at(fd, name)) {
        case util::EntryKind::missing: return;
        case util::EntryKind::regular: break;
        case util::EntryKind::symlink:
            throw Error(shown + " is a symbolic link; pmi does not write through links");
        default: throw Error(shown + " is not a regular file; not replaced");
        }
        if (!written_by_site(fd, name))
            throw Error(shown + ": not written by pmi site; not replaced (move it away or "
                                "choose another --out)");
    }

    void write(bool in_notes, const std::string& name, std::string_view content) const {
        const int fd = in_notes ? notes_.fd() : top_.fd();
        const auto write = [&](const util::TextSink& sink) { sink(content); };
        const auto same = util::file_matches_at(fd, name, write, util::FollowLinks::no);
        if (same && *same)
            return;
        const auto written =
            util::write_atomic_at(fd, name, write, temporaries_ ? temporaries_.fd() : -1);
        if (!written)
            throw Error(shown_path(in_notes, name) + ": " + written.error());
    }

    // Removes the note pages of an earlier run that this run did not write.
    std::size_t remove_stale_pages(const std::set<std::string>& written) const {
        std::size_t removed = 0;
        for (const auto& name : util::entry_names_at(notes_.fd()))
            if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0 &&
                !written.count(name) &&
                util::entry_kind_at(notes_.fd(), name) == util::EntryKind::regular &&
                written_by_site(notes_.fd(), name) && util::remove_file_at(notes_.fd(), name))
                ++removed;
        return removed;
    }

    std::string shown_path(bool in_notes, const std::string& name) const {
        return ((in_notes ? folder_ / site::notes_folder : folder_) / name).generic_string();
    }

  private:
    static bool written_by_site(int fd, const std::string& name) {
        const auto prefix = util::read_prefix_at(fd, name, site::page_header.size());
        return prefix && (starts_with(*prefix, site::page_header) ||
                          starts_with(*prefix, site::stylesheet_header));
    }

    fs::path root_;
    fs::path folder_;
    util::FolderHandle top_;
    util::FolderHandle notes_;
    util::FolderHandle temporaries_;
};

bool in_week(const Note& note, const Week& week) {
    return !(note.date < week.start) && !(week_end(week) < note.date);
}

// What the notes give the site once each is shared.
struct SharedNotes {
    std::vector<site::NoteEntry> entries;
    std::map<std::string, std::string> pages; // note path -> page from the site's root
    std::vector<Note> week;                   // the week's notes, for the digest
    std::set<std::string> written;
    std::size_t left_out = 0;
};

// Shares each note as `pmi share` does and writes its page, one note at a
// time: no more than one body is ever in memory.
SharedNotes write_note_pages(const std::vector<Note>& notes, const Config& config, const Week& week,
                             const SiteWriter& writer) {
    std::vector<std::string> paths;
    for (const auto& note : notes)
        paths.push_back(note.path);
    const std::vector<std::string> names = note_page_names(paths, config.notes_dir);
    for (const auto& name : names)
        writer.check(true, name);
    SharedNotes out;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const Note& note = notes[i];
        std::vector<Problem> problems;
        std::optional<Note> shown;
        std::string page;
        try {
            const auto text = read_repo_file(config.root, note.path);
            if (!text)
                throw Error("no such file");
            const SharedNote shared = share_note(*text, note.path, config.share_omit, problems);
            if (shared.status == ShareStatus::shared) {
                // `note` has share.omit's fields emptied already, as the copy's front matter.
                const std::string_view body = note_body(shared.text);
                shown = note;
                if (in_week(note, week)) // only the digest shows nuggets
                    shown->nuggets = body_nuggets(body);
                shown->nugget_marks = {}; // of the whole note, not of the shared one
                shown->private_nuggets = {};
                page = site::note_page(*shown, body);
            }
        } catch (const Error& error) {
            problems.push_back({note.path, 0, Severity::error, error.what()});
        }
        for (auto& problem : problems) {
            problem.severity = Severity::warning;
            if (!shown)
                problem.message += " (note left out of the site)";
        }
        print_problems(problems);
        if (!shown) {
            ++out.left_out;
            if (in_week(note, week))
                out.week.push_back(note); // the digest lists it, from its shared fields only
            continue;
        }
        writer.write(true, names[i], page);
        out.written.insert(names[i]);
        out.pages[note.path] = std::string(site::notes_folder) + "/" + names[i];
        out.entries.push_back(
            {names[i], shown->customer, shown->product, shown->pm, shown->date, shown->tldr});
        if (in_week(note, week))
            out.week.push_back(std::move(*shown));
    }
    return out;
}

int run_site(const SiteOptions& options, const Globals& globals) {
    const Context context = make_context(globals);
    const Config& config = context.config;
    const Week week = parse_week(options.week, context.today, config.week_start);
    const fs::path folder = site_folder(options, config);
    // Each customer under its canonical name, as in every report; the bodies are
    // read again from the files, so the shared pages are those of the notes as written.
    NoteSet set = load_notes_for_reports(config);
    print_problems(set.problems);
    warn_unknown_filter_values(options.filter, context, set.notes);
    std::vector<Note> notes =
        select_notes(std::move(set.notes), make_filter(options.filter, context));
    std::sort(notes.begin(), notes.end(),
              [](const Note& a, const Note& b) { return a.path < b.path; });
    for (auto& note : notes)
        omit_shared_fields(note, config.share_omit);
    for (const auto& key : config.share_omit)
        if (util::to_lower_ascii(key) == "date")
            warn("share.omit lists date, but the site shows each note's date: the dashboard "
                 "counts by it");

    QuotaOptions quota_options;
    quota_options.weeks = dashboard_weeks;
    quota_options.pms = options.filter.pms;
    quota_options.products = options.filter.products;
    const QuotaReport quota = build_quota_report(config, notes, context.today, week, quota_options);
    const CadenceReport cadence =
        build_cadence_report(config, notes, context.today, cadence_months, quota_options);
    const Period period{add_days(context.today, 1 - themes_days), context.today};
    const ThemesReport themes = build_themes(notes, config.products, period, context.today);

    const SiteWriter writer(config.root, folder);
    for (const char* name :
         {site::stylesheet_file, site::dashboard_file, site::themes_file, site::digest_file})
        writer.check(false, name);
    writer.check(true, site::notes_index_file);
    SharedNotes shared = write_note_pages(notes, config, week, writer);
    const Digest digest =
        build_digest(shared.week, config, week, RosterEntries::include, options.filter.pms);

    writer.write(false, site::stylesheet_file, site::stylesheet());
    writer.write(false, site::dashboard_file, site::dashboard_page(quota, cadence));
    writer.write(false, site::themes_file, site::themes_page(themes));
    writer.write(false, site::digest_file, site::digest_page(digest, shared.pages));
    writer.write(true, site::notes_index_file, site::notes_index_page(std::move(shared.entries)));
    shared.written.insert(site::notes_index_file);
    writer.remove_stale_pages(shared.written);

    write_output(escape::terminal(writer.shown_path(false, site::dashboard_file)) + ": " +
                 std::to_string(shared.written.size() - 1) +
                 (shared.written.size() == 2 ? " note" : " notes") +
                 (shared.left_out ? ", " + std::to_string(shared.left_out) + " left out" : "") +
                 "\n");
    return exit_ok;
}

} // namespace

void setup_site(CLI::App& command, Globals& globals) {
    auto options = std::make_shared<SiteOptions>();
    command.footer(
        "Writes a static site (HTML and one stylesheet, no script, nothing loaded from "
        "elsewhere, relative links) inside the repository, for GitHub or GitLab Pages: "
        "index.html (the quota grid of the last 12 weeks, streaks, the team line, each PM's "
        "cadence), themes.html (the last 90 days), digest.html (the week's digest) and "
        "notes/ (each note as pmi share gives it, by product and by customer). A note share "
        "refuses is left out with a warning. Files pmi site did not write are never "
        "replaced; note pages of an earlier run whose note is gone are removed.");
    command.add_option("--out", options->out,
                       "The site's folder, inside the repository (default: site at the root)");
    add_week_option_bare_this(command, options->week,
                              "The week of the digest and the grid's last column: this "
                              "(default, also when WEEK is omitted), last, 2026-W47 or a date "
                              "in the week");
    add_filter_options(command, options->filter, FilterSet::without_week);
    command.callback([options, &globals] { globals.exit_code = run_site(*options, globals); });
}

} // namespace pmi::cli
