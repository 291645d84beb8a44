"""Export files (XLSX and CSV) with the columns of `schemas.exports`, written as rows stream."""

from functions.exports._csv import write_csv
from functions.exports._s3 import (
    CONTENT_TYPES,
    content_disposition,
    export_bytes,
    export_filename,
    export_spec,
    export_to_s3,
    write_export,
)
from functions.exports._xlsx import write_xlsx

__all__ = [
    "CONTENT_TYPES",
    "content_disposition",
    "export_bytes",
    "export_filename",
    "export_spec",
    "export_to_s3",
    "write_csv",
    "write_export",
    "write_xlsx",
]
