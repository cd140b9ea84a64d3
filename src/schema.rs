//! The file formats, described once: document types from which the JSON Schemas are
//! generated (schemars) and from which the loader takes the keys each table accepts
//! ([`keys`]); the descriptions are the hover text editors show.

#![allow(dead_code, reason = "the types exist to be described, not constructed")]

use schemars::{JsonSchema, Schema, schema_for};

use crate::model::{CenterLevel, Kind, Level, Origin, Outcome, Status};

/// A date written as a TOML local date, e.g. `2014-12-31`: taplo validates it as a string of
/// `format: date`, so `rectified = "soon"` is flagged in the editor.
struct TomlDate;

impl JsonSchema for TomlDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TomlDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> Schema {
        schemars::json_schema!({"type": "string", "format": "date"})
    }
}

/// stdkit.toml：标准库清单
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "stdkit.toml")]
pub struct ManifestDoc {
    /// 中心信息（必填）
    center: CenterDoc,
    /// 编号规则（必填）
    numbering: NumberingDoc,
    /// 规划目标值（缺省为规划数值）
    targets: Option<TargetsDoc>,
    /// 记录的评价期（有记录时必填）
    period: Option<PeriodDoc>,
    /// 验收材料汇编
    dossier: Option<DossierDoc>,
    /// 下属（县级）中心的标准库
    member: Option<Vec<MemberDoc>>,
}

/// 中心信息
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct CenterDoc {
    /// 中心名称，如“安庆市政务服务中心”
    name: String,
    /// 中心级别：city（市级）或 county（县级），缺省 city
    level: Option<CenterLevel>,
}

/// 编号规则
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct NumberingDoc {
    /// 本中心标准编号的代号，如 "Q/AQZW"
    internal_prefix: String,
    /// 体系表编号中序号的位数（缺省 2）
    #[schemars(range(min = 1, max = 9))]
    seq_width: Option<u8>,
}

/// 规划目标值（0 到 1 之间的小数）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct TargetsDoc {
    /// 标准化覆盖率目标（缺省 0.90）
    #[schemars(range(min = 0.0, max = 1.0))]
    coverage: Option<f64>,
    /// 标准实施率目标（缺省 0.95）
    #[schemars(range(min = 0.0, max = 1.0))]
    implementation: Option<f64>,
    /// 全员参训率目标（缺省 0.95）
    #[schemars(range(min = 0.0, max = 1.0))]
    training: Option<f64>,
    /// 满意率目标（缺省 0.98）
    #[schemars(range(min = 0.0, max = 1.0))]
    satisfaction: Option<f64>,
    /// 下属中心通过验收的比例目标（缺省 0.80）
    #[schemars(range(min = 0.0, max = 1.0))]
    member_acceptance: Option<f64>,
}

/// 评价期（含首尾两日）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct PeriodDoc {
    /// 开始日期，如 2014-01-01
    from: TomlDate,
    /// 结束日期，如 2014-12-31
    to: TomlDate,
}

/// 验收材料汇编
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct DossierDoc {
    /// 汇编标题
    title: Option<String>,
    /// 各部分的顺序：cover, contents, system-table, rates, tasks, standards, inspections,
    /// trainings, surveys, audits, history, changes，或 dossier/ 下的 Markdown 文件路径
    sections: Option<Vec<String>>,
    /// PDF 另外使用的字体目录（相对于标准库根目录，如 "fonts"），优先于内置字体，并记入
    /// manifest.json；缺省只用内置字体
    fonts: Option<Vec<String>>,
    /// “changes”部分所比较的 git 版本（如上次验收时的标签 "2013-验收"）：列出此后标准体系的变化
    changes_since: Option<String>,
}

/// 下属中心
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct MemberDoc {
    /// 下属中心标准库的路径（相对于本文件）
    path: String,
}

/// 标准的元数据（.toml 文件，或 .md 文件的 +++ 元数据头）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "标准")]
pub struct StandardDoc {
    /// 体系表编号：类目代码-序号，如 "101-02"
    no: String,
    /// 标准名称
    title: String,
    /// 级别
    level: Level,
    /// 来源：非中心标准为 adopted（采标）
    origin: Origin,
    /// 状态
    status: Status,
    /// 标准编号，如 "GB/T 24421.1-2009"；试行及以后状态必填
    code: Option<String>,
    /// 类型
    kind: Option<Kind>,
    /// 责任科室/窗口
    unit: Option<String>,
    /// 责任人
    owner: Option<String>,
    /// 完成时限
    due: Option<TomlDate>,
    /// 发布日期
    published: Option<TomlDate>,
    /// 实施日期（不早于发布日期）
    effective: Option<TomlDate>,
    /// 代替的标准编号
    replaces: Option<Vec<String>>,
    /// 规范性引用文件的标准编号
    references: Option<Vec<String>>,
    /// 本标准覆盖的岗位、事项和设施
    covers: Option<CoversDoc>,
    /// 曾用体系表编号
    formerly: Option<Vec<String>>,
    /// 修订记录：本标准各版次的版本、日期与说明，与 git 历史并列显示
    revision: Option<Vec<RevisionDoc>>,
}

/// 修订记录的一行
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RevisionDoc {
    /// 版本，如 "A/1" 或 "第2版"
    version: Option<String>,
    /// 修订日期
    date: Option<TomlDate>,
    /// 修订说明
    note: Option<String>,
}

/// 覆盖范围（scope/ 中的编号）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct CoversDoc {
    /// 岗位编号（scope/posts.toml）
    posts: Option<Vec<String>>,
    /// 服务事项编号（scope/services.toml）
    services: Option<Vec<String>>,
    /// 设施设备编号（scope/assets.toml）
    assets: Option<Vec<String>>,
}

/// 类目（_index.md 的 +++ 元数据头）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "类目")]
pub struct CategoryDoc {
    /// 类目代码（数字，以上级类目代码开头），如 "101"
    code: String,
    /// 类目名称
    title: String,
}

/// 覆盖范围登记（scope/posts.toml、services.toml、assets.toml）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "覆盖范围")]
pub struct ScopeDoc {
    /// 岗位（posts.toml）
    post: Option<Vec<ScopeItemDoc>>,
    /// 服务事项（services.toml）
    service: Option<Vec<ScopeItemDoc>>,
    /// 设施设备（assets.toml）
    asset: Option<Vec<ScopeItemDoc>>,
}

/// 一个岗位、事项或设施
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct ScopeItemDoc {
    /// 编号（本文件内唯一）
    id: String,
    /// 名称
    name: String,
    /// 所属科室/窗口
    unit: Option<String>,
}

/// 人员名册（records/staff.toml）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "人员名册")]
pub struct StaffDoc {
    /// 工作人员
    staff: Vec<StaffItemDoc>,
}

/// 一名工作人员
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct StaffItemDoc {
    /// 人员编号
    id: String,
    /// 姓名
    name: String,
    /// 科室/窗口
    unit: Option<String>,
    /// 岗位编号（scope/posts.toml）
    post: Option<String>,
}

/// 监督检查记录（records/inspections/*.toml）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "监督检查记录")]
pub struct InspectionsDoc {
    /// 检查
    inspection: Vec<InspectionDoc>,
}

/// 一次检查
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct InspectionDoc {
    /// 检查日期
    date: TomlDate,
    /// 被检查标准的体系表编号
    standard: String,
    /// 检查人
    inspector: String,
    /// 结果：conform（符合）或 nonconform（不符合）
    result: Outcome,
    /// 发现的问题（不符合时必填）
    finding: Option<String>,
    /// 整改完成日期
    rectified: Option<TomlDate>,
}

/// 培训记录（records/trainings/*.toml）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "培训记录")]
pub struct TrainingsDoc {
    /// 培训
    training: Vec<TrainingDoc>,
}

/// 一次培训
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct TrainingDoc {
    /// 培训日期
    date: TomlDate,
    /// 培训主题
    topic: String,
    /// 宣贯的标准（体系表编号）
    standards: Option<Vec<String>>,
    /// 参训人员编号（records/staff.toml）
    attendees: Vec<String>,
}

/// 满意度调查记录（records/surveys/*.toml）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "满意度调查记录")]
pub struct SurveysDoc {
    /// 调查
    survey: Vec<SurveyDoc>,
}

/// 一次调查
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct SurveyDoc {
    /// 开始日期
    from: TomlDate,
    /// 结束日期
    to: TomlDate,
    /// 方式，如“评价器”“电话回访”“问卷”
    method: String,
    /// 有效答复数
    responses: u64,
    /// 满意数（不大于答复数）
    satisfied: u64,
}

/// 内审报告（records/audits/*.md 的 +++ 元数据头）
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "内审报告")]
pub struct AuditDoc {
    /// 报告标题
    title: String,
    /// 审核日期
    date: TomlDate,
    /// 审核员
    auditors: Option<Vec<String>>,
}

/// The keys of every table of the format, taken from the document types above: what the
/// loader accepts (anything else is `toml/unknown-key`, with a "did you mean" among these), so
/// that the format is written down once, here.
pub mod keys {
    use std::sync::LazyLock;

    use schemars::schema_for;

    /// The keys of one table, sorted.
    pub type Keys = LazyLock<&'static [&'static str]>;

    /// The property names at `pointer` of a schema, leaked once per process.
    fn props(schema: schemars::Schema, pointer: &str) -> &'static [&'static str] {
        let value = schema.to_value();
        let keys: Vec<&'static str> = value
            .pointer(pointer)
            .and_then(|p| p.as_object())
            .map(|m| {
                m.keys()
                    .map(|k| &*Box::leak(k.clone().into_boxed_str()))
                    .collect()
            })
            .unwrap_or_default();
        assert!(!keys.is_empty(), "no properties at {pointer}");
        Box::leak(keys.into_boxed_slice())
    }

    /// One key list per table: the document type and the pointer to its properties.
    macro_rules! keys {
        ($($name:ident = $doc:ident $pointer:literal;)*) => {
            $(pub static $name: Keys = LazyLock::new(|| props(schema_for!(super::$doc), $pointer));)*
        };
    }

    keys! {
        ROOT = ManifestDoc "/properties";
        CENTER = ManifestDoc "/$defs/CenterDoc/properties";
        NUMBERING = ManifestDoc "/$defs/NumberingDoc/properties";
        TARGET = ManifestDoc "/$defs/TargetsDoc/properties";
        PERIOD = ManifestDoc "/$defs/PeriodDoc/properties";
        DOSSIER = ManifestDoc "/$defs/DossierDoc/properties";
        MEMBER = ManifestDoc "/$defs/MemberDoc/properties";
        STANDARD = StandardDoc "/properties";
        COVERS = StandardDoc "/$defs/CoversDoc/properties";
        REVISION = StandardDoc "/$defs/RevisionDoc/properties";
        CATEGORY = CategoryDoc "/properties";
        SCOPE_ITEM = ScopeDoc "/$defs/ScopeItemDoc/properties";
        STAFF = StaffDoc "/$defs/StaffItemDoc/properties";
        INSPECTION = InspectionsDoc "/$defs/InspectionDoc/properties";
        TRAINING = TrainingsDoc "/$defs/TrainingDoc/properties";
        SURVEY = SurveysDoc "/$defs/SurveyDoc/properties";
        AUDIT = AuditDoc "/properties";
    }
}

/// Every schema with its file name under `schema/`.
pub fn all() -> Vec<(&'static str, Schema)> {
    vec![
        ("stdkit.schema.json", schema_for!(ManifestDoc)),
        ("standard.schema.json", schema_for!(StandardDoc)),
        ("category.schema.json", schema_for!(CategoryDoc)),
        ("scope.schema.json", schema_for!(ScopeDoc)),
        ("staff.schema.json", schema_for!(StaffDoc)),
        ("inspections.schema.json", schema_for!(InspectionsDoc)),
        ("trainings.schema.json", schema_for!(TrainingsDoc)),
        ("surveys.schema.json", schema_for!(SurveysDoc)),
        ("audit.schema.json", schema_for!(AuditDoc)),
    ]
}

/// The rendered text of every schema file.
pub fn rendered() -> Vec<(&'static str, String)> {
    all()
        .into_iter()
        .map(|(name, schema)| {
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            (name, text)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys that hold a date, in one table or another.
    const DATE_KEYS: [&str; 7] = [
        "date",
        "from",
        "to",
        "due",
        "published",
        "effective",
        "rectified",
    ];

    #[test]
    fn every_date_field_says_format_date() {
        fn dates(v: &serde_json::Value, key: Option<&str>, found: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(map) => {
                    if let Some(k) = key
                        && DATE_KEYS.contains(&k)
                    {
                        assert_eq!(map.get("format"), Some(&"date".into()), "{k}: {v}");
                        found.push(k.to_owned());
                    }
                    if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                        for (k, p) in props {
                            dates(p, Some(k), found);
                        }
                    }
                    for (k, child) in map {
                        if k != "properties" {
                            dates(child, None, found);
                        }
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|x| dates(x, None, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        for (_, schema) in all() {
            dates(&schema.to_value(), None, &mut found);
        }
        for key in DATE_KEYS {
            assert!(found.iter().any(|f| f == key), "{key} in no schema");
        }
    }
    #[test]
    fn every_table_has_its_keys() {
        for keys in [
            &keys::ROOT,
            &keys::CENTER,
            &keys::NUMBERING,
            &keys::TARGET,
            &keys::PERIOD,
            &keys::DOSSIER,
            &keys::MEMBER,
            &keys::STANDARD,
            &keys::COVERS,
            &keys::REVISION,
            &keys::CATEGORY,
            &keys::SCOPE_ITEM,
            &keys::STAFF,
            &keys::INSPECTION,
            &keys::TRAINING,
            &keys::SURVEY,
            &keys::AUDIT,
        ] {
            assert!(!keys.is_empty());
        }
        assert!(keys::STANDARD.contains(&"formerly"));
        assert_eq!(*keys::COVERS, ["assets", "posts", "services"]);
        assert!(keys::STANDARD.contains(&"revision"));
        assert_eq!(*keys::REVISION, ["date", "note", "version"]);
    }

    #[test]
    fn committed_schemas_are_up_to_date() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        for (name, text) in rendered() {
            let on_disk = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(
                on_disk == text,
                "schema/{name} is stale: run `cargo run -- schema`"
            );
        }
    }
}
