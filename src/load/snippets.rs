//! The source lines findings point at, read again for the human report.

use std::path::Path;

use super::Input;
use crate::finding::Finding;

/// The source lines that findings point at, for the human report. Files that cannot be read
/// again simply have no snippet.
pub fn snippets(root: &Path, findings: &[Finding]) -> crate::finding::Snippets {
    let mut wanted: std::collections::BTreeMap<&str, std::collections::BTreeSet<u32>> =
        Default::default();
    for f in findings {
        wanted
            .entry(&f.location.path)
            .or_default()
            .insert(f.location.pos.line);
        for r in &f.related {
            wanted
                .entry(&r.location.path)
                .or_default()
                .insert(r.location.pos.line);
        }
    }
    let mut out = crate::finding::Snippets::new();
    let input = Input::new(root);
    for (path, lines) in wanted {
        let Ok(bytes) = input.read(path) else {
            continue;
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut found = std::collections::BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            let n = i as u32 + 1;
            if lines.contains(&n) {
                found.insert(n, line.trim_end_matches('\r').to_owned());
            }
        }
        out.insert(path.to_owned(), found);
    }
    out
}
