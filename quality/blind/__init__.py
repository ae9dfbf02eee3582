"""A blind held-out measure (issue 8): written without reading the engine; engine work must not read this folder.
See README.md."""
