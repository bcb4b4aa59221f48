#!/usr/bin/env python3
"""Derives Sources/OncoDomain/Resources/oncotree_2025_10_03.tsv from the shipped OncoTree JSON.

The TSV (code, parent, level, tissue, main_type, name; one node per line, sorted by code) is what
`OncoTree.bundled()` loads: parsing it takes well under a millisecond, against ~15 ms for the JSON.
A test (OncoTreeTests) checks that both files describe the same tree. OncoTree is © Memorial Sloan
Kettering Cancer Center, CC BY 4.0.
"""
import json
import os

root = os.path.join(os.path.dirname(__file__), "..", "Sources", "OncoDomain", "Resources")
with open(os.path.join(root, "oncotree_2025_10_03.json")) as handle:
    tree = json.load(handle)
rows = []
pending = [tree["TISSUE"]]
while pending:
    node = pending.pop()
    for field in ("code", "name", "mainType", "tissue", "parent"):
        value = node.get(field) or ""
        assert "\t" not in value and "\n" not in value, (node["code"], field)
    rows.append((node["code"].upper(), (node.get("parent") or "").upper(), str(node.get("level") or 0),
                 node.get("tissue") or "", node.get("mainType") or "", node["name"]))
    pending.extend((node.get("children") or {}).values())
rows.sort()
with open(os.path.join(root, "oncotree_2025_10_03.tsv"), "w") as handle:
    handle.write("# OncoTree release 2025-10-03 (c) Memorial Sloan Kettering Cancer Center, CC BY 4.0; "
                 "derived from oncotree_2025_10_03.json by scripts/make-oncotree-tsv.py\n")
    handle.write("code\tparent\tlevel\ttissue\tmain_type\tname\n")
    for row in rows:
        handle.write("\t".join(row) + "\n")
