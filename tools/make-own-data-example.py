#!/usr/bin/env python3
"""Writes data/projections/monterey-2024-own.csv: the published 2024 Monterey numbers re-expressed in the own-data
layout (data/projections/README.md), for districts, the COE and charters, accountability groups only. PriorStatus
is given only where the 2023 files have no row for the group (LTEL, first reported in 2024 with a prior).
Standard library only; the output is the same on every run."""
import csv, os

ROOT = os.path.join(os.path.dirname(__file__), '..')
SRC = os.path.join(ROOT, 'data', 'cde', 'dashboard', 'monterey-county', '2024')
OUT = os.path.join(ROOT, 'data', 'projections', 'monterey-2024-own.csv')
GROUPS = {'AA', 'AI', 'AS', 'EL', 'FI', 'FOS', 'HI', 'HOM', 'LTEL', 'PI', 'SED', 'SWD', 'MR', 'WH'}
NUMERATOR = {'chronic': 'currnumer', 'susp': 'currnumer', 'grad': 'currnumer', 'elpi': 'currnumer', 'cci': 'curr_prep'}

def prior_keys(indicator):
    """The (cds, group) pairs last year's published file has: the projection takes their prior from it."""
    path = os.path.join(ROOT, 'data', 'cde', 'dashboard', 'monterey-county', '2023', f'{indicator}download2023.txt')
    with open(path, encoding='utf-8', errors='replace') as f:
        return {(r['cds'], r.get('studentgroup', 'EL')) for r in csv.DictReader(f, delimiter='\t')}

rows = []
for indicator in ['ela', 'math', 'elpi', 'chronic', 'grad', 'susp', 'cci']:
    known = prior_keys(indicator)
    with open(os.path.join(SRC, f'{indicator}download2024.txt'), encoding='utf-8', errors='replace') as f:
        for r in csv.DictReader(f, delimiter='\t'):
            group = r.get('studentgroup', 'EL')
            keep = r['rtype'] == 'D' or (r['rtype'] == 'S' and r.get('charter_flag') == 'Y')
            if not keep or group not in GROUPS or not r['currdenom'] or r['currdenom'] == '0':
                continue
            row = {'CDS': r['cds'], 'Indicator': indicator, 'StudentGroup': group, 'Denominator': r['currdenom'],
                   'Numerator': '', 'AverageDistance': '', 'PriorStatus': '', 'PriorDenominator': ''}
            # Groups new in 2024 (LTEL) have no 2023 row; the state published their prior with the 2024 results.
            if (r['cds'], group) not in known:
                row['PriorStatus'] = r.get('priorstatus', '')
                row['PriorDenominator'] = r.get('priordenom', '')
            if indicator in ('ela', 'math'):
                if not r['currstatus']:
                    continue
                row['AverageDistance'] = r['currstatus']
            else:
                if not r.get(NUMERATOR[indicator]):
                    continue
                row['Numerator'] = r[NUMERATOR[indicator]]
            rows.append(row)

with open(OUT, 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=['CDS', 'Indicator', 'StudentGroup', 'Numerator', 'Denominator', 'AverageDistance', 'PriorStatus', 'PriorDenominator'], lineterminator='\n')
    w.writeheader()
    w.writerows(rows)
print(len(rows), 'rows')
