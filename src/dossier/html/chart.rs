//! The chart of the rates in the HTML volume, as SVG.

use std::fmt::Write as _;

use super::esc;
use crate::dossier::view;

/// Horizontal bars of the rates against the full width, the target as a red rule, a scale
/// and a legend: the PDF's chart as SVG.
pub(super) fn bar_chart(r: &crate::rates::CenterRates) -> String {
    let rows: Vec<_> = r
        .rates
        .iter()
        .filter(|x| x.value().is_some() || x.target.is_some())
        .collect();
    let (label_w, bar_w, row_h) = (110.0, 250.0, 26.0);
    let width = label_w + bar_w + 190.0;
    let height = rows.len() as f64 * row_h + 56.0;
    let mut svg = format!(
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-size=\"10.5\">"
    );
    for (i, rate) in rows.iter().enumerate() {
        let y = i as f64 * row_h + 6.0;
        let color = match rate.pass() {
            Some(true) => "#2e7d32",
            Some(false) => "#e65100",
            None => "#8c8c8c",
        };
        let _ = write!(
            svg,
            "<text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{name}</text>\
             <rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"11\" fill=\"#f0f0f0\" stroke=\"#969696\" stroke-width=\"0.3\"/>",
            tx = label_w - 8.0,
            ty = y + 10.0,
            name = esc(&rate.name.zh),
        );
        if let Some(v) = rate.value() {
            let _ = write!(
                svg,
                "<rect x=\"{label_w}\" y=\"{y}\" width=\"{:.1}\" height=\"11\" fill=\"{color}\"/>",
                v.clamp(0.0, 1.0) * bar_w
            );
        }
        if let Some(t) = rate.target {
            let mx = label_w + t.clamp(0.0, 1.0) * bar_w;
            let _ = write!(
                svg,
                "<line x1=\"{mx:.1}\" x2=\"{mx:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#b71c1c\" stroke-width=\"1.5\"/>",
                y - 3.0,
                y + 14.0
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label_w + bar_w + 8.0,
            y + 10.0,
            esc(&view::value_and_target(rate))
        );
    }
    let scale_y = rows.len() as f64 * row_h + 14.0;
    for p in [0, 25, 50, 75, 100] {
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{scale_y}\" font-size=\"8\" text-anchor=\"middle\">{p}%</text>",
            label_w + f64::from(p) / 100.0 * bar_w
        );
    }
    let legend_y = scale_y + 24.0;
    let mut x = label_w;
    for (color, label) in [
        ("#2e7d32", "达标"),
        ("#e65100", "未达标"),
        ("#8c8c8c", "无目标值"),
        ("#b71c1c", "目标值"),
    ] {
        let w = if label == "目标值" { 1.5 } else { 14.0 };
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{}\" width=\"{w}\" height=\"9\" fill=\"{color}\"/><text x=\"{}\" y=\"{legend_y}\" font-size=\"9\">{label}</text>",
            legend_y - 8.0,
            x + w + 4.0
        );
        x += w + 16.0 + 12.0 * label.chars().count() as f64;
    }
    svg.push_str("</svg></figure>\n");
    svg
}
