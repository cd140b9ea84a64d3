//! The cover of the volume.

use super::*;
use crate::dossier::model::Dossier;

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
