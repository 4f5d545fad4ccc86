#!/usr/bin/env python3
"""Make the shipped CALPADS certification example, data/calpads/certifications-example.csv.

SYNTHETIC: no public file holds CALPADS certification records (RULES.md §9). The LEAs are the 33 of
data/directory/monterey-lea-directory.csv (real CDS codes); every date and flag is made up, drawn with a fixed seed
around the deadlines of RULES.md §6, plus the scripted cases below (see data/calpads/README.md):

2023-24 (2024 Dashboard: Method 4 = no EOY submission certified)
- Bradley Union Elementary certified EOY 1-4 on 2024-08-17, one day after the EOY amendment window closed
  (late, but certified: Method 4 not met in 2024).
- Graves Elementary never certified EOY 1-4 (rows with a blank CertifiedOn): Method 4 met in 2024. The state found
  no such LEA in 2024; this one is invented to exercise the rule.
2024-25 (2025 Dashboard: Method 4 = any final deadline missed)
- San Ardo Union Elementary certified Fall 2 on 2025-03-03, three days late.
- Chualar Union certified EOY 3 on 2025-08-09, one day after the EOY amendment window closed.
- Lagunita Elementary amended Fall 1 and certified it again on 2025-01-27, after the window closed on 2025-01-24.
- Spreckels Union Elementary has a data-quality issue flagged on EOY 1 (counts only from the 2026 Dashboard).
- Big Sur Charter has no EOY 4 row at all (missing); charter schools never meet Method 4.

Usage: python3 data/calpads/make-certifications-example.py [REPO_ROOT]
Python 3 standard library only. Same inputs and seed, same output, byte for byte.
"""

import csv
import datetime as dt
import io
import os
import random
import sys

SEED = 2425
HEADER = ["CDS", "SchoolYear", "Submission", "CertifiedOn", "AmendedOn", "DataQualityIssue"]
SUBMISSIONS = ["Fall1", "Fall2", "EOY1", "EOY2", "EOY3", "EOY4"]
EOY = SUBMISSIONS[2:]

# RULES.md §6: certification deadline, amendment window close (None: no window).
DEADLINES = {
    "2023-24": {"Fall1": ("2023-12-15", "2024-01-26"), "Fall2": ("2024-03-01", None),
                **{s: ("2024-07-26", "2024-08-16") for s in EOY}},
    "2024-25": {"Fall1": ("2024-12-13", "2025-01-24"), "Fall2": ("2025-02-28", None),
                **{s: ("2025-07-25", "2025-08-08") for s in EOY}},
}

BRADLEY, GRAVES, SAN_ARDO, CHUALAR, LAGUNITA, SPRECKELS, BIG_SUR_CHARTER = (
    "27659790000000", "27660270000000", "27661750000000", "27659950000000", "27660760000000", "27662250000000",
    "27751500118349")


def day(text):
    return dt.date.fromisoformat(text)


def main(root):
    with open(os.path.join(root, "data", "directory", "monterey-lea-directory.csv"), newline="", encoding="utf-8") as f:
        leas = [row["CDS"] for row in csv.DictReader(f)]

    rng = random.Random(SEED)
    rows = []
    for year, deadlines in DEADLINES.items():
        for cds in leas:
            for submission in SUBMISSIONS:
                certification, close = deadlines[submission]
                # On time: up to three weeks before the certification deadline; EOY 1-4 often on the same day.
                certified = day(certification) - dt.timedelta(days=rng.randint(0, 21))
                amended = None
                if close is not None and rng.random() < 0.15:
                    amended = day(certification) + dt.timedelta(days=rng.randint(1, (day(close) - day(certification)).days))
                flag = ""
                scripted = (year, cds, submission)
                if year == "2023-24" and cds == BRADLEY and submission in EOY:
                    certified, amended = day("2024-08-17"), None
                elif year == "2023-24" and cds == GRAVES and submission in EOY:
                    certified, amended = None, None
                elif scripted == ("2024-25", SAN_ARDO, "Fall2"):
                    certified = day("2025-03-03")
                elif scripted == ("2024-25", CHUALAR, "EOY3"):
                    certified, amended = day("2025-08-09"), None
                elif scripted == ("2024-25", LAGUNITA, "Fall1"):
                    amended = day("2025-01-27")
                elif scripted == ("2024-25", SPRECKELS, "EOY1"):
                    flag = "Y"
                elif scripted == ("2024-25", BIG_SUR_CHARTER, "EOY4"):
                    continue
                rows.append([cds, year, submission, certified.isoformat() if certified else "",
                             amended.isoformat() if amended else "", flag or "N"])

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    with open(os.path.join(root, "data", "calpads", "certifications-example.csv"), "w", newline="", encoding="utf-8") as f:
        f.write(out.getvalue())
    print("wrote %d records for %d LEAs" % (len(rows), len(leas)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
