#!/usr/bin/env python3
"""Writes a synthetic pmi tree for benchmarks: reproducible from --seed.

    bench/gen_tree.py --notes 10000 --seed 1 --out /tmp/pmi-bench/n10000

N notes over M products and P PMs across several years, bodies of 1-20 KB with
the template's sections (Nuggets included), a Zipf-like tag distribution, and a
few invalid notes. --body-scale 2 writes the same tree (same front matter, same
nuggets, same paths) with every body's prose twice as large.
"""

import argparse
import datetime
import os
import random
import sys

COMPANY_WORDS = (
    "Acme Globex Initech Umbrella Stark Wayne Wonka Tyrell Cyberdyne Soylent Hooli Vandelay "
    "Massive Dynamic Aperture Oscorp Gringotts Monarch Virtucon Nakatomi Pied Piper Dunder "
    "Mifflin Prestige Vehement Sterling Cooper Wernham Hogg Bluth Krusty Duff Gekko Oceanic "
    "Rekall Weyland Yutani Zorg Tricell Blue Sun Abstergo Black Mesa Sirius Contoso Fabrikam "
    "Northwind Tailspin Wingtip Adventure Works Litware Proseware Lucerne Margie Alpine Coho"
).split()
COMPANY_SUFFIXES = ["Corp", "Inc", "GmbH", "Ltd", "Group", "Labs", "Systems", "Partners", "AG", "SA"]
FIRST = ("Jo Sam Alex Kim Lee Pat Chris Dana Robin Morgan Taylor Jordan Casey Riley Avery Quinn "
         "Maria Jose Wei Aiko Lars Ines Omar Priya Tomas Elif Noor Yuki Ana Ravi").split()
LAST = ("Smith Garcia Chen Tanaka Muller Rossi Novak Silva Kowalski Jensen Okafor Patel Dubois "
        "Larsen Haddad Ivanova Costa Nguyen Schmidt Moreau Kaur Berg Diaz Rao Park").split()
ROLES = ["end user", "admin", "IT lead", "CFO", "buyer", "developer", "ops manager", "analyst",
         "head of support", "reseller"]
SEGMENTS = ["enterprise", "mid-market", "smb", "public-sector", "partner"]
CHANNELS = ["video", "phone", "onsite", "chat"]
KINDS = [(None, 30), ("learning", 40), ("sales", 10), ("support", 12), ("usability", 8)]
TAG_STEMS = ("navigation search billing invoices export import sso security permissions audit "
             "reporting dashboard onboarding pricing performance mobile offline api webhooks "
             "integrations notifications email calendar sync backup migration compliance gdpr "
             "localization accessibility themes bulk-edit filters tagging comments approvals "
             "workflow automation templates analytics alerts uptime latency support docs training "
             "contracts renewals discounts trials quotas limits storage sharing versioning").split()
TAG_QUALIFIERS = ["", "config", "ux", "speed", "errors", "setup", "admin", "limits", "pricing"]
SECTIONS = ["Goal", "What they do today", "Workarounds", "Their words", "Emotions", "Quotes",
            "Nuggets", "Follow-ups"]
WORDS = ("the a we they it our their team customer product report week export invoice screen "
         "button workflow data sync users admin month spreadsheet manual process takes hours "
         "minutes every time because need want would could should really never always often "
         "frustrating great slow fast confusing clear missing broken works fine love hate wish "
         "figured out way around copy paste email manager approval quarter budget renewal").split()


def zipf_weights(n, s=1.1):
    return [1.0 / (rank ** s) for rank in range(1, n + 1)]


def slugify(text):
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph_pool(rng, count):
    return [" ".join(sentence(rng, 6, 18) for _ in range(rng.randint(2, 6))) for _ in range(count)]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, required=True, help="number of notes (N)")
    parser.add_argument("--products", type=int, help="number of products (M); default N/2000, >= 3")
    parser.add_argument("--pms", type=int, help="number of PMs (P); default N/150, >= 4")
    parser.add_argument("--years", type=int, default=3, help="years of history before --today")
    parser.add_argument("--today", default="2026-11-25", help="last day of the history")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--body-scale", type=int, default=1, help="multiply every body's prose")
    parser.add_argument("--invalid", type=float, default=0.002, help="share of invalid notes")
    parser.add_argument("--out", required=True, help="folder to write (must not hold a tree)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    n = args.notes
    products = [f"product-{i:02d}" for i in range(args.products or max(3, n // 2000))]
    pm_count = args.pms or max(4, n // 150)
    today = datetime.date.fromisoformat(args.today)
    first_day = today - datetime.timedelta(days=365 * args.years)
    span = (today - first_day).days

    team = []
    for i in range(pm_count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        pm_id = f"{slugify(first)}-{i:03d}"
        since = first_day + datetime.timedelta(days=rng.randint(0, span // 2)) if i % 7 == 3 else first_day
        owned = rng.sample(products, min(len(products), rng.randint(1, 2)))
        team.append({"id": pm_id, "name": f"{first} {last}", "since": since, "products": owned})

    companies = []
    for i in range(max(50, n // 8)):
        name = f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_SUFFIXES)}"
        companies.append(name if i < 2000 else f"{name} {i}")
    company_weights = zipf_weights(len(companies), 0.8)
    tags = [stem + ("-" + q if q else "") for stem in TAG_STEMS for q in TAG_QUALIFIERS]
    rng.shuffle(tags)
    tag_weights = zipf_weights(len(tags), 1.1)
    kind_values = [k for k, _ in KINDS]
    kind_weights = [w for _, w in KINDS]
    pool = paragraph_pool(rng, 400)
    nugget_pool = [sentence(rng, 6, 16) for _ in range(2000)]

    root = args.out
    notes_dir = os.path.join(root, "prod", "interviews")
    os.makedirs(notes_dir, exist_ok=True)
    with open(os.path.join(root, ".pmi.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("notes: prod/interviews\nquota: {per_week: 1}\n")
        f.write("products: [" + ", ".join(products) + "]\nteam:\n")
        for pm in team:
            f.write(f"  - {{id: {pm['id']}, name: {pm['name']}, "
                    f"email: {pm['id']}@example.com, since: {pm['since'].isoformat()}}}\n")

    used = set()
    made_dirs = set()
    invalid_every = int(1 / args.invalid) if args.invalid > 0 else 0
    for index in range(n):
        pm = team[rng.randrange(pm_count)]
        product = rng.choice(pm["products"]) if rng.random() < 0.9 else rng.choice(products)
        start = max(pm["since"], first_day)
        date = start + datetime.timedelta(days=rng.randint(0, (today - start).days))
        customer = rng.choices(companies, company_weights)[0]
        kind = rng.choices(kind_values, kind_weights)[0]
        note_tags = []
        for tag in rng.choices(tags, tag_weights, k=rng.randint(1, 5)):
            if tag not in note_tags:
                note_tags.append(tag)
        lines = ["---", f"customer: {customer}", f"date: {date.isoformat()}", f"pm: {pm['id']}",
                 f"product: {product}"]
        if kind:
            lines.append(f"kind: {kind}")
        lines.append("interviewees:")
        for _ in range(rng.randint(1, 3)):
            lines.append(f"  - {{name: {rng.choice(FIRST)} {rng.choice(LAST)}, role: {rng.choice(ROLES)}}}")
        lines += [f"segment: {rng.choice(SEGMENTS)}", f"channel: {rng.choice(CHANNELS)}",
                  "tags: [" + ", ".join(note_tags) + "]"]
        if rng.random() < 0.95:
            lines.append("tldr: " + quote(sentence(rng, 8, 20)))
        if rng.random() < 0.1:
            lines.append(f"deal_size: {rng.randint(1, 500) * 1000}")
        if rng.random() < 0.05:
            lines.append(f"region: {rng.choice(['emea', 'amer', 'apac'])}")
        lines.append("---")

        # The body: the template's sections; prose sized 1-20 KB (log-uniform),
        # multiplied by --body-scale. Nuggets do not scale.
        target = int(1024 * 20 ** rng.random())
        nuggets = [rng.choice(nugget_pool) for _ in range(rng.randint(0, 4))]
        # Its own generator, so --body-scale changes no other note.
        body_rng = random.Random(args.seed * 1_000_003 + index)
        per_section = max(1, target // (len(SECTIONS) - 1))
        body = []
        for section in SECTIONS:
            body.append(f"## {section}\n")
            if section == "Nuggets":
                body.extend(f"- {nugget}\n" for nugget in nuggets)
                body.append("\n")
                continue
            prose = []
            written = 0
            while written < per_section:
                text = body_rng.choice(pool) + "\n\n"
                prose.append(text)
                written += len(text)
            body.append("".join(prose) * args.body_scale)
        content = "\n".join(lines) + "\n" + "".join(body)

        if invalid_every and index % invalid_every == invalid_every // 2:
            flaw = (index // invalid_every) % 4
            if flaw == 0:
                content = content.replace(f"pm: {pm['id']}\n", "", 1)
            elif flaw == 1:
                content = content.replace(f"date: {date.isoformat()}", f"date: {date.isoformat()}x", 1)
            elif flaw == 2:
                content = content.replace("tags: [", "tags: [[", 1)
            else:
                content = "".join(body)

        base = f"{slugify(customer)}-{date.isoformat()}"
        folder = os.path.join(notes_dir, product)
        name, suffix = base, 1
        while (product, name) in used:
            suffix += 1
            name = f"{base}-{suffix}"
        used.add((product, name))
        if folder not in made_dirs:
            os.makedirs(folder, exist_ok=True)
            made_dirs.add(folder)
        with open(os.path.join(folder, name + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
    print(f"{root}: {n} notes, {len(products)} products, {pm_count} PMs", file=sys.stderr)


if __name__ == "__main__":
    main()
