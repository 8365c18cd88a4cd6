"""Zip a built site into one file to hand out: `make offline` zips site-offline/ with it.

Everything sits in one folder inside the zip (unzipping never scatters files), the entries are
in a fixed order and carry the build's date (SOURCE_DATE_EPOCH, as the pages do), so two builds
of the same commit give the same zip, byte for byte.

    python tools/zipsite.py site-offline site-offline.zip --folder handbook
"""

from __future__ import annotations

import argparse
import os
import time
import zipfile
from pathlib import Path

EARLIEST = 315532800  # 1980-01-01: a zip cannot store an earlier date


def zip_site(site: Path, target: Path, folder: str, epoch: int) -> int:
    """Write `target` with every file under `site` in `folder/`; returns how many files."""
    stamp = time.gmtime(max(epoch, EARLIEST))[:6]
    files = sorted(path for path in site.rglob("*") if path.is_file())
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes())
    partial.replace(target)  # a failed run never leaves half a zip under the real name
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("zip", type=Path, help="the zip file to write")
    parser.add_argument("--folder", default="handbook", help="the folder the site is in inside the zip")
    arguments = parser.parse_args()
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    count = zip_site(arguments.site, arguments.zip, arguments.folder, epoch)
    print(f"Wrote {arguments.zip} ({count} files, {arguments.zip.stat().st_size // 1024} KB).")


if __name__ == "__main__":
    main()
