"""Exports: a dashboard table as CSV or XLSX, and large exports as a background job.

The generic machinery, with no domain in it; each domain app registers its own
kinds of large export (the cases export: ``referrals/exports.py``).

* ``writers``: CSV and XLSX from any iterable of rows, one row in memory, formulas
  never run (``csv_safe``, strings stay strings in XLSX).
* ``download``: a dashboard's small table at once (``download``, ``Rows``).
* ``kinds``: what a large export is (``ExportKind``, ``ExportForm``) and the
  registry (``register``, ``kind_for``, ``REGISTRY``); a job that writes its own
  file (``FileKind``, ``register_file_kind``, ``FILE_KINDS``).
* ``jobs``: the ``ExportJob`` life cycle: request, run under a lease, retries,
  expiry, recent jobs and the download's audit row.

Other apps import the names below from ``portal.exports``.
"""

from portal.exports.download import Rows, download, table_response
from portal.exports.jobs import (
    FAILED_MESSAGE,
    GIVE_UP_AFTER,
    KEEP_FILES,
    MAX_ATTEMPTS,
    RECENT_JOBS,
    STALE_AFTER,
    STOPPED_MESSAGE,
    UNKNOWN_KIND_MESSAGE,
    download_name,
    export_downloaded,
    export_request,
    export_root,
    export_run,
    exports_expire,
    job_path,
    recent_jobs,
)
from portal.exports.kinds import (
    FILE_KINDS,
    REGISTRY,
    ExportForm,
    ExportKind,
    FileKind,
    kind_for,
    register,
    register_file_kind,
)
from portal.exports.writers import (
    CONTENT_TYPES,
    CSV_CONTENT_TYPE,
    FORMATS,
    XLSX_CONTENT_TYPE,
    ZIP_CONTENT_TYPE,
    csv_safe,
    stream_csv,
    write_csv,
    write_xlsx,
    xlsx_bytes,
)

__all__ = [
    "CONTENT_TYPES",
    "CSV_CONTENT_TYPE",
    "FAILED_MESSAGE",
    "FILE_KINDS",
    "FORMATS",
    "GIVE_UP_AFTER",
    "KEEP_FILES",
    "MAX_ATTEMPTS",
    "RECENT_JOBS",
    "REGISTRY",
    "STALE_AFTER",
    "STOPPED_MESSAGE",
    "UNKNOWN_KIND_MESSAGE",
    "XLSX_CONTENT_TYPE",
    "ZIP_CONTENT_TYPE",
    "ExportForm",
    "ExportKind",
    "FileKind",
    "Rows",
    "csv_safe",
    "download",
    "download_name",
    "export_downloaded",
    "export_request",
    "export_root",
    "export_run",
    "exports_expire",
    "job_path",
    "kind_for",
    "recent_jobs",
    "register",
    "register_file_kind",
    "stream_csv",
    "table_response",
    "write_csv",
    "write_xlsx",
    "xlsx_bytes",
]
