"""Run by tests/api/test_real_clients.py in a child process: the real ``language_tool_python`` client, given only
a server URL as for a self-hosted LanguageTool. Reads ``{"url", "text", "runs"}`` as JSON on stdin, where each run
sets the client's rule options; prints, for each run, the matches as the client understood them."""

import guard  # noqa: F401, I001 (first: loopback only, no processes)

import json
import sys

import language_tool_python

job = json.load(sys.stdin)
tool = language_tool_python.LanguageTool("ar", remote_server=job["url"])
out = {"url": tool.url, "remote": tool.is_remote, "runs": []}
for run in job["runs"]:
    tool.disabled_rules = set(run.get("disabled_rules", ()))
    tool.enabled_rules = set(run.get("enabled_rules", ()))
    tool.disabled_categories = set(run.get("disabled_categories", ()))
    tool.enabled_categories = set(run.get("enabled_categories", ()))
    tool.enabled_rules_only = run.get("enabled_only", False)
    matches = tool.check(job["text"])
    out["runs"].append([{"rule": m.rule_id, "category": m.category, "offset": m.offset, "length": m.error_length,
                         "replacements": m.replacements} for m in matches])
tool.disabled_rules, tool.enabled_rules, tool.disabled_categories, tool.enabled_categories = set(), set(), set(), set()
tool.enabled_rules_only = False
out["corrected"] = tool.correct(job["text"])  # the first replacement of each match applied, by the client
tool.close()
json.dump(out, sys.stdout, ensure_ascii=False)
