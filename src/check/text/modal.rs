//! The modal verbs (`text/modal`): 必须, 不得 and 禁止 anywhere but in code and HTML comments.

use super::TextRule;
use super::sink::Sink;

/// Modal verbs not used in standards, with what to write instead.
pub(super) const MODALS: [(&str, &str); 3] = [("必须", "应"), ("不得", "不应"), ("禁止", "不应")];

impl Sink<'_> {
    /// Reports each modal verb in `s`, which starts at byte `base` of the text.
    pub(super) fn modal(&mut self, base: usize, s: &str) {
        if !self.has_modal {
            return;
        }
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // All three words start with a three-byte UTF-8 sequence.
            if b[i] & 0xF0 == 0xE0
                && let Some(&(word, instead)) = MODALS
                    .iter()
                    .find(|(w, _)| b[i..].starts_with(w.as_bytes()))
            {
                self.push(
                    TextRule::Modal,
                    base + i,
                    crate::messages::text_modal(word, instead),
                );
                i += word.len();
                continue;
            }
            i += 1;
        }
    }

    /// Lints a line of an HTML block, skipping comments (which may span lines).
    pub(super) fn html(&mut self, base: usize, s: &str, in_comment: &mut bool) {
        let mut pos = 0;
        while pos < s.len() {
            if *in_comment {
                match s[pos..].find("-->") {
                    Some(e) => {
                        pos += e + 3;
                        *in_comment = false;
                    }
                    None => return,
                }
            } else {
                let end = s[pos..].find("<!--").map_or(s.len(), |e| pos + e);
                self.modal(base + pos, &s[pos..end]);
                pos = end + 4;
                *in_comment = end < s.len();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::text::TextRule;
    use crate::check::text::lint;
    use crate::check::text::tests::with_body;

    #[test]
    fn modal_verbs() {
        let text = with_body(
            "\n工作人员必须佩戴工作牌，不得擅离岗位。\n\n- 禁止吸烟\n\n| 项目 | 要求 |\n| --- | --- |\n| 着装 | 必须统一 |\n",
        );
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.rule, i.line, i.column, i.message.zh, i.message.en))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    TextRule::Modal,
                    9,
                    5,
                    "标准条文中使用了“必须”，应改用“应”".to_owned(),
                    "`必须` is not used in standards; write `应`".to_owned()
                ),
                (
                    TextRule::Modal,
                    9,
                    13,
                    "标准条文中使用了“不得”，应改用“不应”".to_owned(),
                    "`不得` is not used in standards; write `不应`".to_owned()
                ),
                (
                    TextRule::Modal,
                    11,
                    3,
                    "标准条文中使用了“禁止”，应改用“不应”".to_owned(),
                    "`禁止` is not used in standards; write `不应`".to_owned()
                ),
                (
                    TextRule::Modal,
                    15,
                    8,
                    "标准条文中使用了“必须”，应改用“应”".to_owned(),
                    "`必须` is not used in standards; write `应`".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn modal_in_heading_and_with_inline_markup() {
        let text =
            with_body("## 4 必须事项\n### 4.1 甲\n### 4.2 乙\n\n**注意**：不得`必须`，*禁止*。\n");
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.line, i.column))
            .collect();
        assert_eq!(got, vec![(8, 6), (12, 8), (12, 16)]);
    }

    #[test]
    fn code_is_not_flagged() {
        let text = with_body(
            "\n引用 `必须` 一词。\n\n```text\n必须 不得 禁止\n```\n\n<!-- 禁止\n必须 -->\n\n内联<!-- 必须 -->注释。\n",
        );
        assert_eq!(lint(&text), vec![]);
    }

    #[test]
    fn indented_paragraph_is_linted() {
        let text = with_body("\n    工作人员必须佩戴工作牌。\n");
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.line, i.column))
            .collect();
        assert_eq!(got, vec![(9, 9)]);
    }

    #[test]
    fn html_text_outside_comments_is_flagged() {
        let text = with_body("\n<table><tr><td><!-- 注 -->必须</td></tr></table>\n");
        let got: Vec<_> = lint(&text)
            .into_iter()
            .map(|i| (i.line, i.column))
            .collect();
        assert_eq!(got, vec![(9, 26)]);
    }
}
