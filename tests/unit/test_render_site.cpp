#include <doctest/doctest.h>

#include "render/site.hpp"

using namespace pmi;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("site::page") {
    const std::string top = site::page("Themes", "", "<p>x</p>\n");
    CHECK(top.rfind(std::string(site::page_header), 0) == 0);
    CHECK(contains(top, "<link rel=\"stylesheet\" href=\"style.css\">"));
    CHECK(contains(top, "Content-Security-Policy\" content=\"default-src 'none'"));
    CHECK(contains(top, "<a href=\"themes.html\" aria-current=\"page\">Themes</a>"));
    const std::string below = site::page("<b>", "../", "");
    CHECK(contains(below, "<title>&lt;b&gt;</title>"));
    CHECK(contains(below, "href=\"../style.css\""));
    CHECK(contains(below, "href=\"../notes/index.html\""));
    CHECK_FALSE(contains(below, "aria-current"));
}

TEST_CASE("site::dashboard_page") {
    QuotaReport quota;
    quota.today = *parse_date("2026-11-20");
    quota.week = week_containing(quota.today, WeekStart::monday);
    quota.weeks = {previous_week(quota.week), quota.week};
    PmQuota row;
    row.pm = "jo\"<x>";
    row.name = "";
    WeekCount missed;
    missed.week = quota.weeks[0];
    missed.status = QuotaStatus::missed;
    missed.drafts = 1;
    WeekCount met;
    met.week = quota.weeks[1];
    met.count = 2;
    met.status = QuotaStatus::met;
    met.streak = 1;
    row.weeks = {missed, met};
    quota.rows = {row};
    const std::string html = site::dashboard_page(quota, CadenceReport{});
    CHECK(contains(html, "<th scope=\"row\">jo&quot;&lt;x&gt;</th>"));
    CHECK(contains(html, "<td class=\"q q-missed\"><span aria-hidden=\"true\">✗ 0 ✎</span><span "
                         "class=\"sr\">2026-W46: missed, 0 interviews, 1 draft</span></td>"));
    CHECK(contains(html, "<span class=\"sr\">2026-W47: met, 2 interviews</span>"));
    CHECK(contains(html, "team: 1 met"));
}

TEST_CASE("site::note_page") {
    Note note;
    note.customer = "Acme <script>";
    note.date = *parse_date("2026-11-20");
    note.tldr = "Loves it \" onclick=\"x";
    note.tags = {"<b>"};
    const std::string html = site::note_page(note, "## Goal\n<script>alert(1)</script>\n");
    CHECK(contains(html, "<h1>Acme &lt;script&gt; — 2026-11-20</h1>"));
    CHECK(contains(html, "<strong>tl;dr</strong> Loves it &quot; onclick=&quot;x"));
    CHECK(contains(html, "<dd>&lt;b&gt;</dd>"));
    CHECK(contains(html, "<h2>Goal</h2>"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK(html.find("class=\"tldr\"") < html.find("class=\"note-body\""));
}

TEST_CASE("site::notes_index_page") {
    const std::string html = site::notes_index_page(
        {{"a.html", "Zed & Co", "billing", "jo", *parse_date("2026-11-01"), "old"},
         {"b.html", "Acme", "billing", "jo", *parse_date("2026-11-10"), "new"}});
    CHECK(contains(html, "<h3 id=\"product-1\">billing</h3>"));
    CHECK(contains(html, "<a href=\"#customer-2\">Zed &amp; Co</a>"));
    // Newest first within a group.
    CHECK(html.find("b.html") < html.find("a.html"));
}
