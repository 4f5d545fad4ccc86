#!/usr/bin/env python3
"""Writes src/SystemOfSupport.Web/Features/StatePage/county-outlines.tsv from ca-counties-topo-simple.json.

The TopoJSON is scottpham/california-counties' caCountiesTopoSimple.json, made from the US Census Bureau's TIGER
county boundaries (public domain) and simplified with mapshaper. This script decodes its arcs, projects longitude and
latitude equirectangularly with longitude scaled by cos(37.5 deg) (California's middle), fits the state into a
600-unit-wide box, and writes one line per county: CDE county code (FIPS 06xxx: (xxx + 1) / 2), name, SVG path data
with whole-unit coordinates. Run from the repository root: python3 tools/county-map/make-county-outlines.py
"""
import json, math, os

here = os.path.dirname(os.path.abspath(__file__))
topo = json.load(open(os.path.join(here, 'ca-counties-topo-simple.json')))
sx, sy = topo['transform']['scale']
tx, ty = topo['transform']['translate']

arcs = []
for arc in topo['arcs']:
    x = y = 0
    points = []
    for dx, dy in arc:
        x += dx; y += dy
        points.append((x * sx + tx, y * sy + ty))
    arcs.append(points)

k = math.cos(math.radians(37.5))
lons = [p[0] for a in arcs for p in a]; lats = [p[1] for a in arcs for p in a]
west, east, south, north = min(lons), max(lons), min(lats), max(lats)
width = 600.0
scale = width / ((east - west) * k)
height = (north - south) * scale

def project(p):
    return (round((p[0] - west) * k * scale), round((north - p[1]) * scale))

def ring(indices):
    points = []
    for i in indices:
        a = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(a if not points else a[1:])
    out = []
    for p in map(project, points):
        if not out or out[-1] != p:
            out.append(p)
    return 'M' + 'L'.join(f'{x},{y}' for x, y in out) + 'Z'

lines = [f'# viewBox 0 0 {round(width)} {math.ceil(height)}',
         '# From the US Census Bureau TIGER county boundaries (public domain), via scottpham/california-counties',
         '# (caCountiesTopoSimple.json, simplified); made by tools/county-map/make-county-outlines.py.']
rows = []
for g in topo['objects']['subunits']['geometries']:
    polygons = g['arcs'] if g['type'] == 'MultiPolygon' else [g['arcs']]
    d = ''.join(ring(r) for poly in polygons for r in poly)
    code = (int(g['id'][2:]) + 1) // 2
    rows.append(f"{code:02d}\t{g['properties']['name']}\t{d}")
lines.extend(sorted(rows))
out = os.path.join(here, '..', '..', 'src', 'SystemOfSupport.Web', 'Features', 'StatePage', 'county-outlines.tsv')
open(out, 'w').write('\n'.join(lines) + '\n')
print(out, len(rows), 'counties', os.path.getsize(out), 'bytes')
