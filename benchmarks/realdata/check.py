"""Check the real-page set's text against its recipe: ``python benchmarks/realdata/check.py``.

Prints one line per page that is missing or differs (with the query that finds it and its
URL, so it can be saved again from the stored copy), then the counts. ``--hash FILE``
prints the normalised sha256 of a file, for writing a recipe entry.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from recipe import cache_dir, check, load_stories, normalised_sha256, pages_of


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hash", metavar="FILE", help="print the normalised sha256 of FILE")
    args = parser.parse_args()
    if args.hash:
        print(normalised_sha256(Path(args.hash).read_text(encoding="utf-8")))
        return 0
    pages = pages_of(load_stories())
    good, missing, different = check(pages)
    for page in missing:
        print(f"missing   {page.id}: {page.url}  (query: {page.query!r})")
    for page in different:
        print(f"different {page.id}: {page.path} does not match its sha256")
    print(
        f"{len(pages)} pages in the recipe: {len(good)} present and matching, "
        f"{len(missing)} missing, {len(different)} different (text folder: {cache_dir()})"
    )
    return 0 if not missing and not different else 1


if __name__ == "__main__":
    raise SystemExit(main())
