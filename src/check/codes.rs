//! Standard numbers and what hangs on them: presence, fit to the level, prefix, year,
//! duplicates, origin, dates, `replaces` and `references`.

use std::collections::HashMap;

use crate::finding::{Code, Finding, Msg};
use crate::model::{CodeKind, CodeRef, Date, Level, Origin, Repository, Standard, Status, StdCode};

pub fn check(repo: &Repository, as_of: Date, out: &mut Vec<Finding>) {
    let prefix = repo.manifest.internal_prefix.as_deref();
    let mut by_code: HashMap<&StdCode, &Standard> = HashMap::new();
    for s in &repo.standards {
        own_code(s, prefix, as_of, out);
        origin(s, out);
        dates(s, out);
        if let Some(c) = &s.code {
            match by_code.get(&c.code) {
                Some(first) => out.push(
                    Finding::new(
                        Code::CodeDuplicate,
                        s.location(c.pos),
                        Msg::new(
                            format!("标准编号 `{}` 重复", c.code),
                            format!("standard number `{}` is used twice", c.code),
                        ),
                    )
                    .related(
                        first.location(first.code.as_ref().map_or(first.head, |c| c.pos)),
                        Msg::new("首次使用于此", "first used here"),
                    ),
                ),
                None => {
                    by_code.insert(&c.code, s);
                }
            }
        }
    }
    for s in &repo.standards {
        for r in &s.replaces {
            future_year(s, r, "replaces", as_of, out);
            if let Some(old) = by_code.get(&r.code)
                && old.status() != Some(Status::Superseded)
            {
                let status = old.status().map_or("?", |st| st.as_str());
                out.push(
                    Finding::new(
                        Code::ReplacesInForce,
                        s.location(r.pos),
                        Msg::new(
                            format!("被代替的标准 `{}` 在体系内，状态应为 `superseded`（被代替），实为 `{status}`", r.code),
                            format!("replaced standard `{}` is in the system with status `{status}`, not `superseded`", r.code),
                        ),
                    )
                    .related(old.location(old.status.as_ref().map_or(old.head, |st| st.pos)), Msg::new("其状态在此", "its status is here")),
                );
            }
        }
        for r in &s.references {
            future_year(s, r, "references", as_of, out);
            match by_code.get(&r.code) {
                Some(target) if target.status().is_some_and(Status::retired) => {
                    let status = target.status().map_or("", |st| st.zh());
                    let mut f = Finding::new(
                        Code::RefDead,
                        s.location(r.pos),
                        Msg::new(
                            format!("引用的标准 `{}` 已{status}", r.code),
                            format!(
                                "reference `{}` names a {} standard",
                                r.code,
                                target.status().map_or("", |st| st.as_str())
                            ),
                        ),
                    )
                    .related(
                        target.location(target.head),
                        Msg::new("该标准在此", "that standard is here"),
                    );
                    if let Some(new) = repo
                        .standards
                        .iter()
                        .find(|n| n.replaces.iter().any(|x| x.code == r.code) && n.code.is_some())
                    {
                        let code = &new
                            .code
                            .as_ref()
                            .map(|c| c.code.to_string())
                            .unwrap_or_default();
                        f = f.help(Msg::new(
                            format!("改为引用 `{code}`"),
                            format!("reference `{code}` instead"),
                        ));
                    }
                    out.push(f);
                }
                Some(_) => {}
                None => out.push(Finding::new(
                    Code::RefExternal,
                    s.location(r.pos),
                    Msg::new(
                        format!("引用的标准 `{}` 不在标准体系内", r.code),
                        format!("reference `{}` is not in the standard system", r.code),
                    ),
                )),
            }
        }
    }
}

fn own_code(s: &Standard, prefix: Option<&str>, as_of: Date, out: &mut Vec<Finding>) {
    let status = s.status();
    let Some(c) = &s.code else {
        if let Some(st) = status
            && st.needs_code()
            && !s.code_invalid
        {
            let pos = s.status.as_ref().map_or(s.head, |x| x.pos);
            out.push(Finding::new(
                Code::CodeMissing,
                s.location(pos),
                Msg::new(
                    format!("状态为“{}”的标准应有标准编号 `code`", st.zh()),
                    format!("a standard with status `{st}` needs a `code`"),
                ),
            ));
        }
        return;
    };
    if let Some(level) = &s.level {
        let kind = c.code.kind();
        if level.value == Level::Internal {
            if let Some(prefix) = prefix
                && !same_prefix(c.code.prefix(), prefix)
            {
                out.push(
                    Finding::new(
                        Code::CodePrefix,
                        s.location(c.pos),
                        Msg::new(
                            format!("中心标准的编号 `{}` 应以本中心代号 `{prefix}` 开头", c.written),
                            format!("internal standard `{}` must be numbered with the prefix `{prefix}`", c.written),
                        ),
                    )
                    .related(s.location(level.pos), Msg::new("级别在此声明", "level declared here")),
                );
            }
        } else if kind != expected_kind(level.value) {
            out.push(
                Finding::new(
                    Code::CodeFormat,
                    s.location(c.pos),
                    Msg::new(
                        format!(
                            "标准编号 `{}` 是{}的编号，与级别“{}”不符",
                            c.written,
                            kind_zh(kind),
                            level.value.zh()
                        ),
                        format!(
                            "standard number `{}` is a {} number, which does not fit level `{}`",
                            c.written,
                            kind_en(kind),
                            level.value
                        ),
                    ),
                )
                .related(
                    s.location(level.pos),
                    Msg::new("级别在此声明", "level declared here"),
                ),
            );
        }
    }
    future_year(s, c, "code", as_of, out);
    if let Some(published) = &s.published
        && i32::from(published.value.year()) != i32::from(c.code.year())
    {
        out.push(
            Finding::new(
                Code::CodeYear,
                s.location(c.pos),
                Msg::new(
                    format!(
                        "标准编号 `{}` 的年代号 {} 与发布日期 {} 的年份不符",
                        c.written,
                        c.code.year(),
                        published.value
                    ),
                    format!(
                        "the year {} of `{}` differs from `published` {}",
                        c.code.year(),
                        c.written,
                        published.value
                    ),
                ),
            )
            .related(
                s.location(published.pos),
                Msg::new("发布日期在此", "published here"),
            ),
        );
    }
}

/// A year later than the year after `as_of` is impossible.
fn future_year(s: &Standard, c: &CodeRef, key: &str, as_of: Date, out: &mut Vec<Finding>) {
    let limit = i32::from(as_of.year()) + 1;
    if i32::from(c.code.year()) > limit {
        out.push(Finding::new(
            Code::CodeFormat,
            s.location(c.pos),
            Msg::new(
                format!(
                    "`{key}` 中标准编号 `{}` 的年代号 {} 晚于 {limit} 年，不可能存在",
                    c.written,
                    c.code.year()
                ),
                format!(
                    "standard number `{}` in `{key}` has year {}, after {limit}: impossible",
                    c.written,
                    c.code.year()
                ),
            ),
        ));
    }
}

fn same_prefix(code_prefix: &str, internal: &str) -> bool {
    let norm = |p: &str| {
        p.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase()
    };
    norm(code_prefix) == norm(internal)
}

fn expected_kind(level: Level) -> CodeKind {
    match level {
        Level::National => CodeKind::National,
        Level::Industry => CodeKind::Industry,
        Level::Local => CodeKind::Local,
        Level::Group => CodeKind::Group,
        Level::Internal => CodeKind::Enterprise,
    }
}

fn kind_zh(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::National => "国家标准",
        CodeKind::Industry => "行业标准",
        CodeKind::Local => "地方标准",
        CodeKind::Group => "团体标准",
        CodeKind::Enterprise => "企业（组织）标准",
    }
}

fn kind_en(kind: CodeKind) -> &'static str {
    match kind {
        CodeKind::National => "national",
        CodeKind::Industry => "industry",
        CodeKind::Local => "local",
        CodeKind::Group => "group",
        CodeKind::Enterprise => "enterprise",
    }
}

fn origin(s: &Standard, out: &mut Vec<Finding>) {
    let (Some(level), Some(origin)) = (&s.level, &s.origin) else {
        return;
    };
    let external = level.value != Level::Internal;
    let adopted = origin.value == Origin::Adopted;
    if external != adopted {
        let (zh, en) = if external {
            (
                format!(
                    "{}的来源应为 `adopted`（采标），实为 `{}`",
                    level.value.zh(),
                    origin.value
                ),
                format!(
                    "a {} standard must have origin `adopted`, not `{}`",
                    level.value, origin.value
                ),
            )
        } else {
            (
                "中心标准的来源应为 `formulated`（制标）或 `supplemented`（补标），不能是 `adopted`".to_owned(),
                "an internal standard cannot be `adopted`: use `formulated` or `supplemented`".to_owned(),
            )
        };
        out.push(
            Finding::new(Code::OriginLevel, s.location(origin.pos), Msg::new(zh, en)).related(
                s.location(level.pos),
                Msg::new("级别在此声明", "level declared here"),
            ),
        );
    }
}

fn dates(s: &Standard, out: &mut Vec<Finding>) {
    if let (Some(p), Some(e)) = (&s.published, &s.effective)
        && e.value < p.value
    {
        out.push(
            Finding::new(
                Code::DateOrder,
                s.location(e.pos),
                Msg::new(
                    format!("实施日期 {} 早于发布日期 {}", e.value, p.value),
                    format!("`effective` {} is before `published` {}", e.value, p.value),
                ),
            )
            .related(
                s.location(p.pos),
                Msg::new("发布日期在此", "published here"),
            ),
        );
    }
}
