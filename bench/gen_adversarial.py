#!/usr/bin/env python3
"""Writes the three inputs that once made pmi quadratic (issue 13), each as a
small pmi repository:

  tags/   one 0.95 MB note with 120,000 distinct tags
  keys/   one note with 95,000 front-matter keys
  dups/   2,000 notes with the same customer, date and PM, none of them one
          numbered series, so every one is a duplicate of every other
"""
import argparse
import os

CONFIG = """notes: prod/interviews
quota: {per_week: 1}
team:
  - {id: caroline, name: Caroline Diaz, since: 2026-01-05}
"""

HEAD = "---\ncustomer: Acme\ndate: 2026-11-20\npm: caroline\nproduct: portal\ntldr: Fine\n"
BODY = "---\n## Goal\nLearn.\n\n## Nuggets\n- One\n"


def repo(path):
    os.makedirs(os.path.join(path, "prod", "interviews", "portal"), exist_ok=True)
    with open(os.path.join(path, ".pmi.yaml"), "w") as out:
        out.write(CONFIG)
    return os.path.join(path, "prod", "interviews", "portal")


def write(path, text):
    with open(path, "w") as out:
        out.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--tags", type=int, default=120000)
    parser.add_argument("--keys", type=int, default=95000)
    parser.add_argument("--dups", type=int, default=2000)
    args = parser.parse_args()

    folder = repo(os.path.join(args.out, "tags"))
    tags = ", ".join("t%05x" % i for i in range(args.tags))
    write(os.path.join(folder, "acme-2026-11-20.md"), HEAD + "tags: [" + tags + "]\n" + BODY)

    folder = repo(os.path.join(args.out, "keys"))
    keys = "".join("k%05x: v\n" % i for i in range(args.keys))
    write(os.path.join(folder, "acme-2026-11-20.md"), HEAD + keys + BODY)

    folder = repo(os.path.join(args.out, "dups"))
    for i in range(args.dups):
        write(os.path.join(folder, "acme-call%04d-2026-11-20.md" % i), HEAD + BODY)


if __name__ == "__main__":
    main()
