//! The system table: the detail table and the statistics.

use super::*;
use crate::table::SystemTable;

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
