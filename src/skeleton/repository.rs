//! A new repository (`stdkit init`): the manifest, the plan's four subsystems and their
//! categories (DOMAIN.md), empty scope and record files holding commented examples, the
//! dossier's hand-written chapters, a `.gitignore` and CI definitions that run `stdkit check`.
//! Every file is one that `check` reads without a finding.

use super::toml_string;
use crate::finding::Msg;
use crate::model::{CenterLevel, CodeKind, StdCode};

/// A subsystem of the plan: its code, title and categories (code, title).
pub struct Subsystem {
    pub code: &'static str,
    pub title: &'static str,
    pub categories: &'static [(&'static str, &'static str)],
}

/// The plan's four subsystems and their categories, as DOMAIN.md lists them.
pub const PLAN: &[Subsystem] = &[
    Subsystem {
        code: "1",
        title: "通用基础标准体系",
        categories: &[
            ("101", "标准化管理的基本规定"),
            ("102", "方针目标"),
            ("103", "管理办法"),
            ("104", "标准体系编制原则"),
            ("105", "服务标准化工作指南"),
            ("106", "术语"),
            ("107", "符号与标志"),
            ("108", "电子政务"),
            ("109", "公文"),
        ],
    },
    Subsystem {
        code: "2",
        title: "服务提供标准体系",
        categories: &[
            ("201", "服务规范"),
            ("202", "服务提供规范"),
            ("203", "服务过程控制规范"),
        ],
    },
    Subsystem {
        code: "3",
        title: "服务保障标准体系",
        categories: &[
            ("301", "组织机构"),
            ("302", "窗口建设"),
            ("303", "日常运行管理"),
            ("304", "资产财务管理"),
            ("305", "安全应急管理"),
            ("306", "公共环境管理"),
            ("307", "信息化管理"),
        ],
    },
    Subsystem {
        code: "4",
        title: "服务评价与改进标准体系",
        categories: &[
            ("401", "监督检查"),
            ("402", "奖惩措施"),
            ("403", "投诉处理"),
            ("404", "绩效评价"),
            ("405", "满意度评价和改进"),
        ],
    },
];

/// What the new repository is for.
pub struct Centre<'a> {
    /// 中心名称, trimmed and not empty.
    pub name: &'a str,
    /// The internal prefix in its canonical form (see [`internal_prefix`]).
    pub prefix: &'a str,
    pub level: CenterLevel,
    /// The year the commented examples are dated in (the as-of year).
    pub year: i16,
}

/// The canonical form of a centre's own prefix (`Q/AQZW`), read with the standard-number
/// parser: it must be what a code such as `Q/AQZW 10101-2014` starts with.
pub fn internal_prefix(text: &str) -> Result<String, Msg> {
    let written = text.trim();
    if written.is_empty() {
        return Err(crate::messages::prefix_empty());
    }
    let sample = format!("{written} 10101-2014");
    match StdCode::parse(&sample) {
        Ok((code, _)) if code.kind() == CodeKind::Enterprise => Ok(code.prefix().to_owned()),
        Ok(_) => Err(crate::messages::prefix_not_internal(written)),
        Err(e) => Err(crate::messages::prefix_invalid(written, &e)),
    }
}

/// Every file of the new repository: repository-relative path and text, in a fixed order.
pub fn files(centre: &Centre<'_>) -> Vec<(String, String)> {
    let mut out = vec![
        ("stdkit.toml".to_owned(), manifest(centre)),
        (".gitignore".to_owned(), GITIGNORE.to_owned()),
        (".github/workflows/stdkit.yml".to_owned(), GITHUB.to_owned()),
        (".gitlab-ci.yml".to_owned(), GITLAB.to_owned()),
    ];
    for sub in PLAN {
        let dir = format!("system/{}-{}", sub.code, sub.title);
        out.push((
            format!("{dir}/_index.md"),
            index(sub.code, sub.title, SUBSYSTEM_NOTE),
        ));
        for (code, title) in sub.categories {
            out.push((
                format!("{dir}/{code}-{title}/_index.md"),
                index(code, title, CATEGORY_NOTE),
            ));
        }
    }
    let year = centre.year;
    out.extend([
        ("scope/posts.toml".to_owned(), POSTS.to_owned()),
        ("scope/services.toml".to_owned(), SERVICES.to_owned()),
        ("scope/assets.toml".to_owned(), ASSETS.to_owned()),
        ("records/README.md".to_owned(), records_readme(year)),
        ("records/staff.toml".to_owned(), STAFF.to_owned()),
        (
            format!("records/inspections/{year}.toml"),
            inspections(year),
        ),
        (format!("records/trainings/{year}.toml"), trainings(year)),
        (format!("records/surveys/{year}.toml"), surveys(year)),
    ]);
    for (name, text) in chapters(centre) {
        out.push((format!("dossier/{name}"), text));
    }
    out
}

fn manifest(c: &Centre<'_>) -> String {
    let name = toml_string(c.name);
    let prefix = toml_string(c.prefix);
    let level = toml_string(c.level.as_str());
    let title = toml_string(&format!("{}标准化建设验收材料汇编", c.name));
    let year = c.year;
    format!(
        r#"# 标准库清单：[center] 与 [numbering] 必填，其余各节按需去掉行首的 # 启用。
# 各键的含义见 stdkit 的 docs/format.md。

[center]
name = {name}
level = {level}                  # city 市级中心 | county 县级中心

[numbering]
internal-prefix = {prefix}       # 中心标准编号的代号，如 Q/AQZW 10101-2014
seq-width = 2                    # 体系表编号中序号的位数（101-01）

# 各项指标的目标值；不写时即为下列规划目标。
# [targets]
# coverage = 0.90                # 标准化覆盖率
# implementation = 0.95          # 标准实施率
# training = 0.95                # 全员参训率
# satisfaction = 0.98            # 满意率
# member-acceptance = 0.80       # 县级中心验收通过率（有 [[member]] 时）

# 实施记录的评价期；records/ 下有检查、培训或测评记录时必填。
# [period]
# from = {year}-01-01
# to = {year}-12-31

# 验收材料汇编（stdkit dossier）的书名与章节顺序。
# [dossier]
# title = {title}
# sections = ["cover", "contents", "dossier/01-验收申请.md", "dossier/02-工作总结.md", "dossier/03-自评报告.md",
#             "system-table", "rates", "tasks", "standards", "trainings", "inspections", "audits", "surveys", "history"]

# 市级中心：每个县级中心的标准库一节（路径相对于本文件）。
# [[member]]
# path = "../huaining"
"#
    )
}

const SUBSYSTEM_NOTE: &str =
    "（请替换为本子体系的编制说明：收录范围、所含类目、编制依据和归口管理科室。）";

const CATEGORY_NOTE: &str =
    "（请替换为本类目的编制说明：收录哪些标准，采用与制定的依据，责任科室。）";

fn index(code: &str, title: &str, note: &str) -> String {
    format!(
        "+++\ncode = {}\ntitle = {}\n+++\n\n# {title}编制说明\n\n{note}\n",
        toml_string(code),
        toml_string(title)
    )
}

const GITIGNORE: &str = "\
# stdkit dossier 的输出目录（stdkit dossier -o 汇编）
/汇编/
/out/
# 办公软件、编辑器和操作系统留下的文件
~$*
.~lock.*#
*.swp
*~
.DS_Store
Thumbs.db
desktop.ini
";

const GITHUB: &str = r#"# 每次推送和合并请求都检查标准库；问题以注释标在文件的行上。
# 使用前在 STDKIT_GIT 填写 stdkit 源码仓库的 git 地址。
name: stdkit
on: [push, pull_request]
env:
  STDKIT_GIT: ""
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: cargo install --locked --no-default-features --git "${STDKIT_GIT:?请填写 STDKIT_GIT}" stdkit
      - run: stdkit check --format github
"#;

const GITLAB: &str = r#"# 每次推送都检查标准库。
# 使用前在 STDKIT_GIT 填写 stdkit 源码仓库的 git 地址。
stdkit-check:
  image: rust:latest
  variables:
    STDKIT_GIT: ""
  script:
    - cargo install --locked --no-default-features --git "${STDKIT_GIT:?请填写 STDKIT_GIT}" stdkit
    - stdkit check
"#;

const POSTS: &str = r#"# 岗位清单（有人就有工作标准）：每个岗位一节 [[post]]，标准以 covers.posts 引用其 id。
# 示例，去掉行首的 # 即可使用：
#
# [[post]]
# id = "GW01"
# name = "综合受理窗口受理员"
# unit = "行政审批科"
"#;

const SERVICES: &str = r#"# 进驻事项清单（有事就有质量标准）：每个事项一节 [[service]]，标准以 covers.services 引用其 id。
# 示例，去掉行首的 # 即可使用：
#
# [[service]]
# id = "SX001"
# name = "企业设立登记"
# unit = "市场监管窗口"
"#;

const ASSETS: &str = r#"# 设施设备清单（有物就有管理标准）：每项一节 [[asset]]，标准以 covers.assets 引用其 id。
# 示例，去掉行首的 # 即可使用：
#
# [[asset]]
# id = "SS01"
# name = "排队叫号机"
# unit = "信息科"
"#;

const STAFF: &str = r#"# 在岗人员名册：每人一节 [[staff]]，培训记录以 attendees 引用其 id，post 为 scope/posts.toml 中的岗位。
# 示例，去掉行首的 # 即可使用：
#
# [[staff]]
# id = "YG001"
# name = "张明"
# unit = "行政审批科"
# post = "GW01"
"#;

fn inspections(year: i16) -> String {
    format!(
        r#"# {year}年标准实施检查记录：每次检查一节 [[inspection]]，standard 为体系表编号。
# result 为 conform（符合）或 nonconform（不符合）；不符合时写 finding，整改完成后写 rectified。
# 示例，去掉行首的 # 即可使用（有记录时须在 stdkit.toml 中写 [period]）：
#
# [[inspection]]
# date = {year}-04-15
# standard = "201-01"
# inspector = "李华"
# result = "nonconform"
# finding = "一次性告知单未注明办理时限"
# rectified = {year}-04-30
"#
    )
}

fn trainings(year: i16) -> String {
    format!(
        r#"# {year}年培训记录：每次培训一节 [[training]]，attendees 为 records/staff.toml 中的人员 id。
# 示例，去掉行首的 # 即可使用（有记录时须在 stdkit.toml 中写 [period]）：
#
# [[training]]
# date = {year}-03-05
# topic = "窗口服务规范宣贯"
# standards = ["201-01"]
# attendees = ["YG001", "YG002"]
"#
    )
}

fn surveys(year: i16) -> String {
    format!(
        r#"# {year}年满意度测评记录：每次测评一节 [[survey]]，satisfied 不大于 responses。
# 示例，去掉行首的 # 即可使用（有记录时须在 stdkit.toml 中写 [period]）：
#
# [[survey]]
# from = {year}-10-08
# to = {year}-10-31
# method = "问卷"
# responses = 800
# satisfied = 787
"#
    )
}

/// `records/README.md`: what each folder holds. stdkit does not read it; it shows the one
/// kind of record that cannot be given as a commented example, the internal audit report.
fn records_readme(year: i16) -> String {
    format!(
        r#"# 实施记录

- `staff.toml`：在岗人员名册。
- `inspections/*.toml`：标准实施检查记录。
- `trainings/*.toml`：培训记录。
- `surveys/*.toml`：满意度测评记录。
- `audits/*.md`：内部审核报告，每份一个文件，以 `+++` 元数据头开头，例如 `audits/{year}-06-第一次内部审核报告.md`：

```markdown
+++
title = "{year}年第一次标准化内部审核报告"
date = {year}-06-20
auditors = ["李华", "王芳"]
+++

# {year}年第一次标准化内部审核报告

## 一、审核目的
```

各文件中以 `#` 开头的示例去掉 `#` 即可使用；有记录时须在 `stdkit.toml` 中写评价期 `[period]`。
"#
    )
}

/// The dossier's hand-written chapters, in the order of DOMAIN.md.
fn chapters(c: &Centre<'_>) -> [(&'static str, String); 3] {
    let name = c.name;
    [
        (
            "01-验收申请.md",
            "# 关于申请政务服务标准化建设验收的报告\n\n\
             （请替换为本中心的验收申请，落款写中心名称和日期。）\n\n\
             ## 一、基本情况\n\n\
             （进驻部门、窗口、事项和在岗人员。）\n\n\
             ## 二、标准化建设完成情况\n\n\
             （标准体系、标准实施、内部审核和自我评价的完成情况，各项指标的完成值。）\n\n\
             ## 三、申请事项\n\n\
             （申请验收的事项和随件报送的材料。）\n"
                .to_owned(),
        ),
        (
            "02-工作总结.md",
            format!(
                "# {name}标准化建设工作总结\n\n\
                 （请替换为本中心的工作总结。）\n\n\
                 ## 一、工作开展情况\n\n\
                 （宣传动员、全面实施和自我评价各阶段所做的工作。）\n\n\
                 ## 二、标准体系建设\n\n\
                 （子体系和类目，采标、制标和补标的情况。）\n\n\
                 ## 三、标准实施与监督检查\n\n\
                 （培训、实施检查、内部审核和整改。）\n\n\
                 ## 四、存在的问题和下一步工作\n\n\
                 （尚待解决的问题和改进措施。）\n"
            ),
        ),
        (
            "03-自评报告.md",
            format!(
                "# {name}标准化建设自评报告\n\n\
                 （请替换为本中心的自评报告。）\n\n\
                 ## 一、自评组织\n\n\
                 （自评的时间、人员和方法。）\n\n\
                 ## 二、各项指标完成情况\n\n\
                 （标准化覆盖率、标准实施率、全员参训率和满意率，以汇编中的指标一节为准。）\n\n\
                 ## 三、自评结论\n\n\
                 （是否达到验收条件，存在的问题和整改安排。）\n"
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centre() -> Centre<'static> {
        Centre {
            name: "安庆市政务服务中心",
            prefix: "Q/AQZW",
            level: CenterLevel::City,
            year: 2014,
        }
    }

    #[test]
    fn the_plan_has_four_subsystems_and_twenty_four_categories() {
        assert_eq!(PLAN.len(), 4);
        let n: usize = PLAN.iter().map(|s| s.categories.len()).sum();
        assert_eq!(n, 24);
        for sub in PLAN {
            for (code, _) in sub.categories {
                assert!(code.starts_with(sub.code) && code.len() == 3, "{code}");
            }
        }
    }

    #[test]
    fn prefixes_are_read_with_the_code_parser() {
        assert_eq!(internal_prefix("Q/AQZW").unwrap(), "Q/AQZW");
        assert_eq!(internal_prefix(" Q／AQZW ").unwrap(), "Q/AQZW");
        for bad in ["", "GB/T", "AQZW", "Q/", "Q/AQZW 101", "Q/安庆"] {
            assert!(internal_prefix(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_toml_file_parses_and_the_manifest_names_the_centre() {
        let files = files(&centre());
        for (path, text) in &files {
            if path.ends_with(".toml") {
                let table: toml::Table =
                    toml::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}"));
                if path == "stdkit.toml" {
                    assert_eq!(table["center"]["name"].as_str(), Some("安庆市政务服务中心"));
                    assert_eq!(
                        table["numbering"]["internal-prefix"].as_str(),
                        Some("Q/AQZW")
                    );
                    assert_eq!(table.len(), 2, "only [center] and [numbering] are live");
                } else {
                    assert!(table.is_empty(), "{path} holds commented examples only");
                }
            }
        }
        assert_eq!(files.len(), 4 + 4 + 24 + 3 + 5 + 3);
    }

    #[test]
    fn a_county_centre_says_so() {
        let c = Centre {
            level: CenterLevel::County,
            ..centre()
        };
        let table: toml::Table = toml::from_str(&manifest(&c)).unwrap();
        assert_eq!(table["center"]["level"].as_str(), Some("county"));
    }

    #[test]
    fn a_name_with_quotes_stays_one_toml_string() {
        let c = Centre {
            name: "某\"中心\"",
            ..centre()
        };
        let table: toml::Table = toml::from_str(&manifest(&c)).unwrap();
        assert_eq!(table["center"]["name"].as_str(), Some("某\"中心\""));
    }
}
