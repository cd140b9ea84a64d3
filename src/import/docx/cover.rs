//! The cover of a Word standard (封面): the standard number, the title, the 发布 and 实施
//! dates and the stage (征求意见稿, 送审稿, 报批稿). Pure functions over paragraph texts.

use crate::model::{Date, StdCode};

/// What the cover says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cover {
    /// The number as printed (`Q/AQZW 20103—2014`) and parsed.
    pub code: Option<(String, StdCode)>,
    pub title: Option<String>,
    pub published: Option<Date>,
    pub effective: Option<Date>,
    pub stage: Option<Stage>,
    /// The codes after 代替 (`代替 Q/AQZW 20103—2012`).
    pub replaces: Vec<StdCode>,
}

/// A draft's stage, as printed on its cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// 征求意见稿
    Consultation,
    /// 送审稿, 报批稿
    Review,
}

/// One cover line: its text and whether its style names it the title.
pub struct Line<'a> {
    pub text: &'a str,
    pub titled: bool,
}

/// Reads the cover from its lines, in order.
pub fn read(lines: &[Line<'_>]) -> Cover {
    let mut cover = Cover::default();
    let mut title_at = None;
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        // `Q/AQZW 20103—2014 代替 Q/AQZW 20103—2012`: the code is before 代替.
        let (before, replaced) = text.split_once("代替").unwrap_or((text, ""));
        for part in replaced.split(['、', '，', ',', '；', ';']) {
            if let Some((_, code)) =
                code_in(part.trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '（' | '）' | '(' | ')')
                }))
                && !cover.replaces.contains(&code)
            {
                cover.replaces.push(code);
            }
        }
        if cover.code.is_none()
            && let Some(found) = code_in(before)
        {
            cover.code = Some(found);
            continue;
        }
        if text.contains("征求意见稿") {
            cover.stage = Some(Stage::Consultation);
        } else if text.contains("送审稿") || text.contains("报批稿") {
            cover.stage.get_or_insert(Stage::Review);
        }
        let (published, effective) = dates_in(text);
        if published.is_some() || effective.is_some() {
            cover.published = cover.published.or(published);
            cover.effective = cover.effective.or(effective);
            continue;
        }
        if line.titled && title_at.is_none() {
            title_at = Some(i);
        }
    }
    let title = title_at.map(|i| lines[i].text).or_else(|| {
        // The first line after the number that is not an issuer, a date, a stage or a
        // classification line.
        let after = lines
            .iter()
            .position(|l| code_in(l.text.trim()).is_some())
            .map_or(0, |i| i + 1);
        lines[after..]
            .iter()
            .map(|l| l.text.trim())
            .find(|t| is_title_like(t))
    });
    cover.title = title.map(|t| collapse(t.trim()));
    cover
}

fn is_title_like(t: &str) -> bool {
    !t.is_empty()
        && !t.ends_with("标准")
        && !t.ends_with("发布")
        && !t.contains("意见稿")
        && !t.contains("送审稿")
        && !t.contains("报批稿")
        && !t.contains("代替")
        && !t.starts_with("ICS")
        && !t.starts_with("CCS")
        && !t.starts_with("备案号")
        && !t.is_ascii()
        && code_in(t).is_none()
        && dates_in(t) == (None, None)
}

/// Spaces inside a title collapsed to one (`服务  规范` → `服务 规范`).
fn collapse(t: &str) -> String {
    t.split(|c: char| c.is_whitespace())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first standard number in a line: one to three whitespace-separated words that parse.
fn code_in(text: &str) -> Option<(String, StdCode)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for i in 0..words.len() {
        if !words[i]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
        {
            continue;
        }
        for n in (1..=3).rev() {
            if i + n > words.len() {
                continue;
            }
            let cand = words[i..i + n].join(" ");
            if let Ok((code, _)) = StdCode::parse(&cand) {
                return Some((cand, code));
            }
        }
    }
    None
}

/// The dates followed by 发布 and by 实施 in a line (`2014-03-25 发布  2014-04-01 实施`,
/// `2014年3月25日发布`, `2014.3.25 发布`).
pub fn dates_in(text: &str) -> (Option<Date>, Option<Date>) {
    let chars: Vec<char> = text.chars().collect();
    let (mut published, mut effective) = (None, None);
    let mut i = 0;
    while i < chars.len() {
        if let Some((date, end)) = date_at(&chars, i) {
            let rest: String = chars[end..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take(2)
                .collect();
            match rest.as_str() {
                "发布" => published = published.or(Some(date)),
                "实施" => effective = effective.or(Some(date)),
                _ => {}
            }
            i = end;
        } else {
            i += 1;
        }
    }
    (published, effective)
}

/// A date starting at `i`: year, month, day separated by `-`, `.`, `/` or 年/月(/日).
fn date_at(chars: &[char], i: usize) -> Option<(Date, usize)> {
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let mut at = i;
    let mut parts = [0i32; 3];
    for (k, part) in parts.iter_mut().enumerate() {
        let from = at;
        while at < chars.len() && chars[at].is_ascii_digit() && at - from < 4 {
            at += 1;
        }
        let digits: String = chars[from..at].iter().collect();
        if digits.is_empty() || (k == 0 && digits.len() != 4) || (k > 0 && digits.len() > 2) {
            return None;
        }
        *part = digits.parse().ok()?;
        let sep = chars.get(at).copied();
        match (k, sep) {
            (0, Some('-' | '.' | '/' | '年')) | (1, Some('-' | '.' | '/' | '月')) => at += 1,
            (2, Some('日')) => at += 1,
            (2, _) => {}
            _ => return None,
        }
    }
    let date = Date::new(
        i16::try_from(parts[0]).ok()?,
        i8::try_from(parts[1]).ok()?,
        i8::try_from(parts[2]).ok()?,
    )
    .ok()?;
    Some((date, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines<'a>(texts: &[&'a str]) -> Vec<Line<'a>> {
        texts
            .iter()
            .map(|t| Line {
                text: t,
                titled: false,
            })
            .collect()
    }

    #[test]
    fn reads_a_printed_cover() {
        let c = read(&lines(&[
            "ICS 03.080",
            "Q/AQZW",
            "安庆市政务服务中心标准",
            "Q/AQZW 20103—2014",
            "一次性告知制",
            "2014-03-25 发布    2014-04-01 实施",
            "安庆市政务服务中心  发布",
        ]));
        let (written, code) = c.code.unwrap();
        assert_eq!(written, "Q/AQZW 20103—2014");
        assert_eq!(code.to_string(), "Q/AQZW 20103-2014");
        assert_eq!(c.title.as_deref(), Some("一次性告知制"));
        assert_eq!(c.published, Some("2014-03-25".parse().unwrap()));
        assert_eq!(c.effective, Some("2014-04-01".parse().unwrap()));
        assert_eq!(c.stage, None);
    }

    #[test]
    fn dates_in_chinese_and_dotted_forms_and_the_stage() {
        let c = read(&lines(&[
            "Q/AQZW 30102-2014",
            "（征求意见稿）",
            "窗口 建设  规范",
            "2014年3月1日发布",
            "2014.4.1 实施",
        ]));
        assert_eq!(c.title.as_deref(), Some("窗口 建设 规范"));
        assert_eq!(c.published, Some("2014-03-01".parse().unwrap()));
        assert_eq!(c.effective, Some("2014-04-01".parse().unwrap()));
        assert_eq!(c.stage, Some(Stage::Consultation));
        assert_eq!(dates_in("2014-13-01 发布"), (None, None));
        assert_eq!(dates_in("12014-01-01 发布"), (None, None));
    }

    #[test]
    fn a_title_style_wins_and_a_replaced_code_is_not_the_code() {
        let mut ls = lines(&[
            "代替 Q/AQZW 20103-2012",
            "Q/AQZW 20103-2014",
            "送审稿",
            "乙",
        ]);
        ls.push(Line {
            text: "首问负责制",
            titled: true,
        });
        let c = read(&ls);
        assert_eq!(c.code.unwrap().1.to_string(), "Q/AQZW 20103-2014");
        assert_eq!(c.title.as_deref(), Some("首问负责制"));
        assert_eq!(c.stage, Some(Stage::Review));
    }
}
