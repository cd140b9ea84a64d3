#!/usr/bin/env python3
"""Generates the Word fixtures of `stdkit import FILE.docx` under tests/fixtures/import/.

Three centre standards written to GB/T 1.1, their texts taken from the reference centre's
own standards (standards/system/), each laid out the way real Word files are:

- heading-styles.docx  201-01 窗口服务规范: Word's built-in Heading 1/2/3 styles with the
  numbers typed, a list from Word numbering (w:numPr, lowerLetter "%1)"), a table of
  contents in "toc 1" styles.
- template-styles.docx 201-09 服务礼仪与文明用语规范: the standard-writing template's named
  styles (标准文件_章标题, 一级条标题, 前言、引言标题, 附录标识, 附录章标题, 列项——,
  字母编号列项（一级）, 注：, 段 …), numbers left to the template (not typed), one style
  reached through a basedOn chain.
- plain-numbers.docx   401-01 监督检查规范: Normal paragraphs only, numbers typed, chapter
  titles bold; with two text faults on purpose (必须 in 8.1, clause 9.3 numbered 9.4) that
  `stdkit check` reports after the import.

Each has a cover (code with an em dash, title, 发布/实施 dates), a 前言, lists a)/1), a
table with merged cells, 附录A with A.1, a picture and a 注. Also old-word.doc: the OLE
signature, for the message that says how to convert it.

Run: pip install python-docx; python3 scripts/make-docx-fixtures.py
The output is deterministic (fixed core properties and zip timestamps).
"""

import io
import re
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "import"
SYSTEM = ROOT / "standards" / "system"


def png(width=24, height=16):
    """A small grey PNG, written by hand so that no imaging library is needed."""
    raw = b"".join(b"\x00" + bytes([0x80 + (x * 4) % 0x60 for x in range(width)]) for _ in range(height))

    def chunk(kind, data):
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def source(rel):
    """The lines of a reference standard's text, after its front matter and title."""
    text = (SYSTEM / rel).read_text(encoding="utf-8")
    body = text.split("+++", 2)[2]
    return [l for l in body.splitlines() if l.strip() and not l.startswith("# ")]


def heading(line):
    """`## 4.1 咨询告知` → (depth, number, title); `## 附录A（规范性）…` → (1, None, text)."""
    m = re.match(r"^(#+) (.*)$", line)
    if not m:
        return None
    depth, text = len(m.group(1)) - 1, m.group(2)
    n = re.match(r"^([A-Z]\.)?(\d+(?:\.\d+)*) (.*)$", text)
    if n:
        return depth, (n.group(1) or "") + n.group(2), n.group(3)
    return depth, None, text


def new_document():
    d = docx.Document()
    d.core_properties.author = "安庆市政务服务中心"
    d.core_properties.title = ""
    import datetime

    when = datetime.datetime(2014, 3, 25, 9, 0, 0)
    d.core_properties.created = when
    d.core_properties.modified = when
    d.core_properties.last_modified_by = "stdkit fixtures"
    d.core_properties.revision = 1
    return d


def style(d, name, base=None, bold=False, size=None):
    s = d.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base is not None:
        s.base_style = d.styles[base]
    if bold:
        s.font.bold = True
    if size:
        s.font.size = Pt(size)
    return s


def cover(d, code, title, published, effective, title_style=None):
    for text in ["ICS 03.080", "A 16", "Q/AQZW", "安庆市政务服务中心标准"]:
        d.add_paragraph(text)
    d.add_paragraph(code)
    p = d.add_paragraph(title, style=title_style)
    d.add_paragraph(f"{published} 发布        {effective} 实施")
    d.add_paragraph("安庆市政务服务中心  发布")
    page_break(d)
    return p


def page_break(d):
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def preface(d, style_name=None, heading_level=None):
    if heading_level is not None:
        d.add_heading("前言", heading_level)
    else:
        d.add_paragraph("前言", style=style_name)
    d.add_paragraph("本文件按照GB/T 1.1—2009给出的规则起草。")
    d.add_paragraph("本文件由安庆市政务服务中心提出并归口。")
    d.add_paragraph("本文件起草单位：安庆市政务服务中心窗口管理科。")
    page_break(d)


def picture(d, caption):
    p = d.add_paragraph()
    p.add_run().add_picture(io.BytesIO(png()))
    d.add_paragraph(caption)


def lower_letter_numbering(d):
    """A list definition like the template's: level 0 `a)`, level 1 `1)`. Returns its numId."""
    numbering = d.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl>'
        "</w:abstractNum>"
    )
    numbering.insert(0, abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def numbered(paragraph, num_id, level=0):
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def merged_table(d, rows, merges):
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = d.styles["Table Grid"]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text is not None:
                t.cell(i, j).text = text
    for (a, b) in merges:
        t.cell(*a).merge(t.cell(*b))
    return t


def deleted_and_inserted(paragraph, deleted, inserted):
    """Tracked changes: deleted text the import leaves out, inserted text it keeps."""
    w = nsdecls("w")
    paragraph._p.append(
        parse_xml(
            f'<w:del {w} w:id="91" w:author="审核" w:date="2014-03-20T00:00:00Z"><w:r><w:delText>{deleted}</w:delText></w:r></w:del>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {w} w:id="92" w:author="审核" w:date="2014-03-20T00:00:00Z"><w:r><w:t>{inserted}</w:t></w:r></w:ins>'
        )
    )


def heading_styles():
    d = new_document()
    style(d, "toc 1")
    cover(d, "Q/AQZW 20101—2014", "窗口服务规范", "2014-03-25", "2014-04-01")
    d.add_paragraph("目次")
    for line in ["前言\tII", "1 范围\t1", "2 规范性引用文件\t1", "附录A（资料性）窗口巡查记录内容\t6"]:
        d.add_paragraph(line, style="toc 1")
    page_break(d)
    preface(d, heading_level=1)
    d.add_paragraph("窗口服务规范")
    num = lower_letter_numbering(d)
    for line in source("2-服务提供标准体系/201-服务规范/201-01-窗口服务规范.md"):
        h = heading(line)
        if h:
            depth, number, title = h
            d.add_heading(f"{number} {title}" if number else title, depth)
            continue
        m = re.match(r"^([a-z])\) (.*)$", line)
        if m:
            numbered(d.add_paragraph(m.group(2)), num, 0)
            if m.group(1) == "a":
                # Second-level items, numbered by Word as 1) 2).
                numbered(d.add_paragraph("接待时主动问候，起身或点头示意；"), num, 1)
                numbered(d.add_paragraph("答复时语气平和，不使用服务忌语；"), num, 1)
            continue
        p = d.add_paragraph(line)
        if line.startswith("窗口应按照中心公布的对外服务时间"):
            d.add_paragraph("表1 窗口对外服务时间")
            merged_table(
                d,
                [
                    ["时段", "夏季（5月—9月）", "冬季（10月—次年4月）"],
                    ["上午", "8:30—12:00", "8:30—12:00"],
                    ["下午", "14:30—17:30", "14:00—17:00"],
                    ["周六、周日", "综合受理窗口轮值 | 预约办理", None],
                ],
                [((3, 1), (3, 2))],
            )
            d.add_paragraph("注：法定节假日的对外服务时间以中心公告为准。")
        if line.startswith("叫号后，窗口工作人员应点头示意"):
            picture(d, "图1 窗口服务流程")
        if line.startswith("受理、承办、审核、办结"):
            deleted_and_inserted(p, "（草稿删去的文字）", "")
    d.add_heading("附录A（资料性）窗口巡查记录内容", 1)
    d.add_heading("A.1 巡查项目", 2)
    d.add_paragraph("巡查项目包括到岗在岗、着装工牌、服务用语、台面物品和资料备置。")
    d.add_heading("A.2 巡查记录", 2)
    d.add_paragraph("巡查记录载明巡查日期、时段、巡查人员、发现的问题和整改要求。")
    return d


def template_styles():
    d = new_document()
    style(d, "段")
    for name in ["前言、引言标题", "标准文件_章标题", "附录标识", "附录章标题"]:
        style(d, name, base="段", bold=True)
    style(d, "一级条标题", base="标准文件_章标题")
    style(d, "二级条标题", base="一级条标题")
    style(d, "中心条标题", base="一级条标题")  # a clause heading through basedOn only
    style(d, "标准名称", base="段", bold=True, size=16)
    style(d, "封面标准名称", base="段", bold=True, size=26)
    for name in ["字母编号列项（一级）", "数字编号列项（二级）", "列项——", "注："]:
        style(d, name, base="段")
    cover(d, "Q/AQZW 20109—2014", "服务礼仪与文明用语规范", "2014年3月25日", "2014年4月1日", "封面标准名称")
    preface(d, style_name="前言、引言标题")
    d.add_paragraph("服务礼仪与文明用语规范", style="标准名称")
    lines = source("2-服务提供标准体系/201-服务规范/201-09-服务礼仪与文明用语规范.md")
    in_annex = False
    for line in lines:
        h = heading(line)
        if h:
            depth, number, title = h
            if number is None and title.startswith("附录"):
                in_annex = True
                m = re.match(r"^附录A（(.*?)）(.*)$", title)
                d.add_paragraph("", style="附录标识")  # the template prints 附录A itself
                d.add_paragraph(f"（{m.group(1)}）", style="附录标识")
                d.add_paragraph(m.group(2), style="附录标识")
                continue
            if in_annex:
                d.add_paragraph(title, style="附录章标题")
            else:
                names = {1: "标准文件_章标题", 2: "一级条标题", 3: "二级条标题"}
                if depth == 2 and number.startswith("7."):
                    names[2] = "中心条标题"
                d.add_paragraph(title, style=names[depth])
            continue
        m = re.match(r"^([a-z])\) (.*)$", line)
        if m:
            d.add_paragraph(m.group(2), style="字母编号列项（一级）")
            continue
        d.add_paragraph(line, style="段")
        if line.startswith("工作人员应使用普通话"):
            d.add_paragraph("常用服务场景和用语见下表。", style="段")
            merged_table(
                d,
                [
                    ["场景", "用语", "忌语"],
                    ["接待", "您好，请问您办理什么业务？", "有什么事？"],
                    [None, "请坐。", "等着。"],
                    ["送别", "请慢走。", "—"],
                ],
                [((1, 0), (2, 0))],
            )
            d.add_paragraph("方言交流时，窗口可借助下列方式：", style="段")
            d.add_paragraph("书面方式", style="字母编号列项（一级）")
            d.add_paragraph("手写告知单", style="数字编号列项（二级）")
            d.add_paragraph("办事指南", style="数字编号列项（二级）")
            d.add_paragraph("导服人员协助", style="字母编号列项（一级）")
            d.add_paragraph("窗口工作人员不使用方言答复服务对象。", style="注：")
            picture(d, "图1 窗口工作人员站立迎送姿势")
            d.add_paragraph("迎送时保持站姿端正", style="列项——")
    return d


def plain_numbers():
    d = new_document()
    cover(d, "Q/AQZW 40101—2014", "监督检查规范", "2014-03-25", "2014-04-01")
    d.add_paragraph("目次")
    for line in ["前言\tII", "1 范围\t1", "9 结果运用\t4", "附录A（资料性）检查记录内容\t5"]:
        d.add_paragraph(line)
    page_break(d)
    preface(d, style_name=None)
    d.add_paragraph("监督检查规范")
    for line in source("4-服务评价与改进标准体系/401-监督检查/401-01-监督检查规范.md"):
        h = heading(line)
        if h:
            depth, number, title = h
            if number == "9.3":
                number = "9.4"  # a numbering gap on purpose: 9.3 is missing
            text = f"{number} {title}" if number else title
            if number is None and title.startswith("附录"):
                m = re.match(r"^(附录A)（(.*?)）(.*)$", title)
                for part in [m.group(1), f"（{m.group(2)}）", m.group(3)]:
                    d.add_paragraph().add_run(part).bold = True
                continue
            p = d.add_paragraph()
            p.add_run(text).bold = depth == 1
            continue
        if "督查科应进行复查" in line:
            line = line.replace("督查科应进行复查", "督查科必须进行复查", 1)  # a modal verb fault
        d.add_paragraph(line)
        if line.startswith("通过现场观察"):
            d.add_paragraph("表1 检查频次")
            merged_table(
                d,
                [
                    ["检查类型", "频次", "检查人员"],
                    ["日常巡查", "每个工作日两次", "督查科"],
                    ["明察暗访", "每月不少于两次", None],
                    ["标准实施检查", "每项标准每年一次", "督查科、窗口管理科"],
                ],
                [((1, 2), (2, 2))],
            )
            d.add_paragraph("注：专项检查的频次根据投诉和上级要求确定。")
            d.add_paragraph("现场检查按下列顺序进行：")
            d.add_paragraph("1) 查看窗口台面和资料；")
            d.add_paragraph("2) 询问工作人员和办事群众；")
            d.add_paragraph("3) 抽查办件记录。")
            picture(d, "图1 监督检查流程")
    return d


def save(d, name):
    """Saves with fixed zip timestamps, so that the bytes only change with the content."""
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            data = src.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2014, 3, 25, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(fixed, data)
    (OUT / name).write_bytes(out.getvalue())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    save(heading_styles(), "heading-styles.docx")
    save(template_styles(), "template-styles.docx")
    save(plain_numbers(), "plain-numbers.docx")
    # An old binary Word file: the OLE compound-file signature and a little padding.
    (OUT / "old-word.doc").write_bytes(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
    print("wrote", *sorted(p.name for p in OUT.iterdir()), file=sys.stderr)


if __name__ == "__main__":
    main()
