"""The project's measuring instrument (issue 8): defects injected into real news, our own labelled drafts,
per-rule precision from judged alarms. Reads ``../shared`` at run time and never ships in the product."""
