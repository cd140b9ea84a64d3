#!/usr/bin/env python3
"""Generates the spreadsheets `stdkit import` is tested with, under tests/fixtures/import/:

- clean.xlsx   a tidy 标准明细表: one sheet, merged title row, one-line headers, category rows,
               Excel dates, canonical codes;
- messy.xlsx   one like a real office's: a merged title row and a note above the header, header
               words with line breaks and in other order, category rows merged and unmerged,
               text dates in every form, Excel dates, full-width, em-dash and space-less codes,
               a duplicate number, an unknown level, an unparseable code, blank rows, a
               footnote and a total, and a second sheet with its own header;
- layout.xlsx  another office's layout: a two-row header, subsystems as 一、… rows, codes of
               categories in the 序号 column, a unit merged down a block, number dates;
- numbers.xlsx 体系表编号 typed as numbers (101.10 shown, 101.1 kept by Excel; 101.01, 101.12, and
               101.123, whose fraction is too long for a sequence) and one written as text
               ("101.2", taken as written);
- old.xls      a small table in the old binary format (xlwt);
- far.xls      a hostile one: 20 sheets of two cells far apart (refused, never read);
- small.ods    a table as LibreOffice saves it, and far.ods, a hostile one (refused);
- big.xlsx     1,000 rows, for timing (not used by the tests);
- repo/        a fresh repository to import into: a manifest and the four subsystems with the
               categories of DOMAIN.md, as `stdkit init` makes them;
- filled/      the same with one standard of clean.xlsx already in it (101-01).

Real standard numbers, titles and dates come from /work/shared/data/standards-2014.tsv (copied
here as the STANDARDS table so that the script runs without it). Run it from the project
root: `python3 scripts/make-import-fixtures.py` (needs `pip install openpyxl xlwt`). The
output is deterministic, so regenerating changes no file.
"""

import datetime as dt
import os
import re
import shutil
import zipfile

import openpyxl
import xlwt
from openpyxl.styles import Alignment, Font

OUT = os.path.join("tests", "fixtures", "import")

# number, title, published, effective (from standards-2014.tsv; "" where it has none)
STANDARDS = {
    "GB/T 24421.1-2009": ("服务业组织标准化工作指南 第1部分：基本要求", "2009-09-30", "2009-11-01"),
    "GB/T 24421.2-2009": ("服务业组织标准化工作指南 第2部分：标准体系", "2009-09-30", "2009-11-01"),
    "GB/T 24421.3-2009": ("服务业组织标准化工作指南 第3部分：标准编写", "2009-09-30", "2009-11-01"),
    "GB/T 24421.4-2009": ("服务业组织标准化工作指南 第4部分：标准实施及评价", "2009-09-30", "2009-11-01"),
    "GB/T 13016-2009": ("标准体系表编制原则和要求", "", ""),
    "GB/T 1.1-2009": ("标准化工作导则 第1部分：标准的结构和编写", "2009-06-17", "2010-01-01"),
    "GB/T 15624-2011": ("服务标准化工作指南", "2011-12-30", "2012-02-01"),
    "GB/T 30226-2013": ("服务业标准体系编写指南", "2013-12-17", "2014-04-15"),
    "GB/T 20000.1-2014": ("标准化工作指南 第1部分：标准化和相关活动的通用术语", "2014-12-31", "2015-06-01"),
    "GB/T 10001.1-2012": ("公共信息图形符号 第1部分：通用符号", "2012-12-31", "2013-06-01"),
    "GB/T 15834-2011": ("标点符号用法", "2011-12-30", "2012-06-01"),
    "GB/T 15834-1995": ("标点符号用法", "1995-12-13", "1996-06-01"),
    "GB/T 21063.1-2007": ("政务信息资源目录体系 第1部分：总体框架", "2007-06-14", "2007-10-01"),
    "DA/T 22-2000": ("归档文件整理规则", "2000-12-06", "2001-01-01"),
    "GB/T 19010-2009": ("质量管理 顾客满意 组织行为规范指南", "2009-05-06", "2009-11-01"),
    "GB 2894-2008": ("安全标志及其使用导则", "2008-12-11", "2009-10-01"),
    "GB 2894-1996": ("安全标志", "1996-06-04", "1997-01-01"),
    "GA 654-2006": ("人员密集场所消防安全管理", "2006-11-01", "2007-05-01"),
    "GB/T 22081-2008": ("信息技术 安全技术 信息安全管理实用规则", "2008-06-19", "2008-11-01"),
    "DB63/T 1336-2014": ("行政服务中心 环境、设施", "", ""),
    "GB/T 19012-2008": ("质量管理 顾客满意 组织处理投诉指南", "2008-07-16", "2008-11-01"),
    "GB/T 19039-2009": ("顾客满意测评通则", "2009-05-06", "2009-11-01"),
    "GB/T 19580-2012": ("卓越绩效评价准则", "2012-03-09", "2012-08-01"),
}

# The plan's four subsystems and their categories (DOMAIN.md).
CATEGORIES = [
    ("1", "通用基础标准体系", ["标准化管理", "方针目标", "管理办法", "标准体系编制原则", "服务标准化工作指南",
                         "术语", "符号与标志", "电子政务", "公文"]),
    ("2", "服务提供标准体系", ["服务规范", "服务提供规范", "服务过程控制规范"]),
    ("3", "服务保障标准体系", ["组织机构", "窗口建设", "日常运行管理", "资产财务管理", "安全应急管理",
                         "公共环境管理", "信息化管理"]),
    ("4", "服务评价与改进标准体系", ["监督检查", "奖惩措施", "投诉处理", "绩效评价", "满意度评价和改进"]),
]


def date(text):
    return dt.datetime.strptime(text, "%Y-%m-%d") if text else None


def title(code):
    return STANDARDS[code][0]


def dates(code):
    _, published, effective = STANDARDS[code]
    return date(published), date(effective)


def fixed(path):
    """Gives every member of a zip archive one timestamp, so that the file is the same at
    every run (openpyxl writes the current time into the archive and docProps/core.xml)."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2014-12-31T00:00:00Z", data)
            info = zipfile.ZipInfo(name, date_time=(2014, 12, 31, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def workbook():
    book = openpyxl.Workbook()
    stamp = dt.datetime(2014, 12, 31)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.properties.creator = "综合科"
    return book


def title_row(sheet, row, text, width):
    sheet.cell(row=row, column=1, value=text).font = Font(bold=True, size=16)
    sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def category(sheet, row, text, width, merged=True):
    sheet.cell(row=row, column=1, value=text).font = Font(bold=True)
    if merged:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def clean():
    book = workbook()
    sheet = book.active
    sheet.title = "标准明细表"
    head = ["序号", "体系表编号", "标准编号", "标准名称", "级别", "发布日期", "实施日期", "代替标准号", "状态",
            "责任科室", "备注"]
    title_row(sheet, 1, "安庆市政务服务中心标准明细表", len(head))
    for i, h in enumerate(head, 1):
        sheet.cell(row=2, column=i, value=h).font = Font(bold=True)
    rows = [
        ("1 通用基础标准体系",),
        ("101 标准化管理",),
        ("101-01", "Q/AQZW 10101-2014", "标准化工作管理办法", "中心标准", "2014-03-01", "2014-03-01", "", "现行", "综合科"),
        ("101-02", "", "标准制修订程序", "中心标准", "", "", "", "待制定", "综合科", "2015年制定"),
        ("104 标准体系编制原则",),
        ("104-01", "GB/T 13016-2009", None, "国家标准", "", "", "", "现行", "综合科"),
        ("104-02", "GB/T 1.1-2009", None, "国家标准", None, None, "", "现行", "综合科"),
        ("105 服务标准化工作指南",),
        ("105-01", "GB/T 24421.1-2009", None, "国家标准", None, None, "", "现行", "综合科"),
        ("105-02", "GB/T 24421.2-2009", None, "国家标准", None, None, "", "现行", "综合科"),
        ("105-03", "GB/T 24421.3-2009", None, "国家标准", None, None, "", "现行", "综合科"),
        ("105-04", "GB/T 15624-2011", None, "国家标准", None, None, "", "现行", "综合科"),
        ("107 符号与标志",),
        ("107-01", "GB/T 10001.1-2012", None, "国家标准", None, None, "", "现行", "窗口管理科"),
        ("107-02", "GB/T 15834-2011", None, "国家标准", None, None, "GB/T 15834-1995", "现行", "综合科"),
        ("107-03", "GB/T 15834-1995", None, "国家标准", None, None, "", "被代替", "综合科"),
        ("2 服务提供标准体系",),
        ("201 服务规范",),
        ("201-01", "Q/AQZW 20101-2014", "窗口服务规范", "中心标准", "2014-03-25", "2014-04-01", "", "现行", "窗口管理科"),
        ("201-02", "GB/T 19010-2009", None, "国家标准", None, None, "", "现行", "窗口管理科"),
        ("3 服务保障标准体系",),
        ("302 窗口建设",),
        ("302-01", "DB63/T 1336-2014", None, "地方标准", "", "", "", "现行", "后勤保障科"),
        ("305 安全应急管理",),
        ("305-01", "GB 2894-2008", None, "国家标准", None, None, "GB 2894-1996", "现行", "后勤保障科"),
        ("305-02", "GA 654-2006", None, "行业标准", None, None, "", "现行", "后勤保障科"),
    ]
    r, n = 3, 0
    for row in rows:
        if len(row) == 1:
            category(sheet, r, row[0], len(head))
        else:
            n += 1
            no, code, name, level, published, effective, replaces, status, unit, *note = row
            if code in STANDARDS:
                name = name or title(code)
                p, e = dates(code)
                published = p if published is None else date(published)
                effective = e if effective is None else date(effective)
            else:
                published, effective = date(published), date(effective)
            values = [n, no, code, name, level, published, effective, replaces, status, unit,
                      note[0] if note else ""]
            for i, v in enumerate(values, 1):
                cell = sheet.cell(row=r, column=i, value=v if v != "" else None)
                if isinstance(v, dt.datetime):
                    cell.number_format = "yyyy-mm-dd"
        r += 1
    sheet.column_dimensions["D"].width = 44
    path = os.path.join(OUT, "clean.xlsx")
    book.save(path)
    fixed(path)


def messy():
    book = workbook()
    first = book.active
    first.title = "通用基础"
    # Header words with line breaks, in another order, in other variants.
    head = ["序\n号", "体系表\n编号", "标准名称", "标准号", "层级", "发布\n日期", "实施日期\n（年.月.日）",
            "被代替\n标准号", "状态", "责任\n部门", "备  注"]
    title_row(first, 1, "某市政务服务中心标准体系明细表（2014年）", len(head))
    first.cell(row=2, column=1, value="编制：综合科　　　　　　　　　　日期：2014年12月")
    first.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(head))
    for i, h in enumerate(head, 1):
        first.cell(row=3, column=i, value=h).alignment = Alignment(wrap_text=True)
    rows = [
        # A subsystem merged across the row.
        ("merged", "1 通用基础标准体系"),
        # A category in the first cells, not merged: code under 体系表编号, title under 名称.
        ("cells", "101", "标准化管理"),
        (1, "101-01", "标准化工作管理办法", "Q/AQZW 10101-2014", "中心标准", "2014.3.1", "2014.3.1", "", "现行", "综合科", ""),
        (2, "", "标准制修订程序", "", "中心标准", "", "", "", "起草", "综合科", "拟于2015年发布"),
        ("blank",),
        ("merged", "105 服务标准化工作指南"),
        # Excel dates, an em dash, full-width letters and digits, a missing space.
        (3, "105-01", None, "GB/T24421.1—2009", "国家标准", "excel", "excel", "", "现行", "综合科", ""),
        (4, "105-02", None, "ＧＢ／Ｔ　２４４２１．２－２００９", "国标", "2009-9-30", "2009-11-1", "", "", "综合科", ""),
        (5, "105-03", None, "GB/T 24421.3—2009", "国家标准", "2009/9/30", "2009/11/1", "", "", "综合科", ""),
        # A duplicate number: this row is reported, not imported.
        (6, "105-03", None, "GB/T 15624-2011", "国家标准", "", "2012年2月1日", "", "现行", "综合科", ""),
        (7, "", None, "GB/T 30226－2013", "国家标准", "2013年12月17日", "2014年4月15日", "", "", "综合科", ""),
        # Published but not yet in effect on 2014-12-31: planned.
        (8, "", None, "GB/T 20000.1-2014", "国家标准", "2014.12.31", "2015.6.1", "", "", "综合科", ""),
        ("blank",),
        ("merged", "107 符号与标志"),
        # An en dash, and a replaced standard written with an em dash.
        (9, "107-01", None, "GB/T 15834–2011", "国家标准", "", "2012.6.1", "GB/T 15834—1995", "", "综合科", ""),
        (10, "107-02", "标点符号用法", "GB/T 15834-1995", "国家标准", "", "1996.6.1", "", "", "综合科", "已被代替"),
        # An unknown level.
        (11, "107-03", None, "GB/T 10001.1-2012", "推荐性", "", "2013.6.1", "", "现行", "窗口管理科", ""),
        ("cells", "108", "电子政务"),
        (12, "", None, "GB/T 21063.1-2007", "", "", "", "", "", "信息中心", ""),
        ("cells", "109", "公文"),
        # A document number is not a standard number.
        (13, "", "安徽省人民政府办公厅关于推进政务服务标准化的通知", "皖政办〔2013〕45号", "", "", "2013.8.1", "", "", "综合科", ""),
        (14, "", None, "DA/T 22-2000", "行业标准", "", "2001.1.1", "", "", "综合科", ""),
        ("blank",),
        ("footnote", "注：层级栏中“中心标准”即本中心制定的企业标准。"),
        ("footnote", "合计：14 项"),
    ]
    write_rows(first, 4, rows, len(head), name_col=3, code_col=4)
    first.column_dimensions["C"].width = 44

    second = book.create_sheet("服务提供与保障")
    head2 = ["编号", "标准编号", "名称", "类别", "实施时间", "状态", "责任科室"]
    for i, h in enumerate(head2, 1):
        second.cell(row=1, column=i, value=h)
    rows2 = [
        # A standard before any category row, with no system number: reported.
        ("", "GB/T 19010-2009", None, "国家标准", "2009.11.1", "现行", "窗口管理科"),
        ("merged", "2　服务提供标准体系"),
        ("single", "201 服务规范"),
        ("201-01", "Q/AQZW 20101-2014", "窗口服务规范", "中心标准", "2014年4月1日", "现行", "窗口管理科"),
        ("", "", "首问负责制", "中心标准", "", "待制定", "窗口管理科"),
        # A number outside its category: reported.
        ("202-05", "Q/AQZW 20205-2014", "不动产登记服务规范", "中心标准", "2014年4月1日", "现行", "不动产窗口"),
        ("merged", "3 服务保障标准体系"),
        ("merged", "305 安全应急管理"),
        ("", "GB 2894-2008", None, "", "2009-10-01", "", "后勤保障科"),
        ("", "GA 654-2006", None, "行业标准", "excel", "", "后勤保障科"),
        ("merged", "4 服务评价与改进标准体系"),
        # A category the repository lacks: created.
        ("merged", "406 持续改进"),
        ("", "GB/T 19580-2012", None, "国家标准", "excel", "现行", "督查科"),
        ("", "", "服务质量持续改进办法", "", "", "", "督查科"),
        ("footnote", "注：本表由综合科负责解释。"),
    ]
    write_rows(second, 2, rows2, len(head2), name_col=3, code_col=2)
    path = os.path.join(OUT, "messy.xlsx")
    book.save(path)
    fixed(path)


def layout():
    """Another office's layout: a header over two rows (日期 merged over 发布 | 实施, the other
    header cells merged down both rows), subsystems as 一、… rows, category codes in the 序号
    column with their title under 标准名称, a 责任处室 merged down a block of standards, dates
    as numbers 20140301, a horizontal bar (U+2015) in a code, 《》 around a title, a duplicate
    code, a 合计 row, a 说明 sheet and an empty sheet."""
    book = workbook()
    s = book.active
    s.title = "Sheet1"
    s.append(["某县政务服务中心标准体系明细表"])
    s.merge_cells("A1:J1")
    s.append(["序号", "体系\n编号", "标准名称", "标准编号", "标准\n层级", "日期", None, "被替代标准", "责任人", "主要责任处室"])
    s.append([None, None, None, None, None, "发布", "实施"])
    s.merge_cells("F2:G2")
    for c in "ABCDEHIJ":
        s.merge_cells(f"{c}2:{c}3")
    s.append(["一、通用基础标准体系"])
    s.merge_cells("A4:J4")
    s.append(["101", None, "标准化管理"])
    s.append([1, None, "标准化工作管理办法", "Q/AQZW 10101\u20152014", "企业标准", 20140301, 20140301, None, "张三", "综合科"])
    s.append([2, None, "标准制修订程序", None, "企业标准", None, None, None, "李四"])
    s.merge_cells("J6:J7")
    s.append(["105", None, "服务标准化工作指南"])
    p, e = dates("GB/T 24421.1-2009")
    s.append([3, None, title("GB/T 24421.1-2009"), "GB/T 24421.1-2009", "推荐性国家标准", p, e, None, "王五", "综合科"])
    s.append([4, None, title("GB/T 15624-2011"), "GB/T 15624—2011", "国家标准", "2011年12月30日", "2012年2月1日",
              "GB/T 15624.1—1995", "王五", "综合科"])
    s.append([5, None, title("GB/T 15624-2011"), "GB/T 15624-2011", "国家标准"])
    s.append([])
    s.append(["二、服务提供标准体系"])
    s.merge_cells("A13:J13")
    s.append(["201", None, "服务规范"])
    s.append([6, None, "《窗口服务规范》", "Q/AQZW 20101-2014", "中心标准", "2014-3-25", "2014-4-1", None, "赵六", "窗口管理科"])
    s.append(["合计", None, "6项"])
    for row in s.iter_rows(min_row=6, max_row=15):
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd"
    book.create_sheet("说明").append(["本表由综合科编制，“层级”一栏按标准发布机关填写。"])
    book.create_sheet("Sheet3")
    path = os.path.join(OUT, "layout.xlsx")
    book.save(path)
    fixed(path)


def numbers():
    """A table whose 体系表编号 column was typed as numbers: Excel keeps 101.10 as 101.1 (the
    number format shows 101.10), so the sequence is the fraction padded on the right."""
    book = workbook()
    sheet = book.active
    sheet.title = "标准明细表"
    head = ["序号", "体系表编号", "标准编号", "标准名称", "级别", "状态", "责任科室"]
    for i, h in enumerate(head, 1):
        sheet.cell(row=1, column=i, value=h).font = Font(bold=True)
    category(sheet, 2, "101 标准化管理", len(head))
    rows = [
        (101.1, "标准化工作管理办法"),
        (101.01, "标准制修订程序"),
        (101.12, "标准化培训管理办法"),
        # Three decimals: no sequence of two digits.
        (101.123, "标准实施评价办法"),
        # Text, as written: 101-02.
        ("101.2", "标准体系维护办法"),
    ]
    for n, (no, name) in enumerate(rows, 1):
        r = n + 2
        values = [n, no, None, name, "中心标准", "待制定", "综合科"]
        for i, v in enumerate(values, 1):
            cell = sheet.cell(row=r, column=i, value=v)
            if isinstance(v, float):
                cell.number_format = "0.000" if v == 101.123 else "0.00"
    path = os.path.join(OUT, "numbers.xlsx")
    book.save(path)
    fixed(path)


def write_rows(sheet, r, rows, width, name_col, code_col):
    """Writes the rows from `r` on: markers for categories, blanks and footnotes, else cells in
    header order, where None in the name column takes the title of the code and "excel" in a
    date column takes the code's date as an Excel date."""
    date_cols = {i for i, v in enumerate(sheet[1 if sheet.title != "通用基础" else 3], 1)
                 if v.value and ("日期" in v.value or "时间" in v.value)}
    for row in rows:
        kind = row[0]
        if kind == "merged":
            category(sheet, r, row[1], width)
        elif kind == "single":
            category(sheet, r, row[1], width, merged=False)
        elif kind == "cells":
            sheet.cell(row=r, column=2, value=row[1])
            sheet.cell(row=r, column=3, value=row[2])
        elif kind == "footnote":
            sheet.cell(row=r, column=1, value=row[1])
        elif kind == "blank":
            pass
        else:
            code = row[code_col - 1]
            canonical = canonical_of(code)
            for i, v in enumerate(row, 1):
                if i == name_col and v is None:
                    v = title(canonical)
                if v == "excel":
                    p, e = dates(canonical)
                    v = p if "发布" in sheet.cell(row=1 if sheet.title != "通用基础" else 3, column=i).value else e
                if v == "" or v is None:
                    continue
                cell = sheet.cell(row=r, column=i, value=v)
                if isinstance(v, dt.datetime):
                    cell.number_format = "yyyy\"年\"m\"月\"d\"日\""
        r += 1
    return date_cols


def canonical_of(code):
    text = "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in code)
    text = text.replace("\u3000", " ").replace("—", "-").replace("–", "-")
    if "/T" in text and "/T " not in text:
        text = text.replace("/T", "/T ")
    return text


def old_xls():
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("明细表")
    dates_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write_merge(0, 0, 0, 6, "标准明细表")
    for i, h in enumerate(["序号", "体系表编号", "标准编号", "标准名称", "级别", "实施日期", "责任科室"]):
        sheet.write(1, i, h)
    sheet.write_merge(2, 2, 0, 6, "403 投诉处理")
    rows = [
        (1, "403-01", "GB/T 19012-2008", "国家标准", "督查科"),
        (2, "403-02", "", "中心标准", "督查科"),
    ]
    sheet.write_merge(5, 5, 0, 6, "405 满意度评价和改进")
    rows2 = [(3, "405-01", "GB/T 19039-2009", "国家标准", "督查科")]
    for r, row in zip((3, 4), rows):
        write_xls_row(sheet, r, row, dates_style)
    write_xls_row(sheet, 6, rows2[0], dates_style)
    sheet.write(8, 0, "注：本表为2013年版。")
    book.save(os.path.join(OUT, "old.xls"))


def far_xls():
    """A hostile .xls: 20 sheets of two cells each, at A1 and IV65536. 14 KB that a reader
    holding each sheet as a dense grid turns into 20 × 16.7 million cells."""
    book = xlwt.Workbook(encoding="utf-8")
    for i in range(20):
        sheet = book.add_sheet(f"S{i}")
        sheet.write(0, 0, "标准名称")
        sheet.write(65535, 255, "x")
    book.save(os.path.join(OUT, "far.xls"))


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods(path, tables):
    """An OpenDocument spreadsheet written by hand (no library needed): `tables` maps a table
    name to its rows' XML."""
    body = "".join(f'<table:table table:name="{name}">{rows}</table:table>' for name, rows in tables)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        stamp = (2014, 12, 31, 0, 0, 0)
        z.writestr(zipfile.ZipInfo("mimetype", date_time=stamp), "application/vnd.oasis.opendocument.spreadsheet")
        for name, data in (("META-INF/manifest.xml", ODS_MANIFEST), ("content.xml", content)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def ods_row(*texts):
    cells = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
        if t else "<table:table-cell/>" for t in texts)
    return f'<table:table-row>{cells}<table:table-cell table:number-columns-repeated="1010"/></table:table-row>'


def ods_files():
    """small.ods: a table as LibreOffice saves it (trailing empty columns and rows written as
    repeats); far.ods: a hostile one whose repeated empty rows and columns put its last value
    16 million cells away."""
    code = "GB/T 19039-2009"
    rows = (ods_row("序号", "体系表编号", "标准编号", "标准名称", "级别")
            + ods_row("", "", "", "405 满意度评价和改进")
            + ods_row("1", "405-01", code, title(code), "国家标准")
            + ods_row("2", "", "", "满意度调查实施规范", "中心标准")
            + '<table:table-row table:number-rows-repeated="1048572">'
              '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    ods(os.path.join(OUT, "small.ods"), [("明细表", rows)])
    far = (ods_row("标准名称", "标准编号")
           + '<table:table-row table:number-rows-repeated="1000">'
             '<table:table-cell table:number-columns-repeated="16000"/></table:table-row>'
           + '<table:table-row><table:table-cell table:number-columns-repeated="16000"/>'
             '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>')
    ods(os.path.join(OUT, "far.ods"), [("S1", far)])


def write_xls_row(sheet, r, row, style):
    n, no, code, level, unit = row
    sheet.write(r, 0, n)
    sheet.write(r, 1, no)
    if code:
        sheet.write(r, 2, code)
        sheet.write(r, 3, title(code))
        _, effective = dates(code)
        sheet.write(r, 5, effective, style)
    else:
        sheet.write(r, 3, "投诉受理与办理规范")
    sheet.write(r, 4, level)
    sheet.write(r, 6, unit)


def big():
    """1,000 standard rows over the 24 categories of DOMAIN.md, for timing the import."""
    book = workbook()
    sheet = book.active
    sheet.title = "明细表"
    for i, h in enumerate(["序号", "体系表编号", "标准编号", "标准名称", "级别", "实施日期", "状态", "责任科室"], 1):
        sheet.cell(row=1, column=i, value=h)
    r, n = 2, 0
    cats = [(f"{sub}{i:02d}", name) for sub, _, names in CATEGORIES for i, name in enumerate(names, 1)]
    per = 1000 // len(cats) + 1
    for code, name in cats:
        sheet.cell(row=r, column=1, value=f"{code} {name}")
        r += 1
        for k in range(1, per + 1):
            if n == 1000:
                break
            n += 1
            sheet.cell(row=r, column=1, value=n)
            sheet.cell(row=r, column=3, value=f"Q/AQZW {code}{k:02d}-2014")
            sheet.cell(row=r, column=4, value=f"{name}第{k}号规范")
            sheet.cell(row=r, column=5, value="中心标准")
            sheet.cell(row=r, column=6, value=dt.datetime(2014, 3, 1)).number_format = "yyyy-mm-dd"
            sheet.cell(row=r, column=7, value="现行")
            sheet.cell(row=r, column=8, value="综合科")
            r += 1
    path = os.path.join(OUT, "big.xlsx")
    book.save(path)
    fixed(path)


def repo():
    root = os.path.join(OUT, "repo")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "system"))
    with open(os.path.join(root, "stdkit.toml"), "w", encoding="utf-8") as f:
        f.write('[center]\nname = "安庆市政务服务中心"\n\n[numbering]\ninternal-prefix = "Q/AQZW"\n')
    for code, name, subs in CATEGORIES:
        top = os.path.join(root, "system", f"{code}-{name}")
        index(top, code, name)
        for i, sub in enumerate(subs, 1):
            index(os.path.join(top, f"{code}{i:02d}-{sub}"), f"{code}{i:02d}", sub)


def filled():
    """The fresh repository after a first import of one standard of clean.xlsx: what
    `import` refuses to overwrite, and what `--merge` keeps."""
    root = os.path.join(OUT, "filled")
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(os.path.join(OUT, "repo"), root)
    path = os.path.join(root, "system", "1-通用基础标准体系", "101-标准化管理", "101-01-标准化工作管理办法.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write('+++\nno = "101-01"\ntitle = "标准化工作管理办法"\nlevel = "internal"\norigin = "formulated"\n'
                'status = "in-force"\ncode = "Q/AQZW 10101-2014"\nunit = "综合科"\n+++\n\n# 标准化工作管理办法\n\n'
                '## 1 范围\n\n本文件规定了中心标准化工作的管理要求。\n\n## 2 规范性引用文件\n\n本文件没有规范性引用文件。\n\n'
                '## 3 术语和定义\n\n本文件没有需要界定的术语和定义。\n')


def index(directory, code, title_text):
    os.makedirs(directory)
    with open(os.path.join(directory, "_index.md"), "w", encoding="utf-8") as f:
        f.write(f'+++\ncode = "{code}"\ntitle = "{title_text}"\n+++\n\n# {title_text}编制说明\n\n待补充。\n')


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    clean()
    messy()
    layout()
    numbers()
    old_xls()
    far_xls()
    ods_files()
    big()
    repo()
    filled()
