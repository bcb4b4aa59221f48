// Report writers: JSON (with schema), TSV and self-contained HTML.
