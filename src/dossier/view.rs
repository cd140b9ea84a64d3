//! The volume as it is printed, once for both writers: every table as rows of printed cells
//! (numbers formatted, codes with `—`, marks and notes worded), so that the PDF and the HTML
//! hold the same text in the same order. The writers only turn these into markup. Pure.

use super::model::{Dossier, MemberRates, StandardHistory, StandardText};
use crate::model::{Audit, Date, Inspection, Outcome, Status, StdCode, Survey, Training};
use crate::rates::{CenterRates, Rate, percent_of, target_percent};
use crate::table::SystemTable;
use crate::tasks::Task;

/// How a column takes its width: as wide as its content, or a share of what is left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    Fit,
    Share(f32),
    /// A fixed width in em.
    Em(f32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Strong,
    /// A failure or an overdue task: printed in red.
    Alert,
    /// Standard numbers (codes), one a line, never broken inside.
    Codes,
    /// Several lines.
    Lines,
    /// A definition in small type, with an optional alert line after it.
    Small,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The text; lines separated by `\n` (for `Codes`, `Lines`, `Small`).
    pub text: String,
    pub style: Style,
    pub colspan: usize,
    pub rowspan: usize,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            style: Style::Plain,
            colspan: 1,
            rowspan: 1,
        }
    }

    pub fn styled(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            style,
            ..Cell::new(text)
        }
    }

    fn span(mut self, colspan: usize, rowspan: usize) -> Cell {
        self.colspan = colspan;
        self.rowspan = rowspan;
        self
    }
}

/// A table of the volume: header, column layout and rows, with the notes printed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub widths: Vec<Width>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<Cell>>,
    /// A smaller type size for wide tables (the detail table).
    pub small: bool,
}

impl Table {
    fn new(columns: &[(&str, Width, Align)]) -> Table {
        Table {
            header: columns.iter().map(|c| c.0.to_owned()).collect(),
            widths: columns.iter().map(|c| c.1).collect(),
            align: columns.iter().map(|c| c.2).collect(),
            rows: Vec::new(),
            small: false,
        }
    }
}

/// What a table says when it has no row.
pub const EMPTY: &str = "（无记录）";

/// A date as the volume prints it in running text: 2014年12月31日.
pub fn zh_date(d: Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Standard numbers as printed (the year after `—`, GB/T 1.1), one a line.
fn codes<'a>(list: impl IntoIterator<Item = &'a StdCode>) -> String {
    list.into_iter()
        .map(StdCode::printed)
        .collect::<Vec<_>>()
        .join("\n")
}

fn pct_or_dash(n: u64, d: u64) -> String {
    percent_of(n, d).unwrap_or_else(|| "—".to_owned())
}

// ---------------------------------------------------------------------------------------
// The cover.

pub struct Cover {
    /// The title in its lines (a title that starts with the centre's name breaks after it).
    pub title: Vec<String>,
    /// The draft mark, when the repository has errors.
    pub draft: Option<&'static str>,
    pub center: String,
    pub date: String,
    pub source: String,
}

pub const DRAFT_COVER: &str = "草稿：标准库未通过检查，不作正式验收材料";
pub const DRAFT_HEADER: &str = "草稿 · 未通过检查";

pub fn title(d: &Dossier) -> &str {
    if d.title.trim().is_empty() {
        "验收材料汇编"
    } else {
        d.title.as_str()
    }
}

pub fn cover(d: &Dossier) -> Cover {
    let title = title(d);
    let lines = match title.strip_prefix(d.center.as_str()) {
        Some(rest) if !d.center.is_empty() && !rest.trim().is_empty() => {
            vec![d.center.clone(), rest.trim().to_owned()]
        }
        _ => vec![title.to_owned()],
    };
    let source = match &d.commit {
        Some(c) if d.dirty => format!("源版本：{c}（工作区有未提交的修改）"),
        Some(c) => format!("源版本：{c}"),
        None => "源版本：—（不在 git 工作区中）".to_owned(),
    };
    Cover {
        title: lines,
        draft: d.draft.then_some(DRAFT_COVER),
        center: d.center.clone(),
        date: zh_date(d.as_of),
        source,
    }
}

// ---------------------------------------------------------------------------------------
// The system table.

pub const DETAIL: &str = "标准明细表";
pub const STATS: &str = "标准统计表";
pub const STATS_NOTE: &str = "应有数：状态不是“被代替”“废止”的标准数（含待制定、起草、送审）；现有数：现行（含试行）标准数；现有率 = 现有数 ÷ 应有数。";

pub fn detail(t: &SystemTable) -> Table {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("序号", Fit, Center),
        ("体系表编号", Fit, Left),
        ("标准编号", Fit, Left),
        ("标准名称", Share(1.0), Left),
        ("级别", Fit, Center),
        ("来源", Fit, Center),
        ("状态", Fit, Center),
        ("实施日期", Fit, Center),
        ("代替标准号", Fit, Left),
        ("责任科室", Em(6.5), Left),
    ]);
    table.small = true;
    table.rows = t
        .rows
        .iter()
        .map(|r| {
            vec![
                Cell::new(r.index.to_string()),
                Cell::new(r.no.clone()),
                Cell::styled(codes(r.code.iter()), Style::Codes),
                Cell::new(r.title.clone()),
                Cell::new(r.level.map_or("", |l| l.zh())),
                Cell::new(r.origin.map_or("", |o| o.zh())),
                Cell::new(r.status.map_or("", |s| s.zh())),
                Cell::new(r.effective.clone().unwrap_or_default()),
                Cell::styled(codes(&r.replaces), Style::Codes),
                Cell::new(r.unit.clone().unwrap_or_default()),
            ]
        })
        .collect();
    table
}

pub fn stats(t: &SystemTable) -> Table {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("子体系", Share(1.0), Left),
        ("级别", Fit, Center),
        ("应有数", Fit, Right),
        ("现有数", Fit, Right),
        ("现有率", Fit, Right),
    ]);
    let mut i = 0;
    while i < t.stats.len() {
        let s = &t.stats[i];
        let numbers = |x: &crate::table::Stat, style: Style| {
            [
                Cell::styled(x.planned.to_string(), style),
                Cell::styled(x.existing.to_string(), style),
                Cell::styled(pct_or_dash(x.existing as u64, x.planned as u64), style),
            ]
        };
        let Some(sub) = &s.subsystem else {
            let mut row = vec![Cell::styled("合计", Style::Strong).span(2, 1)];
            row.extend(numbers(s, Style::Strong));
            table.rows.push(row);
            i += 1;
            continue;
        };
        let span = t.stats[i..]
            .iter()
            .take_while(|x| x.subsystem.as_ref() == Some(sub))
            .count();
        for (k, x) in t.stats[i..i + span].iter().enumerate() {
            let mut row = Vec::new();
            if k == 0 {
                row.push(Cell::new(sub.clone()).span(1, span));
            }
            let (label, style) = match x.level {
                Some(l) => (l.zh(), Style::Plain),
                None => ("小计", Style::Strong),
            };
            row.push(Cell::styled(label, style));
            row.extend(numbers(x, style));
            table.rows.push(row);
        }
        i += span;
    }
    table
}

// ---------------------------------------------------------------------------------------
// Rates.

pub const RATES: &str = "指标计算结果";
pub const CHART: &str = "指标与目标值对比图";
pub const MEMBERS: &str = "下属中心指标";
pub const UNCOUNTED: &str = "未计入分子的项目：";

/// The line above the rates: the centre and the period.
pub fn rates_meta(r: &CenterRates) -> Option<String> {
    let mut head = Vec::new();
    if !r.center.is_empty() {
        head.push(format!("中心：{}", r.center));
    }
    if let Some(p) = r.period {
        head.push(format!("评价期：{}至{}", zh_date(p.from), zh_date(p.to)));
    }
    (!head.is_empty()).then(|| head.join("；"))
}

pub fn verdict(r: &CenterRates) -> &'static str {
    if r.passes() {
        "结论：各项有目标值的指标均达到目标值。"
    } else {
        "结论：有指标未达到目标值或无法计算。"
    }
}

/// A rate's value as printed, `—` when it cannot be computed.
pub fn value(r: &Rate) -> String {
    r.percent().unwrap_or_else(|| "—".to_owned())
}

/// A rate's value with its target, for the bar chart: `91.3%（目标≥90.0%）`.
pub fn value_and_target(r: &Rate) -> String {
    match r.target {
        Some(t) => format!("{}（目标≥{}）", value(r), target_percent(t)),
        None => value(r),
    }
}

pub fn rates(r: &CenterRates) -> Table {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("指标", Fit, Left),
        ("定义", Share(1.0), Left),
        ("分子", Fit, Right),
        ("分母", Fit, Right),
        ("数值", Fit, Right),
        ("目标值", Fit, Center),
        ("达标", Fit, Center),
    ]);
    table.rows = r
        .rates
        .iter()
        .map(|x| {
            let mut definition = x.definition.zh.clone();
            if x.value().is_none() {
                definition.push_str(&format!("\n分母为0，无法计算：{}", x.when_empty.zh));
            }
            let pass = match x.pass() {
                Some(true) => Cell::new("达标"),
                Some(false) => Cell::styled("未达标", Style::Alert),
                None => Cell::new("—"),
            };
            vec![
                Cell::styled(x.name.zh.clone(), Style::Strong),
                Cell::styled(definition, Style::Small),
                Cell::new(x.numerator.to_string()),
                Cell::new(x.denominator.to_string()),
                Cell::new(value(x)),
                Cell::new(
                    x.target
                        .map_or("—".to_owned(), |t| format!("≥{}", target_percent(t))),
                ),
                pass,
            ]
        })
        .collect();
    table
}

/// What each rate leaves out of its numerator, one line a rate.
pub fn uncounted(r: &CenterRates) -> Vec<String> {
    let mut lines: Vec<String> = r
        .rates
        .iter()
        .map(crate::report::rates::uncounted_summary)
        .collect();
    if r.excluded > 0 {
        lines.push(format!(
            "另有 {} 条记录不合要求（见 stdkit check），未计入各项指标。",
            r.excluded
        ));
    }
    lines
}

pub fn members(members: &[MemberRates]) -> Table {
    // The columns: the rates with a target, in the order of the first computable member.
    let keys: Vec<(crate::rates::RateKey, &str)> = members
        .iter()
        .find_map(|m| m.rates.as_ref().ok())
        .map(|r| {
            r.rates
                .iter()
                .filter(|x| x.target.is_some())
                .map(|x| (x.key, x.name.zh.as_str()))
                .collect()
        })
        .unwrap_or_default();
    // The figures never break: their columns are as wide as they are, the names take the rest.
    let mut columns = vec![("下属中心", Width::Share(1.0), Align::Left)];
    for (_, name) in &keys {
        columns.push((name, Width::Fit, Align::Center));
    }
    columns.push(("通过验收", Width::Fit, Align::Center));
    let mut table = Table::new(&columns);
    table.rows = members
        .iter()
        .map(|m| match &m.rates {
            Ok(r) => {
                // A member by its name; its folder only when it has none.
                let name = if r.center.is_empty() {
                    m.path.clone()
                } else {
                    r.center.clone()
                };
                let mut row = vec![Cell::new(name)];
                for (key, _) in &keys {
                    row.push(Cell::new(r.get(*key).map_or("—".to_owned(), value)));
                }
                row.push(if r.passes() {
                    Cell::new("是")
                } else {
                    Cell::styled("否", Style::Alert)
                });
                row
            }
            Err(e) => vec![
                Cell::new(m.path.clone()),
                Cell::styled(format!("无法计算：{e}"), Style::Alert).span(keys.len() + 1, 1),
            ],
        })
        .collect();
    table
}

// ---------------------------------------------------------------------------------------
// Tasks.

pub const NO_TASKS: &str = "没有待制定、起草或送审中的标准。";

pub fn task_group_heading(unit: Option<&str>, n: usize) -> String {
    format!("{}（{n}项）", unit.unwrap_or("未指定责任科室"))
}

pub fn tasks(tasks: &[Task]) -> Table {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("体系表编号", Fit, Left),
        ("标准名称", Share(1.0), Left),
        ("状态", Fit, Center),
        ("责任人", Fit, Center),
        ("完成时限", Fit, Center),
        ("进度", Fit, Center),
    ]);
    table.rows = tasks
        .iter()
        .map(|t| {
            let progress = match t.days_overdue {
                Some(n) if t.overdue => Cell::styled(format!("逾期{n}天"), Style::Alert),
                Some(0) => Cell::new("今日到期"),
                Some(n) => Cell::new(format!("剩余{}天", -n)),
                None => Cell::new("—"),
            };
            vec![
                Cell::new(t.no.clone()),
                Cell::new(t.title.clone()),
                Cell::new(t.status.zh()),
                Cell::new(t.owner.clone().unwrap_or_default()),
                Cell::new(t.due.clone().unwrap_or_default()),
                progress,
            ]
        })
        .collect();
    table
}

// ---------------------------------------------------------------------------------------
// Standard texts.

/// What a standard that is not (or not yet, or no longer) in force says on its first page
/// and in the header of its pages.
pub fn stage_mark(status: Option<Status>) -> Option<&'static str> {
    match status? {
        Status::Planned => Some("草案"),
        Status::Drafting => Some("征求意见稿"),
        Status::Review => Some("送审稿"),
        Status::Trial => Some("试行"),
        Status::InForce => None,
        Status::Superseded => Some("已被代替"),
        Status::Withdrawn => Some("已废止"),
    }
}

/// The head of a standard's text: the line above the title, the title (with 试行 or the
/// draft stage), the dates line.
pub struct StandardHead {
    pub top: String,
    pub title: String,
    pub mark: Option<&'static str>,
    pub dates: Option<String>,
}

pub fn standard_head(s: &StandardText) -> StandardHead {
    let mut top = vec![format!("体系表编号：{}", s.no)];
    if let Some(code) = &s.code {
        top.push(code.clone());
    }
    let mark = stage_mark(s.status);
    let mut dates = Vec::new();
    if let Some(p) = s.published {
        dates.push(format!("{p} 发布"));
    }
    if let Some(e) = s.effective {
        dates.push(format!("{e} 实施"));
    }
    StandardHead {
        top: top.join("　　"),
        title: s.title.clone(),
        mark,
        dates: (!dates.is_empty()).then(|| dates.join("　　　　")),
    }
}

// ---------------------------------------------------------------------------------------
// Records.

pub fn inspections(list: &[Inspection]) -> (Table, String) {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("检查日期", Fit, Center),
        ("体系表编号", Fit, Left),
        ("检查人", Fit, Center),
        ("结果", Fit, Center),
        ("发现的问题", Share(1.0), Left),
        ("整改完成", Fit, Center),
    ]);
    table.rows = list
        .iter()
        .map(|i| {
            vec![
                Cell::new(i.date.value.to_string()),
                Cell::new(i.standard.written.value.clone()),
                Cell::new(i.inspector.clone()),
                Cell::new(i.result.zh()),
                Cell::new(i.finding.clone().unwrap_or_default()),
                Cell::new(
                    i.rectified
                        .as_ref()
                        .map(|r| r.value.to_string())
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();
    let nonconform = list
        .iter()
        .filter(|i| i.result == Outcome::Nonconform)
        .count();
    (
        table,
        format!("共{}次检查，其中不符合{}次。", list.len(), nonconform),
    )
}

pub fn trainings(list: &[Training]) -> (Table, String) {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("日期", Fit, Center),
        ("培训主题", Share(1.4), Left),
        ("涉及标准", Share(1.0), Left),
        ("参训人数", Fit, Right),
    ]);
    table.rows = list
        .iter()
        .map(|t| {
            vec![
                Cell::new(t.date.value.to_string()),
                Cell::new(t.topic.clone()),
                Cell::new(
                    t.standards
                        .iter()
                        .map(|s| s.written.value.as_str())
                        .collect::<Vec<_>>()
                        .join("、"),
                ),
                Cell::new(t.attendees.len().to_string()),
            ]
        })
        .collect();
    let total: usize = list.iter().map(|t| t.attendees.len()).sum();
    (
        table,
        format!("共{}次培训，参训{}人次。", list.len(), total),
    )
}

pub fn surveys(list: &[Survey]) -> Table {
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("调查期间", Fit, Center),
        ("调查方式", Share(1.0), Left),
        ("有效答复", Fit, Right),
        ("满意", Fit, Right),
        ("满意率", Fit, Right),
    ]);
    table.rows = list
        .iter()
        .map(|s| {
            vec![
                Cell::new(format!("{} 至 {}", s.from.value, s.to.value)),
                Cell::new(s.method.clone()),
                Cell::new(s.responses.value.to_string()),
                Cell::new(s.satisfied.value.to_string()),
                Cell::new(pct_or_dash(s.satisfied.value, s.responses.value)),
            ]
        })
        .collect();
    let responses: u64 = list.iter().map(|s| s.responses.value).sum();
    let satisfied: u64 = list.iter().map(|s| s.satisfied.value).sum();
    table.rows.push(vec![
        Cell::styled("合计", Style::Strong).span(2, 1),
        Cell::styled(responses.to_string(), Style::Strong),
        Cell::styled(satisfied.to_string(), Style::Strong),
        Cell::styled(pct_or_dash(satisfied, responses), Style::Strong),
    ]);
    table
}

pub fn audit_meta(a: &Audit) -> String {
    let mut meta = format!("审核日期：{}", zh_date(a.date));
    if !a.auditors.is_empty() {
        meta.push_str(&format!("；审核员：{}", a.auditors.join("、")));
    }
    meta
}

// ---------------------------------------------------------------------------------------
// History.

/// The history section: a table of the standards that have commits on or before the as-of
/// date, or one sentence when none has.
pub fn history(list: &[StandardHistory], d: &Dossier) -> Result<Table, String> {
    if d.commit.is_none() {
        return Err(super::model::NO_HISTORY.to_owned());
    }
    let touched: Vec<&StandardHistory> = list.iter().filter(|h| !h.commits.is_empty()).collect();
    if touched.is_empty() {
        return Err(format!(
            "截至{}，git 历史中没有标准文件的修订记录。",
            zh_date(d.as_of)
        ));
    }
    use Align::*;
    use Width::*;
    let mut table = Table::new(&[
        ("体系表编号", Fit, Left),
        ("标准名称", Share(1.0), Left),
        ("日期", Fit, Center),
        ("修订人", Fit, Center),
        ("修订说明", Share(1.3), Left),
    ]);
    for h in touched {
        let span = h.commits.len();
        for (k, c) in h.commits.iter().enumerate() {
            let mut row = Vec::new();
            if k == 0 {
                row.push(Cell::new(h.no.clone()).span(1, span));
                row.push(Cell::new(h.title.clone()).span(1, span));
            }
            row.push(Cell::new(c.date.clone()));
            row.push(Cell::new(c.author.clone()));
            row.push(Cell::new(c.subject.clone()));
            table.rows.push(row);
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_and_trials_are_marked() {
        assert_eq!(stage_mark(Some(Status::Review)), Some("送审稿"));
        assert_eq!(stage_mark(Some(Status::Drafting)), Some("征求意见稿"));
        assert_eq!(stage_mark(Some(Status::Trial)), Some("试行"));
        assert_eq!(stage_mark(Some(Status::InForce)), None);
    }
}
