#!/usr/bin/env python3
"""Checks a site written by `pmi site`: every page parses, every relative link
and fragment resolves, nothing is loaded from elsewhere and nothing executes.
Usage: check_site.py SITE-FOLDER; prints each problem, exit 1 when any."""
import html.parser
import os
import re
import subprocess
import sys
import urllib.parse

# libxml2's HTML parser knows HTML 4: these HTML 5 and SVG tags are fine.
KNOWN_TAGS = {"nav", "main", "article", "svg", "rect", "title"}
SAFE_SCHEMES = {"http", "https", "mailto"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.ids, self.problems = [], set(), []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "img", "form", "base", "frame"):
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            if name in ("src", "srcset", "action", "formaction", "background", "poster"):
                self.problems.append(f"{name}= on <{tag}> loads something")
            if name == "id":
                self.ids.add(value)
            if name == "style":
                self.problems.append(f"style= on <{tag}>")
            if name in ("href", "xlink:href") and value is not None:
                self.links.append((tag, value))
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() == "refresh":
            self.problems.append("meta refresh")


def parse_errors(path):
    result = subprocess.run(["xmllint", "--html", "--noout", path], capture_output=True, text=True)
    errors = []
    for line in result.stderr.splitlines():
        match = re.match(r"^.*?:\d+: HTML parser (error|warning) : (.*)$", line)
        if not match:
            continue
        tag = re.match(r"Tag (\w+) invalid", match.group(2))
        if not (tag and tag.group(1) in KNOWN_TAGS):
            errors.append(match.group(2))
    return errors


def main(site):
    pages = {}
    problems = []
    for folder, _, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            if name.endswith(".html"):
                with open(path, encoding="utf-8") as handle:
                    text = handle.read()
                page = Page()
                page.feed(text)
                pages[os.path.realpath(path)] = page
                problems += [f"{path}: {p}" for p in page.problems]
                problems += [f"{path}: parse: {e}" for e in parse_errors(path)]
                if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
                    problems.append(f"{path}: a control character")
            elif name != "style.css":
                problems.append(f"{path}: unexpected file")
    for path, page in sorted(pages.items()):
        for tag, href in page.links:
            url = urllib.parse.urlsplit(href)
            if url.scheme:
                if url.scheme.lower() not in SAFE_SCHEMES or tag != "a":
                    problems.append(f"{path}: <{tag}> to {href!r}")
                continue
            if href == "" or url.netloc or href.startswith("/"):
                if tag != "a" or href != "":  # cmark empties unsafe targets: inert
                    problems.append(f"{path}: not a relative link: {href!r}")
                continue
            target = os.path.realpath(
                os.path.join(os.path.dirname(path), urllib.parse.unquote(url.path))) \
                if url.path else path
            if not target.startswith(os.path.realpath(site) + os.sep):
                problems.append(f"{path}: link leaves the site: {href!r}")
            elif not os.path.isfile(target):
                problems.append(f"{path}: broken link {href!r}")
            elif url.fragment and target in pages and url.fragment not in pages[target].ids:
                problems.append(f"{path}: no #{url.fragment} in {href!r}")
    for problem in problems:
        print(problem)
    print(f"{len(pages)} pages checked", file=sys.stderr)
    return 1 if problems or not pages else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
