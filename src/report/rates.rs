//! Printing rates: a terminal table with definitions, or the JSON of SPEC §4.2.

use std::fmt::Write as _;

use serde::Serialize;

use super::table::{Screen, Tone, cell, new_table};
use super::terminal_safe;
use crate::finding::Lang;
use crate::messages;
use crate::rates::{CenterRates, Excluded, MemberRates, Rate, Uncounted};

/// The JSON of SPEC §4.2, written as it is serialized: the uncounted units of a rate (one per
/// unsatisfied response, up to what the records claim) are never all held in memory. Keys are
/// declared in alphabetical order, the order the document has always had.
pub fn json(
    out: &mut dyn std::io::Write,
    city: &CenterRates,
    members: &[MemberRates],
    excluded: &Excluded,
    lang: Lang,
) -> std::io::Result<()> {
    let mut doc = CenterJson::new(city, excluded.center, lang, None);
    doc.members = Some(
        members
            .iter()
            .zip(excluded.members.iter().chain(std::iter::repeat(&0)))
            .map(|(m, excluded)| match &m.rates {
                Ok(r) => MemberJson::Rates(CenterJson::new(r, *excluded, lang, Some(&m.path))),
                Err(e) => MemberJson::Failed {
                    center: (),
                    error: e,
                    passes: false,
                    path: &m.path,
                    rates: [],
                },
            })
            .collect(),
    );
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &doc)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}

/// A centre's rates; `excluded` (the records left out) only when there are some.
#[derive(Serialize)]
struct CenterJson<'a> {
    center: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    excluded: Option<u64>,
    /// The member centres: in the document of the centre itself only.
    #[serde(skip_serializing_if = "Option::is_none")]
    members: Option<Vec<MemberJson<'a>>>,
    passes: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    period: Option<PeriodJson>,
    rates: Vec<RateJson<'a>>,
}

impl<'a> CenterJson<'a> {
    fn new(r: &'a CenterRates, excluded: u64, lang: Lang, path: Option<&'a str>) -> Self {
        CenterJson {
            center: &r.center,
            excluded: (excluded > 0).then_some(excluded),
            members: None,
            passes: r.passes(),
            path,
            period: r.period.map(|p| PeriodJson {
                from: p.from.to_string(),
                to: p.to.to_string(),
            }),
            rates: r
                .rates
                .iter()
                .map(|rate| RateJson::new(rate, lang))
                .collect(),
        }
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum MemberJson<'a> {
    Rates(CenterJson<'a>),
    Failed {
        center: (),
        error: &'a str,
        passes: bool,
        path: &'a str,
        rates: [(); 0],
    },
}

#[derive(Serialize)]
struct PeriodJson {
    from: String,
    to: String,
}

#[derive(Serialize)]
struct RateJson<'a> {
    definition: &'a str,
    denominator: u64,
    key: &'a str,
    name: &'a str,
    numerator: u64,
    pass: Option<bool>,
    reason: Option<&'a str>,
    target: Option<f64>,
    uncounted: Units<'a>,
    value: Option<f64>,
}

impl<'a> RateJson<'a> {
    fn new(r: &'a Rate, lang: Lang) -> Self {
        RateJson {
            definition: r.definition.get(lang),
            denominator: r.denominator,
            key: r.key.as_str(),
            name: r.name.get(lang),
            numerator: r.numerator,
            pass: r.pass(),
            reason: (r.denominator == 0).then(|| r.when_empty.get(lang)),
            target: r.target,
            uncounted: Units(r),
            value: r.value(),
        }
    }
}

/// The uncounted units of a rate, produced one by one while they are written.
struct Units<'a>(&'a Rate);

impl Serialize for Units<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Unit<'u> {
            id: String,
            name: &'u str,
        }
        serializer.collect_seq(self.0.uncounted_units().map(|(id, name)| Unit { id, name }))
    }
}

/// A percentage with one decimal, or a dash with the reason when the denominator is 0.
pub fn percent(r: &Rate, lang: Lang) -> String {
    match r.percent() {
        Some(v) => v,
        None => messages::rate_no_value(&r.when_empty).get(lang).to_owned(),
    }
}

pub fn terminal(
    city: &CenterRates,
    members: &[MemberRates],
    excluded: &Excluded,
    lang: Lang,
    screen: Screen,
    details: bool,
) -> String {
    let mut out = String::new();
    center_terminal(&mut out, city, excluded.center, lang, screen, details);
    for (m, excluded) in members
        .iter()
        .zip(excluded.members.iter().chain(std::iter::repeat(&0)))
    {
        out.push('\n');
        match &m.rates {
            Ok(r) => center_terminal(&mut out, r, *excluded, lang, screen, details),
            Err(e) => {
                let _ = writeln!(out, "{}: {}", terminal_safe(&m.path), terminal_safe(e));
            }
        }
    }
    out
}

fn center_terminal(
    out: &mut String,
    r: &CenterRates,
    excluded: u64,
    lang: Lang,
    screen: Screen,
    details: bool,
) {
    let period = r.period.map_or_else(
        || messages::rates_all_records().get(lang).to_owned(),
        |p| format!("{} .. {}", p.from, p.to),
    );
    let heading = messages::rates_heading(&terminal_safe(&r.center), &period);
    let _ = writeln!(out, "{}", heading.get(lang));
    let header = [
        messages::rates_heading_rate(),
        messages::rates_heading_numerator(),
        messages::rates_heading_denominator(),
        messages::rates_heading_value(),
        messages::rates_heading_target(),
        messages::rates_heading_result(),
    ];
    let header: Vec<&str> = header.iter().map(|h| h.get(lang)).collect();
    let mut table = new_table(screen, &header);
    for rate in &r.rates {
        // A target met in green, missed in red, not to be judged (denominator 0) in yellow.
        let tone = match rate.pass() {
            Some(true) => Tone::Good,
            Some(false) => Tone::Bad,
            None if rate.target.is_some() => Tone::Pending,
            None => Tone::Plain,
        };
        let pass = match rate.pass() {
            Some(true) => Some(messages::rate_pass()),
            Some(false) => Some(messages::rate_fail()),
            None if rate.target.is_some() => Some(messages::rate_unjudged()),
            None => None,
        };
        let pass = pass.as_ref().map_or("", |m| m.get(lang));
        let plain = |text: String| cell(text, Tone::Plain, false);
        table.add_row(vec![
            plain(terminal_safe(rate.name.get(lang)).into_owned()),
            plain(rate.numerator.to_string()),
            plain(rate.denominator.to_string()),
            plain(percent(rate, lang)),
            plain(rate.target.map_or(String::new(), |t| {
                format!("≥ {}", crate::rates::target_percent(t))
            })),
            cell(pass, tone, screen.color),
        ]);
    }
    let _ = writeln!(out, "{table}");
    let missed = r.rates.iter().any(|x| x.pass() == Some(false));
    let verdict = match (r.passes(), missed) {
        (true, _) => messages::rates_all_met(),
        (false, true) => messages::rates_some_missed(),
        (false, false) => messages::rates_some_unjudged(),
    };
    let _ = writeln!(out, "{}", verdict.get(lang));
    if excluded > 0 {
        let _ = writeln!(out, "{}", messages::rates_excluded(excluded).get(lang));
    }
    let _ = writeln!(out, "{}", messages::rates_definitions().get(lang));
    let colon = messages::punct(lang).colon;
    for rate in &r.rates {
        let line = format!(
            "{}{colon}{}",
            terminal_safe(rate.name.get(lang)),
            terminal_safe(rate.definition.get(lang))
        );
        // On a terminal of known width, a definition is wrapped under its own indent.
        let room = screen.width.map(|w| w.saturating_sub(4).max(20));
        for (i, part) in super::table::wrap(&line, room).lines().enumerate() {
            let indent = if i == 0 { "  " } else { "    " };
            let _ = writeln!(out, "{indent}{part}");
        }
    }
    if details {
        uncounted_terminal(out, r, lang);
    }
}

/// Under each rate, what its denominator holds and its numerator does not, one a line.
fn uncounted_terminal(out: &mut String, r: &CenterRates, lang: Lang) {
    let _ = writeln!(out, "{}", messages::rates_uncounted().get(lang));
    for rate in &r.rates {
        let name = terminal_safe(rate.name.get(lang));
        let line = match rate.uncounted_count() {
            0 => messages::rate_uncounted_none(&name),
            n => messages::rate_uncounted_count(&name, n),
        };
        let _ = writeln!(out, "  {}", line.get(lang));
        for u in &rate.uncounted {
            let _ = writeln!(out, "    {}", terminal_safe(&uncounted_line(u, lang)));
        }
    }
}

/// What a rate leaves out of its numerator, on one line, as the dossier prints it under the
/// rates: `标准实施率未计入（2）：107-01 标志标识设置规范；303-02 值班管理规范`, or `…：无`.
pub fn uncounted_summary(rate: &Rate) -> String {
    let n = rate.uncounted_count();
    if n == 0 {
        return messages::uncounted_summary_none(&rate.name).zh;
    }
    // A survey without its place: the volume names surveys by method and dates.
    let items: Vec<String> = rate
        .uncounted
        .iter()
        .map(|u| match u.responses {
            Some(n) => messages::uncounted_survey_short(&u.name, n).zh,
            // A member centre by its name when it has one (its path otherwise).
            None if rate.key == crate::rates::RateKey::MemberAcceptance && !u.name.is_empty() => {
                u.name.clone()
            }
            None => uncounted_line(u, Lang::Zh),
        })
        .collect();
    let items = items.join(messages::punct(Lang::Zh).semi);
    messages::uncounted_summary(&rate.name, n, &items).zh
}

/// One uncounted entry in words: `201-07 限时办结制`, `GW21 帮办代办员`, a member's path and
/// name, or a survey (with its place) and its unsatisfied responses.
pub fn uncounted_line(u: &Uncounted, lang: Lang) -> String {
    match u.responses {
        Some(n) => messages::uncounted_survey(&u.name, &u.id, n)
            .get(lang)
            .to_owned(),
        None if u.name.is_empty() => u.id.clone(),
        None => format!("{} {}", u.id, u.name),
    }
}
