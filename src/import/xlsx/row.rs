//! One standard row of a 标准明细表 read into an [`Entry`]: its code canonicalised, its level,
//! origin, status, system number, category and dates decided, or the finding that says why the
//! row cannot be placed (with its sheet, row and column). Pure.

use super::header::{Field, Header};
use super::plan::{Options, Target};
use super::read::{Row, Value};
use super::values::{self, NumberNo, blank, text_of};
use crate::finding::{Code, Finding, Location, Msg, Pos};
use crate::messages as m;
use crate::model::{CodeKind, Date, Level, Origin, Status, StdCode, SystemNo};

/// Findings with the index of the sheet they point into (they are sorted by it).
pub(super) type Found = Vec<(usize, Finding)>;

/// One standard row, parsed.
#[derive(Clone, Debug)]
pub struct Entry {
    pub sheet: String,
    /// The sheet's place in the workbook (findings are sorted by it).
    pub sheet_index: usize,
    pub row: u32,
    /// The column a row-level finding points at (the title's).
    pub column: u32,
    pub no: Option<SystemNo>,
    pub no_column: u32,
    pub category: String,
    pub code: Option<StdCode>,
    pub code_column: u32,
    pub title: String,
    pub level: Level,
    /// `adopted` for an external level; for an internal one `formulated`, or `supplemented`
    /// where a 来源 column says 补标.
    pub origin: Origin,
    pub status: Option<Status>,
    /// The column of the 状态 cell (or the title's, without one).
    pub status_column: u32,
    pub published: Option<Date>,
    pub effective: Option<Date>,
    pub replaces: Vec<StdCode>,
    pub unit: Option<String>,
    pub owner: Option<String>,
    pub note: Option<String>,
}

/// A place in the table, for findings.
pub(super) struct At<'a> {
    pub index: usize,
    pub source: &'a str,
    pub sheet: &'a str,
    pub row: u32,
}

impl At<'_> {
    pub(super) fn cell(&self, column: u32) -> String {
        format!("{}{}", column_letters(column), self.row)
    }

    /// A finding for a row that is not imported.
    pub(super) fn refuse(&self, code: Code, column: u32, message: Msg) -> Box<Finding> {
        Box::new(self.finding(code, column, message))
    }

    pub(super) fn keyed(&self, code: Code, column: u32, message: Msg) -> (usize, Finding) {
        (self.index, self.finding(code, column, message))
    }

    pub(super) fn finding(&self, code: Code, column: u32, message: Msg) -> Finding {
        Finding::new(
            code,
            Location::new(
                self.source,
                Pos {
                    line: self.row,
                    column: column.max(1),
                    len: 1,
                },
            ),
            message,
        )
    }
}

/// `1` → `A`, `27` → `AA`.
pub fn column_letters(mut column: u32) -> String {
    let mut out = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        out.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The text of `field`'s cell, unless blank.
pub(super) fn cell_text(row: &Row, header: &Header, field: Field) -> Option<String> {
    let col = header.column(field)?;
    let text = text_of(row.cell(col)?);
    (!blank(&text)).then(|| text.trim().to_owned())
}

#[allow(clippy::too_many_arguments, reason = "one row's context, passed once")]
pub(super) fn entry(
    row: &Row,
    header: &Header,
    at: &At<'_>,
    open: Option<&str>,
    known: &dyn Fn(&str) -> bool,
    target: &Target,
    opts: &Options,
    warnings: &mut Found,
) -> Result<Entry, Box<Finding>> {
    let col = |f: Field| header.column(f).unwrap_or(1);
    let get = |f: Field| cell_text(row, header, f);
    let title_col = col(Field::Title);
    // The code.
    let code = match get(Field::Code) {
        None => None,
        Some(text) => Some(parse_code(
            &text,
            at,
            col(Field::Code),
            opts.as_of,
            warnings,
        )?),
    };
    let Some(title) = get(Field::Title) else {
        return Err(at.refuse(
            Code::ImportCode,
            title_col,
            m::import_no_title(at.sheet, &at.cell(title_col)),
        ));
    };
    let title = one_line(title.trim_matches(['《', '》']));
    // The level: the table's word, else the code's prefix.
    let level_col = col(Field::Level);
    let level = match get(Field::Level) {
        Some(text) => {
            let Some(level) = values::level(&text) else {
                return Err(at.refuse(
                    Code::ImportLevel,
                    level_col,
                    m::import_unknown_level(at.sheet, &at.cell(level_col), &text),
                ));
            };
            if let Some(code) = &code
                && !fits(level, code, &target.prefix)
            {
                return Err(at.refuse(
                    Code::ImportLevel,
                    level_col,
                    m::import_level_code(at.sheet, &at.cell(level_col), level, code),
                ));
            }
            level
        }
        None => match &code {
            None => Level::Internal,
            Some(code) => match code.kind() {
                CodeKind::National => Level::National,
                CodeKind::Industry => Level::Industry,
                CodeKind::Local => Level::Local,
                CodeKind::Group => Level::Group,
                CodeKind::Enterprise if code.prefix() == target.prefix => Level::Internal,
                CodeKind::Enterprise => {
                    let c = col(Field::Code);
                    return Err(at.refuse(
                        Code::ImportLevel,
                        c,
                        m::import_foreign_code(at.sheet, &at.cell(c), code, &target.prefix),
                    ));
                }
            },
        },
    };
    let origin = match (level, get(Field::Origin)) {
        (Level::Internal, Some(t)) if t.contains('补') || t == "supplemented" => {
            Origin::Supplemented
        }
        (Level::Internal, _) => Origin::Formulated,
        _ => Origin::Adopted,
    };
    // The status, where the table gives it.
    let status_col = col(Field::Status);
    let status = match get(Field::Status) {
        None => None,
        Some(text) => match values::status(&text) {
            Some(s) => Some(s),
            None => {
                return Err(at.refuse(
                    Code::ImportStatus,
                    status_col,
                    m::import_unknown_status(at.sheet, &at.cell(status_col), &text),
                ));
            }
        },
    };
    if let Some(s) = status
        && s.needs_code()
        && code.is_none()
    {
        return Err(at.refuse(
            Code::ImportStatus,
            status_col,
            m::import_status_code(at.sheet, &at.cell(status_col), s),
        ));
    }
    // The system number and the category.
    let no_col = col(Field::No);
    let no = match get(Field::No) {
        None => None,
        Some(text) => {
            // A number cell (`101.10` typed as a number arrives as `101.1`) keeps its
            // fraction's digits; a text cell is taken as written.
            let number = header.column(Field::No).and_then(|c| match row.cell(c) {
                Some(Value::Number(n)) => Some(*n),
                _ => None,
            });
            let parsed = match number {
                Some(n) => values::number_system_no(n, target.width),
                None => values::system_no(&text, target.width).ok_or(NumberNo::NotOne),
            };
            match parsed {
                Ok(no) => Some(no),
                Err(NumberNo::TooLong) => {
                    return Err(at.refuse(
                        Code::ImportNumber,
                        no_col,
                        m::import_number_fraction(at.sheet, &at.cell(no_col), &text, target.width),
                    ));
                }
                Err(NumberNo::NotOne) => {
                    return Err(at.refuse(
                        Code::ImportNumber,
                        no_col,
                        m::import_bad_number(at.sheet, &at.cell(no_col), &text, target.width),
                    ));
                }
            }
        }
    };
    let category = match (&no, open) {
        (Some(no), Some(open)) if !no.category().starts_with(open) => {
            return Err(at.refuse(
                Code::ImportCategory,
                no_col,
                m::import_outside_category(at.sheet, &at.cell(no_col), &no.to_string(), open),
            ));
        }
        (Some(no), _) if !known(no.category()) => {
            return Err(at.refuse(
                Code::ImportCategory,
                no_col,
                m::import_unknown_category(
                    at.sheet,
                    &at.cell(no_col),
                    &no.to_string(),
                    no.category(),
                ),
            ));
        }
        (Some(no), _) => no.category().to_owned(),
        (None, Some(open)) => open.to_owned(),
        (None, None) => {
            return Err(at.refuse(
                Code::ImportCategory,
                title_col,
                m::table_no_category(at.sheet, &at.cell(title_col)),
            ));
        }
    };
    // Dates: left out, with a warning, when they do not parse or do not fit.
    let mut date = |f: Field| {
        let c = col(f);
        let value = row.cell(header.column(f)?)?;
        match values::date(value) {
            Ok(d) => d,
            Err(_) => {
                warnings.push(at.keyed(
                    Code::ImportDate,
                    c,
                    m::import_bad_date(at.sheet, &at.cell(c), &text_of(value)),
                ));
                None
            }
        }
    };
    let effective = date(Field::Effective);
    let mut published = date(Field::Published);
    let pub_col = col(Field::Published);
    if let (Some(p), Some(code)) = (published, &code)
        && i32::from(p.year()) != i32::from(code.year())
    {
        warnings.push(at.keyed(
            Code::ImportDate,
            pub_col,
            m::import_year(at.sheet, &at.cell(pub_col), p, code),
        ));
        published = None;
    }
    if let (Some(p), Some(e)) = (published, effective)
        && e < p
    {
        warnings.push(at.keyed(
            Code::ImportDate,
            pub_col,
            m::import_date_order(at.sheet, &at.cell(pub_col), e, p),
        ));
        published = None;
    }
    // Replaced standards: each must parse, like the standard's own code.
    let mut replaces = Vec::new();
    if let Some(text) = get(Field::Replaces) {
        for part in text.split(['、', ',', '，', ';', '；', '\n', '\r']) {
            if !blank(part) {
                replaces.push(parse_code(
                    part.trim(),
                    at,
                    col(Field::Replaces),
                    opts.as_of,
                    warnings,
                )?);
            }
        }
    }
    Ok(Entry {
        sheet: at.sheet.to_owned(),
        sheet_index: at.index,
        row: at.row,
        column: title_col,
        no,
        no_column: no_col,
        category,
        code,
        code_column: col(Field::Code),
        title,
        level,
        origin,
        status,
        status_column: header.column(Field::Status).unwrap_or(title_col),
        published,
        effective,
        replaces,
        unit: get(Field::Unit).map(|u| one_line(&u)),
        owner: get(Field::Owner).map(|o| one_line(&o)),
        note: get(Field::Note).map(|n| one_line(&n)),
    })
}

/// A code cell, canonicalised by the model's parser; a non-canonical writing is a warning.
fn parse_code(
    text: &str,
    at: &At<'_>,
    column: u32,
    as_of: Date,
    warnings: &mut Found,
) -> Result<StdCode, Box<Finding>> {
    let cell = at.cell(column);
    let (code, canonical) = StdCode::parse(text).map_err(|e| {
        at.finding(
            Code::ImportCode,
            column,
            m::import_bad_code(at.sheet, &cell, &e),
        )
    })?;
    let limit = i32::from(as_of.year()) + 1;
    if i32::from(code.year()) > limit {
        return Err(at.refuse(
            Code::ImportCode,
            column,
            m::import_future_code(at.sheet, &cell, &code, limit),
        ));
    }
    if !canonical {
        let f = at.finding(
            Code::CodeNonCanonical,
            column,
            m::import_non_canonical(at.sheet, &cell, text),
        );
        warnings.push((at.index, f.help(m::code_non_canonical_help(&code))));
    }
    Ok(code)
}

/// Whether a code's prefix fits a level (SPEC §3).
fn fits(level: Level, code: &StdCode, prefix: &str) -> bool {
    match level {
        Level::National => code.kind() == CodeKind::National,
        Level::Industry => code.kind() == CodeKind::Industry,
        Level::Local => code.kind() == CodeKind::Local,
        Level::Group => code.kind() == CodeKind::Group,
        Level::Internal => code.kind() == CodeKind::Enterprise && code.prefix() == prefix,
    }
}

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
