//! The rates page: the rates, what they leave uncounted, the member centres.

use super::*;
use crate::dossier::model::MemberRates;
use crate::rates::{CenterRates, Rate, target_percent};

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
