//! The words of the loader, of the cross-file rules and of the rates, in both languages: one
//! function per message, its Chinese and English templates side by side, so that a message is
//! written once and every rule that says the same thing says it in the same words.
//! This module only makes `Msg` values; which rule reports them, and where, is `load`'s and
//! `check`'s.
//!
//! Domain words (DOMAIN.md): 体系表编号 / system number, 标准编号 / standard number,
//! 类目 / category, 标准库 / repository, 汇编 / dossier, 中心标准 / internal standard.

use std::path::Path;

use crate::finding::{Lang, Msg};
use crate::model::code::CodeError;
use crate::model::{
    CodeKind, Date, Level, MANIFEST, MAX_COUNT, MAX_RESPONSES, Origin, Status, StdCode,
};

/// Declares one function per message: typed parameters, an optional block that derives the
/// values the templates need, then the Chinese and the English template.
macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        $name:ident($($arg:ident: $ty:ty),* $(,)?) $({ $($derive:tt)* })? => $zh:literal / $en:literal;
    )*) => {
        $(
            $(#[$doc])*
            pub fn $name($($arg: $ty),*) -> Msg {
                let data = vec![$(format!("{:?}", $arg)),*];
                $($($derive)*)?
                Msg::keyed(stringify!($name), data, format!($zh), format!($en))
            }
        )*
    };
}

// ---------------------------------------------------------------------------------------
// Notes beside a finding: the other place it points at.
// ---------------------------------------------------------------------------------------

messages! {
    /// The first use of a number, code or id that is used again.
    first_used_here() => "首次使用于此" / "first used here";
    /// Where a standard's `level` is written.
    level_declared_here() => "级别在此声明" / "level declared here";
    /// Where a standard's `published` is written.
    published_here() => "发布日期在此" / "published here";
    /// Where a replaced standard's `status` is written.
    its_status_here() => "其状态在此" / "its status is here";
    /// The standard a reference names.
    that_standard_here() => "该标准在此" / "that standard is here";
    /// Where an inspection's `date` is written.
    inspection_date_here() => "检查日期在此" / "inspection date here";
    /// Where a survey's `responses` is written.
    responses_here() => "答复数在此" / "responses here";
    /// Where a survey's `from` is written.
    from_here() => "开始日期在此" / "from here";
    /// The first definition of a TOML key defined twice.
    first_defined_here() => "首次定义在此" / "first defined here";
}

// ---------------------------------------------------------------------------------------
// Categories and system numbers (`category/*`, `number/*`, `file/name`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `category/missing-index`
    category_missing_index(dir: &str) =>
        "目录 `{dir}` 下有标准或子目录，但没有 `_index.md`" /
        "directory `{dir}` holds standards or subdirectories but has no `_index.md`";
    /// `category/missing-index`, the help
    category_missing_index_help() =>
        "新建 `_index.md`，元数据头写 `code` 和 `title`" /
        "add an `_index.md` with `code` and `title` in its front matter";
    /// `category/code`: not digits
    category_code_digits(code: &str) =>
        "类目代码 `{code}` 应只含数字" / "category code `{code}` must be digits";
    /// `category/code`: the directory name does not start with it
    category_code_dir(name: &str, code: &str) =>
        "目录名 `{name}` 应以类目代码 `{code}-` 开头" /
        "directory name `{name}` must start with the category code `{code}-`";
    /// `category/code`: it does not extend the parent's
    category_code_parent(code: &str, parent: &str) =>
        "类目代码 `{code}` 应以上级类目代码 `{parent}` 开头" /
        "category code `{code}` must extend its parent's code `{parent}`";
    /// `category/code`: used twice (worded as the other duplicates: “… 重复”)
    category_code_duplicate(code: &str) =>
        "类目代码 `{code}` 重复" / "category code `{code}` is used twice";
    /// `category/empty`
    category_empty(code: &str) =>
        "类目 `{code}` 下还没有标准" / "category `{code}` has no standard yet";
    /// `number/format`
    number_format(no: &str, width: usize, example: &str) =>
        "体系表编号 `{no}` 应为“类目代码-{width}位序号”，如 `{example}`" /
        "system number `{no}` must be `<category>-<seq>` with {width} digits, like `{example}`";
    /// `number/category`
    number_category(no: &str, category: &str) =>
        "体系表编号 `{no}` 的类目代码应为所在类目 `{category}`" /
        "system number `{no}` is not in its category `{category}`";
    /// `number/duplicate`
    number_duplicate(no: &str) =>
        "体系表编号 `{no}` 重复" / "system number `{no}` is used twice";
    /// `number/gap`; `missing` is one number or a range `a … b`
    number_gap(category: &str, missing: &str) =>
        "类目 `{category}` 的编号不连续：缺少 `{missing}`" /
        "gap in category `{category}`: `{missing}` is missing";
    /// `file/name`
    file_name(stem: &str, no: &str) =>
        "文件名 `{stem}` 应以体系表编号 `{no}` 开头" /
        "file name `{stem}` does not start with its system number `{no}`";
    /// `file/name`, the help
    file_name_help(no: &str) => "改名为 `{no}-…`" / "rename it to `{no}-…`";
}

// ---------------------------------------------------------------------------------------
// Standard numbers and what hangs on them (`code/*`, `origin/level`, `date/order`,
// `replaces/in-force`, `ref/*`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `code/missing`
    code_missing(status: Status) { let status_zh = status.zh(); } =>
        "状态为“{status_zh}”的标准应有标准编号 `code`" /
        "a standard with status `{status}` needs a `code`";
    /// `code/format`: the code's kind does not fit the level
    code_level(code: &str, kind: CodeKind, level: Level) {
        let (kind_zh, kind_en, level_zh) = (kind_zh(kind), kind_en(kind), level.zh());
    } =>
        "标准编号 `{code}` 是{kind_zh}的编号，与级别“{level_zh}”不符" /
        "standard number `{code}` is a {kind_en} number, which does not fit level `{level}`";
    /// `code/format`: a year after the year after `--as-of`
    code_future_year(key: &str, code: &str, year: u16, limit: i32) =>
        "`{key}` 中标准编号 `{code}` 的年代号 {year} 晚于 {limit} 年，不可能存在" /
        "standard number `{code}` in `{key}` has year {year}, after {limit}: impossible";
    /// `code/prefix`
    code_prefix(code: &str, prefix: &str) =>
        "中心标准的编号 `{code}` 应以本中心代号 `{prefix}` 开头" /
        "internal standard `{code}` must be numbered with the prefix `{prefix}`";
    /// `code/year`
    code_year(code: &str, year: u16, published: Date) =>
        "标准编号 `{code}` 的年代号 {year} 与发布日期 {published} 的年份不符" /
        "the year {year} of `{code}` differs from `published` {published}";
    /// `code/duplicate`
    code_duplicate(code: &StdCode) =>
        "标准编号 `{code}` 重复" / "standard number `{code}` is used twice";
    /// `origin/level`: a national, industry, local or group standard not adopted
    origin_not_adopted(level: Level, origin: Origin) { let level_zh = level.zh(); } =>
        "{level_zh}的来源应为 `adopted`（采标），实为 `{origin}`" /
        "a {level} standard must have origin `adopted`, not `{origin}`";
    /// `origin/level`: an internal standard adopted
    origin_internal_adopted() =>
        "中心标准的来源应为 `formulated`（制标）或 `supplemented`（补标），不能是 `adopted`" /
        "an internal standard cannot be `adopted`: use `formulated` or `supplemented`";
    /// `date/order`
    date_order(effective: Date, published: Date) =>
        "实施日期 {effective} 早于发布日期 {published}" /
        "`effective` {effective} is before `published` {published}";
    /// `replaces/in-force`
    replaces_in_force(code: &StdCode, status: &str) =>
        "被代替的标准 `{code}` 在体系内，状态应为 `superseded`（被代替），实为 `{status}`" /
        "replaced standard `{code}` is in the system with status `{status}`, not `superseded`";
    /// `ref/dead`; `status` is a retired one
    ref_dead(code: &StdCode, status: Status) { let status_zh = status.zh(); } =>
        "引用的标准 `{code}` 已{status_zh}" / "reference `{code}` names a {status} standard";
    /// `ref/dead`, the help: the standard that replaces it
    ref_dead_help(code: &str) => "改为引用 `{code}`" / "reference `{code}` instead";
    /// `ref/external`
    ref_external(code: &StdCode) =>
        "引用的标准 `{code}` 不在标准体系内" /
        "reference `{code}` is not in the standard system";
}

/// The kind of standard a code is, as `code_level` names it.
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

// ---------------------------------------------------------------------------------------
// Scope, records, tasks and the evaluation period (`scope/*`, `record/*`, `task/overdue`,
// `field/*` of `[period]`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `field/missing`: records without `[period]`
    period_missing() =>
        "有记录时 stdkit.toml 应有 `[period]`（评价期 `from`、`to`）" /
        "`[period]` (`from`, `to`) is required in stdkit.toml when records exist";
    /// `field/invalid`: the period ends before it starts (worded as `survey_order`)
    period_order(to: Date, from: Date) =>
        "评价期结束日期 {to} 早于开始日期 {from}" /
        "`[period]` `to` {to} is before `from` {from}";
    /// `scope/duplicate`
    scope_duplicate(id: &str, file: &str) =>
        "编号 `{id}` 在 `{file}` 中重复" / "id `{id}` is used twice in `{file}`";
    /// `scope/unknown`
    scope_unknown(id: &str, file: &str) => "`{id}` 不在 `{file}` 中" / "`{id}` is not in `{file}`";
    /// `record/invalid`: a staff id used twice
    staff_duplicate(id: &str) => "人员编号 `{id}` 重复" / "staff id `{id}` is used twice";
    /// `record/unknown-staff`
    attendee_unknown(id: &str, roster: &str) =>
        "参训人员 `{id}` 不在人员名册 `{roster}` 中" / "attendee `{id}` is not in `{roster}`";
    /// `record/unknown-standard`
    record_unknown_standard(no: &str) =>
        "记录中的体系表编号 `{no}` 不存在" / "system number `{no}` does not exist";
    /// `record/invalid`: a nonconform inspection without a finding
    inspection_needs_finding() =>
        "检查结果为“不符合”的记录应写明 `finding`（问题描述）" /
        "a `nonconform` inspection needs a `finding`";
    /// `record/invalid`: rectified before it was inspected
    rectified_order(rectified: Date, inspected: Date) =>
        "整改完成日期 {rectified} 早于检查日期 {inspected}" /
        "`rectified` {rectified} is before the inspection date {inspected}";
    /// `record/invalid`: more satisfied than responses
    survey_satisfied(satisfied: u64, responses: u64) =>
        "满意数 {satisfied} 大于有效答复数 {responses}" /
        "`satisfied` {satisfied} exceeds `responses` {responses}";
    /// `record/invalid`: a survey that ends before it starts
    survey_order(to: Date, from: Date) =>
        "调查截止日期 {to} 早于开始日期 {from}" / "`to` {to} is before `from` {from}";
    /// `record/invalid`: the surveys' responses add up to more than the rates count
    survey_over_limit() =>
        "各次调查的有效答复数合计超过 {MAX_RESPONSES}，此次调查不计入满意率" /
        "the surveys' `responses` add up to more than {MAX_RESPONSES}; this survey is left out of the satisfaction rate";
    /// `task/overdue`; `unit` is the 责任单位, `owner` the person responsible
    task_overdue(due: Date, status: Status, unit: &str, owner: &str) {
        let status_zh = status.zh();
    } =>
        "任务已逾期：完成时限 {due}，状态仍为“{status_zh}”（{unit}，{owner}）" /
        "overdue: due {due} but still `{status}` ({unit}, {owner})";
}

// ---------------------------------------------------------------------------------------
// Rates (SPEC §5): name, definition, and why the denominator can be 0
// ---------------------------------------------------------------------------------------

messages! {
    rate_completeness() => "体系完整率" / "system completeness";
    rate_completeness_definition() =>
        "现行（含试行）标准数 ÷ 应有标准数（不含被代替、废止的标准；待制定、起草、送审的计入应有数）" /
        "standards in force (in-force or trial) ÷ standards that should exist (all but superseded and withdrawn)";
    rate_completeness_when_empty() =>
        "体系表中没有应有的标准" / "the table has no standard that should exist";

    rate_coverage() => "标准化覆盖率" / "standardization coverage";
    rate_coverage_definition() =>
        "至少被一项现行（含试行）标准覆盖的岗位、事项和设施数 ÷ 岗位、事项和设施总数（有人就有工作标准，有事就有质量标准，有物就有管理标准）" /
        "posts, service items and assets covered by at least one standard in force ÷ all of them";
    rate_coverage_when_empty() =>
        "scope/ 中没有登记岗位、事项和设施" / "scope/ registers no post, service item or asset";

    rate_coverage_posts() => "岗位覆盖率" / "post coverage";
    rate_coverage_posts_definition() =>
        "被现行（含试行）标准覆盖的岗位数 ÷ 岗位总数" / "posts covered by a standard in force ÷ all posts";
    rate_coverage_posts_when_empty() => "没有登记岗位" / "no posts are registered";

    rate_coverage_services() => "事项覆盖率" / "service coverage";
    rate_coverage_services_definition() =>
        "被现行（含试行）标准覆盖的服务事项数 ÷ 服务事项总数" /
        "service items covered by a standard in force ÷ all service items";
    rate_coverage_services_when_empty() => "没有登记服务事项" / "no service items are registered";

    rate_coverage_assets() => "设施覆盖率" / "asset coverage";
    rate_coverage_assets_definition() =>
        "被现行（含试行）标准覆盖的设施设备数 ÷ 设施设备总数" /
        "assets covered by a standard in force ÷ all assets";
    rate_coverage_assets_when_empty() => "没有登记设施设备" / "no assets are registered";

    rate_implementation() => "标准实施率" / "implementation";
    rate_implementation_definition() =>
        "评价期内有监督检查、且最近一次结果为“符合”（或“不符合”但在期末前整改完成）的现行（含试行）标准数 ÷ 现行（含试行）标准数" /
        "standards in force whose latest inspection in the period is conform, or nonconform rectified by the period end ÷ standards in force";
    rate_implementation_when_empty() => "没有现行（含试行）标准" / "no standard is in force";

    rate_training() => "全员参训率" / "staff training";
    rate_training_definition() =>
        "评价期内至少参加过一次培训的在册人员数 ÷ 在册人员总数" /
        "staff who attended at least one training in the period ÷ all staff";
    rate_training_when_empty() => "人员名册为空" / "the staff roster is empty";

    rate_satisfaction() => "满意率" / "satisfaction";
    rate_satisfaction_definition() =>
        "与评价期有重叠的各次调查的满意数之和 ÷ 有效答复数之和" /
        "Σ satisfied ÷ Σ responses of the surveys that overlap the period";
    rate_satisfaction_when_empty() => "评价期内没有满意度调查" / "no survey overlaps the period";

    rate_member_acceptance() => "下属中心验收通过率" / "member acceptance";
    rate_member_acceptance_definition() =>
        "各项指标均达到目标值的下属中心数 ÷ 下属中心总数" /
        "member centres meeting every target ÷ all member centres";
    rate_member_acceptance_when_empty() => "没有下属中心" / "there are no member centres";
}

// ---------------------------------------------------------------------------------------
// Targets (`target/missed`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `target/missed`: `name` is the rate's, `value` and `target` printed percentages
    target_missed(name: &Msg, value: &str, numerator: u64, denominator: u64, target: &str) {
        let (name_zh, name_en) = (&name.zh, &name.en);
    } =>
        "{name_zh}为 {value}（{numerator}/{denominator}），未达到目标值 {target}" /
        "{name_en} is {value} ({numerator}/{denominator}), below its target of {target}";
    /// `target/missed`: a rate with a target whose denominator is 0, as `rates` says it
    unjudged(name: &Msg, reason: &Msg, target: &str) {
        let (name_zh, name_en, why_zh, why_en) = (&name.zh, &name.en, &reason.zh, &reason.en);
    } =>
        "{name_zh}无法判断是否达到目标值 {target}：{why_zh}" /
        "{name_en} cannot be judged against its target of {target}: {why_en}";
}

// ---------------------------------------------------------------------------------------
// The dossier (`dossier/section`, `dossier/link`, `dossier/glyph`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `dossier/section`: a chapter path outside the repository or in a hidden folder
    section_outside(path: &str) =>
        "汇编章节 `{path}` 不在标准库之内（或在隐藏目录中），拒绝读取" /
        "dossier section `{path}` lies outside the repository (or in a hidden folder); refused";
    /// `dossier/section`: a chapter file that does not exist
    chapter_missing(path: &str) =>
        "汇编章节文件 `{path}` 不存在" / "dossier chapter `{path}` does not exist";
    /// `dossier/section`: neither a section name nor a chapter; `known` are the names
    section_unknown(path: &str, known: &[&str]) { let known = known.join("`, `"); } =>
        "无法识别的汇编章节 `{path}`，可用 `{known}` 或 dossier/ 下的 .md 文件" /
        "unknown dossier section `{path}`; expected `{known}` or a .md file under dossier/";
    /// `dossier/link`: a link
    link_outside(dest: &str) =>
        "链接 `{dest}` 指向标准库之外，汇编中不予收录" /
        "link `{dest}` points outside the repository and is left out of the dossier";
    /// `dossier/link`: an image
    image_outside(dest: &str) =>
        "图片 `{dest}` 指向标准库之外，汇编中不予收录" /
        "image `{dest}` points outside the repository and is left out of the dossier";
    /// The dossier's section `changes` without `[dossier] changes-since`
    dossier_no_changes_since() =>
        "未设置 `[dossier] changes-since`（比较的 git 版本），本部分无内容。" /
        "`[dossier] changes-since` (the git revision to compare with) is not set; this section is empty.";
    /// `dossier` over a repository with errors, without `--draft`
    dossier_refused() =>
        "标准库检查有错误，未生成汇编；改正后重试，或以 --draft 生成标注“草稿”的汇编" /
        "the repository has errors, no dossier was written; fix them, or use --draft for a volume marked as a draft";
    /// `dossier/glyph`: `count` is how often the character occurs in the file. Its first value
    /// is the code point, which `check::glyph::character` reads back.
    glyph_missing(code_point: u32, count: usize) {
        let c = char::from_u32(code_point).unwrap_or(char::REPLACEMENT_CHARACTER);
        let code = format!("{code_point:04X}");
        let printable = !c.is_control() && !('\u{e000}'..='\u{f8ff}').contains(&c);
        let shown_zh = if printable { format!("「{c}」") } else { String::new() };
        let shown_en = if printable { format!("'{c}' ") } else { String::new() };
        let times_zh = if count > 1 { format!("（本文件共 {count} 处）") } else { String::new() };
        let times_en = if count > 1 { format!(" ({count} times in this file)") } else { String::new() };
    } =>
        "字符{shown_zh}（U+{code}）不在汇编所用的任何字体中，PDF 中将印成方框{times_zh}" /
        "character {shown_en}U+{code} is in no font of the dossier and would print as a box{times_en}";
}

// ---------------------------------------------------------------------------------------
// Reading files: the input rule, encodings, front matter, TOML syntax, keys and values
// (`file/*`, `toml/*`, `frontmatter/missing`, `field/*`, `code/format`, `code/non-canonical`)
// and the failures that stop loading
// ---------------------------------------------------------------------------------------

messages! {
    /// `file/outside`
    file_outside() =>
        "文件指向标准库之外（或 `.git` 等隐藏目录），未读取" /
        "the file leads outside the repository (or into a hidden folder such as `.git`); not read";
    /// `file/special`; `kind` says what it is (one of `special_*`: “命名管道（FIFO）”, “a named pipe (FIFO)”)
    file_special(kind: &Msg) { let (kind_zh, kind_en) = (&kind.zh, &kind.en); } =>
        "文件是{kind_zh}，不是普通文件，未读取" /
        "the file is {kind_en}, not a regular file; not read";
    /// `file/too-large`: `len` and `limit` in bytes, said in MiB
    file_too_large(len: u64, limit: u64) { let (len, limit) = (len >> 20, limit >> 20); } =>
        "文件过大（{len} MiB，上限 {limit} MiB），未读取" /
        "the file is too large ({len} MiB, the limit is {limit} MiB); not read";
    /// `file/unreadable`: a symlink that leads nowhere
    file_dangling() =>
        "符号链接无法解析（目标不存在或链接成环），未读取" /
        "the symlink leads nowhere (a missing target or a loop); not read";
    /// `file/unreadable`: the system's reason, in both languages
    file_unreadable(why_zh: &str, why_en: &str) =>
        "无法读取：{why_zh}" / "cannot read the file: {why_en}";
    /// `file/ignored`: a name that is not UTF-8
    file_name_not_utf8() =>
        "文件名不是 UTF-8 编码，未读取：请重命名" /
        "the file name is not UTF-8; not read: rename it";
    /// `file/ignored`: `.MD`, `.Toml` …
    file_extension_case(ext: &str) =>
        "扩展名应写作小写 `.{ext}`，未读取" /
        "the extension should be lower-case `.{ext}`; not read";

    /// `file/encoding`: UTF-16
    encoding_utf16() => "文件是 UTF-16 编码，不是 UTF-8" / "the file is UTF-16, not UTF-8";
    /// `file/encoding`: UTF-16, the help
    encoding_utf16_help() =>
        "请将文件另存为 UTF-8，例如 `iconv -f UTF-16 -t UTF-8`" /
        "save the file as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`";
    /// `file/encoding`: UTF-8 with `count` invalid sequences
    encoding_stray_bytes(count: usize) =>
        "文件是 UTF-8 编码，但有 {count} 处无效字节，第一处在此" /
        "the file is UTF-8 but has {count} invalid byte sequence(s); the first is here";
    /// `file/encoding`: stray bytes, the help
    encoding_stray_bytes_help() =>
        "请在编辑器中删除或重新输入这些字符；不要整体转换编码，那会损坏其余文字" /
        "delete or retype these characters in an editor; do not convert the whole file, which would garble the rest";
    /// `file/encoding`: NUL bytes
    encoding_binary() =>
        "文件含有 NUL 字节：这是二进制文件，不是文本" /
        "the file holds NUL bytes: it is binary, not text";
    /// `file/encoding`: a legacy encoding such as GB18030
    encoding_legacy(name: &str) =>
        "文件不是 UTF-8 编码，看起来是 {name}" / "file is not UTF-8; it looks like {name}";
    /// `file/encoding`: a legacy encoding, the help
    encoding_legacy_help(name: &str) =>
        "请将文件另存为 UTF-8，例如 `iconv -f {name} -t UTF-8`" /
        "save the file as UTF-8, e.g. `iconv -f {name} -t UTF-8`";

    /// `frontmatter/missing`: a Markdown standard
    frontmatter_standard() =>
        "标准文件应以 `+++` 元数据头开头" /
        "a Markdown standard must start with `+++` front matter";
    /// `frontmatter/missing`: a Markdown standard, the help
    frontmatter_standard_help() =>
        "在第一行写 `+++`，接着写 `no`、`title` 等字段，再以一行 `+++` 结束" /
        "start with a line `+++`, then `no`, `title` …, then a line `+++`";
    /// `frontmatter/missing`: a category's `_index.md`
    frontmatter_category() =>
        "类目 `_index.md` 应以 `+++` 元数据头开头（含 `code` 和 `title`）" /
        "a category's `_index.md` must start with `+++` front matter (`code`, `title`)";
    /// `frontmatter/missing`: an audit report
    frontmatter_audit() =>
        "内审报告应以 `+++` 元数据头开头（含 `title`、`date`、`auditors`）" /
        "an audit report must start with `+++` front matter (`title`, `date`, `auditors`)";
    /// `frontmatter/missing`: line ends that are CR only
    frontmatter_cr_only() =>
        "文件的行尾只有 CR（旧式 Mac 行尾），整个文件被读成一行，元数据头无法识别" /
        "the file's line ends are CR only (old Mac style), so it reads as one line and its front matter cannot be found";
    /// `frontmatter/missing`: CR only, the help
    frontmatter_cr_only_help() =>
        "请将文件另存为 LF 或 CRLF 行尾" / "save the file with LF or CRLF line ends";
    /// `frontmatter/missing`: a `+++` never closed
    frontmatter_unclosed() =>
        "第 1 行的 `+++` 元数据头没有结束" /
        "the front matter opened by `+++` on line 1 is never closed";
    /// `frontmatter/missing`: never closed, the help
    frontmatter_unclosed_help() =>
        "在元数据之后、正文之前加一行 `+++`" /
        "add a line `+++` after the metadata, before the text";

    /// `toml/syntax`: the parser's own words
    toml_syntax(message: &str, written: &str) {
        let why = toml_reason_zh(message, written);
    } =>
        "TOML 语法错误：{why}" / "TOML syntax error: {message}";
    /// `toml/syntax`: a key defined twice
    toml_duplicate_key(key: &str) =>
        "TOML 语法错误：键 `{key}` 重复定义" /
        "TOML syntax error: the key `{key}` is defined twice";
    /// `toml/unknown-key`; `table` is empty at the top level, `close` a known key near it
    toml_unknown_key(key: &str, table: &str, close: Option<&str>) {
        let (in_zh, in_en) = if table.is_empty() {
            (String::new(), String::new())
        } else {
            (format!("`[{table}]` 中"), format!(" in `[{table}]`"))
        };
        let (hint_zh, hint_en) = match close {
            Some(close) => (format!("，是否应为 `{close}`？"), format!("; did you mean `{close}`?")),
            None => (String::new(), String::new()),
        };
    } =>
        "{in_zh}未定义的键 `{key}`{hint_zh}" / "unknown key `{key}`{in_en}{hint_en}";

    /// `field/missing`; `table` is empty at the top level
    field_missing(key: &str, table: &str) {
        let (in_zh, in_en) = if table.is_empty() {
            (String::new(), String::new())
        } else {
            (format!("`[{table}]` "), format!(" in `[{table}]`"))
        };
    } =>
        "{in_zh}缺少必填字段 `{key}`" / "missing required key `{key}`{in_en}";
    /// `field/invalid`: a value of the wrong type; `expected` is one of the `expected_*`
    field_type(key: &str, expected: &Msg) {
        let (expected_zh, expected_en) = (&expected.zh, &expected.en);
    } =>
        "`{key}` 应为{expected_zh}" / "`{key}` must be {expected_en}";
    /// `field/invalid`: a blank string
    field_blank(key: &str) => "`{key}` 不能为空" / "`{key}` must not be blank";
    /// `field/invalid`: not one of the spellings
    field_choice(key: &str, value: &str, choices: &[&str]) { let choices = choices.join("`, `"); } =>
        "`{key}` 的值 `{value}` 无效，可选 `{choices}`" /
        "`{key}` has unknown value `{value}`; expected one of `{choices}`";
    /// `field/invalid`: a date such as 2014-02-30 written in `key`
    field_impossible_date(key: &str, date: &str) =>
        "`{key}` 是不存在的日期 `{date}`" / "`{key}` is an impossible date `{date}`";
    /// `field/invalid`: an impossible date the TOML parser rejected, as written; `reason` is
    /// the parser's (English only)
    impossible_date(written: &str, reason: &str) =>
        "`{written}` 是不存在的日期" / "`{written}` is an impossible date ({reason})";
    /// `field/invalid`: a count above `MAX_COUNT`
    count_too_large(key: &str, value: u64) =>
        "`{key}` 的值 {value} 过大，应不超过 {MAX_COUNT}" /
        "`{key}` is too large: {value} is more than {MAX_COUNT}";

    /// What `field_type` expects: a string
    expected_string() => "字符串" / "a string";
    /// … a date
    expected_date() => "日期（如 2014-12-31）" / "a date (like 2014-12-31)";
    /// … a non-negative integer
    expected_uint() => "非负整数" / "a non-negative integer";
    /// … a fraction
    expected_fraction() => "0 到 1 之间的小数（如 0.95）" / "a fraction from 0 to 1 (like 0.95)";
    /// … a list of strings
    expected_strings() => "字符串列表" / "a list of strings";
    /// … a table
    expected_table() => "表（table）" / "a table";
    /// … an array of tables
    expected_tables() => "表数组（[[…]]）" / "an array of tables ([[…]])";

    /// `code/format`: a code that does not parse
    code_invalid(key: &str, error: &CodeError) {
        let reason = error.reason();
        let (reason_zh, reason_en) = (&reason.zh, &reason.en);
    } =>
        "`{key}` 不是有效的标准编号：{reason_zh}" /
        "`{key}` is not a valid standard number: {reason_en}";
    /// `code/non-canonical`
    code_non_canonical(key: &str, written: &str) =>
        "`{key}` 中的标准编号 `{written}` 写法不规范" /
        "standard number `{written}` in `{key}` is not in canonical form";
    /// `code/non-canonical`, the help: the canonical form
    code_non_canonical_help(code: &StdCode) => "写作 `{code}`" / "write `{code}`";

    /// `field/invalid`: a `[[member]]` that is this centre or holds it
    member_is_itself(member: &str) =>
        "成员中心 `{member}` 是本中心自己（或其上级目录），不能作为成员" /
        "member `{member}` is this centre itself (or a folder above it), not a member";

    /// A file the loader needs that the input rule refused, with the refusal's words
    file_refused(file: &str, why: &Msg) { let (why_zh, why_en) = (&why.zh, &why.en); } =>
        "`{file}`：{why_zh}" / "`{file}`: {why_en}";
    /// A file the loader needs that is not there
    file_missing(file: &str) => "`{file}` 不存在" / "`{file}` does not exist";
    /// The manifest, there when the walk began, gone when it was read
    manifest_vanished() =>
        "`{MANIFEST}` 在读取时消失了" / "`{MANIFEST}` disappeared while loading";
    /// A dossier chapter that was not read; `why` says why, after the words “dossier chapter”
    chapter_unread(why_zh: &str, why_en: &str) =>
        "汇编章节 {why_zh}" / "dossier chapter {why_en}";
    /// A dossier chapter the input rule refused, with the refusal's words
    chapter_refused(name: &str, why: &Msg) { let (why_zh, why_en) = (&why.zh, &why.en); } =>
        "汇编章节 `{name}`：{why_zh}" / "dossier chapter `{name}`: {why_en}";

    /// Failure: the directory to start from cannot be opened
    repo_unopenable(dir: &Path) { let dir = dir.display(); } =>
        "无法打开标准库目录 `{dir}`" / "cannot open repository directory `{dir}`";
    /// Failure: the directory to start from is a file
    not_a_directory(path: &Path) { let path = path.display(); } =>
        "`{path}` 不是目录" / "`{path}` is not a directory";
    /// Failure: a path that cannot be made absolute
    path_unresolvable(path: &Path) { let path = path.display(); } =>
        "无法解析路径 `{path}`" / "cannot resolve `{path}`";
    /// Failure: `stdkit.toml` is there but not a file
    manifest_not_a_file(path: &Path) { let path = path.display(); } =>
        "`{path}` 不是文件，而是目录或特殊文件" /
        "`{path}` is not a file but a directory or a special file";
    /// Failure: no `stdkit.toml` from `start` upwards
    no_manifest(start: &Path) { let start = start.display(); } =>
        "`{start}` 及其上级目录中都没有 `{MANIFEST}`：这不是标准库" /
        "no `{MANIFEST}` in `{start}` or any parent directory: not a standards repository";
    /// Failure: a repository without `system/`.
    no_system_dir(root: &Path) { let root = root.display(); } =>
        "标准库 `{root}` 中没有 `system/` 目录（标准体系的各子体系和标准放在其中）" /
        "the repository `{root}` has no `system/` directory (where the subsystems and standards live)";
    /// Failure: a directory that cannot be listed
    dir_unlistable(dir: &Path) { let dir = dir.display(); } =>
        "无法列出 `{dir}`" / "failed to list `{dir}`";
    /// Failure: a font file given to the dossier that cannot be read
    font_unreadable(path: &Path) { let path = path.display(); } =>
        "无法读取字体文件 {path}" / "cannot read the font file {path}";
}

/// The reason of a TOML parser's error in Chinese: the parser's own words are English. Text
/// quoted in Chinese quotation marks (“…”, what a Chinese input method types) is named as
/// such; a reason the table does not know is given as the parser wrote it.
fn toml_reason_zh(message: &str, written: &str) -> String {
    if written.starts_with(['“', '”', '‘', '’', '「']) {
        return "字符串须用英文双引号 `\"…\"` 括起，不能用中文引号 `“…”`".to_owned();
    }
    let head = message.split(", expected").next().unwrap_or(message).trim();
    let zh = match head {
        "string values must be quoted" if written.trim().is_empty() => "`=` 后缺少值",
        "string values must be quoted" | "unquoted string" => "字符串须用英文双引号 `\"…\"` 括起",
        "missing assignment between key-value pairs" => "键与值之间缺少 `=`",
        "invalid date" => "日期无效（应写作 2014-03-01）",
        "extra assignment between key-value pairs" | "extra `=`" => "多了一个 `=`",
        "missing value" | "missing value for key" => "`=` 后缺少值",
        "key with no value" => "键名后缺少 `=`（键与值之间须有 `=`）",
        "missing comma between array elements" => "数组的元素之间缺少逗号",
        "missing comma between key-value pairs" => "内联表的键值对之间缺少逗号",
        "extra comma in array" => "数组中多了逗号",
        "extra comma in inline table" => "内联表中多了逗号",
        "unclosed array" => "数组缺少 `]`",
        "unclosed inline table" => "内联表缺少 `}`",
        "unclosed table" => "表头缺少 `]`",
        "unclosed array table" => "数组表的表头缺少 `]]`",
        "invalid key" | "invalid unquoted key" => {
            "键名无效（只可用字母、数字、`-` 和 `_`，其他须加引号）"
        }
        "invalid string"
        | "invalid basic string"
        | "invalid literal string"
        | "invalid multi-line basic string"
        | "invalid multi-line literal string" => "字符串无效（可能缺少结尾的引号）",
        "missing escaped value" => "反斜杠 `\\` 后缺少转义字符",
        "invalid integer number" | "invalid float" | "unexpected leading zero" => "数字无效",
        "invalid boolean" => "布尔值只能是 `true` 或 `false`",
        "invalid date-time" => "日期时间无效（应写作 2014-03-01）",
        "unexpected content" | "unexpected key or value" => {
            "此处有多余的内容（一行只能写一个键值对）"
        }
        "unexpected content between comment and newline" => "注释中有不允许的字符",
        "invalid comment character" => "注释中有不允许的字符",
        _ => return message.to_owned(),
    };
    zh.to_owned()
}

// ---------------------------------------------------------------------------------------
// The text of centre standards against GB/T 1.1 (`text/modal`, `text/structure`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `text/modal`
    text_modal(word: &str, instead: &str) =>
        "标准条文中使用了“{word}”，应改用“{instead}”" /
        "`{word}` is not used in standards; write `{instead}`";
    /// A place in the text's tree, named in other messages: an appendix
    text_owner_appendix(letter: char) => "附录{letter}" / "appendix `{letter}`";
    /// … the body
    text_owner_body() => "正文" / "the body";
    /// … a chapter
    text_owner_chapter(n: u32) => "第{n}章" / "chapter `{n}`";
    /// … a clause
    text_owner_clause(n: &str) => "{n}" / "clause `{n}`";
    /// One missing number, named in other messages (`noun`: `clause`, `chapter`, `appendix`)
    text_missing_one(noun: &str, x: &str) => "{x}" / "{noun} `{x}` is";
    /// Several missing numbers
    text_missing_range(noun: &str, x: &str, y: &str) => "{x}至{y}" / "{noun}s `{x}`–`{y}` are";
    /// A level with a single clause
    text_clause_alone(n: &str, owner: &Msg) { let (oz, oe) = (&owner.zh, &owner.en); } =>
        "{n}是{oz}下唯一的条，同一层次至少应有两个条" /
        "`{n}` is the only clause under {oe}; a level needs at least two";
    /// A clause nested too deep
    text_clause_too_deep(n: &str) =>
        "{n}层次过深，条最多分五层" /
        "clause `{n}` is nested deeper than the five clause levels GB/T 1.1 allows";
    /// A clause under another chapter or clause
    text_clause_elsewhere(n: &str, owner: &Msg) { let (oz, oe) = (&owner.zh, &owner.en); } =>
        "{n}不属于当前的{oz}" / "clause `{n}` is not under the current {oe}";
    /// A clause before chapter 1
    text_clause_before_chapters(n: &str) =>
        "{n}出现在第1章之前" / "clause `{n}` comes before any chapter";
    /// A clause that skips a level
    text_clause_skips(n: &str, owner: &Msg) { let (oz, oe) = (&owner.zh, &owner.en); } =>
        "{n}跳过了层次，直接位于{oz}之下" / "clause `{n}` skips a level under {oe}";
    /// Clause numbers missing before a clause
    text_clause_gap(n: &str, gap: &Msg) { let (gz, ge) = (&gap.zh, &gap.en); } =>
        "条编号不连续：{n}前缺少{gz}" / "{ge} missing before `{n}`";
    /// The first clause of a level misnumbered
    text_clause_first(n: &str, expected: &str) =>
        "第一个条应编为{expected}，实为{n}" / "the first clause should be `{expected}`, not `{n}`";
    /// A clause number repeated or out of order
    text_clause_order(n: &str, prev: &str, expected: &str) =>
        "条编号重复或顺序错误：{prev}之后是{n}" /
        "clause `{n}` follows `{prev}`; expected `{expected}`";
    /// A clause of an appendix numbered without its letter
    text_annex_clause_letter(n: &str, letter: char) =>
        "附录{letter}中的条{n}应以“{letter}.”开头编号" /
        "clause `{n}` in appendix `{letter}` should be numbered `{letter}.…`";
    /// An appendix's clause in the body
    text_clause_outside_annex(n: &str, letter: char) =>
        "条{n}不在附录{letter}中" / "clause `{n}` is outside appendix `{letter}`";
    /// An appendix without a letter
    text_annex_no_letter() =>
        "附录应以大写拉丁字母编号，如“附录A”" / "appendix has no letter; write `附录A`";
    /// Appendices missing before an appendix
    text_annex_gap(name: &str, gap: &Msg) { let (gz, ge) = (&gap.zh, &gap.en); } =>
        "附录{name}前缺少附录{gz}" / "{ge} missing before appendix `{name}`";
    /// An appendix letter repeated or out of order
    text_annex_order(name: &str, prev: char, expected: char) =>
        "附录编号重复或顺序错误：附录{prev}之后是附录{name}" /
        "appendix `{name}` follows appendix `{prev}`; expected `{expected}`";
    /// An appendix not marked normative or informative
    text_annex_unmarked(name: &str) {
        let en = if name.is_empty() { "appendix".to_owned() } else { format!("appendix `{name}`") };
    } =>
        "附录{name}未标明“（规范性）”或“（资料性）”" /
        "{en} is not marked `（规范性）` or `（资料性）`";
    /// A text without numbered chapters
    text_no_chapters() =>
        "正文没有编号的章，应按GB/T 1.1从“1 范围”开始编排" /
        "the text has no numbered chapter; GB/T 1.1 starts with `1 范围`";
    /// Chapters missing before a chapter
    text_chapter_gap(n: u32, gap: &Msg) { let (gz, ge) = (&gap.zh, &gap.en); } =>
        "章编号不连续：第{n}章前缺少第{gz}章" / "{ge} missing before chapter `{n}`";
    /// The first chapter misnumbered
    text_chapter_first(n: u32) =>
        "第一章应编为第1章，实为第{n}章" / "the first chapter should be `1`, not `{n}`";
    /// A chapter number repeated or out of order
    text_chapter_order(n: u32, prev: u32) { let expected = prev + 1; } =>
        "章编号重复或顺序错误：第{prev}章之后是第{n}章" /
        "chapter `{n}` follows chapter `{prev}`; expected `{expected}`";
    /// One of chapters 1–3 without its title
    text_chapter_untitled(n: u32, want: &str) =>
        "第{n}章缺少标题，应为“{want}”" / "chapter `{n}` has no title; it should be `{want}`";
    /// One of chapters 1–3 with another title
    text_chapter_title(n: u32, want: &str, title: &str) =>
        "第{n}章标题应为“{want}”，实为“{title}”" /
        "chapter `{n}` should be titled `{want}`, not `{title}`";
    /// One of chapters 1–3 missing
    text_chapter_missing(n: u32, want: &str) =>
        "缺少第{n}章“{want}”" / "chapter `{n}` (`{want}`) is missing";
}

// ---------------------------------------------------------------------------------------
// `table`: options that do not go together
// ---------------------------------------------------------------------------------------

messages! {
    /// `table --tree` with another format than the terminal's
    table_tree_format(format: &str) { let format = if format == "txt" { "terminal" } else { format }; } =>
        "结构图（--tree）只有终端格式，不能与 `--format {format}` 同用；xlsx 与 json 已含结构（tree）" /
        "the structure diagram (--tree) has the terminal format only, not `--format {format}`; xlsx and json hold the tree already";
    /// A terminal table too narrow for all its columns, with `--wide` to see them
    columns_hidden_wide(columns: &str) =>
        "（终端宽度不足，未显示：{columns}；加 --wide 或用 --format md 可见全部列）" /
        "(the terminal is too narrow for: {columns}; add --wide or use --format md to see every column)";
    /// `table --stats` with json or xlsx
    table_stats_format(format: &str) =>
        "统计表（--stats）可输出为终端、md 或 csv，不能与 `--format {format}` 同用；{format} 已含统计表" /
        "the statistics (--stats) are written as terminal, md or csv, not `--format {format}`; {format} holds them already";
}

// ---------------------------------------------------------------------------------------
// The writing commands (`init`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `init` done
    init_done(dir: &str, subsystems: usize, categories: usize, files: usize) =>
        "已在 `{dir}` 新建标准库：{subsystems} 个子体系、{categories} 个类目，共 {files} 个文件" /
        "created a repository in `{dir}`: {subsystems} subsystems, {categories} categories, {files} files";
    /// `init` ran `git init`
    init_git_done() => "已初始化 git 仓库" / "initialised a git repository";
    /// `init` inside a git work tree
    init_git_inside(top: &str) =>
        "已在 git 仓库 `{top}` 中，未另建 git 仓库" /
        "already inside the git repository `{top}`; no new one made";
    /// `init` without git
    init_git_missing() => "未找到 git，未初始化 git 仓库" / "git not found; no git repository initialised";
    /// `init --prefix` empty
    prefix_empty() =>
        "中心标准编号的代号为空，应写作 `Q/` 加中心代号，如 `Q/AQZW`" /
        "the internal prefix is empty; write `Q/` and the centre's code, like `Q/AQZW`";
    /// `init --prefix` of another kind of code
    prefix_not_internal(written: &str) =>
        "`{written}` 不是中心标准编号的代号，应写作 `Q/` 加中心代号，如 `Q/AQZW`" /
        "`{written}` is not an internal prefix; write `Q/` and the centre's code, like `Q/AQZW`";
    /// `init --prefix` that does not parse
    prefix_invalid(written: &str, error: &CodeError) {
        let why = error.reason();
        let (why_zh, why_en) = (&why.zh, &why.en);
    } =>
        "`{written}` 不是中心标准编号的代号：{why_zh}" /
        "`{written}` is not an internal prefix: {why_en}";
    /// `init`: what to run next
    init_next(dir: &str) => "下一步：stdkit -C {dir} check" / "next: stdkit -C {dir} check";
}

// ---------------------------------------------------------------------------------------
// `import FILE.docx`: Word standards into the repository
// ---------------------------------------------------------------------------------------

messages! {
    /// Import: an old binary Word file
    import_old_word(file: &str) =>
        "`{file}` 是旧版 Word 文件（.doc），stdkit 只读取 .docx：请先用 LibreOffice 转换：soffice --headless --convert-to docx {file}" /
        "`{file}` is an old binary Word file (.doc); stdkit reads only .docx: convert it first with LibreOffice: soffice --headless --convert-to docx {file}";
    /// Import: a file that is neither Word nor Excel
    import_unknown_kind(file: &str) =>
        "`{file}` 不是可导入的文件：stdkit 导入 .docx（Word 标准文本）和 .xlsx/.xls（标准明细表）" /
        "`{file}` cannot be imported: stdkit imports .docx (Word standards) and .xlsx/.xls (standard tables)";
    /// Import: `--no` given with several Word files
    import_no_for_one() =>
        "`--no` 只能用于导入单个 .docx 文件" / "`--no` applies to a single .docx file only";
    /// Import: a directory with no Word file
    import_empty_dir(dir: &str) =>
        "目录 `{dir}` 中没有 .docx 文件" / "directory `{dir}` holds no .docx file";
    /// Import: the file cannot be read
    import_unreadable(file: &str, why: &str) =>
        "无法读取 `{file}`：{why}" / "cannot read `{file}`: {why}";
    /// Import: the file is too large
    import_too_large(file: &str, mib: u64) =>
        "`{file}` 超过 {mib} MiB，未读取" / "`{file}` is larger than {mib} MiB; not read";
    /// Import: not a Word package
    import_not_docx(file: &str, why: &str) =>
        "`{file}` 不是有效的 .docx 文件（{why}）" / "`{file}` is not a valid .docx file ({why})";
    /// Import: a part of the package beyond its cap (a zip bomb)
    import_part_too_large(file: &str, part: &str) =>
        "`{file}` 中的 `{part}` 解压后过大，未读取" /
        "`{part}` in `{file}` inflates beyond the limit; not read";
    /// Import: an XML part that does not parse
    import_bad_xml(file: &str, part: &str, why: &str) =>
        "`{file}` 中的 `{part}` 无法解析：{why}" / "`{part}` in `{file}` does not parse: {why}";
    /// Import: no standard number on the cover
    import_no_code(file: &str) =>
        "`{file}` 的封面上没有找到标准编号（如 Q/AQZW 20103—2014）：请用 `--no` 指定体系表编号" /
        "no standard number (like Q/AQZW 20103—2014) found on the cover of `{file}`: give the system number with `--no`";
    /// Import: the system number cannot be derived from the code
    import_no_number(file: &str, code: &StdCode) =>
        "`{file}`：无法从标准编号 `{code}` 确定体系表编号：请用 `--no` 指定，如 `--no 201-03`" /
        "`{file}`: the system number of `{code}` cannot be told from the repository's numbering: give it with `--no`, like `--no 201-03`";
    /// Import: `--no` is not a system number
    import_bad_no(no: &str, width: u8) =>
        "`--no {no}` 不是体系表编号：应为“类目代码-{width}位序号”，如 `201-03`" /
        "`--no {no}` is not a system number: write `<category>-<seq>` with {width} digits, like `201-03`";
    /// Import: the number's category does not exist
    import_no_category(file: &str, no: &str, category: &str) =>
        "`{file}`：体系表编号 `{no}` 所属的类目 `{category}` 不存在" /
        "`{file}`: the category `{category}` of system number `{no}` does not exist";
    /// Import: the number is taken
    import_number_used(file: &str, no: &str, path: &str) =>
        "`{file}`：体系表编号 `{no}` 已由 `{path}` 使用：请用 `--no` 指定另一个编号" /
        "`{file}`: system number `{no}` is already used by `{path}`: give another with `--no`";
    /// Import: the standard's text is already in the repository
    import_text_exists(file: &str, code: &StdCode, path: &str) =>
        "`{file}`：标准 `{code}` 的文本已在 `{path}`，stdkit 不覆盖已有文件" /
        "`{file}`: the text of `{code}` is already at `{path}`; stdkit does not overwrite an existing file";
    /// Import: a file of the plan, before writing
    import_would_write(path: &str) => "将写入 {path}" / "would write {path}";
    /// Import: a file written
    import_wrote(path: &str) => "已写入 {path}" / "wrote {path}";
    /// Import: the text of a standard written with front matter only (`--dry-run`)
    import_would_fill(path: &str) =>
        "将写入 {path} 的正文（保留其全部字段）" / "would write the text of {path} (all its keys kept)";
    /// Import: the text of a standard written with front matter only
    import_filled(path: &str) =>
        "已写入 {path} 的正文（保留其全部字段）" / "wrote the text of {path} (all its keys kept)";
    /// Import: a metadata file replaced by the text that takes over its keys
    import_would_move(from: &str, to: &str) =>
        "将以 {to} 取代 {from}（保留其全部字段）" / "would replace {from} by {to} (all its keys kept)";
    /// Import: done
    import_moved(from: &str, to: &str) =>
        "已以 {to} 取代 {from}（保留其全部字段）" / "replaced {from} by {to} (all its keys kept)";
    /// Import: the summary line
    import_summary(imported: usize, failed: usize, kept: usize, dry_run: bool) {
        let (zh_tail, en_tail) = if dry_run { ("（--dry-run：未写入任何文件）", " (--dry-run: nothing written)") } else { ("", "") };
        let files = if imported == 1 { "file" } else { "files" };
        let (zh_kept, en_kept) = if kept > 0 {
            (format!("，{kept} 个已有文本而跳过"), format!(", {kept} skipped for a text the repository has"))
        } else {
            (String::new(), String::new())
        };
    } =>
        "导入 {imported} 个文件，{failed} 个未能导入{zh_kept}{zh_tail}" /
        "{imported} {files} imported, {failed} could not be imported{en_kept}{en_tail}";
    /// Import with `--merge`: a Word file whose standard has a text already, which is kept
    import_kept(file: &str, path: &str) =>
        "跳过 `{file}`：其标准的文本已在 `{path}`（--merge 保留已有文件）" /
        "skipped `{file}`: its standard's text is already at `{path}` (--merge keeps what exists)";
}

// ---------------------------------------------------------------------------------------
// `stdkit import` of an Excel table (`import/*`): each finding names the sheet and the cell
// (`B12`); the failures name the file.
// ---------------------------------------------------------------------------------------

messages! {
    /// `import/sheet`
    import_no_header(sheet: &str, rows: usize) =>
        "工作表 `{sheet}` 的前 {rows} 行中没有表头（应有“标准名称”列及“标准编号”等列），未导入" /
        "sheet `{sheet}`: no header row (a `标准名称` column and others) in its first {rows} rows; not imported";
    /// `import/limit`
    import_limit(sheet: &str, max: u32) =>
        "工作表 `{sheet}` 超过 {max} 行，第 {max} 行之后未读取" /
        "sheet `{sheet}` has more than {max} rows; the rows after row {max} were not read";
    /// `import/duplicate`: a system number
    import_duplicate_no(sheet: &str, cell: &str, no: &str) =>
        "工作表 `{sheet}` {cell}：体系表编号 `{no}` 重复，该行未导入" /
        "sheet `{sheet}` {cell}: system number `{no}` is used twice; the row is not imported";
    /// `import/duplicate`: a code
    import_duplicate_code(sheet: &str, cell: &str, code: &StdCode) =>
        "工作表 `{sheet}` {cell}：标准编号 `{code}` 重复，该行未导入" /
        "sheet `{sheet}` {cell}: standard number `{code}` is used twice; the row is not imported";
    /// The first row of a duplicate.
    import_first_row(row: u32) => "首次出现于第 {row} 行" / "first in row {row}";
    /// `import/category`: no category row above, no system number
    table_no_category(sheet: &str, cell: &str) =>
        "工作表 `{sheet}` {cell}：该行之前没有类目行，本行也没有体系表编号，无法归类，未导入" /
        "sheet `{sheet}` {cell}: no category row above and no system number; the row is not imported";
    /// `import/category`: the number is not in the open category
    import_outside_category(sheet: &str, cell: &str, no: &str, category: &str) =>
        "工作表 `{sheet}` {cell}：体系表编号 `{no}` 不属于所在类目 `{category}`，未导入" /
        "sheet `{sheet}` {cell}: system number `{no}` is not in its category `{category}`; the row is not imported";
    /// `import/category`: a category neither in the repository nor in the table
    import_unknown_category(sheet: &str, cell: &str, no: &str, category: &str) =>
        "工作表 `{sheet}` {cell}：体系表编号 `{no}` 的类目 `{category}` 既不在标准库中，也不在表中，未导入" /
        "sheet `{sheet}` {cell}: the category `{category}` of `{no}` is neither in the repository nor in the table; the row is not imported";
    /// `import/level`: a word that is no level
    import_unknown_level(sheet: &str, cell: &str, text: &str) =>
        "工作表 `{sheet}` {cell}：级别 `{text}` 无法识别（应为国家标准、行业标准、地方标准、团体标准或企业标准），未导入" /
        "sheet `{sheet}` {cell}: unknown level `{text}` (national, industry, local, group or internal); the row is not imported";
    /// `import/level`: the level does not fit the code
    import_level_code(sheet: &str, cell: &str, level: Level, code: &StdCode) { let level_zh = level.zh(); } =>
        "工作表 `{sheet}` {cell}：级别“{level_zh}”与标准编号 `{code}` 不符，未导入" /
        "sheet `{sheet}` {cell}: level `{level}` does not fit the standard number `{code}`; the row is not imported";
    /// `import/level`: another organization's `Q/` code without a level
    import_foreign_code(sheet: &str, cell: &str, code: &StdCode, prefix: &str) =>
        "工作表 `{sheet}` {cell}：标准编号 `{code}` 不是本中心（`{prefix}`）的编号，无法判断级别，未导入" /
        "sheet `{sheet}` {cell}: `{code}` is not numbered with the centre's prefix `{prefix}`, so its level is unknown; the row is not imported";
    /// `import/code`: does not parse
    import_bad_code(sheet: &str, cell: &str, error: &CodeError) {
        let reason = error.reason();
        let (zh, en) = (&reason.zh, &reason.en);
    } =>
        "工作表 `{sheet}` {cell}：{zh}，未导入" /
        "sheet `{sheet}` {cell}: {en}; the row is not imported";
    /// `import/code`: a year after the year after `--as-of`
    import_future_code(sheet: &str, cell: &str, code: &StdCode, limit: i32) =>
        "工作表 `{sheet}` {cell}：标准编号 `{code}` 的年代号晚于 {limit} 年，不可能存在，未导入" /
        "sheet `{sheet}` {cell}: the year of `{code}` is after {limit}: impossible; the row is not imported";
    /// `import/code`: a code without a title
    import_no_title(sheet: &str, cell: &str) =>
        "工作表 `{sheet}` {cell}：有标准编号但没有标准名称，未导入" /
        "sheet `{sheet}` {cell}: a standard number without a title; the row is not imported";
    /// `import/number`
    import_bad_number(sheet: &str, cell: &str, text: &str, width: u8) =>
        "工作表 `{sheet}` {cell}：体系表编号 `{text}` 应为“类目代码-序号”，序号不超过 {width} 位，未导入" /
        "sheet `{sheet}` {cell}: system number `{text}` is not `<category>-<seq>` with at most {width} digits; the row is not imported";
    /// `import/number`: a system number typed as a number whose fraction is longer than the sequence
    import_number_fraction(sheet: &str, cell: &str, text: &str, width: u8) =>
        "工作表 `{sheet}` {cell}：体系表编号 `{text}` 是数字，小数部分超过 {width} 位序号，无法确定序号（可将该列设为文本格式后写作“类目代码-序号”），未导入" /
        "sheet `{sheet}` {cell}: system number `{text}` is a number whose fraction has more than {width} digits, so its sequence is unclear (format the column as text and write `<category>-<seq>`); the row is not imported";
    /// `import/number`: no free number left in a category
    import_full(sheet: &str, cell: &str, category: &str) =>
        "工作表 `{sheet}` {cell}：类目 `{category}` 已没有空余的序号，未导入" /
        "sheet `{sheet}` {cell}: category `{category}` has no free number left; the row is not imported";
    /// `import/status`: a word that is no status
    import_unknown_status(sheet: &str, cell: &str, text: &str) =>
        "工作表 `{sheet}` {cell}：状态 `{text}` 无法识别（应为现行、被代替、废止、待制定、起草、试行或送审），未导入" /
        "sheet `{sheet}` {cell}: unknown status `{text}`; the row is not imported";
    /// `import/status`: a status from `trial` on without a code
    import_status_code(sheet: &str, cell: &str, status: Status) { let status_zh = status.zh(); } =>
        "工作表 `{sheet}` {cell}：状态为“{status_zh}”但没有标准编号，未导入" /
        "sheet `{sheet}` {cell}: status `{status}` without a standard number; the row is not imported";
    /// `import/date`: not a date
    import_bad_date(sheet: &str, cell: &str, text: &str) =>
        "工作表 `{sheet}` {cell}：`{text}` 不是日期（如 2014-03-01、2014.3.1、2014年3月1日），未导入该日期" /
        "sheet `{sheet}` {cell}: `{text}` is not a date (like 2014-03-01, 2014.3.1, 2014年3月1日); the date is left out";
    /// `import/date`: the year of `published` differs from the code's
    import_year(sheet: &str, cell: &str, published: Date, code: &StdCode) =>
        "工作表 `{sheet}` {cell}：发布日期 {published} 与标准编号 `{code}` 的年代号不符，未导入该日期" /
        "sheet `{sheet}` {cell}: published {published} differs from the year of `{code}`; the date is left out";
    /// `import/date`: effective before published
    import_date_order(sheet: &str, cell: &str, effective: Date, published: Date) =>
        "工作表 `{sheet}` {cell}：实施日期 {effective} 早于发布日期 {published}，未导入发布日期" /
        "sheet `{sheet}` {cell}: effective {effective} is before published {published}; `published` is left out";
    /// `code/non-canonical` in a table
    import_non_canonical(sheet: &str, cell: &str, written: &str) =>
        "工作表 `{sheet}` {cell}：标准编号 `{written}` 写法不规范，按规范写法导入" /
        "sheet `{sheet}` {cell}: standard number `{written}` is not in canonical form; imported in canonical form";
    /// `import/superseded`
    import_superseded(sheet: &str, cell: &str, status: Status, by: u32) { let status_zh = status.zh(); } =>
        "工作表 `{sheet}` {cell}：表中状态为“{status_zh}”，但第 {by} 行的标准代替了它，按“被代替”导入" /
        "sheet `{sheet}` {cell}: the table says `{status}`, but the standard of row {by} replaces it; imported as `superseded`";
    /// `import/exists` (`--merge`)
    import_exists(sheet: &str, cell: &str, what: &str) =>
        "工作表 `{sheet}` {cell}：标准库中已有 {what}，跳过" /
        "sheet `{sheet}` {cell}: the repository already has {what}; skipped";
    /// Failure: the table cannot be opened
    import_unopenable(path: &Path) { let path = path.display(); } =>
        "无法打开 `{path}`" / "cannot open `{path}`";
    /// Failure: not a regular file
    import_not_a_file(path: &Path) { let path = path.display(); } =>
        "`{path}` 不是文件" / "`{path}` is not a file";
    /// Failure: over the size read
    table_too_large(path: &Path, mib: u64) { let path = path.display(); } =>
        "`{path}` 超过 {mib} MiB，不导入" / "`{path}` is larger than {mib} MiB; not imported";
    /// Failure: a zip bomb
    import_inflates(path: &Path, mib: u64) { let path = path.display(); } =>
        "`{path}` 解压后超过 {mib} MiB，不导入" / "`{path}` inflates to more than {mib} MiB; not imported";
    /// Failure: an .xls whose sheets would be held as too many cells
    import_too_sparse(path: &Path, cells: u64) { let path = path.display(); } =>
        "`{path}` 的各工作表跨越超过 {cells} 个单元格（少数单元格相距很远），不导入" /
        "`{path}` spans more than {cells} cells across its sheets (a few cells far apart); not imported";
    /// Failure: more text than an import keeps
    import_too_much_text(path: &Path, mib: usize) { let path = path.display(); } =>
        "`{path}` 的单元格文字超过 {mib} MiB，不导入" /
        "`{path}` holds more than {mib} MiB of cell text; not imported";
    /// Failure: calamine cannot read it
    table_unreadable(path: &Path, error: &str) { let path = path.display(); } =>
        "无法读取表格 `{path}`：{error}" / "cannot read the spreadsheet `{path}`: {error}";
    /// Failure: no repository to import into
    import_no_repository(dir: &Path) { let dir = dir.display(); } =>
        "`{dir}` 中没有 `{MANIFEST}`：请先运行 `stdkit init {dir} --name … --prefix …` 建立标准库，再导入" /
        "no `{MANIFEST}` in `{dir}`: run `stdkit init {dir} --name … --prefix …` first, then import";
    /// Failure: standards of the table already in the repository, without `--merge`
    import_conflicts(count: usize, first: &str) =>
        "标准库中已有表中的 {count} 项标准（如 {first}），未写入任何文件；使用 `--merge` 只添加新的标准" /
        "the repository already has {count} of the table's standards (such as {first}); nothing was written; use `--merge` to add only the new ones";
    /// Failure: `--no` given with a table
    import_no_for_tables() =>
        "`--no` 只用于导入 Word（.docx）文件，标准明细表的体系表编号取自表中或类目内下一个空号" /
        "`--no` is for Word (.docx) files only; a table's system numbers come from the table or the next free one of the category";
    /// Failure: a repository whose manifest has no internal prefix
    import_no_prefix(manifest: &Path) { let manifest = manifest.display(); } =>
        "`{manifest}` 中没有 `[numbering] internal-prefix`（本中心标准编号的代号），无法判断表中标准的级别" /
        "`{manifest}` has no `[numbering] internal-prefix` (the prefix of the centre's own codes), so the table's levels cannot be told";
    /// The last line of an import
    import_written(files: usize, standards: usize, categories: usize, dir: &str) =>
        "已写入 {files} 个文件：{standards} 项标准，{categories} 个新类目（`{dir}`）" /
        "wrote {files} files (standards: {standards}, new categories: {categories}) in `{dir}`";
    /// The last line of `--dry-run`
    table_would_write(files: usize, standards: usize, categories: usize) =>
        "将写入 {files} 个文件：{standards} 项标准，{categories} 个新类目（--dry-run，未写入）" /
        "would write {files} files (standards: {standards}, new categories: {categories}); --dry-run, nothing written";
}

// ---------------------------------------------------------------------------------------
// `diff`: what changed in the standard system between two revisions
// ---------------------------------------------------------------------------------------

messages! {
    /// Failure: `diff` in a repository outside git
    diff_not_in_git(root: &Path) { let root = root.display(); } =>
        "标准库 `{root}` 不在 git 仓库中，无法比较版本" /
        "the repository `{root}` is not in a git repository: there are no revisions to compare";
    /// Failure: a revision git does not know
    diff_no_revision(rev: &str) =>
        "git 中没有版本 `{rev}`（提交、分支或标签）" /
        "git knows no revision `{rev}` (a commit, branch or tag)";
    /// Failure: the repository's folder holds no manifest at a revision
    diff_no_repository_at(rev: &str) =>
        "版本 `{rev}` 中还没有这个标准库（没有 `{MANIFEST}`）" /
        "the repository did not exist yet at `{rev}` (no `{MANIFEST}`)";
    /// Failure: git answered `cat-file` with something else than the blob asked for
    diff_git_answer(what: &str) =>
        "读取 git 对象失败：{what}" / "failed to read a git object: {what}";
    /// The working tree, as the newer side of a diff
    diff_working_tree() => "工作区" / "the working tree";
    /// The title of a diff
    diff_title(old: &str, new: &str) =>
        "标准体系变化：{old} → {new}" / "Changes in the standard system: {old} → {new}";
    /// Nothing changed
    diff_nothing() => "标准体系无变化" / "no change in the standard system";
    /// Heading: standards added
    diff_added(n: usize) => "新增标准（{n}）" / "Standards added ({n})";
    /// Heading: standards removed
    diff_removed(n: usize) => "删除标准（{n}）" / "Standards removed ({n})";
    /// Heading: standards renumbered
    diff_renumbered(n: usize) => "重新编号（{n}）" / "Standards renumbered ({n})";
    /// Heading: status changes
    diff_status(n: usize) => "状态变化（{n}）" / "Status changes ({n})";
    /// Heading: new editions
    diff_editions(n: usize) => "新版本（{n}）" / "New editions ({n})";
    /// Heading: changed metadata
    diff_fields(n: usize) => "元数据变化（{n}）" / "Changed metadata ({n})";
    /// Heading: changed clauses
    diff_clauses(n: usize) => "正文章条变化（{n}）" / "Changed clauses of the text ({n})";
    /// Heading: rates
    diff_rates() => "指标变化" / "Rates";
    /// How a renumbering was recognised
    diff_by(how: &str) { let zh = match how { "formerly" => "据 formerly", "code" => "据标准编号", _ => "据同类目标题" }; let en = match how { "formerly" => "by formerly", "code" => "by code", _ => "by title in its category" }; } =>
        "{zh}" / "{en}";
    /// A new edition
    diff_edition(no: &str, code: &str, replaced: &str, old_no: &str) =>
        "{no} {code} 代替 {replaced}（原 {old_no}）" / "{no} {code} replaces {replaced} (was {old_no})";
    /// A clause added, removed or changed
    diff_clause(change: &str) { let zh = match change { "added" => "新增", "removed" => "删除", _ => "修改" }; } =>
        "{zh}" / "{change}";
    /// A rate's value when its denominator is 0
    diff_no_value() => "无" / "n/a";
}

// ---------------------------------------------------------------------------------------
// `renumber`: moving standards to new system numbers.
// ---------------------------------------------------------------------------------------

messages! {
    /// OLD names no standard by its current number.
    renumber_unknown_old(old: &str) =>
        "没有体系表编号为 `{old}` 的标准（stdkit table 列出全部标准）" /
        "no standard has the system number `{old}` (stdkit table lists them all)";
    /// OLD is a former number of a standard now numbered otherwise.
    renumber_old_is_former(old: &str, now: &str) =>
        "`{old}` 是原编号，该标准现编号为 `{now}`" /
        "`{old}` is a former number; that standard is now `{now}`";
    /// NEW is not a system number.
    renumber_malformed(new: &str) =>
        "`{new}` 不是体系表编号，应写作 201-03 这样的形式" /
        "`{new}` is not a system number like 201-03";
    /// NEW's sequence does not fit in `seq-width` digits.
    renumber_too_wide(new: &str, width: u8) =>
        "`{new}` 的序号超过 {width} 位（seq-width = {width}）" /
        "the sequence of `{new}` has more than {width} digits (seq-width = {width})";
    /// NEW's category does not exist.
    renumber_no_category(new: &str, category: &str) =>
        "标准库中没有类目 `{category}`，不能编为 `{new}`（stdkit table --tree 列出全部类目）" /
        "there is no category `{category}` for `{new}` (stdkit table --tree lists them all)";
    /// NEW is the current or a former number of another standard.
    renumber_taken(new: &str, path: &str) =>
        "体系表编号 `{new}` 已被 `{path}` 使用（现编号或原编号）" /
        "system number `{new}` is taken by `{path}` (as its number or a former one)";
    /// NEW is OLD.
    renumber_same(no: &str) =>
        "新编号与原编号同为 `{no}`" / "the new number is the old one, `{no}`";
    /// A file to rewrite has an error.
    renumber_unsafe(path: &str, why: &Msg) { let (why_zh, why_en) = (&why.zh, &why.en); } =>
        "`{path}` 有错误，不能安全改写：{why_zh}" /
        "`{path}` has an error, so it cannot be rewritten safely: {why_en}";
    /// A file to rewrite does not parse as TOML (or has no front matter).
    renumber_unparsable(path: &str) =>
        "`{path}` 不能解析，不能改写" / "`{path}` does not parse, so it cannot be rewritten";
    /// A record file whose references were not all found by the editor.
    renumber_unmatched(path: &str, read: usize, found: usize) =>
        "`{path}` 中读到 {read} 处引用，只能改写 {found} 处，请手工改写" /
        "`{path}` names the standard {read} times, but only {found} could be rewritten: rewrite it by hand";
    /// `renumber --shift` or `new` naming a category that does not exist.
    unknown_category(category: &str) =>
        "标准库中没有类目 `{category}`（stdkit table --tree 列出全部类目）" /
        "there is no category `{category}` (stdkit table --tree lists them all)";
    /// `--shift` on a category whose numbers have no gap.
    renumber_no_gap(category: &str) =>
        "类目 `{category}` 的编号已连续，无需重编号" /
        "the numbers of category `{category}` have no gap: nothing to renumber";
    /// The heading of what was done.
    renumber_done() => "已重编号：" / "renumbered:";
    /// The heading of `--dry-run`.
    renumber_plan() => "重编号计划（--dry-run，未写入）：" / "renumbering plan (--dry-run, nothing written):";
    /// One standard moved.
    renumber_move(old: &str, new: &str, title: &str) => "{old} → {new}  {title}" / "{old} → {new}  {title}";
    /// A file moved.
    renumber_file_moved(from: &str, to: &str) => "{from} → {to}" / "{from} → {to}";
    /// One value changed in a file.
    renumber_value(key: &str, old: &str, new: &str) =>
        "`{key}`：{old} → {new}" / "`{key}`: {old} → {new}";
    /// A former number kept.
    renumber_former(old: &str) => "`formerly` 加入 {old}" / "`formerly` gains {old}";
    /// A former number that is the standard's number again.
    renumber_former_dropped(new: &str) =>
        "`formerly` 去掉 {new}（重新成为现编号）" / "`formerly` loses {new} (its number again)";
    /// The last line.
    renumber_summary(standards: usize, files: usize, dry_run: bool) {
        let (zh_tail, en_tail) = if dry_run { ("（--dry-run，未写入）", "; --dry-run, nothing written") } else { ("", "") };
    } =>
        "{standards} 项标准重编号，改写 {files} 个文件{zh_tail}" /
        "standards renumbered: {standards}; files rewritten: {files}{en_tail}";
}

// ---------------------------------------------------------------------------------------
// `stdkit log`: the history of the standards.
// ---------------------------------------------------------------------------------------

messages! {
    /// `log` in a repository that is not in a git work tree (or without a commit)
    log_no_git(root: &Path) { let root = root.display(); } =>
        "`{root}` 不在 git 仓库中（或尚无提交），没有历史可列" /
        "`{root}` is not in a git repository (or has no commit yet): there is no history to list";
    /// `log NO` naming no standard, by its current or a former number
    log_unknown_standard(no: &str) =>
        "没有体系表编号（现用或曾用）为 `{no}` 的标准" /
        "no standard has the system number `{no}`, current or former";
    /// `log NO` with something that is not a system number
    log_not_a_number(no: &str) =>
        "`{no}` 不是体系表编号（应为 类目代码-序号，如 101-02）" /
        "`{no}` is not a system number (category code, dash, sequence: 101-02)";
    /// The mark of a commit that only changed whitespace
    log_reformat() => "仅格式调整" / "reformat only";
    /// The heading of a standard's own `[[revision]]` rows
    log_revisions() => "修订记录（标准文件所载）" / "revision table (in the standard's file)";
    /// A standard with neither commits nor revision rows
    log_nothing(as_of: Date) => "截至 {as_of} 没有修订记录" / "no history up to {as_of}";
    /// `log` over a repository none of whose standards has any history
    log_nothing_at_all(as_of: Date) =>
        "截至 {as_of}，没有标准有修订记录" / "no standard has any history up to {as_of}";
}

// ---------------------------------------------------------------------------------------
// `schema`
// ---------------------------------------------------------------------------------------

messages! {
    /// `schema`: a file written because it was absent or stale
    schema_wrote(path: &str) => "已写入 {path}" / "wrote {path}";
    /// `schema --check`: a file that differs from what `schema` would write
    schema_stale(path: &str) => "已过期 {path}" / "stale {path}";
}

// ---------------------------------------------------------------------------------------
// Errors of the system, below the tool's own words
// ---------------------------------------------------------------------------------------

messages! {
    /// SARIF: what `%SRCROOT%`, the base of every result's URI, stands for
    sarif_src_root() =>
        "标准库所在 git 仓库的根目录（路径相对于它；--path-prefix 可另行指定前缀）" /
        "the root of the git checkout that holds the repository (the paths are relative to it; --path-prefix sets the prefix)";
}

messages! {
    /// `git` could not be started (it is there, but would not run)
    git_unrunnable() => "无法运行 `git`" / "failed to run `git`";
    /// `git cat-file --batch` answered something else than the objects asked for
    git_unexpected(detail: &str) =>
        "`git cat-file` 的回答不合预期：{detail}" / "unexpected answer from `git cat-file`: {detail}";
    /// The standard-system workbook could not be made
    workbook_failed() => "无法生成标准体系表工作簿" / "failed to build the workbook";
}

/// An error of the operating system in both languages: the system's own text in English, and
/// in Chinese the kind in words with the system's error number (the system's text would be
/// English whatever the language of the run).
pub fn system_error(error: &std::io::Error) -> Msg {
    use std::io::ErrorKind::*;
    let zh = match error.kind() {
        NotFound => "文件或目录不存在",
        PermissionDenied => "没有权限",
        AlreadyExists => "已经存在",
        NotADirectory => "不是目录",
        IsADirectory => "是目录",
        DirectoryNotEmpty => "目录不为空",
        ReadOnlyFilesystem => "文件系统只读",
        StorageFull => "磁盘空间不足",
        FileTooLarge => "文件过大",
        InvalidFilename => "文件名无效",
        BrokenPipe => "管道已关闭",
        Interrupted => "被中断",
        TimedOut => "超时",
        UnexpectedEof => "文件意外结束",
        OutOfMemory => "内存不足",
        _ => return Msg::new(error.to_string(), error.to_string()),
    };
    let zh = match error.raw_os_error() {
        Some(n) => format!("{zh}（系统错误 {n}）"),
        None => zh.to_owned(),
    };
    Msg::new(zh, error.to_string())
}

// ---------------------------------------------------------------------------------------
// The report layer's lines: the punctuation that joins their parts, and their words
// ---------------------------------------------------------------------------------------

/// The punctuation that joins the parts of a report line in one language: full-width in
/// Chinese, ASCII in English, so that no English line glues `：`, `（` or `、` onto English
/// words. User text (titles, names) keeps its own punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Punct {
    /// After a label: `：` / `: `.
    pub colon: &'static str,
    /// Before an aside: `（` / ` (`.
    pub open: &'static str,
    /// After an aside: `）` / `)`.
    pub close: &'static str,
    /// Between clauses: `；` / `; `.
    pub semi: &'static str,
    /// Between the items of a list: `、` / `, `.
    pub list: &'static str,
    /// An empty cell, or a value that cannot be given: `—` in both (SPEC §5 shows a rate
    /// with a zero denominator as "—"; the em dash is English punctuation too).
    pub none: &'static str,
}

/// The punctuation of `lang` (see [`Punct`]).
pub const fn punct(lang: Lang) -> Punct {
    match lang {
        Lang::Zh => Punct {
            colon: "：",
            open: "（",
            close: "）",
            semi: "；",
            list: "、",
            none: "—",
        },
        Lang::En => Punct {
            colon: ": ",
            open: " (",
            close: ")",
            semi: "; ",
            list: ", ",
            none: "—",
        },
    }
}

messages! {
    /// The heading of a centre's rates: its name and the evaluation period
    rates_heading(center: &str, period: &str) =>
        "{center}（评价期 {period}）" / "{center} (period {period})";
    /// The period of `rates_heading` when the repository has no `[period]`
    rates_all_records() => "全部记录" / "all records";
    /// A rate whose denominator is 0: a dash and the reason, never 0% or 100% (SPEC §5)
    rate_no_value(reason: &Msg) { let (why_zh, why_en) = (&reason.zh, &reason.en); } =>
        "—（分母为 0：{why_zh}）" / "— (denominator is 0: {why_en})";
    /// `table --tree`: a category's count of standards that should exist
    tree_count(n: usize) { let s = if n == 1 { "" } else { "s" }; } =>
        "（{n} 项）" / " ({n} standard{s})";
    /// `table --tree`: what the counts count, under the tree
    tree_counts_note() =>
        "项数为应有标准数（不含被代替、废止）" /
        "counts: standards that should exist (superseded and withdrawn left out)";
}

// ---------------------------------------------------------------------------------------
// The report layer's words: `check`'s summary line and the warning before a computation
// ---------------------------------------------------------------------------------------

messages! {
    /// The last line of `check` (human and short formats): the findings and what was checked
    findings_summary(errors: usize, warnings: usize, standards: usize) {
        let es = if errors == 1 { "" } else { "s" };
        let ws = if warnings == 1 { "" } else { "s" };
        let ss = if standards == 1 { "" } else { "s" };
    } =>
        "{errors} 个错误，{warnings} 个警告（共检查 {standards} 项标准）" /
        "{errors} error{es}, {warnings} warning{ws} ({standards} standard{ss} checked)";
    /// On stderr before `rates`, `table` or `dossier` computes over a repository whose files
    /// did not all load: how many errors loading found
    load_errors_warning(n: usize) { let s = if n == 1 { "" } else { "s" }; } =>
        "警告：标准库读取时有 {n} 个错误（stdkit check 列出），以下结果只据能读取的部分计算" /
        "warning: loading the repository found {n} error{s} (stdkit check lists them); what follows counts only what could be read";
}

// ---------------------------------------------------------------------------------------
// `rates` on the terminal: the table's headings and verdicts, the lines under the table, and
// the dossier's line of what a rate leaves out
// ---------------------------------------------------------------------------------------

messages! {
    /// `rates`: the heading of the column of the rate's name
    rates_heading_rate() => "指标" / "rate";
    /// `rates`: the heading of the numerator's column
    rates_heading_numerator() => "分子" / "numerator";
    /// `rates`: the heading of the denominator's column
    rates_heading_denominator() => "分母" / "denominator";
    /// `rates`: the heading of the value's column
    rates_heading_value() => "数值" / "value";
    /// `rates`: the heading of the target's column
    rates_heading_target() => "目标" / "target";
    /// `rates`: the heading of the verdict's column
    rates_heading_result() => "结论" / "result";
    /// `rates`: the verdict of a rate that meets its target
    rate_pass() => "达标" / "pass";
    /// `rates`: the verdict of a rate below its target
    rate_fail() => "未达标" / "FAIL";
    /// `rates`: the verdict of a rate with a target and a denominator of 0
    rate_unjudged() => "无法判定" / "n/a";
    /// `rates`: under the table, when every target is met
    rates_all_met() => "结论：各项指标均达到目标值" / "result: every target met";
    /// `rates`: under the table, when a target is missed
    rates_some_missed() => "结论：有指标未达到目标值" / "result: some targets missed";
    /// `rates`: under the table, when no target is missed but one cannot be judged
    rates_some_unjudged() =>
        "结论：有指标因分母为 0 无法判定" / "result: some rates cannot be judged (denominator 0)";
    /// `rates`: the records left out because `check` finds them invalid
    rates_excluded(n: u64) { let s = if n == 1 { "" } else { "s" }; } =>
        "已排除 {n} 条不合规记录，详见 `stdkit check`" /
        "excluded {n} invalid record{s}; see `stdkit check`";
    /// `rates`: the label before the definitions of the rates
    rates_definitions() => "计算方法：" / "definitions:";
    /// `rates --details`: the label before what each rate leaves out of its numerator
    rates_uncounted() => "未计入分子的项目：" / "not in the numerator:";
    /// `rates --details`: a rate that leaves nothing out
    rate_uncounted_none(name: &str) => "{name}：无" / "{name}: none";
    /// `rates --details`: a rate that leaves `n` out, before them
    rate_uncounted_count(name: &str, n: u64) => "{name}（{n}）：" / "{name} ({n}):";
    /// `rates --details`: a survey, with its place, and its unsatisfied responses
    uncounted_survey(name: &str, id: &str, n: u64) =>
        "{name}（{id}）：不满意 {n} 条" / "{name} ({id}): {n} not satisfied";
    /// The dossier's line under the rates: a survey and its unsatisfied responses
    uncounted_survey_short(name: &str, n: u64) =>
        "{name} 不满意 {n} 条" / "{name}: {n} not satisfied";
    /// The dossier's line under the rates: a rate that leaves nothing out
    uncounted_summary_none(name: &Msg) { let (name_zh, name_en) = (&name.zh, &name.en); } =>
        "{name_zh}未计入：无" / "{name_en} leaves nothing out";
    /// The dossier's line under the rates: what a rate leaves out, `items` joined
    uncounted_summary(name: &Msg, n: u64, items: &str) {
        let (name_zh, name_en) = (&name.zh, &name.en);
    } =>
        "{name_zh}未计入（{n}）：{items}" / "{name_en} leaves out ({n}): {items}";
}

// ---------------------------------------------------------------------------------------
// `table`: the statistics (统计表), the tree sheet and the task list's overdue days, and the
// workbook's title and sheet names
// ---------------------------------------------------------------------------------------

messages! {
    /// `table --stats`: the heading of the subsystem's column
    stats_heading_subsystem() => "子体系" / "subsystem";
    /// `table --stats` and the tree sheet: the heading of the standards that should exist
    stats_heading_required() => "应有数" / "required";
    /// `table --stats`: the heading of the standards that exist
    stats_heading_existing() => "现有数" / "existing";
    /// `table --stats`: the heading of the share of them that exists
    stats_heading_rate() => "现有率" / "existing rate";
    /// `table --stats`: the line of the grand total, in the subsystem's column
    stats_total() => "合计" / "total";
    /// `table --stats`: a subsystem's subtotal, in the level's column
    stats_subtotal() => "小计" / "subtotal";
    /// The tree sheet: the heading of the category code's column
    tree_heading_code() => "类目代码" / "code";
    /// The tree sheet: the heading of the category title's column
    tree_heading_title() => "类目名称" / "title";
    /// The tree sheet: the heading of the depth's column
    tree_heading_depth() => "层级" / "depth";
    /// The tree sheet: the heading of the standards right in the category
    tree_heading_own() => "本类标准数" / "own";
    /// The tree sheet: the heading of the standards in the category and below
    tree_heading_total() => "含下级标准数" / "total";
    /// `tasks`: how many days a task is overdue
    days_overdue(d: i64) { let s = if d == 1 { "" } else { "s" }; } =>
        "逾期 {d} 天" / "{d} day{s}";
    /// The workbook: its title after the centre's name
    workbook_title() => "标准体系表" / "standard system table";
    /// The workbook: the name of the detail sheet
    sheet_detail() => "标准明细表" / "detail";
    /// The workbook: the name of the statistics sheet
    sheet_stats() => "统计表" / "statistics";
    /// The workbook: the name of the tree sheet
    sheet_tree() => "结构图" / "tree";
}

// ---------------------------------------------------------------------------------------
// Failures of the tool's own writes and reads: a path it refuses to write, a file it cannot
// open, and the directory `init` writes into
// ---------------------------------------------------------------------------------------

messages! {
    /// A failed open or read (`fsx::open_words`)
    cannot_open(path: &str) => "无法打开 `{path}`" / "failed to open `{path}`";
    /// A failed write (`fsx::write_words`)
    cannot_write(path: &str) => "无法写入 `{path}`" / "failed to write `{path}`";
    /// A failed write to standard output (`shell::cannot_write`)
    cannot_write_stdout() => "无法写入标准输出" / "cannot write to stdout";
    /// `-C` absent and the current directory unreadable (`Context::resolve`)
    cannot_read_current_dir() => "无法读取当前目录" / "cannot read the current directory";
    /// `man`: the page could not be made
    man_failed() => "无法生成 man 手册页" / "cannot render the man page";
    /// A path an edit or an output refuses, with `why` (one of the `refuse_*` below)
    refusing_to_write(path: &str, why: &Msg) { let (why_zh, why_en) = (&why.zh, &why.en); } =>
        "拒绝写入 `{path}`：{why_zh}" / "refusing to write `{path}`: {why_en}";
    /// `refusing_to_write`: an edit that plans one file twice
    refuse_planned_twice() => "同一文件计划写入两次" / "planned twice";
    /// `refusing_to_write`: an edit's path that is not a plain relative one
    refuse_not_inside() => "不是标准库内的相对路径" / "not a path inside the repository";
    /// `refusing_to_write`: an edit's path through a symbolic link
    refuse_symlink_on_way() => "路径中有符号链接" / "a symbolic link is on the way";
    /// `refusing_to_write`: an edit's path through something that is not a directory
    refuse_parent_not_dir() => "上级路径不是目录" / "a parent is not a directory";
    /// `refusing_to_write`: an edit that would create a file that exists
    refuse_exists() => "文件已存在，stdkit 不覆盖" / "the file exists; stdkit does not overwrite it";
    /// `refusing_to_write`: an edit of a file changed since it was read
    refuse_changed() => "文件在读取后已被改动" / "the file changed since it was read";
    /// `refusing_to_write`: an output path that names nothing (`/`)
    refuse_not_writable() => "不是可写入的路径" / "not a path that can be written";
    /// `refusing_to_write`: an output path that is a symbolic link
    refuse_symlink() => "它是符号链接" / "it is a symbolic link";
    /// `refusing_to_write`: an output path that is the repository or above it
    refuse_repository() => "它是标准库本身或其上级目录" / "it is the repository or a folder above it";
    /// `refusing_to_write`: an output path among the repository's sources
    refuse_among_sources() =>
        "它位于标准库的源文件之中（请写到标准库之外，或标准库中单独的输出目录）" /
        "it lies among the repository's sources (write outside the repository, or into a folder of its own)";
    /// An output file whose directory does not exist
    output_parent_missing(dir: &str) =>
        "输出位置的上级目录 `{dir}` 不存在" /
        "the directory `{dir}` that would hold the output does not exist";
    /// An output file where something else than a regular file is
    output_not_file(path: &str) =>
        "`{path}` 已存在且不是普通文件，拒绝写入" /
        "`{path}` exists and is not a regular file; refusing to write";
    /// An output file where a file of another format is
    output_other_format(path: &str, ext: &str) =>
        "`{path}` 已存在且不是 `.{ext}` 文件，拒绝覆盖（stdkit 只覆盖同一格式的文件）" /
        "`{path}` exists and is not a `.{ext}` file; refusing to overwrite it (stdkit only replaces files of the format it writes)";
    /// An output directory where something else than a directory is
    output_not_dir(path: &str) =>
        "`{path}` 已存在且不是目录，拒绝写入" /
        "`{path}` exists and is not a directory; refusing to write";
    /// An output directory that holds files and no dossier's `manifest`
    output_not_dossier(path: &str, manifest: &str) =>
        "`{path}` 不是空目录，也不是 stdkit 生成的汇编目录（没有 `{manifest}`），拒绝覆盖" /
        "`{path}` is not empty and is not a dossier written by stdkit (no `{manifest}`); refusing to replace it";
    /// An output directory with `count` files that its dossier's manifest does not list,
    /// `name` the first
    output_foreign(path: &str, name: &str, count: usize) { let more = count - 1; } =>
        "`{path}` 中有不是 stdkit 生成的文件 `{name}`（共 {count} 个），拒绝覆盖" /
        "`{path}` holds `{name}` and {more} more file(s) stdkit did not write; refusing to replace it";
    /// `init` into a directory that holds files
    init_not_empty(dir: &str) =>
        "目录 `{dir}` 不是空目录：stdkit init 只在新目录或空目录中新建标准库" /
        "directory `{dir}` is not empty: stdkit init makes a repository only in a new or empty directory";
    /// `init` into something that is not a directory
    init_not_dir(dir: &str) => "`{dir}` 已存在且不是目录" / "`{dir}` exists and is not a directory";
    /// `init` into a directory whose parent does not exist
    init_no_parent(dir: &str) =>
        "`{dir}` 的上级目录不存在：stdkit init 只新建一级目录" /
        "the parent of `{dir}` does not exist: stdkit init creates one directory, not its parents";
    /// `init`: `git init` failed after the files were written; `detail` is git's stderr
    init_git_failed(detail: &str) =>
        "标准库已写入，但 git init 失败：{detail}" /
        "the repository is written, but git init failed: {detail}";
    /// `init --name` empty
    init_name_empty() =>
        "中心名称为空（--name），如 `--name 安庆市政务服务中心`" /
        "the centre's name (--name) is empty, e.g. `--name 安庆市政务服务中心`";
    /// `table --format xlsx` without `-o`
    table_xlsx_needs_output() =>
        "`--format xlsx` 需要用 `-o FILE` 指定输出文件" / "`--format xlsx` needs `-o FILE`";
    /// `tasks` on the terminal with no task
    tasks_none() => "没有尚未实施的标准" / "no standard is waiting to be put in force";
}

// ---------------------------------------------------------------------------------------
// What a file is when it is not a regular one (`file/special`)
// ---------------------------------------------------------------------------------------

messages! {
    /// `file/special`: a FIFO
    special_fifo() => "命名管道（FIFO）" / "a named pipe (FIFO)";
    /// `file/special`: a character or block device
    special_device() => "设备文件" / "a device";
    /// `file/special`: a socket
    special_socket() => "套接字" / "a socket";
    /// `file/special`: a directory
    special_directory() => "目录" / "a directory";
    /// `file/special`: a symlink to a directory, in the walk
    special_dir_symlink() => "指向目录的符号链接" / "a symlink to a directory";
    /// `file/special`: anything else that is not a regular file
    special_other() => "特殊文件" / "a special file";
}

// ---------------------------------------------------------------------------------------
// Why a string is not a standard number (`CodeError::reason`); `s` is the input as written
// ---------------------------------------------------------------------------------------

messages! {
    /// Nothing written
    code_reason_empty() => "标准编号为空" / "the standard number is empty";
    /// A document number (文号) such as `皖政办〔2020〕1号`
    code_reason_document_number(s: &str) =>
        "`{s}` 是文件编号（文号），不是标准编号" / "`{s}` is a document number, not a standard number";
    /// A design-atlas number
    code_reason_design_atlas(s: &str) =>
        "`{s}` 是标准图集号，不是标准编号" / "`{s}` is a design-atlas number, not a standard number";
    /// A range of standards
    code_reason_range(s: &str) =>
        "`{s}` 是一组标准的范围，请逐个列出标准编号" /
        "`{s}` is a range of standards; list each standard number separately";
    /// Chinese characters in it
    code_reason_chinese(s: &str) =>
        "`{s}` 含有汉字，标准编号只由代号、顺序号和年代号组成" /
        "`{s}` contains Chinese characters; a standard number is only prefix, sequence and year";
    /// A character that has no place in a standard number
    code_reason_unexpected_char(s: &str, c: char) =>
        "`{s}` 含有无法识别的字符 `{c}`" / "`{s}` contains an unexpected character `{c}`";
    /// No prefix
    code_reason_no_prefix(s: &str) =>
        "`{s}` 缺少标准代号（如 `GB/T`）" / "`{s}` does not start with a standard prefix such as `GB/T`";
    /// An unknown prefix, with a `hint` (one of `code_hint_*`) when one helps
    code_reason_unknown_prefix(s: &str, prefix: &str, hint: Option<&Msg>) {
        let (hint_zh, hint_en) = hint.map_or(("", ""), |h| (h.zh.as_str(), h.en.as_str()));
    } =>
        "`{s}` 的标准代号 `{prefix}` 无法识别{hint_zh}" / "`{s}` has an unknown prefix `{prefix}`{hint_en}";
    /// `code_reason_unknown_prefix`: a prefix that looks like a group's
    code_hint_group() =>
        "；团体标准写作 `T/` 加团体代号" / "; group standards are written `T/` and the association code";
    /// `code_reason_unknown_prefix`: a prefix that looks like an enterprise's
    code_hint_enterprise() =>
        "；企业标准写作 `Q/` 加企业代号" /
        "; enterprise standards are written `Q/` and the organization code";
    /// `code_reason_unknown_prefix`: a known prefix close to it
    code_hint_did_you_mean(p: &str) => "，是否应为 `{p}`？" / ", did you mean `{p}`?";
    /// An international or foreign standard
    code_reason_foreign(s: &str) =>
        "`{s}` 是国际或国外标准编号，不是中国标准编号" /
        "`{s}` is an international or foreign standard number, not a Chinese one";
    /// `DB34` without `/T`, `/Z` or `/`
    code_reason_local_without_slash(s: &str) =>
        "`{s}` 的地方标准代号在行政区划代码后缺少 `/T`、`/Z` 或 `/`" /
        "`{s}`: a local standard prefix needs `/T`, `/Z` or `/` after the division code";
    /// `DB` with fewer than two digits of division code
    code_reason_short_division(s: &str) =>
        "`{s}` 的行政区划代码至少应有两位数字" /
        "`{s}`: the division code after `DB` needs at least two digits";
    /// A group standard's association code that is too short or starts with a digit
    code_reason_association(s: &str, code: &str) =>
        "`{s}` 的团体代号 `{code}` 应以字母开头且至少有两个字符" /
        "`{s}`: the association code `{code}` must start with a letter and have at least two characters";
    /// No sequence number
    code_reason_no_sequence(s: &str) => "`{s}` 缺少顺序号" / "`{s}` has no sequence number";
    /// A part number that is empty (`GB/T 1.-2020`)
    code_reason_empty_part(s: &str) => "`{s}` 的部分号为空" / "`{s}` has an empty part number";
    /// A part number of two levels
    code_reason_two_level_part(s: &str) =>
        "`{s}` 的部分号只能有一级（如 `.1`，不能是 `.1.1`）" /
        "`{s}` has a two-level part number; a part has one level only (`.1`, never `.1.1`)";
    /// No year
    code_reason_no_year(s: &str) => "`{s}` 缺少年代号" / "`{s}` has no year";
    /// A year of other than two or four digits
    code_reason_year_digits(s: &str, year: &str) =>
        "`{s}` 的年代号 `{year}` 应为四位数字" / "`{s}` has the year `{year}`; a year has four digits";
    /// A two-digit year that cannot be 1950 to 1994
    code_reason_two_digit_year(s: &str, year: &str) =>
        "`{s}` 的两位年代号 `{year}` 不可能（两位年代号读作 19YY，只用于 1950—1994 年）；请写四位年份" /
        "`{s}` has the impossible two-digit year `{year}` (two digits read as 19YY, 1950–1994); write four digits";
    /// A year before 1900
    code_reason_early_year(s: &str, year: &str) =>
        "`{s}` 的年代号 `{year}` 早于 1900 年" / "`{s}` has the year `{year}`, before 1900";
    /// An amendment's number
    code_reason_amendment(s: &str) =>
        "`{s}` 是标准修改单编号，不是标准编号" / "`{s}` is an amendment, not a standard number";
    /// Text after the number that has no place in it
    code_reason_unexpected(s: &str, rest: &str) =>
        "`{s}` 中的 `{rest}` 无法识别" / "`{s}` has unexpected text `{rest}`";
}

// ---------------------------------------------------------------------------------------
// The PDF writer's failures (typst's own words are English)
// ---------------------------------------------------------------------------------------

messages! {
    /// A typst error in typst's words, with its hints
    pdf_typst(message: &str, hints: &[String]) {
        let zh_hints: String = hints.iter().map(|h| format!("；提示：{h}")).collect();
        let en_hints: String = hints.iter().map(|h| format!("; hint: {h}")).collect();
    } => "{message}{zh_hints}" / "{message}{en_hints}";
    /// A typst error placed at a line of a Markdown file, in a section of the volume or not
    pdf_error_at(path: &str, line: u32, section: Option<&str>, words: &Msg) {
        let sec_zh = section.map(|s| format!("（{s}）")).unwrap_or_default();
        let sec_en = section.map(|s| format!(" (section “{s}”)")).unwrap_or_default();
        let (zh, en) = (&words.zh, &words.en);
    } => "`{path}` 第 {line} 行{sec_zh}：{zh}" / "`{path}` line {line}{sec_en}: {en}";
    /// A typst error in one or more sections of the volume
    pdf_error_in(sections: &[&str], words: &Msg) {
        let quoted: Vec<String> = sections.iter().map(|s| format!("“{s}”")).collect();
        let (list_zh, list_en) = (quoted.join("、"), quoted.join(", "));
        let (zh, en) = (&words.zh, &words.en);
    } => "章节{list_zh}：{zh}" / "section {list_en}: {en}";
    /// The PDF could not be laid out (`typesetting`) or written (else), with every error
    pdf_failed(typesetting: bool, errors: &[Msg]) {
        let (stage_zh, stage_en) = if typesetting { ("排版", "typesetting") } else { ("导出", "export") };
        let zh = errors.iter().map(|m| m.zh.as_str()).collect::<Vec<_>>().join("；");
        let en = errors.iter().map(|m| m.en.as_str()).collect::<Vec<_>>().join("; ");
    } => "PDF 汇编{stage_zh}失败：{zh}" / "PDF dossier: {stage_en} failed: {en}";
}

// ---------------------------------------------------------------------------------------
// The dossier's fonts
// ---------------------------------------------------------------------------------------

messages! {
    /// `[dossier] fonts` naming a folder outside the repository
    fonts_outside(dir: &str) =>
        "`[dossier] fonts` 中的 `{dir}` 不在标准库之内；标准库之外的字体请用 --font-path" /
        "`{dir}` in `[dossier] fonts` is outside the repository; use --font-path for fonts elsewhere";
    /// `[dossier] fonts` naming a folder of the repository that links out of it
    fonts_link_outside(dir: &str) =>
        "`[dossier] fonts` 中的 `{dir}` 是指向标准库之外的链接；标准库之外的字体请用 --font-path" /
        "`{dir}` in `[dossier] fonts` links outside the repository; use --font-path for fonts elsewhere";
}

// ---------------------------------------------------------------------------------------
// `new`
// ---------------------------------------------------------------------------------------

messages! {
    /// `new --title` with nothing in it
    new_title_empty() =>
        "标准名称为空（--title）" / "the title of the standard (--title) is empty";
    /// `new --status` trial or later without `--code`
    new_needs_code(status: Status) { let zh = status.zh(); } =>
        "状态为“{zh}”的标准应有标准编号：请加 --code" /
        "a standard with status `{status}` needs a code: add --code";
    /// `new` in a category whose every sequence of `seq-width` digits is taken
    new_sequences_used(category: &str, width: u8) =>
        "类目 `{category}` 的 {width} 位序号已用完（seq-width = {width}）" /
        "category `{category}` has used every {width}-digit sequence (seq-width = {width})";
    /// `new --title` that leaves nothing for a file name
    new_no_file_name(title: &str) =>
        "标准名称 `{title}` 去掉不能用于文件名的字符后为空" /
        "the title `{title}` leaves nothing for a file name";
    /// `new CATEGORY` matching two categories
    new_category_ambiguous(category: &str, first: &str, second: &str) =>
        "类目 `{category}` 不止一个（`{first}` 与 `{second}`），请先改正类目代码" /
        "category `{category}` is not one (`{first}` and `{second}`); correct the category codes first";
    /// `new --code` that is not a standard number
    new_code_invalid(reason: &Msg) { let (why_zh, why_en) = (&reason.zh, &reason.en); } =>
        "--code 不是有效的标准编号：{why_zh}" / "--code is not a standard number: {why_en}";
    /// `new --code` of a standard the repository has
    new_code_used(code: &StdCode, path: &str) =>
        "标准编号 `{code}` 已由 `{path}` 使用" / "standard number `{code}` is already used by `{path}`";
}

// ---------------------------------------------------------------------------------------
// The command line: descriptions, clap's frame and its usage errors
// ---------------------------------------------------------------------------------------

pub mod cli;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_fills_both_templates() {
        let m = number_duplicate("101-02");
        assert_eq!(
            (m.zh.as_str(), m.en.as_str()),
            (
                "体系表编号 `101-02` 重复",
                "system number `101-02` is used twice"
            )
        );
        // What findings sort by beside code and position.
        assert_eq!(
            (m.key, m.data),
            ("number_duplicate", vec!["\"101-02\"".to_owned()])
        );
        assert_eq!(
            glyph_missing(0xE000, 2).zh,
            "字符（U+E000）不在汇编所用的任何字体中，PDF 中将印成方框（本文件共 2 处）"
        );
    }

    #[test]
    fn a_thing_used_twice_is_worded_alike() {
        let code: StdCode = "GB/T 24421.1-2009".parse().unwrap();
        for m in [
            number_duplicate("x"),
            category_code_duplicate("x"),
            staff_duplicate("x"),
            code_duplicate(&code),
        ] {
            assert!(m.zh.ends_with("` 重复"), "{}", m.zh);
            assert!(m.en.ends_with("` is used twice"), "{}", m.en);
        }
    }

    #[test]
    fn an_end_before_its_start_is_worded_alike() {
        let (to, from) = ("2014-01-01".parse().unwrap(), "2014-12-31".parse().unwrap());
        assert_eq!(
            period_order(to, from).en,
            format!("`[period]` {}", survey_order(to, from).en)
        );
    }

    #[test]
    fn a_key_is_placed_in_its_table_only_when_it_has_one() {
        let m = field_missing("from", "period");
        assert_eq!(
            (m.zh.as_str(), m.en.as_str()),
            (
                "`[period]` 缺少必填字段 `from`",
                "missing required key `from` in `[period]`"
            )
        );
        assert_eq!(field_missing("no", "").en, "missing required key `no`");
        let m = toml_unknown_key("titel", "", Some("title"));
        assert_eq!(
            (m.zh.as_str(), m.en.as_str()),
            (
                "未定义的键 `titel`，是否应为 `title`？",
                "unknown key `titel`; did you mean `title`?"
            )
        );
    }
}

// ---------------------------------------------------------------------------------------
// Column headings of the detail table (明细表) and the task list, in full and abbreviated:
// a narrow terminal shows the short one in a column whose heading is wider than its cells.
// ---------------------------------------------------------------------------------------

/// A column heading: in full, and abbreviated for a narrow column (the same words when there
/// is nothing shorter worth printing).
pub struct Heading {
    pub full: Msg,
    pub short: Msg,
}

/// Declares one function per heading: its Chinese and English words, then the short ones.
macro_rules! headings {
    ($(
        $(#[$doc:meta])*
        $name:ident() => $zh:literal / $en:literal, short $szh:literal / $sen:literal;
    )*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> Heading {
                Heading { full: Msg::new($zh, $en), short: Msg::new($szh, $sen) }
            }
        )*
    };
}

headings! {
    /// The row number
    heading_index() => "序号" / "#", short "序号" / "#";
    /// 体系表编号
    heading_system_no() => "体系表编号" / "system no", short "编号" / "no";
    /// 标准编号
    heading_code() => "标准编号" / "code", short "标准编号" / "code";
    /// 标准名称
    heading_title() => "标准名称" / "title", short "标准名称" / "title";
    /// 级别
    heading_level() => "级别" / "level", short "级别" / "level";
    /// 来源
    heading_origin() => "来源" / "origin", short "来源" / "origin";
    /// 状态
    heading_status() => "状态" / "status", short "状态" / "status";
    /// 实施日期
    heading_effective() => "实施日期" / "effective", short "实施" / "from";
    /// 代替标准号
    heading_replaces() => "代替标准号" / "replaces", short "代替" / "repl";
    /// 责任科室
    heading_unit() => "责任科室" / "unit", short "科室" / "unit";
    /// 责任人 (a task's owner)
    heading_owner() => "责任人" / "owner", short "责任人" / "owner";
    /// 完成时限 (a task's due date)
    heading_due() => "完成时限" / "due", short "时限" / "due";
    /// 逾期 (how long a task is overdue)
    heading_overdue() => "逾期" / "overdue", short "逾期" / "late";
}
