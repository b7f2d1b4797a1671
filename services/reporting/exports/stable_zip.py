"""A zip archive whose bytes depend only on its content: every entry gets the same timestamp.

openpyxl stamps each entry with the current time (and worksheets with their temporary file's
time); a rebuilt projection must produce byte-identical XLSX files, so we pin them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


class StableZipFile(ZipFile):
    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None,
                 compresslevel: Any = None) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, ZipInfo) else str(zinfo_or_arcname)
        info = ZipInfo(name, date_time=FIXED_TIME)
        info.compress_type = ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        super().writestr(info, data)

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None,
              compresslevel: Any = None, **_: Any) -> None:
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes())
