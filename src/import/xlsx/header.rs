//! Finding a sheet's header row by its words, not by position: 序号, 体系表编号, 标准编号,
//! 标准名称, 级别, 实施日期, 发布日期, 代替标准号, 状态, 责任科室, 备注 in their usual variants,
//! with spaces, line breaks, full-width letters and bracketed notes inside the cell tolerated.

use std::collections::BTreeMap;

use super::read::{Row, Value};
use super::values::half_width;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// 序号 (not imported: it is the table's own counting).
    Seq,
    /// 体系表编号
    No,
    /// 标准编号
    Code,
    /// 标准名称
    Title,
    /// 级别
    Level,
    /// 实施日期
    Effective,
    /// 发布日期
    Published,
    /// 代替标准号
    Replaces,
    /// 状态
    Status,
    /// 责任科室
    Unit,
    /// 备注
    Note,
    /// 来源 (采标, 制标, 补标)
    Origin,
    /// 责任人
    Owner,
}

/// The header words, exactly (after [`normalize`]).
const EXACT: &[(&str, Field)] = &[
    ("序号", Field::Seq),
    ("序", Field::Seq),
    ("体系表编号", Field::No),
    ("标准体系编号", Field::No),
    ("标准体系表编号", Field::No),
    ("体系编号", Field::No),
    ("体系编码", Field::No),
    ("体系表编码", Field::No),
    ("编号", Field::No),
    ("编码", Field::No),
    ("标准编号", Field::Code),
    ("标准号", Field::Code),
    ("标准代号", Field::Code),
    ("标准名称", Field::Title),
    ("名称", Field::Title),
    ("级别", Field::Level),
    ("类别", Field::Level),
    ("层级", Field::Level),
    ("标准级别", Field::Level),
    ("标准类别", Field::Level),
    ("实施日期", Field::Effective),
    ("实施时间", Field::Effective),
    ("执行日期", Field::Effective),
    ("生效日期", Field::Effective),
    ("颁布日期", Field::Published),
    ("发布日期", Field::Published),
    ("发布时间", Field::Published),
    ("代替标准号", Field::Replaces),
    ("被代替标准号", Field::Replaces),
    ("代替标准", Field::Replaces),
    ("状态", Field::Status),
    ("标准状态", Field::Status),
    ("现行状态", Field::Status),
    ("有效性", Field::Status),
    ("是否有效", Field::Status),
    ("责任科室", Field::Unit),
    ("责任部门", Field::Unit),
    ("责任单位", Field::Unit),
    ("责任人", Field::Owner),
    ("负责人", Field::Owner),
    ("备注", Field::Note),
    ("来源", Field::Origin),
    ("标准来源", Field::Origin),
];

/// Longer writings recognised by what they contain, tried in this order.
const CONTAINS: &[(&str, Field)] = &[
    ("代替", Field::Replaces),
    ("替代", Field::Replaces),
    ("体系表编号", Field::No),
    ("体系编号", Field::No),
    ("标准编号", Field::Code),
    ("标准号", Field::Code),
    ("名称", Field::Title),
    ("实施日期", Field::Effective),
    ("发布日期", Field::Published),
    ("责任科室", Field::Unit),
    ("责任部门", Field::Unit),
    ("责任人", Field::Owner),
    ("责任", Field::Unit),
    ("归口", Field::Unit),
    ("级别", Field::Level),
    ("层级", Field::Level),
    ("类别", Field::Level),
    ("状态", Field::Status),
];

/// The field a header cell names, if any.
pub fn field(text: &str) -> Option<Field> {
    let norm = normalize(text);
    // `类目名称`, `类目代码`: a structure sheet's columns, not a standard's.
    if norm.is_empty() || norm.contains("类目") {
        return None;
    }
    EXACT
        .iter()
        .find(|(w, _)| *w == norm)
        .or_else(|| CONTAINS.iter().find(|(w, _)| norm.contains(w)))
        .map(|(_, f)| *f)
}

/// A header cell's words: no white space (line breaks, full-width spaces), full-width
/// letters and brackets made ASCII, bracketed notes and trailing colons and stars dropped.
pub fn normalize(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars().map(half_width) {
        match c {
            '(' | '[' | '【' | '〔' | '<' | '《' => depth += 1,
            ')' | ']' | '】' | '〕' | '>' | '》' => depth = depth.saturating_sub(1),
            c if depth > 0 || c.is_whitespace() || c == '*' => {}
            c => out.push(c),
        }
    }
    out.trim_end_matches(':').to_owned()
}

/// A sheet's header: its row and the field of each recognised column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub row: u32,
    pub columns: BTreeMap<u32, Field>,
}

impl Header {
    /// The first column holding `field`.
    pub fn column(&self, field: Field) -> Option<u32> {
        self.columns
            .iter()
            .find(|(_, f)| **f == field)
            .map(|(c, _)| *c)
    }
}

/// How many of the first rows are searched for the header (title rows, notes above it).
pub const SEARCH_ROWS: usize = 30;

/// The header among the first rows: the first row naming a title column and a code or
/// system-number column (a statistics or structure sheet has neither). A second header row
/// under it (`日期` merged over `发布` | `实施`) is read into it. Returns the index in `rows` of
/// the last header row.
pub fn find(rows: &[Row]) -> Option<(usize, Header)> {
    let (i, mut header) = rows
        .iter()
        .take(SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let mut columns = BTreeMap::new();
            for cell in &row.cells {
                if let Value::Text(text) = &cell.value
                    && let Some(f) = field(text)
                    && !columns.values().any(|g| *g == f)
                {
                    columns.insert(cell.column, f);
                }
            }
            let has = |f: Field| columns.values().any(|g| *g == f);
            (has(Field::Title) && (has(Field::Code) || has(Field::No))).then_some((
                i,
                Header {
                    row: row.number,
                    columns,
                },
            ))
        })?;
    let Some(next) = rows.get(i + 1).filter(|r| r.number == rows[i].number + 1) else {
        return Some((i, header));
    };
    match sub_header(&rows[i], next, &header) {
        Some(more) => {
            header.columns.extend(more);
            Some((i + 1, header))
        }
        None => Some((i, header)),
    }
}

/// The fields of a second header row, when every cell of it is one: its own words
/// (`实施日期`), or its words with those of the cell above it or merged over it (`发布` under
/// `日期`).
fn sub_header(top: &Row, row: &Row, header: &Header) -> Option<Vec<(u32, Field)>> {
    let mut out = Vec::new();
    for cell in &row.cells {
        let Value::Text(sub) = &cell.value else {
            return None;
        };
        // A header cell merged down both rows (序号 over two rows) is read into both.
        if top.cell(cell.column) == Some(&cell.value) {
            continue;
        }
        let parent = top
            .cells
            .iter()
            .rev()
            .find(|c| c.column <= cell.column)
            .map(|c| super::values::text_of(&c.value))
            .unwrap_or_default();
        let f = field(&format!("{sub}{parent}"))
            .or_else(|| field(&format!("{parent}{sub}")))
            .or_else(|| field(sub))?;
        if f == Field::Title || header.columns.values().any(|g| *g == f) {
            return None;
        }
        out.push((cell.column, f));
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: u32, texts: &[&str]) -> Row {
        Row::of_texts(number, texts)
    }

    #[test]
    fn header_words_in_their_variants() {
        for (text, want) in [
            ("序号", Field::Seq),
            ("体系表\n编号", Field::No),
            ("标准体系编号", Field::No),
            ("编 号", Field::No),
            ("标准编号（代号）", Field::Code),
            ("标准号", Field::Code),
            ("标准\r\n名称", Field::Title),
            ("名　称", Field::Title),
            ("层级", Field::Level),
            ("类别", Field::Level),
            ("实施日期(年.月.日)", Field::Effective),
            ("发布日期：", Field::Published),
            ("被代替标准号", Field::Replaces),
            ("代替标准号", Field::Replaces),
            ("状态", Field::Status),
            ("责任部门", Field::Unit),
            ("责任科室/窗口", Field::Unit),
            ("备注", Field::Note),
            ("*标准名称", Field::Title),
            ("标准层级", Field::Level),
            ("生效日期", Field::Effective),
            ("被替代标准", Field::Replaces),
            ("责任人", Field::Owner),
            ("归口科室", Field::Unit),
            ("主要责任处室", Field::Unit),
        ] {
            assert_eq!(field(text), Some(want), "{text:?}");
        }
        for text in ["", "安庆市政务服务中心标准明细表", "页码", "（单位：项）"]
        {
            assert_eq!(field(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_header_is_found_below_a_title_row_whatever_the_column_order() {
        let rows = [
            row(1, &["某中心标准体系明细表"]),
            row(2, &["", "编制：综合科"]),
            row(3, &["标准名称", "序 号", "标准\n编号", "级别", "备注"]),
            row(4, &["窗口服务规范", "1", "Q/AQZW 20101-2014", "中心标准"]),
        ];
        let (i, header) = find(&rows).unwrap();
        assert_eq!((i, header.row), (2, 3));
        assert_eq!(header.column(Field::Title), Some(1));
        assert_eq!(header.column(Field::Code), Some(3));
        assert_eq!(header.column(Field::Note), Some(5));
        assert_eq!(header.column(Field::No), None);
    }

    #[test]
    fn a_second_header_row_under_a_merged_cell_is_read_into_the_header() {
        let rows = [
            row(1, &["序号", "体系表编号", "标准名称", "日期", "", "备注"]),
            row(2, &["", "", "", "发布", "实施"]),
            row(
                3,
                &["1", "101-01", "标准化工作管理办法", "2014.3.1", "2014.3.1"],
            ),
        ];
        let (i, header) = find(&rows).unwrap();
        assert_eq!(i, 1);
        assert_eq!(header.column(Field::Published), Some(4));
        assert_eq!(header.column(Field::Effective), Some(5));
        // Cells merged down both header rows are in both.
        let both = [
            row(1, &["序号", "体系表编号", "标准名称", "日期", ""]),
            row(2, &["序号", "体系表编号", "标准名称", "发布", "实施"]),
        ];
        assert_eq!(find(&both).unwrap().0, 1);
        // A data row is not a second header row.
        let (i, _) = find(
            &rows[..1]
                .iter()
                .chain(&rows[2..])
                .cloned()
                .collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(i, 0);
    }

    #[test]
    fn a_structure_or_statistics_sheet_has_no_header() {
        let rows = [row(1, &["类目代码", "类目名称", "层级", "本类标准数"])];
        assert_eq!(find(&rows), None);
    }

    #[test]
    fn a_sheet_without_a_title_column_has_no_header() {
        let rows = [
            row(1, &["级别", "应有数", "现有数"]),
            row(2, &["国家标准", "3", "2"]),
        ];
        assert_eq!(find(&rows), None);
    }
}
