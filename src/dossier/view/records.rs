//! Tasks, the heads of standard texts, the records and the history.

use super::*;
use crate::dossier::model::{Dossier, StandardHistory, StandardText};
use crate::model::{Audit, Inspection, Outcome, Status, Survey, Training};
use crate::tasks::Task;

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
/// date or `[[revision]]` rows of their own, or one sentence when none has. Per standard its
/// own rows first (版本 in the second column), then git's commits newest first (the commit's
/// short hash there), a commit that only reformatted the file marked so.
pub fn history(list: &[StandardHistory], d: &Dossier) -> Result<Table, String> {
    if d.commit.is_none() {
        return Err(crate::dossier::model::NO_HISTORY.to_owned());
    }
    let touched: Vec<&StandardHistory> = list.iter().filter(|h| !h.is_empty()).collect();
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
        ("版本/提交", Fit, Center),
        ("修订人", Fit, Center),
        ("修订说明", Share(1.3), Left),
    ]);
    for h in touched {
        let mut rows: Vec<[String; 4]> = Vec::new();
        for r in &h.revisions {
            rows.push([
                r.date.map(|d| d.to_string()).unwrap_or_default(),
                r.version.clone().unwrap_or_default(),
                "修订记录".to_owned(),
                r.note.clone().unwrap_or_default(),
            ]);
        }
        for c in &h.commits {
            let subject = if c.reformat {
                format!("{}（仅格式调整）", c.subject)
            } else {
                c.subject.clone()
            };
            rows.push([
                c.date.clone(),
                c.hash.chars().take(7).collect(),
                c.author.clone(),
                subject,
            ]);
        }
        let span = rows.len();
        for (k, cells) in rows.into_iter().enumerate() {
            let mut row = Vec::new();
            if k == 0 {
                row.push(Cell::new(h.no.clone()).span(1, span));
                row.push(Cell::new(h.title.clone()).span(1, span));
            }
            row.extend(cells.into_iter().map(Cell::new));
            table.rows.push(row);
        }
    }
    Ok(table)
}
