//! `stdkit.toml` → `Manifest`.

use super::fields::{self, Fields};
use super::source::Source;
use crate::finding::Finding;
use crate::model::{At, CenterLevel, Manifest, Period, Targets};

pub fn manifest(src: &Source<'_>, findings: &mut Vec<Finding>) -> Manifest {
    let mut m = Manifest {
        seq_width: 2,
        ..Manifest::default()
    };
    let Some(doc) = fields::parse(src, src.text, 0, findings) else {
        return m;
    };
    m.parsed = true;
    let mut root = Fields::new(
        src,
        0,
        doc.get_ref(),
        doc.span(),
        *crate::schema::keys::ROOT,
        "",
        findings,
    );

    match root.table("center") {
        Some((t, span)) => {
            let mut f = Fields::new(
                src,
                0,
                t,
                span,
                *crate::schema::keys::CENTER,
                "center",
                root.findings,
            );
            m.center = f.req_string("name").map(|s| s.value);
            if let Some(level) =
                f.choice("level", false, CenterLevel::parse, CenterLevel::spellings)
            {
                m.level = level.value;
            }
            f.finish();
        }
        None => root.missing("center"),
    }
    match root.table("numbering") {
        Some((t, span)) => {
            let mut f = Fields::new(
                src,
                0,
                t,
                span,
                *crate::schema::keys::NUMBERING,
                "numbering",
                root.findings,
            );
            m.internal_prefix = f.req_string("internal-prefix").map(|s| s.value);
            if let Some(w) = f.uint("seq-width", false) {
                m.seq_width = w.value.clamp(1, 9) as u8;
            }
            f.finish();
        }
        None => root.missing("numbering"),
    }
    if let Some((t, span)) = root.table("targets") {
        let mut f = Fields::new(
            src,
            0,
            t,
            span,
            *crate::schema::keys::TARGET,
            "targets",
            root.findings,
        );
        let mut targets = Targets::default();
        for (key, slot) in [
            ("coverage", &mut targets.coverage),
            ("implementation", &mut targets.implementation),
            ("training", &mut targets.training),
            ("satisfaction", &mut targets.satisfaction),
            ("member-acceptance", &mut targets.member_acceptance),
        ] {
            if let Some(v) = f.float(key) {
                *slot = v.value;
            }
        }
        m.targets = targets;
        f.finish();
    }
    if let Some((t, span)) = root.table("period") {
        let mut f = Fields::new(
            src,
            0,
            t,
            span,
            *crate::schema::keys::PERIOD,
            "period",
            root.findings,
        );
        let from = f.req_date("from");
        let to = f.req_date("to");
        if let (Some(from), Some(to)) = (from, to) {
            m.period = Some(Period {
                from: from.value,
                to: to.value,
            });
        }
        f.finish();
    }
    if let Some((t, span)) = root.table("dossier") {
        let mut f = Fields::new(
            src,
            0,
            t,
            span,
            *crate::schema::keys::DOSSIER,
            "dossier",
            root.findings,
        );
        m.dossier.title = f.string("title").map(|s| s.value);
        m.dossier.sections = f.strings("sections");
        m.dossier.fonts = f.strings("fonts").into_iter().map(|s| s.value).collect();
        m.dossier.changes_since = f.string("changes-since").map(|s| s.value);
        f.finish();
    }
    for (t, span) in root.tables("member") {
        let mut f = Fields::new(
            src,
            0,
            t,
            span,
            *crate::schema::keys::MEMBER,
            "member",
            root.findings,
        );
        if let Some(path) = f.req_string("path") {
            m.members.push(At::new(path.value, path.pos));
        }
        f.finish();
    }
    root.finish();
    m
}
