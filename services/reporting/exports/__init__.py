"""The yearly report as files: JSON, CSV and XLSX, byte-identical for the same facts."""
