//! What the cells of a 标准明细表 say, as pure functions: dates in their office writings,
//! levels and statuses in their Chinese words, system numbers, category rows and footnotes.

use super::read::{Row, Value};
use crate::model::{Date, Level, Status, SystemNo};

/// A full-width ASCII character (`Ａ`, `１`, `／`, `（`, `：`) as its ASCII twin, the
/// ideographic space as a space; anything else as it is.
pub fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// A cell's text, or a number written as a whole number (`101`, not `101.0`).
pub fn text_of(value: &Value) -> String {
    match value {
        Value::Text(t) => t.clone(),
        Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Value::Number(n) => n.to_string(),
        Value::Date(d) => d.to_string(),
    }
}

/// Whether a cell says "nothing": empty, or a dash or 无 put in for it.
pub fn blank(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    matches!(
        t,
        "" | "无"
            | "暂无"
            | "空"
            | "-"
            | "--"
            | "—"
            | "——"
            | "－"
            | "/"
            | "／"
            | "\\"
            | "N/A"
            | "n/a"
    )
}

/// Why a date cell is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate;

/// A date cell: an Excel date, an Excel serial number, `20140301`, or text `2014.3.1`,
/// `2014-3-1`, `2014/3/1`, `2014年3月1日` (a time after it is ignored). `None` for a blank.
pub fn date(value: &Value) -> Result<Option<Date>, BadDate> {
    match value {
        Value::Date(d) => Ok(Some(*d)),
        Value::Number(n) => number_date(*n).map(Some).ok_or(BadDate),
        Value::Text(t) if blank(t) => Ok(None),
        Value::Text(t) => text_date(t).map(Some).ok_or(BadDate),
    }
}

/// An Excel serial date (1950–2099) or a number `yyyymmdd`.
fn number_date(n: f64) -> Option<Date> {
    if n.fract() == 0.0 && (19_000_101.0..=21_001_231.0).contains(&n) {
        let n = n as i64;
        return ymd(n / 10_000, n / 100 % 100, n % 100);
    }
    if (18_264.0..73_051.0).contains(&n) {
        // Serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never was: from
        // 1900-03-01 on, serial n is 1899-12-30 + n days.
        let base = Date::new(1899, 12, 30).ok()?;
        return base
            .checked_add(jiff::Span::new().days(n.floor() as i64))
            .ok();
    }
    None
}

fn text_date(text: &str) -> Option<Date> {
    let t: String = text.chars().map(half_width).collect();
    let t = t.trim();
    // A time after the date (`2014-03-01 00:00:00`, `2014-03-01T00:00:00`).
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    let parts: Vec<&str> = t
        .split(['.', '-', '/', '年', '月', '日', '—', '–'])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == 1 && parts[0].len() == 8 && parts[0].bytes().all(|b| b.is_ascii_digit()) {
        return number_date(parts[0].parse().ok()?);
    }
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let n = |p: &str| -> Option<i64> {
        (p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    ymd(n(parts[0])?, n(parts[1])?, n(parts[2])?)
}

fn ymd(y: i64, m: i64, d: i64) -> Option<Date> {
    if !(1900..=2199).contains(&y) {
        return None;
    }
    Date::new(y as i16, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// The level a 级别 cell names, in the words tables use.
pub fn level(text: &str) -> Option<Level> {
    let t: String = text
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some(level) = Level::parse(&t) {
        return Some(level);
    }
    Some(match t.as_str() {
        "国家标准" | "国标" | "国家" | "国家级" | "GB" => Level::National,
        "行业标准" | "行标" | "行业" | "行业级" => Level::Industry,
        "地方标准" | "地标" | "地方" | "省级" | "市级" | "省标" | "省地方标准" | "市地方标准" => {
            Level::Local
        }
        "团体标准" | "团标" | "团体" => Level::Group,
        "企业标准" | "中心标准" | "内部" | "内部标准" | "企标" | "自制" | "自制标准"
        | "本中心标准" | "单位标准" | "组织标准" => Level::Internal,
        // `推荐性国家标准`, `安徽省地方标准`, `本中心企业标准`.
        t if t.contains("国家") => Level::National,
        t if t.contains("行业") => Level::Industry,
        t if t.contains("地方") => Level::Local,
        t if t.contains("团体") => Level::Group,
        t if t.contains("企业") || t.contains("中心") => Level::Internal,
        _ => return None,
    })
}

/// The status a 状态 cell names, in the words tables use.
pub fn status(text: &str) -> Option<Status> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(status) = Status::parse(&t) {
        return Some(status);
    }
    Some(match t.as_str() {
        "现行" | "现行有效" | "有效" | "实施" | "实施中" | "执行" | "在用" => {
            Status::InForce
        }
        "被代替" | "已代替" | "已被代替" | "替代" | "被替代" => Status::Superseded,
        "废止" | "已废止" | "作废" | "已作废" => Status::Withdrawn,
        "待制定" | "拟制定" | "计划" | "计划制定" | "未制定" | "待编制" => {
            Status::Planned
        }
        "起草" | "起草中" | "制定中" | "编制中" | "在编" | "修订中" => {
            Status::Drafting
        }
        "试行" | "试行中" => Status::Trial,
        "送审" | "送审稿" | "审核中" | "征求意见" | "征求意见稿" => Status::Review,
        _ => return None,
    })
}

/// A system number cell (`101-02`, `101－2`, `101—02`, `101.02`), with the sequence
/// written to `width` digits. `None` when it is not one or the sequence does not fit.
pub fn system_no(text: &str, width: u8) -> Option<SystemNo> {
    let t: String = text
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '—' | '–' | '‐' | '‑' | '−' | '.' | '_' => '-',
            c => c,
        })
        .collect();
    let no: SystemNo = t.parse().ok()?;
    if no.seq() == 0 || u64::from(no.seq()) >= 10u64.pow(u32::from(width)) {
        return None;
    }
    Some(SystemNo::new(no.category(), no.seq(), width))
}

/// Why a number cell is not a system number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberNo {
    /// Not `category.seq` at all (a whole number, a negative one, …).
    NotOne,
    /// The fraction has more digits than the sequence may have.
    TooLong,
}

/// A system number typed as a number (`101.10`, which Excel keeps as `101.1`): the whole
/// part is the category, the fraction's digits padded on the right to `width` are the
/// sequence (`101.1` → `101-10`, `101.01` → `101-01`). The number is read as Excel shows it,
/// to 15 significant digits, so that `101.09999999999999` is `101.1`. NaN and infinities are
/// no system numbers.
pub fn number_system_no(n: f64, width: u8) -> Result<SystemNo, NumberNo> {
    if !(1.0..1e9).contains(&n) || n.fract() == 0.0 {
        return Err(NumberNo::NotOne);
    }
    let whole = format!("{}", n.trunc() as u64);
    let places = 15usize.saturating_sub(whole.len());
    let shown = format!("{n:.places$}");
    let shown = shown.trim_end_matches('0');
    let (category, fraction) = shown.split_once('.').ok_or(NumberNo::NotOne)?;
    if fraction.is_empty() {
        return Err(NumberNo::NotOne);
    }
    if fraction.len() > usize::from(width) {
        return Err(NumberNo::TooLong);
    }
    let seq: u32 = format!("{fraction:0<w$}", w = usize::from(width))
        .parse()
        .map_err(|_| NumberNo::NotOne)?;
    Ok(SystemNo::new(category, seq, width))
}

/// A row that opens a category: `101 标准化导则` in one (merged) cell, or the code and the
/// title in the first two cells (`2` | `服务提供标准体系`). `seq_column` is the 序号 column,
/// whose numbers alone do not make a category (a planned standard has only 序号 and a title),
/// unless `known` says the repository or the table has that category with that title, or the
/// title names a subsystem (…体系).
pub fn category_row(
    row: &Row,
    seq_column: Option<u32>,
    known: &dyn Fn(&str, &str) -> bool,
) -> Option<(String, String)> {
    let cells: Vec<(u32, String)> = row
        .cells
        .iter()
        .map(|c| (c.column, text_of(&c.value)))
        .filter(|(_, t)| !blank(t))
        .collect();
    match cells.as_slice() {
        [(_, one)] => split_code_title(one),
        [(col, code), (_, title)] => {
            let code: String = code.chars().map(half_width).collect();
            let code = code.trim().trim_end_matches(['.', '、']).to_owned();
            let digits =
                !code.is_empty() && code.len() <= 8 && code.bytes().all(|b| b.is_ascii_digit());
            let title = title.trim().to_owned();
            let sure = Some(*col) != seq_column || known(&code, &title) || title.ends_with("体系");
            (digits && sure && !title.is_empty()).then_some((code, title))
        }
        _ => None,
    }
}

/// `101 标准化导则`, `101标准化导则`, `2、服务提供标准体系` → code and title.
fn split_code_title(text: &str) -> Option<(String, String)> {
    let t: String = text.chars().map(half_width).collect();
    let t = t.trim();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 8 {
        return None;
    }
    let (code, rest) = t.split_at(digits);
    let title = rest
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '、' | ':'))
        .trim();
    // `101-01 …` is a system number, `2014年…` a date: not a category.
    if title.is_empty() || rest.starts_with(['-', '年', '—']) {
        return None;
    }
    Some((code.to_owned(), title.to_owned()))
}

/// The title of a row that may open a category by its name alone (`一、通用基础标准体系`,
/// `（二）服务规范`): its one cell, without a leading Chinese numeral. The caller decides
/// whether a category has that title.
pub fn category_title(row: &Row) -> Option<String> {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let cell = match row.cells.as_slice() {
        [cell] => cell,
        // The numeral in a cell of its own: `一、` | `通用基础标准体系`.
        [first, cell] => {
            let Value::Text(n) = &first.value else {
                return None;
            };
            let n = n.trim().trim_matches(|c: char| "()（）、.． ".contains(c));
            if n.is_empty() || !n.chars().all(numeral) {
                return None;
            }
            cell
        }
        _ => return None,
    };
    let Value::Text(text) = &cell.value else {
        return None;
    };
    let t: String = text.chars().map(half_width).collect();
    let t = t.trim().trim_start_matches(['(', '（']);
    let rest = t.trim_start_matches(numeral);
    let rest = if rest.len() < t.len() {
        rest.trim_start_matches([')', '）', '、', '.', ' '])
    } else {
        rest
    };
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_owned())
}

/// A footnote or total under the table: `注：…`, `注1:`, `说明：`, `合计 …`, `制表人：…`.
pub fn footnote(row: &Row) -> bool {
    let Some(first) = row.cells.first() else {
        return false;
    };
    let t: String = text_of(&first.value)
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    let after = |w: &&str| t.strip_prefix(*w);
    ["合计", "总计", "小计", "共计"]
        .iter()
        .any(|w| t.starts_with(w))
        || ["注", "说明", "备注"]
            .iter()
            .filter_map(after)
            .any(|rest| rest.starts_with([':', '1', '2', '3', '一']))
        || ["制表", "填表", "审核", "编制", "批准"]
            .iter()
            .filter_map(after)
            .any(|rest| rest.chars().take(3).any(|c| c == ':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::xlsx::read::Cell;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn row(cells: &[(u32, &str)]) -> Row {
        Row {
            number: 5,
            cells: cells
                .iter()
                .map(|(c, t)| Cell {
                    column: *c,
                    value: Value::Text((*t).to_owned()),
                })
                .collect(),
        }
    }

    #[test]
    fn dates_in_every_office_writing() {
        for text in [
            "2014.3.1",
            "2014-3-1",
            "2014/3/1",
            "2014年3月1日",
            "2014年03月01日",
            "２０１４．３．１",
            "2014-03-01 00:00:00",
            "2014-03-01T00:00:00",
            "20140301",
        ] {
            assert_eq!(
                date(&Value::Text(text.into())),
                Ok(Some(d("2014-03-01"))),
                "{text}"
            );
        }
        // Excel serial 41699 is 2014-03-01; a date cell is taken as it is.
        assert_eq!(date(&Value::Number(41699.0)), Ok(Some(d("2014-03-01"))));
        assert_eq!(date(&Value::Number(41699.5)), Ok(Some(d("2014-03-01"))));
        assert_eq!(date(&Value::Number(20140301.0)), Ok(Some(d("2014-03-01"))));
        assert_eq!(
            date(&Value::Date(d("2009-12-01"))),
            Ok(Some(d("2009-12-01")))
        );
        for blank in ["", "无", "—", "/"] {
            assert_eq!(date(&Value::Text(blank.into())), Ok(None));
        }
        for bad in ["2014.3", "2014-2-30", "三月", "14.3.1", "2014-3-1-2", "12"] {
            assert_eq!(date(&Value::Text(bad.into())), Err(BadDate), "{bad}");
        }
        assert_eq!(date(&Value::Number(12.0)), Err(BadDate));
    }

    #[test]
    fn levels_and_statuses_in_their_words() {
        assert_eq!(level("国家标准"), Some(Level::National));
        assert_eq!(level("国标"), Some(Level::National));
        assert_eq!(level("行业标准"), Some(Level::Industry));
        assert_eq!(level("地方 标准"), Some(Level::Local));
        assert_eq!(level("团体标准"), Some(Level::Group));
        for w in ["企业标准", "中心标准", "内部", "internal"] {
            assert_eq!(level(w), Some(Level::Internal), "{w}");
        }
        assert_eq!(level("推荐性国家标准"), Some(Level::National));
        assert_eq!(level("安徽省地方标准"), Some(Level::Local));
        assert_eq!(level("部门规章"), None);
        assert_eq!(level("推荐性"), None);
        assert_eq!(status("现行"), Some(Status::InForce));
        assert_eq!(status("被代替"), Some(Status::Superseded));
        assert_eq!(status("废止"), Some(Status::Withdrawn));
        assert_eq!(status("待制定"), Some(Status::Planned));
        assert_eq!(status("起草"), Some(Status::Drafting));
        assert_eq!(status("制定中"), Some(Status::Drafting));
        assert_eq!(status("试行"), Some(Status::Trial));
        assert_eq!(status("送审"), Some(Status::Review));
        assert_eq!(status("in-force"), Some(Status::InForce));
        assert_eq!(status("很好"), None);
    }

    #[test]
    fn system_numbers_written_every_way() {
        for text in [
            "101-02",
            "101－02",
            "101—2",
            "１０１-０２",
            "101.02",
            " 101-2 ",
        ] {
            assert_eq!(system_no(text, 2).unwrap().to_string(), "101-02", "{text}");
        }
        assert_eq!(system_no("101-2", 3).unwrap().to_string(), "101-002");
        // Text is taken as written: `101.1` typed into a text cell is `101-01`, not `101-10`.
        assert_eq!(system_no("101.1", 2).unwrap().to_string(), "101-01");
        for bad in ["101", "101-100", "101-0", "A-01", "101-02-03"] {
            assert!(system_no(bad, 2).is_none(), "{bad}");
        }
    }

    #[test]
    fn system_numbers_typed_as_numbers_keep_the_fraction_digits() {
        let no = |n: f64, w: u8| number_system_no(n, w).map(|no| no.to_string());
        assert_eq!(no(101.1, 2).as_deref(), Ok("101-10"));
        assert_eq!(no(101.01, 2).as_deref(), Ok("101-01"));
        assert_eq!(no(101.12, 2).as_deref(), Ok("101-12"));
        // The floats next to 101.1 (`101.09999999999999`, `101.10000000000001`), as a
        // formula's result may be: Excel shows 101.1.
        for bits in [101.1f64.to_bits() - 1, 101.1f64.to_bits() + 1] {
            assert_eq!(no(f64::from_bits(bits), 2).as_deref(), Ok("101-10"));
        }
        assert_eq!(no(101.1, 3).as_deref(), Ok("101-100"));
        assert_eq!(no(101.012, 3).as_deref(), Ok("101-012"));
        assert_eq!(no(3.5, 2).as_deref(), Ok("3-50"));
        assert_eq!(no(101.123, 2), Err(NumberNo::TooLong));
        assert_eq!(no(101.001, 2), Err(NumberNo::TooLong));
        for bad in [101.0, -101.1, 0.5, f64::NAN, 1e12] {
            assert_eq!(no(bad, 2), Err(NumberNo::NotOne), "{bad}");
        }
    }

    #[test]
    fn category_rows_merged_or_in_the_first_cells() {
        let none = |_: &str, _: &str| false;
        let cat = |code: &str, title: &str| Some((code.to_owned(), title.to_owned()));
        assert_eq!(
            category_row(&row(&[(1, "101 标准化导则")]), Some(1), &none),
            cat("101", "标准化导则")
        );
        assert_eq!(
            category_row(&row(&[(1, "２　服务提供标准体系")]), Some(1), &none),
            cat("2", "服务提供标准体系")
        );
        assert_eq!(
            category_row(&row(&[(1, "2、服务提供标准体系")]), Some(1), &none),
            cat("2", "服务提供标准体系")
        );
        // Code and title in two cells: sure when not in the 序号 column, or a subsystem …
        assert_eq!(
            category_row(&row(&[(2, "201"), (3, "服务规范")]), Some(1), &none),
            cat("201", "服务规范")
        );
        assert_eq!(
            category_row(&row(&[(1, "3"), (2, "服务保障标准体系")]), Some(1), &none),
            cat("3", "服务保障标准体系")
        );
        // … or a known category; a planned standard numbered only by 序号 is not one.
        assert_eq!(
            category_row(
                &row(&[(1, "102"), (2, "方针目标")]),
                Some(1),
                &|c, t| c == "102" && t == "方针目标"
            ),
            cat("102", "方针目标")
        );
        assert_eq!(
            category_row(
                &row(&[(1, "102"), (2, "服务方针与质量目标")]),
                Some(1),
                &|c, t| c == "102" && t == "方针目标"
            ),
            None
        );
        assert_eq!(
            category_row(&row(&[(1, "7"), (2, "窗口服务规范")]), Some(1), &none),
            None
        );
        // Standards, dates and numbers are not categories.
        assert_eq!(
            category_row(&row(&[(1, "101-01 窗口服务规范")]), Some(1), &none),
            None
        );
        assert_eq!(
            category_row(&row(&[(1, "2014年标准明细表")]), Some(1), &none),
            None
        );
        assert_eq!(
            category_row(
                &row(&[(1, "1"), (2, "101-01"), (3, "窗口服务规范")]),
                Some(1),
                &none
            ),
            None
        );
    }

    #[test]
    fn category_titles_after_chinese_numerals() {
        assert_eq!(
            category_title(&row(&[(1, "一、通用基础标准体系")])).as_deref(),
            Some("通用基础标准体系")
        );
        assert_eq!(
            category_title(&row(&[(1, "（二）服务规范")])).as_deref(),
            Some("服务规范")
        );
        assert_eq!(
            category_title(&row(&[(1, "服务规范")])).as_deref(),
            Some("服务规范")
        );
        assert_eq!(category_title(&row(&[(1, "十二、")])), None);
        assert_eq!(category_title(&row(&[(1, "1"), (2, "服务规范")])), None);
        assert_eq!(
            category_title(&row(&[(1, "二、"), (3, "服务提供标准体系")])).as_deref(),
            Some("服务提供标准体系")
        );
        assert_eq!(
            category_title(&row(&[(1, "（三）"), (3, "服务规范")])).as_deref(),
            Some("服务规范")
        );
    }

    #[test]
    fn footnotes_and_totals() {
        assert!(footnote(&row(&[(1, "注：本表按GB/T 13016编制")])));
        assert!(footnote(&row(&[(1, "注1:…")])));
        assert!(footnote(&row(&[(1, "合计"), (3, "45")])));
        assert!(footnote(&row(&[(1, "制表人：王某")])));
        assert!(!footnote(&row(&[(1, "注册登记服务规范")])));
        assert!(!footnote(&row(&[(1, "1"), (2, "说明书编写规范")])));
    }
}
