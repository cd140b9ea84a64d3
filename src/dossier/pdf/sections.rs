//! The writer of the Typst source: its primitives (lines, headings, notes) and one method
//! per section of the volume.

#[allow(unused_imports, reason = "the module shares the parent's imports")]
use super::*;
use crate::dossier::view;

/// Appends the Typst source of the volume to `out`, marking in `origins` where each stretch
/// of it comes from.
pub(super) struct Writer<'a> {
    pub(super) out: &'a mut String,
    pub(super) origins: &'a mut Origins,
}

impl Writer<'_> {
    pub(super) fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(super) fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    pub(super) fn heading(&mut self, level: usize, text: &str, outlined: bool) {
        let _ = writeln!(
            self.out,
            "\n#heading(level: {level}, outlined: {outlined}, bookmarked: true){}\n",
            content(text)
        );
    }

    pub(super) fn note(&mut self, text: &str) {
        let _ = writeln!(self.out, "#note{}", content(text));
    }

    pub(super) fn empty(&mut self) {
        self.line("#empty");
    }

    pub(super) fn section(&mut self, d: &Dossier, section: &Section) {
        let heading = section.heading().unwrap_or_default();
        match section {
            Section::Cover => self.cover(d),
            Section::Contents => {
                self.heading(1, &heading, false);
                self.line("#outline(title: none, depth: 2, indent: 2em)");
            }
            Section::Chapter { markdown, path, .. } => {
                self.heading(1, &heading, true);
                self.line("#[");
                self.line("#set text(font: fang, size: 16pt)");
                self.line("#show heading: set text(size: 16pt)");
                self.line("#set par(leading: 0.8em, spacing: 0.8em)");
                markdown_to_typst(
                    self.out,
                    self.origins,
                    markdown,
                    2,
                    MdFile { path, line: 1 },
                );
                self.line("]");
            }
            Section::SystemTable(t) => self.system_table(&heading, t),
            Section::Rates { center, members } => {
                self.heading(1, &heading, true);
                self.rates(center, members);
            }
            Section::Tasks(groups) => {
                self.heading(1, &heading, true);
                self.tasks(groups);
            }
            Section::Standards(texts) => {
                self.heading(1, &heading, true);
                self.standards(texts, &d.body_lines);
            }
            Section::Inspections(list) => {
                self.heading(1, &heading, true);
                self.inspections(list);
            }
            Section::Trainings(list) => {
                self.heading(1, &heading, true);
                self.trainings(list);
            }
            Section::Surveys(list) => {
                self.heading(1, &heading, true);
                self.surveys(list);
            }
            Section::Audits(list) => {
                self.heading(1, &heading, true);
                self.audits(list, &d.body_lines);
            }
            Section::History(list) => {
                self.heading(1, &heading, true);
                self.history(list, d);
            }
        }
    }

    pub(super) fn cover(&mut self, d: &Dossier) {
        self.line("#page(header: none, footer: none)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set align(center)");
        self.line("#v(3fr)");
        let cover = view::cover(d);
        let lines: Vec<String> = cover.title.iter().map(|l| content(l)).collect();
        let _ = writeln!(self.out, "#cover-title(({},))", lines.join(", "));
        if let Some(mark) = cover.draft {
            self.line("#v(1.5em)");
            let _ = writeln!(
                self.out,
                "#text(font: hei, size: 16pt, fill: rgb(\"#b71c1c\")){}",
                content(mark)
            );
        }
        self.line("#v(5fr)");
        let _ = writeln!(
            self.out,
            "#text(font: hei, size: 16pt){}",
            content(&cover.center)
        );
        self.line("#v(0.6em)");
        let _ = writeln!(
            self.out,
            "#text(font: fang, size: 16pt){}",
            content(&cover.date)
        );
        self.line("#v(1.2em)");
        let _ = writeln!(
            self.out,
            "#text(size: 9pt, fill: luma(80))[{}]",
            escape_solid(&cover.source)
        );
        self.line("#v(1fr)");
        self.line("]");
        // Numbering starts after the cover.
        self.line("#counter(page).update(1)");
    }

    pub(super) fn system_table(&mut self, heading: &str, t: &SystemTable) {
        // The structure diagram, on a landscape page of its own (pages, if it spills) that
        // also takes the section's heading: a page of only a heading would be left behind
        // otherwise.
        self.line(&format!(
            "#page(flipped: true, margin: {})[",
            diagram::PAGE_MARGIN
        ));
        self.heading(1, heading, true);
        self.heading(2, "标准体系结构图", true);
        if t.tree.is_empty() {
            self.empty();
        } else {
            self.push(&diagram::structure(t));
        }
        self.line("]");

        // The detail table, on landscape pages turned with their top to the binding edge:
        // the portrait margins turn with them.
        self.line(
            "#page(flipped: true, margin: (top: 28mm, bottom: 26mm, left: 35mm, right: 37mm))[",
        );
        self.heading(2, view::DETAIL, true);
        self.view_table(&view::detail(t));
        self.line("]");

        self.heading(2, view::STATS, true);
        if t.stats.is_empty() {
            self.empty();
            return;
        }
        self.view_table(&view::stats(t));
        self.note(view::STATS_NOTE);
    }

    pub(super) fn rates(&mut self, center: &CenterRates, members: &[MemberRates]) {
        if let Some(meta) = view::rates_meta(center) {
            let _ = writeln!(self.out, "#meta{}", content(&meta));
        }
        self.heading(2, view::RATES, true);
        if center.rates.is_empty() {
            self.empty();
        } else {
            self.view_table(&view::rates(center));
            let _ = writeln!(self.out, "#meta[#strong{}]", content(view::verdict(center)));
            self.uncounted(center);
            self.bar_chart(&center.rates);
        }
        if !members.is_empty() {
            self.heading(2, view::MEMBERS, true);
            self.view_table(&view::members(members));
        }
    }

    /// Under the rates, what each leaves out of its numerator.
    pub(super) fn uncounted(&mut self, center: &CenterRates) {
        let mut text = view::UNCOUNTED.to_owned();
        for line in view::uncounted(center) {
            text.push('\n');
            text.push_str(&line);
        }
        // A note, not justified: the lines mix CJK, Latin and digits.
        let _ = writeln!(
            self.out,
            "#block(above: 0.8em, below: 0.8em, par(first-line-indent: 0pt, justify: false, text(size: 10.5pt, fill: luma(60), {})))",
            lines(&text)
        );
    }

    pub(super) fn bar_chart(&mut self, rates: &[Rate]) {
        let shown: Vec<&Rate> = rates
            .iter()
            .filter(|r| r.value().is_some() || r.target.is_some())
            .collect();
        if shown.is_empty() {
            return;
        }
        self.heading(2, "指标与目标值对比图", true);
        self.line("#block(breakable: false, width: 100%)[");
        self.line("#set par(first-line-indent: 0pt, justify: false)");
        self.line("#set text(size: 10.5pt)");
        self.line("#grid(columns: (auto, 1fr, auto), column-gutter: 8pt, row-gutter: 10pt, align: (right + horizon, left + horizon, left + horizon),");
        for r in shown {
            let fill = match r.pass() {
                Some(true) => "rgb(\"#2e7d32\")",
                Some(false) => "rgb(\"#e65100\")",
                None => "luma(140)",
            };
            let label = view::value_and_target(r);
            let _ = writeln!(
                self.out,
                "  {}, bar({}, {}, {fill}), {},",
                content(&r.name.zh),
                r.value().map_or("none".to_owned(), ratio),
                r.target.map_or("none".to_owned(), ratio),
                content(&label)
            );
        }
        // The scale.
        self.line("  [], box(width: 100%, height: 1em, {");
        for p in [0, 25, 50, 75, 100] {
            let dx = format!("{p}% - 1em");
            let _ = writeln!(
                self.out,
                "    place(dx: {dx}, box(width: 2em, align(center, text(size: 8pt)[{p}\\%])))"
            );
        }
        self.line("  }), [],");
        self.line(")");
        self.line("#v(0.5em)");
        self.line("#align(center, text(size: 9pt)[#box(width: 1.2em, height: 0.7em, fill: rgb(\"#2e7d32\")) 达标 #h(1em) #box(width: 1.2em, height: 0.7em, fill: rgb(\"#e65100\")) 未达标 #h(1em) #box(width: 1.2em, height: 0.7em, fill: luma(140)) 无目标值 #h(1em) #box(width: 1.5pt, height: 1em, fill: rgb(\"#b71c1c\")) 目标值])");
        self.line("]");
    }

    pub(super) fn tasks(&mut self, groups: &[(Option<String>, Vec<Task>)]) {
        if groups.iter().all(|(_, t)| t.is_empty()) {
            self.note(view::NO_TASKS);
            return;
        }
        for (unit, tasks) in groups {
            self.heading(
                2,
                &view::task_group_heading(unit.as_deref(), tasks.len()),
                false,
            );
            self.view_table(&view::tasks(tasks));
        }
    }

    pub(super) fn standards(&mut self, texts: &[StandardText], lines: &BTreeMap<String, u32>) {
        if texts.is_empty() {
            self.empty();
            return;
        }
        for (i, s) in texts.iter().enumerate() {
            let head = view::standard_head(s);
            // The mark of a draft or a trial goes into the header of the standard's pages:
            // set before the page break, so that the new page's header already has it.
            let _ = writeln!(
                self.out,
                "#stage.update({})",
                head.mark.map_or("none".to_owned(), str_lit)
            );
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            let _ = writeln!(
                self.out,
                "#align(right, text(font: hei, size: 12pt){})",
                content(&head.top)
            );
            self.line("#v(0.5em)");
            self.line("#[");
            self.line("#show heading: set align(center)");
            self.heading(2, &head.title, true);
            self.line("]");
            if let Some(mark) = head.mark {
                let _ = writeln!(
                    self.out,
                    "#align(center, text(font: hei, size: 14pt){})",
                    content(&format!("（{mark}）"))
                );
            }
            if let Some(dates) = &head.dates {
                let _ = writeln!(
                    self.out,
                    "#align(center, text(size: 10.5pt){})",
                    content(dates)
                );
            }
            self.line("#line(length: 100%, stroke: 0.8pt)");
            self.line("#[");
            self.line("#set text(font: song, size: 12pt)");
            let file = MdFile {
                path: &s.path,
                line: lines.get(&s.path).copied().unwrap_or(1),
            };
            markdown_to_typst(self.out, self.origins, &s.markdown, 3, file);
            self.line("]");
        }
        self.line("#stage.update(none)");
    }

    pub(super) fn inspections(&mut self, list: &[Inspection]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let (table, note) = view::inspections(list);
        self.view_table(&table);
        self.note(&note);
    }

    pub(super) fn trainings(&mut self, list: &[Training]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        let (table, note) = view::trainings(list);
        self.view_table(&table);
        self.note(&note);
    }

    pub(super) fn surveys(&mut self, list: &[Survey]) {
        if list.is_empty() {
            self.empty();
            return;
        }
        self.view_table(&view::surveys(list));
    }

    pub(super) fn audits(&mut self, list: &[(Audit, String)], lines: &BTreeMap<String, u32>) {
        if list.is_empty() {
            self.empty();
            return;
        }
        for (i, (a, body)) in list.iter().enumerate() {
            if i > 0 {
                self.line("#pagebreak(weak: true)");
            }
            self.heading(2, &a.title, true);
            let meta = view::audit_meta(a);
            let _ = writeln!(self.out, "#meta{}", content(&meta));
            self.line("#[");
            self.line("#set text(font: fang, size: 16pt)");
            self.line("#show heading: set text(size: 16pt)");
            self.line("#set par(leading: 0.8em, spacing: 0.8em)");
            let file = MdFile {
                path: &a.path,
                line: lines.get(&a.path).copied().unwrap_or(1),
            };
            markdown_to_typst(self.out, self.origins, body, 3, file);
            self.line("]");
        }
    }

    pub(super) fn history(&mut self, list: &[StandardHistory], d: &Dossier) {
        match view::history(list, d) {
            Ok(table) => self.view_table(&table),
            Err(sentence) => self.note(&sentence),
        }
    }
}
