#!/usr/bin/env python3
"""Trim CDE's local-indicator workbooks to the columns this project reads.

CDE publishes one workbook per priority per year (PrNYYYY.xlsx). Most of their bytes are the LEAs'
narrative answers, which the System of Support never reads. This script copies each workbook keeping
only the columns cdsCode, lea, priorityNumber, countyPerformance, meetingDate and year: same header
names, same cell values (and cell types and styles), same row order, same sheet name. The narrative
columns are dropped and the shared-string table is rebuilt with only the strings still used.
Pr9 and Pr10 (small) are copied unmodified, and so are the older LocalIndPerfYYYY.txt files.

Usage: python3 tools/trim-local-indicators.py SOURCE_DIR DEST_DIR
  e.g. python3 tools/trim-local-indicators.py ../shared/data/cde/local-indicators data/cde/local-indicators

Python 3 standard library only (zipfile + xml.etree).
"""

import os
import re
import shutil
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsxcols import col_letters, col_number  # noqa: E402

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
KEEP = ["cdsCode", "lea", "priorityNumber", "countyPerformance", "meetingDate", "year"]
TRIMMED_PRIORITIES = {1, 2, 3, 6, 7}
COPIED_PRIORITIES = {9, 10}
FILE_RE = re.compile(r"^Pr(\d+)(\d{4})\.xlsx$", re.IGNORECASE)
TXT_RE = re.compile(r"^LocalIndPerf\d{4}\.txt$", re.IGNORECASE)


def q(tag, ns=MAIN):
    return "{%s}%s" % (ns, tag)


def resolve(base_dir, target):
    """Resolve a relationship target relative to the folder of the part that owns it."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = (base_dir + "/" + target).split("/") if base_dir else target.split("/")
    out = []
    for p in parts:
        if p in ("", "."):
            continue
        if p == "..":
            out.pop()
        else:
            out.append(p)
    return "/".join(out)


def si_text(si):
    """The text of a shared-string item: its <t>, or its runs' <t> joined (phonetic runs skipped)."""
    text = ""
    for child in si:
        if child.tag == q("t"):
            text += child.text or ""
        elif child.tag == q("r"):
            for t in child.findall(q("t")):
                text += t.text or ""
    return text


def cell_text(c, strings):
    t = c.get("t")
    if t == "inlineStr":
        is_ = c.find(q("is"))
        return si_text(is_) if is_ is not None else ""
    v = c.find(q("v"))
    if v is None:
        return ""
    if t == "s":
        return si_text(strings[int(v.text)])
    return v.text or ""


def trim_workbook(src, dst):
    with zipfile.ZipFile(src) as zin:
        names = zin.namelist()
        wb_rels = ET.fromstring(zin.read("xl/_rels/workbook.xml.rels"))
        rels = {r.get("Id"): r for r in wb_rels.findall(q("Relationship", PKG_REL))}
        workbook_xml = zin.read("xl/workbook.xml").decode("utf-8")
        workbook = ET.fromstring(workbook_xml)
        first_sheet = workbook.find(q("sheets")).find(q("sheet"))
        sheet_name = first_sheet.get("name")
        sheet_path = resolve("xl", rels[first_sheet.get(q("id", REL))].get("Target"))
        sst_path = None
        for r in rels.values():
            if r.get("Type").endswith("/sharedStrings"):
                sst_path = resolve("xl", r.get("Target"))
        strings = list(ET.fromstring(zin.read(sst_path)).findall(q("si"))) if sst_path else []
        sheet = ET.fromstring(zin.read(sheet_path))

        sheet_data = sheet.find(q("sheetData"))
        rows = sheet_data.findall(q("row"))
        header = {}
        for c in rows[0].findall(q("c")):
            header[cell_text(c, strings)] = col_number(c.get("r"))
        missing = [k for k in KEEP if k not in header]
        if missing:
            raise SystemExit("%s: missing columns %s (has %s)" % (src, missing, list(header)))
        old_to_new = {header[k]: i + 1 for i, k in enumerate(KEEP)}

        widths = {}
        cols = sheet.find(q("cols"))
        if cols is not None:
            for col in cols.findall(q("col")):
                for n in range(int(col.get("min")), int(col.get("max")) + 1):
                    widths[n] = col.get("width")

        new_strings = []  # shared-string items, in order of first use
        new_index = {}  # old index -> new index
        string_refs = 0
        out_rows = []
        last_row = 0
        for row in rows:
            r = row.get("r")
            cells = []
            for c in row.findall(q("c")):
                old_col = col_number(c.get("r"))
                if old_col not in old_to_new:
                    continue
                ref = col_letters(old_to_new[old_col]) + r
                attrs = ' r="%s"' % ref
                if c.get("s") is not None:
                    attrs += " s=%s" % quoteattr(c.get("s"))
                t = c.get("t")
                if t is not None:
                    attrs += " t=%s" % quoteattr(t)
                body = ""
                if t == "inlineStr":
                    is_ = c.find(q("is"))
                    body = "<is><t xml:space=\"preserve\">%s</t></is>" % escape(si_text(is_) if is_ is not None else "")
                else:
                    v = c.find(q("v"))
                    if v is not None:
                        value = v.text or ""
                        if t == "s":
                            old = int(value)
                            if old not in new_index:
                                new_index[old] = len(new_strings)
                                new_strings.append(strings[old])
                            value = str(new_index[old])
                            string_refs += 1
                        body = "<v>%s</v>" % escape(value)
                    f = c.find(q("f"))
                    if f is not None:
                        raise SystemExit("%s: formula in %s; not expected" % (src, c.get("r")))
                cells.append((old_to_new[old_col], "<c%s>%s</c>" % (attrs, body)))
            cells.sort()
            out_rows.append('<row r="%s">%s</row>' % (r, "".join(x for _, x in cells)))
            last_row = int(r)

        last_col = col_letters(len(KEEP))
        cols_xml = "".join(
            '<col min="%d" max="%d" width="%s" customWidth="1"/>' % (i + 1, i + 1, widths[header[k]])
            for i, k in enumerate(KEEP)
            if header[k] in widths
        )
        sheet_xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="%s" xmlns:r="%s">' % (MAIN, REL)
            + '<dimension ref="A1:%s%d"/>' % (last_col, last_row)
            + '<sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
            + '<sheetFormatPr defaultRowHeight="15"/>'
            + ("<cols>%s</cols>" % cols_xml if cols_xml else "")
            + "<sheetData>%s</sheetData>" % "".join(out_rows)
            + '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
            + "</worksheet>"
        )

        ET.register_namespace("", MAIN)
        sst = ET.Element(q("sst"), {"count": str(string_refs), "uniqueCount": str(len(new_strings))})
        for si in new_strings:
            sst.append(si)
        sst_xml = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ET.tostring(sst, encoding="utf-8", xml_declaration=False)

        # The workbook's defined name for the sheet's range now ends at the last kept column.
        workbook_xml = re.sub(
            r"(<definedName [^>]*>[^<]*!\$A\$1:)\$[A-Z]+\$(\d+)(</definedName>)",
            lambda m: "%s$%s$%d%s" % (m.group(1), last_col, last_row, m.group(3)),
            workbook_xml,
        )

        replaced = {sheet_path: sheet_xml.encode("utf-8"), "xl/workbook.xml": workbook_xml.encode("utf-8")}
        if sst_path:
            replaced[sst_path] = sst_xml
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
        return sheet_name, len(rows)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    src_root, dst_root = argv[1], argv[2]
    for year in sorted(os.listdir(src_root)):
        src_dir = os.path.join(src_root, year)
        if not os.path.isdir(src_dir):
            continue
        dst_dir = os.path.join(dst_root, year)
        for name in sorted(os.listdir(src_dir)):
            src = os.path.join(src_dir, name)
            dst = os.path.join(dst_dir, name)
            m = FILE_RE.match(name)
            if m and int(m.group(1)) in TRIMMED_PRIORITIES:
                os.makedirs(dst_dir, exist_ok=True)
                sheet, rows = trim_workbook(src, dst)
                print("trimmed %s: sheet '%s', %d rows, %d -> %d bytes" % (dst, sheet, rows, os.path.getsize(src), os.path.getsize(dst)))
            elif (m and int(m.group(1)) in COPIED_PRIORITIES) or TXT_RE.match(name):
                os.makedirs(dst_dir, exist_ok=True)
                shutil.copyfile(src, dst)
                print("copied  %s" % dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
