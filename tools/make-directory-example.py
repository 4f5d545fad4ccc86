#!/usr/bin/env python3
"""Make the shipped LEA directory example, data/directory/monterey-lea-directory.csv.

The LEAs are real: Monterey County's 24 districts, its county office and the 8 charter schools that appear in
the 2024 Dashboard downloads (CDS code, name and county from those files; City and GradeSpan for the districts
and the county office from the state's assistancestatus24.xlsx; none for the charter schools, which that
workbook does not list).

Two columns are SYNTHETIC, because no public file here carries them (see data/directory/README.md):
- ADA: a size estimate times an attendance rate drawn with a fixed seed. The size is the Dashboard's all-students
  chronic-absenteeism denominator (currdenom, grades K-8 only), scaled up to the LEA's whole grade span; where
  that misses most grades (high-school districts, charter schools, the county office) the suspension
  denominator (cumulative enrollment, all grades) is used when it is larger.
- CharterAuthorizerCDS: the LEA whose district digits the charter's CDS code carries (the Dashboard's
  districtname for it), which is how charters' codes are usually assigned; not a record of who authorized them.

Usage: python3 tools/make-directory-example.py [REPO_ROOT]
Python 3 standard library only. Same inputs and seed, same output, byte for byte.
"""

import csv
import io
import os
import random
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

SEED = 2024
COUNTY = "Monterey"
COUNTY_CODE = "27"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CHRONIC_GRADES = set(range(0, 9))  # K-8: the grades chronic absenteeism is reported for
HEADER = ["CDS", "Name", "City", "County", "GradeSpan", "ADA", "CharterAuthorizerCDS"]


def col_number(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group():
        n = n * 26 + ord(ch) - 64
    return n


def read_status_workbook(path):
    """Rows of the 'District and COE' sheet as dicts keyed by the header on the row naming CDS and LEAname."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(MAIN + "si"):
                strings.append("".join(t.text or "" for t in si.iter(MAIN + "t")))
        sheets = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(MAIN + "sheet")]
        index = max(i for i, name in enumerate(sheets) if name.startswith("District and COE")) + 1
        root = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % index))
    header, rows = None, []
    for row in root.iter(MAIN + "row"):
        values = {}
        for c in row.iter(MAIN + "c"):
            v = c.find(MAIN + "v")
            if c.get("t") == "s":
                text = strings[int(v.text)]
            elif c.get("t") == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(MAIN + "t"))
            else:
                text = v.text if v is not None else ""
            values[col_number(c.get("r"))] = text
        cells = [values.get(i, "") for i in range(1, max(values, default=0) + 1)]
        if header is None:
            if "CDS" in cells and "LEAname" in cells:
                header = cells
        elif any(cells):
            rows.append(dict(zip(header, cells)))
    return rows


def read_dashboard(directory):
    """Per CDS: name, county, charter flag, and the ALL-students currdenom of chronic and suspension."""
    leas = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f, delimiter="\t")
            for row in reader:
                cds = row["cds"]
                if cds[:2] != COUNTY_CODE or row["rtype"] not in ("D", "S"):
                    continue
                charter = row.get("charter_flag") == "Y"
                if row["rtype"] == "S" and not charter:
                    continue
                lea = leas.setdefault(cds, {
                    "name": row["schoolname"] if row["rtype"] == "S" else row["districtname"],
                    "county": row["countyname"],
                    "charter": charter,
                    "district": row["districtname"],
                })
                if row["studentgroup"] == "ALL" and row["currdenom"]:
                    indicator = name.replace("download2024.txt", "")
                    lea[indicator] = int(row["currdenom"])
    return leas


def grades(span):
    """'P-Adult' -> {0..12}; P and K are 0, Adult and Post Secondary are 12."""
    def grade(text):
        return 0 if text in ("P", "K") else 12 if text in ("Adult", "Post Secondary") else int(text)
    lo, hi = span.split("-", 1)
    return set(range(grade(lo), grade(hi) + 1))


def size_estimate(lea, span):
    chronic, susp = lea.get("chronic"), lea.get("susp")
    estimates = []
    if chronic and span:
        covered = grades(span) & CHRONIC_GRADES
        if covered:
            estimates.append(chronic * len(grades(span)) / len(covered))
    elif chronic:
        estimates.append(chronic)
    if susp:
        estimates.append(susp)
    return max(estimates)


def main(root):
    workbook = {r["CDS"]: r for r in read_status_workbook(os.path.join(root, "data/cde/assistance-status/assistancestatus24.xlsx"))
                if r["Countyname"] == COUNTY}
    dashboard = read_dashboard(os.path.join(root, "data/cde/dashboard/monterey-county/2024"))
    by_name = {lea["name"]: cds for cds, lea in dashboard.items() if not lea["charter"]}

    leas = sorted((c for c, l in dashboard.items() if not l["charter"]), key=lambda c: (c[2:4] != "10", c))
    charters = sorted(c for c, l in dashboard.items() if l["charter"])
    missing = sorted(set(workbook) - set(leas))
    if missing:
        sys.exit("in assistancestatus24.xlsx but not in the Dashboard files: %s" % ", ".join(missing))

    rng = random.Random(SEED)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for cds in leas + charters:
        lea = dashboard[cds]
        status = workbook.get(cds, {})
        span = status.get("Gsoffered", "")
        ada = size_estimate(lea, span if span != "*" else "") * rng.uniform(0.90, 0.96)
        authorizer = by_name[lea["district"]] if lea["charter"] else ""
        writer.writerow([cds, lea["name"], status.get("Cityname", ""), lea["county"], span, "%.2f" % ada, authorizer])

    target = os.path.join(root, "data/directory/monterey-lea-directory.csv")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    print("wrote %s: %d districts and county office, %d charter schools" % (target, len(leas), len(charters)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
