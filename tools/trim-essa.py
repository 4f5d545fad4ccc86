#!/usr/bin/env python3
"""Trim CDE's ESSA assistance files to the columns this project reads.

CDE's ESSA school-designation files (essaassistanceYY.xlsx, essaassistancestudentgroup19.xlsx and the 2018
sch_eligibility_state_sg.csv) carry, besides each school's designations, its Title I flags, enrollment and the
per-student-group ATSI/TSI flags, which the System of Support's CSI rule (RULES.md section 5) never reads. This
script copies each file keeping only the columns the reader reads:

  cds, schoolname, districtname, countyname, Charter, AssistanceStatusYYYY (every year), Exit, ReportingYear
  (the 2018 CSV: CDS, School, District, County, AssistanceStatus, RepYr)

Everything else stays as CDE published it: the sheet names and their order, the note rows above the header and
below the data, the header names, every kept cell's value and type (shared strings stay shared strings), styles,
row numbers and row order. The "Record Layout" sheet is copied whole. The data sheet's table, filter range and
"ignored errors" ranges are narrowed to the kept columns, and the shared-string table keeps only the strings still
used. The CSV keeps its Windows-1252 bytes, its LF line ends and its quoting.

Usage: python3 tools/trim-essa.py SOURCE_DIR DEST_DIR
  e.g. python3 tools/trim-essa.py ../shared/data/cde/essa data/cde/essa

Python 3 standard library only (zipfile, re, csv).
"""

import csv
import io
import os
import re
import sys
import zipfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsxcols import col_letters, col_number  # noqa: E402

KEEP = re.compile(r"^(cds|schoolname|districtname|countyname|charter|assistancestatus\d{0,4}|exit|reportingyear|repyr)$", re.IGNORECASE)
CSV_KEEP = ["CDS", "School", "District", "County", "AssistanceStatus", "RepYr"]
XLSX_RE = re.compile(r"^essaassistance.*\.xlsx$", re.IGNORECASE)
CSV_NAME = "sch_eligibility_state_sg.csv"

ROW_RE = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.DOTALL)
CELL_RE = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
SI_RE = re.compile(r"<si>.*?</si>|<si/>", re.DOTALL)


def attr(attrs, name):
    m = re.search(r'(?:^|\s)%s="([^"]*)"' % re.escape(name), attrs)
    return m.group(1) if m else None


def set_attr(attrs, name, value):
    if value is None:
        return re.sub(r'\s%s="[^"]*"' % re.escape(name), "", attrs)
    if attr(attrs, name) is None:
        return attrs + ' %s="%s"' % (name, value)
    return re.sub(r'(^|\s)%s="[^"]*"' % re.escape(name), lambda m: '%s%s="%s"' % (m.group(1), name, value), attrs)


def unescape(text):
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def si_text(si_xml):
    """Plain text of a shared-string item (its <t> and its runs' <t>, phonetic runs skipped)."""
    si_xml = re.sub(r"<rPh\b.*?</rPh>", "", si_xml, flags=re.DOTALL)
    return "".join(unescape(t) for t in re.findall(r"<t\b[^>]*>(.*?)</t>", si_xml, re.DOTALL))


class Strings:
    """The source workbook's shared strings, and the new table built from the strings still used."""

    def __init__(self, sst_xml):
        self.items = SI_RE.findall(sst_xml) if sst_xml else []
        self.new_items = []
        self.new_index = {}
        self.refs = 0

    def text(self, index):
        return si_text(self.items[int(index)])

    def use(self, index):
        old = int(index)
        if old not in self.new_index:
            self.new_index[old] = len(self.new_items)
            self.new_items.append(self.items[old])
        self.refs += 1
        return self.new_index[old]

    def xml(self, head):
        head = set_attr(set_attr(head, "count", str(self.refs)), "uniqueCount", str(len(self.new_items)))
        return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst%s>%s</sst>' % (head, "".join(self.new_items))


def cell_text(cell_attrs, body, strings):
    body = body or ""
    if attr(cell_attrs, "t") == "inlineStr":
        return si_text(body)
    v = re.search(r"<v>(.*?)</v>", body, re.DOTALL)
    if v is None:
        return ""
    return strings.text(v.group(1)) if attr(cell_attrs, "t") == "s" else unescape(v.group(1))


def find_header(sheet_xml, strings):
    """The row number and {column: name} of the first row that names 'cds'."""
    for m in ROW_RE.finditer(sheet_xml):
        names = {}
        for c in CELL_RE.finditer(m.group(2) or ""):
            names[col_number(attr(c.group(1), "r"))] = cell_text(c.group(1), c.group(2), strings).strip()
        if any(n.lower() == "cds" for n in names.values()):
            return int(attr(m.group(1), "r")), names
    return None, None


def rewrite_sheet(sheet_xml, strings, col_map, path):
    """Rewrites the sheet's cells through col_map (old column -> new column; None keeps every column)."""
    start = sheet_xml.index("<sheetData")
    end = sheet_xml.index("</sheetData>") + len("</sheetData>")
    out_rows = []
    for m in ROW_RE.finditer(sheet_xml[start:end]):
        row_attrs, body = m.group(1), m.group(2) or ""
        cells = []
        for c in CELL_RE.finditer(body):
            c_attrs, c_body = c.group(1), c.group(2)
            ref = attr(c_attrs, "r")
            old = col_number(ref)
            new = old if col_map is None else col_map.get(old)
            if new is None:
                continue
            if c_body is not None and "<f" in c_body:
                raise SystemExit("%s: formula in %s; not expected" % (path, ref))
            c_attrs = set_attr(c_attrs, "r", col_letters(new) + ref[len(ref.rstrip("0123456789")):])
            if attr(c_attrs, "t") == "s" and c_body is not None:
                c_body = re.sub(r"<v>(\d+)</v>", lambda v: "<v>%d</v>" % strings.use(v.group(1)), c_body)
            cells.append((new, "<c%s/>" % c_attrs if c_body is None else "<c%s>%s</c>" % (c_attrs, c_body)))
        cells.sort(key=lambda x: x[0])
        if col_map is not None:
            row_attrs = set_attr(row_attrs, "spans", None)
        out_rows.append("<row%s>%s</row>" % (row_attrs, "".join(x for _, x in cells)))
    return sheet_xml[:start] + "<sheetData>%s</sheetData>" % "".join(out_rows) + sheet_xml[end:]


def remap_range(ref, col_map):
    """A1-style range or cell through col_map, or None when a column is dropped."""
    parts = []
    for p in ref.split(":"):
        m = re.match(r"^(\$?)([A-Z]+)(\$?)(\d*)$", p)
        new = col_map.get(col_number(m.group(2)))
        if new is None:
            return None
        parts.append(m.group(1) + col_letters(new) + m.group(3) + m.group(4))
    return ":".join(parts)


def remap_range_end(ref, last_col):
    """A range whose last column becomes last_col (the kept columns are contiguous from A)."""
    m = re.match(r"^(\$?[A-Z]+\$?\d+:\$?)([A-Z]+)(\$?\d+)$", ref)
    return m.group(1) + col_letters(last_col) + m.group(3)


def narrow_sheet_extras(sheet_xml, header, col_map, last_col, last_row):
    sheet_xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:%s%d"/>' % (col_letters(last_col), last_row), sheet_xml)

    def cols(m):
        widths = {}
        for col in re.findall(r"<col\b[^>]*/>", m.group(0)):
            for n in range(int(attr(col, "min")), int(attr(col, "max")) + 1):
                if n in col_map:
                    widths[col_map[n]] = re.sub(r'\s(min|max)="\d+"', "", col[4:-2])
        return "<cols>%s</cols>" % "".join('<col min="%d" max="%d"%s/>' % (n, n, widths[n]) for n in sorted(widths))

    sheet_xml = re.sub(r"<cols>.*?</cols>", cols, sheet_xml, flags=re.DOTALL)

    def sqref(m):
        kept = [r for r in (remap_range(x, col_map) for x in m.group(2).split()) if r]
        return '%s"%s"' % (m.group(1), " ".join(kept))

    sheet_xml = re.sub(r'(<ignoredError\b[^>]*?sqref=)"([^"]*)"', sqref, sheet_xml)
    return sheet_xml


def narrow_table(table_xml, names):
    kept = {n.lower() for n in names}
    columns = re.findall(r"<tableColumn\b.*?(?:/>|</tableColumn>)", table_xml, re.DOTALL)
    keep = [c for c in columns if unescape(attr(c, "name")).strip().lower() in kept]
    table_xml = re.sub(r"<tableColumns\b[^>]*>.*?</tableColumns>",
                       '<tableColumns count="%d">%s</tableColumns>' % (len(keep), "".join(keep)), table_xml, flags=re.DOTALL)
    return re.sub(r'(\sref=)"([^"]*)"', lambda m: '%s"%s"' % (m.group(1), remap_range_end(m.group(2), len(keep))), table_xml)


def resolve(base_dir, target):
    if target.startswith("/"):
        return target.lstrip("/")
    out = []
    for p in (base_dir + "/" + target).split("/"):
        if p in ("", "."):
            continue
        if p == "..":
            out.pop()
        else:
            out.append(p)
    return "/".join(out)


def relationships(zin, part):
    folder, name = part.rsplit("/", 1)
    rels_name = "%s/_rels/%s.rels" % (folder, name)
    if rels_name not in zin.namelist():
        return {}
    rels = {}
    for r in re.findall(r"<Relationship\b[^>]*/>", zin.read(rels_name).decode("utf-8")):
        rels[attr(r, "Id")] = (attr(r, "Type"), resolve(folder, attr(r, "Target")))
    return rels


def trim_workbook(src, dst):
    with zipfile.ZipFile(src) as zin:
        workbook_xml = zin.read("xl/workbook.xml").decode("utf-8")
        wb_rels = relationships(zin, "xl/workbook.xml")
        sst_path = next((t for (ty, t) in wb_rels.values() if ty.endswith("/sharedStrings")), None)
        sst_xml = zin.read(sst_path).decode("utf-8") if sst_path else ""
        strings = Strings(sst_xml)
        sheets = [(unescape(attr(s, "name")), wb_rels[attr(s, "r:id")][1]) for s in re.findall(r"<sheet\b[^>]*/>", workbook_xml)]

        replaced = {}
        data_sheet = None
        for name, path in sheets:
            xml = zin.read(path).decode("utf-8")
            header_row, header = find_header(xml, strings)
            if header_row is None or name.lower().startswith("record layout"):
                replaced[path] = rewrite_sheet(xml, strings, None, src)
                continue
            if data_sheet is not None:
                raise SystemExit("%s: two sheets with a 'cds' header (%s, %s)" % (src, data_sheet, name))
            data_sheet = name
            kept = [c for c in sorted(header) if KEEP.match(header[c])]
            col_map = {old: i + 1 for i, old in enumerate(kept)}
            kept_names = [header[c] for c in kept]
            last_row = max(int(attr(m.group(1), "r")) for m in ROW_RE.finditer(xml))
            xml = rewrite_sheet(xml, strings, col_map, src)
            replaced[path] = narrow_sheet_extras(xml, header, col_map, len(kept), last_row)
            for ty, target in relationships(zin, path).values():
                if ty.endswith("/table"):
                    replaced[target] = narrow_table(zin.read(target).decode("utf-8"), kept_names).encode("utf-8")
            # The sheet's filter range (a defined name) now ends at the last kept column.
            workbook_xml = re.sub(
                r"(<definedName\b[^>]*>'?%s'?!)([^<]*)(</definedName>)" % re.escape(name.replace("&", "&amp;")),
                lambda m: m.group(1) + remap_range_end(m.group(2), len(kept)) + m.group(3),
                workbook_xml)
            print("  %s: sheet '%s', header on row %d, %d rows, kept %s" % (os.path.basename(src), name, header_row, last_row, ", ".join(kept_names)))
        if data_sheet is None:
            raise SystemExit("%s: no sheet has a header row naming 'cds'" % src)

        for path in list(replaced):
            if isinstance(replaced[path], str):
                replaced[path] = replaced[path].encode("utf-8")
        replaced["xl/workbook.xml"] = workbook_xml.encode("utf-8")
        if sst_path:
            head = re.search(r"<sst\b([^>]*)>", sst_xml).group(1)
            replaced[sst_path] = strings.xml(head).encode("utf-8")

        names = zin.namelist()
        ordered = ["[Content_Types].xml"] + [n for n in names if n != "[Content_Types].xml"]
        tmp = dst + ".tmp"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
            for name in ordered:
                info = zin.getinfo(name)
                data = replaced.get(name)
                if data is None:
                    data = zin.read(name)
                out_info = zipfile.ZipInfo(name, date_time=info.date_time)
                out_info.compress_type = zipfile.ZIP_DEFLATED
                out_info.external_attr = 0o644 << 16
                zout.writestr(out_info, data)
        os.replace(tmp, dst)


def trim_csv(src, dst):
    with open(src, "rb") as f:
        raw = f.read()
    text = raw.decode("cp1252")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    # Writing every column back must give CDE's bytes: then the trimmed file differs only by the columns dropped.
    check = io.StringIO(newline="")
    csv.writer(check, lineterminator="\n").writerows(rows)
    if check.getvalue() != text:
        raise SystemExit("%s: its quoting or line ends are not what this script rewrites; not trimmed" % src)
    header = rows[0]
    index = [header.index(k) for k in CSV_KEEP]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows([[r[i] for i in index] for r in rows])
    tmp = dst + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out.getvalue().encode("cp1252"))
    os.replace(tmp, dst)
    print("  %s: %d rows, kept %s" % (os.path.basename(src), len(rows), ", ".join(CSV_KEEP)))


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src_dir, dst_dir = argv[1], argv[2]
    os.makedirs(dst_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        src, dst = os.path.join(src_dir, name), os.path.join(dst_dir, name)
        if XLSX_RE.match(name):
            trim_workbook(src, dst)
        elif name == CSV_NAME:
            trim_csv(src, dst)
        else:
            continue
        print("trimmed %s: %d -> %d bytes" % (dst, os.path.getsize(src), os.path.getsize(dst)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
