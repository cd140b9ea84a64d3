//! Generates a large, valid standards repository for the scale benchmark (SPEC §7).
//!
//! ```text
//! cargo run --release --example synth -- 100000 /tmp/big-repo
//! ```
//!
//! The repository has N standards in four subsystems × up to 25 categories (× sub-categories
//! when N needs them, so that a leaf category holds at most about 90 standards), about 20 %
//! adopted external standards (`.toml`, unique national / industry / local numbers) and
//! 80 % centre standards (`.md` with front matter and a 2–6 KB GB/T 1.1 text), scope
//! registries, a staff roster, trainings, inspections, surveys and audit reports. It is
//! meant to pass `stdkit check` with no finding at all.
//!
//! The output depends on N only: a fixed-seed SplitMix64 generator, no clock, no
//! environment. Files are written in parallel (rayon); the target directory must not exist
//! or be empty.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

const CENTER: &str = "示范市政务服务中心";
const PREFIX: &str = "Q/SYZW";
const YEAR: u16 = 2014;
/// Most standards a leaf category is planned to hold.
const LEAF_TARGET: usize = 90;
/// Centre standards are ~80 %: this many of 1000 slots are adopted external standards.
const ADOPTED_PER_MILLE: u64 = 200;

// ---------------------------------------------------------------------------
// Deterministic randomness

/// SplitMix64: tiny, good enough, and the same on every platform.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        let mut r = Rng(seed ^ 0x9E37_79B9_7F4A_7C15);
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n`, in drawing order (k ≤ n).
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k.min(n) {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Vocabulary

const SUBSYSTEMS: [(&str, &str); 4] = [
    ("通用基础标准体系", "basic"),
    ("服务保障标准体系", "management"),
    ("服务提供标准体系", "service"),
    ("岗位工作标准体系", "work"),
];

const CATEGORIES: [[&str; 25]; 4] = [
    [
        "标准化导则",
        "术语与缩略语",
        "符号与标志",
        "数值与数据",
        "量和单位",
        "测量标准",
        "标准化工作管理",
        "信息分类编码",
        "文件格式",
        "政务公开",
        "档案基础",
        "服务分类",
        "服务标识",
        "设施标识",
        "计量基础",
        "统计基础",
        "质量基础",
        "安全基础",
        "环境基础",
        "信息化基础",
        "法规制度基础",
        "机构职能",
        "岗位设置",
        "评价基础",
        "其他基础",
    ],
    [
        "环境与能源",
        "安全与应急",
        "职业健康",
        "信息化建设",
        "网络与数据安全",
        "财务管理",
        "人力资源",
        "设施设备",
        "办公用品",
        "车辆管理",
        "档案管理",
        "合同管理",
        "后勤保障",
        "消防安全",
        "卫生保洁",
        "绿化管理",
        "停车场管理",
        "餐饮服务保障",
        "采购管理",
        "印章管理",
        "会议保障",
        "宣传管理",
        "知识管理",
        "供应商管理",
        "应急物资",
    ],
    [
        "服务规范",
        "服务提供",
        "服务评价与改进",
        "投资项目审批",
        "工商登记",
        "税务服务",
        "社会保障",
        "公积金服务",
        "不动产登记",
        "公安服务",
        "交通运输",
        "民政服务",
        "卫生健康",
        "市场监管",
        "住房建设",
        "自然资源",
        "生态环境",
        "文化旅游",
        "教育服务",
        "农业农村",
        "商务服务",
        "水务服务",
        "政务热线服务",
        "网上办事大厅",
        "帮办代办服务",
    ],
    [
        "领导岗位",
        "管理岗位",
        "综合受理岗位",
        "审批岗位",
        "咨询引导岗位",
        "督查考核岗位",
        "信息技术岗位",
        "后勤保障岗位",
        "档案管理岗位",
        "财务岗位",
        "安保岗位",
        "保洁岗位",
        "收费岗位",
        "勘验岗位",
        "出件岗位",
        "帮办代办岗位",
        "热线坐席岗位",
        "投诉处理岗位",
        "窗口首席代表",
        "窗口工作人员",
        "值班岗位",
        "网络运维岗位",
        "人事岗位",
        "党务岗位",
        "志愿服务岗位",
    ],
];

const SUBCATEGORIES: [&str; 15] = [
    "通则",
    "基本要求",
    "管理规范",
    "作业规范",
    "服务质量",
    "流程规范",
    "设施要求",
    "信息管理",
    "安全要求",
    "评价考核",
    "监督改进",
    "应急处置",
    "记录表单",
    "培训要求",
    "其他",
];

const OBJECTS: [&str; 20] = [
    "窗口受理",
    "材料审核",
    "现场勘验",
    "结果送达",
    "咨询引导",
    "预约服务",
    "投诉处理",
    "档案归集",
    "信息公开",
    "服务礼仪",
    "首问负责",
    "限时办结",
    "一次性告知",
    "责任追究",
    "服务承诺",
    "并联审批",
    "网上审批",
    "评价回访",
    "岗位职责",
    "考核评价",
];

const FORMS: [&str; 8] = [
    "规范",
    "要求",
    "指南",
    "规程",
    "管理办法",
    "工作标准",
    "服务规范",
    "操作规程",
];

const EXTERNAL_TITLES: [[&str; 10]; 4] = [
    [
        "服务业组织标准化工作指南",
        "标准化工作导则",
        "图形符号 术语",
        "公共信息图形符号",
        "政务服务中心运行规范",
        "企业标准体系表编制指南",
        "服务标准化工作指南",
        "信息分类和编码的基本原则与方法",
        "数值修约规则与极限数值的表示和判定",
        "质量管理体系 基础和术语",
    ],
    [
        "信息安全技术 网络安全等级保护基本要求",
        "消防安全标志",
        "建筑设计防火规范",
        "公共场所卫生管理规范",
        "档案著录规则",
        "电子文件归档与电子档案管理规范",
        "办公建筑设计标准",
        "无障碍设计规范",
        "安全防范工程技术标准",
        "节能监测技术通则",
    ],
    [
        "政务服务中心服务规范",
        "政务服务评价工作指南",
        "行政许可标准化指引",
        "网上政务服务平台建设规范",
        "政务服务事项实施清单编制规范",
        "服务质量评价通则",
        "顾客满意测评通则",
        "政务服务便民热线运行规范",
        "不动产登记规程",
        "社会保险服务规范",
    ],
    [
        "职业能力评价规范",
        "岗位工作标准编写指南",
        "服务人员行为规范",
        "员工培训规范",
        "政务服务窗口工作人员服务规范",
        "职业健康安全管理体系 要求",
        "工作标准编写规则",
        "绩效评价指南",
        "人员资质管理规范",
        "服务礼仪规范",
    ],
];

const PART_TITLES: [&str; 5] = ["总则", "基本要求", "服务要求", "管理要求", "评价与改进"];

/// (prefix, level, weight, first sequence, sequence digits)
const EXTERNAL_PREFIXES: [(&str, &str, u64, u32, usize); 20] = [
    ("GB/T", "national", 480, 20000, 5),
    ("GB", "national", 80, 5000, 4),
    ("GB/Z", "national", 20, 18000, 5),
    ("MZ/T", "industry", 30, 1, 3),
    ("GA/T", "industry", 30, 100, 3),
    ("GA", "industry", 15, 100, 3),
    ("DA/T", "industry", 30, 1, 1),
    ("JGJ", "industry", 20, 100, 1),
    ("CJJ", "industry", 15, 100, 1),
    ("JTG", "industry", 10, 1, 1),
    ("WS/T", "industry", 20, 100, 3),
    ("SB/T", "industry", 15, 10000, 5),
    ("LB/T", "industry", 10, 1, 3),
    ("JR/T", "industry", 15, 1, 4),
    ("DL/T", "industry", 10, 500, 3),
    ("DB21/T", "local", 60, 1000, 4),
    ("DB2101/T", "local", 60, 1, 4),
    ("DB11/T", "local", 30, 500, 3),
    ("DB34/T", "local", 30, 1000, 4),
    ("DB11/", "local", 20, 100, 3),
];

const UNITS: [&str; 20] = [
    "办公室",
    "督查科",
    "信息科",
    "综合科",
    "工商窗口",
    "税务窗口",
    "公安窗口",
    "社保窗口",
    "公积金窗口",
    "不动产窗口",
    "民政窗口",
    "卫健窗口",
    "交通窗口",
    "住建窗口",
    "市场监管窗口",
    "咨询服务台",
    "后勤保障科",
    "财务科",
    "人事科",
    "投资审批窗口",
];

const SURNAMES: [&str; 30] = [
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
];

const GIVEN: [&str; 40] = [
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "文", "华", "建国", "红", "玲", "斌", "浩", "宇", "鑫",
    "婷", "雪", "琳", "晨", "欣", "颖", "佳", "俊", "峰",
];

const POST_ROLES: [&str; 10] = [
    "受理员",
    "审核员",
    "首席代表",
    "咨询员",
    "出件员",
    "勘验员",
    "收费员",
    "帮办员",
    "坐席员",
    "管理员",
];

const SERVICE_DEPTS: [&str; 16] = [
    "市场监管局",
    "税务局",
    "公安局",
    "人社局",
    "公积金中心",
    "自然资源局",
    "住建局",
    "交通局",
    "民政局",
    "卫健委",
    "生态环境局",
    "文旅局",
    "教育局",
    "农业农村局",
    "商务局",
    "水务局",
];

const SERVICE_ITEMS: [&str; 20] = [
    "设立登记",
    "变更登记",
    "注销登记",
    "备案",
    "许可证核发",
    "许可证延续",
    "证明开具",
    "信息查询",
    "资格认定",
    "年度报告",
    "补贴申领",
    "待遇核定",
    "转移接续",
    "证件补办",
    "审批",
    "验收",
    "核准",
    "预约办理",
    "材料补正",
    "结果领取",
];

const ASSET_KINDS: [&str; 12] = [
    "排队叫号机",
    "评价器",
    "自助服务终端",
    "高拍仪",
    "身份证读卡器",
    "窗口电脑",
    "打印机",
    "电子显示屏",
    "监控摄像机",
    "应急照明灯",
    "灭火器",
    "无障碍通道",
];

const TERMS: [(&str, &str); 12] = [
    (
        "首问负责制",
        "服务对象到中心办事时，首位接待的工作人员负责引导、解答或者办理，直至服务对象得到满意答复的制度。",
    ),
    (
        "一次性告知",
        "对服务对象申请办理的事项，工作人员一次性告知其办理依据、条件、程序、时限和需要提交的全部材料的制度。",
    ),
    (
        "限时办结",
        "对服务对象申请办理的事项，在规定的时限内办理完毕的制度。",
    ),
    (
        "服务对象",
        "到中心申请办理事项或者咨询的自然人、法人和其他组织。",
    ),
    ("即办件", "申请材料齐全、符合法定形式，能够当场办结的事项。"),
    ("承诺件", "需经审核、勘验等环节，在承诺时限内办结的事项。"),
    ("联办件", "需由两个以上部门共同办理的事项。"),
    ("办件", "中心受理的每一项服务对象申请。"),
    (
        "容缺受理",
        "对基本条件具备、主要申请材料齐全，次要材料有欠缺的事项，先予受理并限期补正的服务方式。",
    ),
    (
        "帮办代办",
        "由中心工作人员为服务对象提供申报辅导、材料代交和进度跟踪的服务。",
    ),
    ("好差评", "服务对象对政务服务事项办理情况进行的评价。"),
    (
        "告知承诺",
        "申请人书面承诺符合条件，行政机关据此作出决定的办理方式。",
    ),
];

const CHAPTERS: [&str; 12] = [
    "基本要求",
    "服务要求",
    "工作程序",
    "管理要求",
    "岗位职责",
    "质量控制",
    "监督检查",
    "评价与改进",
    "记录管理",
    "应急处置",
    "安全要求",
    "设施设备要求",
];

const CLAUSES: [&str; 18] = [
    "一般规定",
    "人员要求",
    "服务礼仪",
    "服务用语",
    "受理",
    "审核",
    "办结",
    "送达",
    "环境要求",
    "信息公开",
    "时限要求",
    "档案要求",
    "投诉处理",
    "咨询服务",
    "监督方式",
    "考核指标",
    "持续改进",
    "记录保存",
];

const SUBCLAUSES: [&str; 6] = [
    "一般要求",
    "具体要求",
    "办理流程",
    "时限",
    "材料要求",
    "记录要求",
];

/// Sentence templates: `{o}` the subject of the standard, `{u}` a unit, `{d}` days, `{m}`
/// months, `{y}` years, `{p}` a high and `{q}` a low percentage.
/// None contains 必须, 不得 or 禁止 (checked when the text is built).
const SENTENCES: [&str; 30] = [
    "窗口工作人员应按照{o}的要求，核对申请材料的完整性和有效性。",
    "对材料齐全、符合法定形式的申请，应当场受理并出具受理通知书。",
    "对材料不齐全或者不符合法定形式的申请，应一次性告知申请人需要补正的全部内容。",
    "即办件应当场办结，承诺件应在{d}个工作日内办结。",
    "工作人员应着装统一、佩戴工作牌，仪容整洁，举止端庄。",
    "服务用语应规范、文明，使用普通话，不应使用服务忌语。",
    "{u}应建立{o}工作台账，如实记录办理过程和结果。",
    "相关记录应至少保存{y}年，并按档案管理要求归档。",
    "督查科应每月对{o}情况进行抽查，抽查比例不低于{q}%。",
    "发现问题的，责任窗口应在{d}个工作日内整改，并将整改情况书面报告督查科。",
    "服务对象对办理结果有异议的，可通过现场评价器、网上评价或者政务服务热线反映。",
    "涉及多个部门的事项，应实行并联审批，由牵头部门统一受理、统一送达。",
    "宜通过网上办事大厅提供预约、查询和办理进度告知服务。",
    "设施设备应定期维护保养，完好率不低于{p}%。",
    "遇突发情况时，应立即启动应急预案，并向中心值班领导报告。",
    "{u}负责人应对本窗口{o}工作质量负责。",
    "信息系统应具备身份认证、权限管理和操作日志功能，日志保存时间不少于{m}个月。",
    "办事指南应载明事项名称、设定依据、申请条件、申请材料、办理流程、办理时限和收费标准。",
    "咨询服务应做到有问必答，对不属于本窗口职责范围的事项，应告知办理部门和联系方式。",
    "考核结果应与评先评优挂钩，作为年度考核的重要依据。",
    "服务对象满意率应达到{p}%以上。",
    "工作人员在岗期间不应从事与工作无关的活动，不应擅自离岗。",
    "对服务对象的投诉，应在{d}个工作日内调查处理，并将处理结果反馈投诉人。",
    "应按照有关规定公开服务事项、办事程序和监督电话，接受社会监督。",
    "各窗口应于每月{d}日前报送上月办件统计数据。",
    "应定期分析服务对象评价数据，查找问题，提出改进措施。",
    "{o}的办理流程应简明清晰，环节设置应精简高效。",
    "对老年人、残疾人等特殊群体，宜提供预约上门、帮办代办等便利服务。",
    "{u}应指定专人负责{o}工作的日常管理和协调。",
    "本条所述要求的执行情况应纳入窗口月度考核。",
];

const FORBIDDEN: [&str; 3] = ["必须", "不得", "禁止"];

// ---------------------------------------------------------------------------
// The plan of the repository

struct Leaf {
    /// Repository-relative directory.
    dir: String,
    code: String,
    title: String,
    subsystem: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    InForce,
    Trial,
    Drafting,
    Superseded,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::InForce => "in-force",
            Status::Trial => "trial",
            Status::Drafting => "drafting",
            Status::Superseded => "superseded",
        }
    }

    /// In force in the sense of SPEC §5 (`in-force` or `trial`).
    fn in_force(self) -> bool {
        matches!(self, Status::InForce | Status::Trial)
    }
}

struct Std {
    leaf: usize,
    no: String,
    title: String,
    /// Subject used in the text (`窗口受理`).
    object: &'static str,
    path: String,
    adopted: bool,
    level: &'static str,
    origin: &'static str,
    status: Status,
    /// Canonical code, and the printed form (em dash) used in texts.
    code: Option<String>,
    printed: Option<String>,
    published: Option<(u16, u8, u8)>,
    effective: Option<(u16, u8, u8)>,
    replaces: Option<String>,
    unit: &'static str,
    owner: String,
    /// Indices of referenced standards.
    refs: Vec<usize>,
    /// Scope kind (0 posts, 1 services, 2 assets) and item indices.
    covers: Option<(usize, Vec<usize>)>,
}

struct Sizes {
    posts: usize,
    services: usize,
    assets: usize,
    staff: usize,
}

fn person(i: usize) -> String {
    format!(
        "{}{}",
        SURNAMES[i % SURNAMES.len()],
        GIVEN[(i / SURNAMES.len() + i * 7) % GIVEN.len()]
    )
}

fn date((y, m, d): (u16, u8, u8)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Scope items that no standard covers on purpose (about 6.7 %), so coverage is realistic.
fn uncovered(i: usize) -> bool {
    i % 15 == 14
}

fn scope_id(kind: usize, i: usize) -> String {
    format!("{}{:04}", ["P", "S", "A"][kind], i + 1)
}

fn file_safe(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '：' | '/' | '\\'))
        .collect()
}

/// Draws the prefix of an adopted standard by weight.
fn external_prefix(rng: &mut Rng) -> usize {
    let total: u64 = EXTERNAL_PREFIXES.iter().map(|p| p.2).sum();
    let mut r = rng.next() % total;
    for (i, p) in EXTERNAL_PREFIXES.iter().enumerate() {
        if r < p.2 {
            return i;
        }
        r -= p.2;
    }
    0
}

fn external_code(prefix: usize, seq: u32, part: Option<usize>, year: u16, dash: char) -> String {
    let (p, _, _, _, digits) = EXTERNAL_PREFIXES[prefix];
    let mut s = format!("{p} {seq:0digits$}");
    if let Some(part) = part {
        let _ = write!(s, ".{part}");
    }
    let _ = write!(s, "{dash}{year}");
    s
}

struct Plan {
    width: usize,
    /// Categories per subsystem, and sub-categories per category (1: none).
    per_subsystem: usize,
    subs: usize,
    /// (dir, code, title) of every category, parents first.
    categories: Vec<(String, String, String)>,
    leaves: Vec<Leaf>,
    standards: Vec<Std>,
    sizes: Sizes,
}

fn plan(n: usize) -> Result<Plan, String> {
    if n < 4 {
        return Err("N must be at least 4 (one standard per subsystem)".into());
    }
    let per_subsystem = (n / 4).clamp(1, 25);
    let top = 4 * per_subsystem;
    let subs = if n > top * LEAF_TARGET {
        n.div_ceil(top * LEAF_TARGET).min(99)
    } else {
        1
    };
    let leaves_n = top * subs;
    let max_per_leaf = n.div_ceil(leaves_n);
    let width = max_per_leaf.to_string().len().max(2);
    if width > 6 {
        return Err(format!("N = {n} is too large for this layout"));
    }

    let mut categories = Vec::new();
    let mut leaves = Vec::new();
    for (s, (title, _)) in SUBSYSTEMS.iter().enumerate() {
        let code = format!("{}", s + 1);
        let dir = format!("system/{code}-{title}");
        categories.push((dir.clone(), code.clone(), (*title).to_owned()));
        for (c, ctitle) in CATEGORIES[s].iter().take(per_subsystem).enumerate() {
            let ctitle = *ctitle;
            let ccode = format!("{code}{:02}", c + 1);
            let cdir = format!("{dir}/{ccode}-{ctitle}");
            categories.push((cdir.clone(), ccode.clone(), ctitle.to_owned()));
            if subs == 1 {
                leaves.push(Leaf {
                    dir: cdir,
                    code: ccode,
                    title: ctitle.to_owned(),
                    subsystem: s,
                });
                continue;
            }
            for k in 0..subs {
                let stitle = if k < SUBCATEGORIES.len() {
                    SUBCATEGORIES[k].to_owned()
                } else {
                    format!(
                        "{}{}",
                        SUBCATEGORIES[k % SUBCATEGORIES.len()],
                        k / SUBCATEGORIES.len() + 1
                    )
                };
                let scode = format!("{ccode}{:02}", k + 1);
                let sdir = format!("{cdir}/{scode}-{stitle}");
                categories.push((sdir.clone(), scode.clone(), stitle.clone()));
                leaves.push(Leaf {
                    dir: sdir,
                    code: scode,
                    title: format!("{ctitle}{stitle}"),
                    subsystem: s,
                });
            }
        }
    }

    let sizes = Sizes {
        posts: (n / 100).clamp(10, 1000),
        services: (n / 40).clamp(20, 2500),
        assets: (n / 140).clamp(10, 700),
        staff: (n / 50).clamp(20, 2000),
    };

    // Standards, leaf by leaf, numbered without gaps.
    let mut rng = Rng::new(0x5354_444B_4954 ^ n as u64);
    let mut counters = [0u32; EXTERNAL_PREFIXES.len()];
    let mut standards: Vec<Std> = Vec::with_capacity(n);
    let base = n / leaves_n;
    let rem = n % leaves_n;
    for (l, leaf) in leaves.iter().enumerate() {
        let count = base + usize::from(l < rem);
        let mut seq = 1;
        while seq <= count {
            let r = rng.next() % 1000;
            let no = |seq: usize| format!("{}-{:0width$}", leaf.code, seq);
            let unit = *rng.pick(&UNITS);
            let owner = person(rng.below(sizes.staff));
            if r < ADOPTED_PER_MILLE {
                let s = leaf.subsystem;
                let prefix = external_prefix(&mut rng);
                let (_, level, _, first, _) = EXTERNAL_PREFIXES[prefix];
                let seqno = first + counters[prefix];
                counters[prefix] += 1;
                let part = (rng.below(10) < 3).then(|| rng.range(1, 4));
                let base_title = *rng.pick(&EXTERNAL_TITLES[s]);
                let title = match part {
                    Some(p) => format!("{base_title} 第{p}部分：{}", PART_TITLES[p]),
                    None => base_title.to_owned(),
                };
                let year = rng.range(2005, 2013) as u16;
                let month = rng.range(1, 9) as u8;
                let day = rng.range(1, 28) as u8;
                // A few external standards come with the edition they replaced (~3 %).
                let pair = r < 6 && seq < count;
                let push = |seq: usize,
                            year: u16,
                            status: Status,
                            replaces: Option<String>,
                            standards: &mut Vec<Std>| {
                    let no = no(seq);
                    standards.push(Std {
                        leaf: l,
                        path: format!("{}/{no}-{}.toml", leaf.dir, file_safe(&title)),
                        no,
                        title: title.clone(),
                        object: "",
                        adopted: true,
                        level,
                        origin: "adopted",
                        status,
                        code: Some(external_code(prefix, seqno, part, year, '-')),
                        printed: Some(external_code(prefix, seqno, part, year, '—')),
                        published: Some((year, month, day)),
                        effective: Some((year, month + 3, day)),
                        replaces,
                        unit,
                        owner: owner.clone(),
                        refs: Vec::new(),
                        covers: None,
                    });
                };
                if pair {
                    let old_year = year - 1 - rng.below(8) as u16;
                    push(seq, old_year, Status::Superseded, None, &mut standards);
                    let old = external_code(prefix, seqno, part, old_year, '-');
                    push(seq + 1, year, Status::InForce, Some(old), &mut standards);
                    seq += 2;
                } else {
                    push(seq, year, Status::InForce, None, &mut standards);
                    seq += 1;
                }
                continue;
            }
            let status = match r {
                200..215 => Status::Drafting,
                215..245 => Status::Trial,
                _ => Status::InForce,
            };
            // Titles are distinct within a leaf: (seq × 37) mod 160 walks all 160 pairs.
            let combo = (seq * 37 + l) % (OBJECTS.len() * FORMS.len());
            let object = OBJECTS[combo % OBJECTS.len()];
            let form = FORMS[combo / OBJECTS.len()];
            let title = format!("{}{object}{form}", leaf.title);
            let no = no(seq);
            let sysno_digits = no.replace('-', "");
            let (code, printed, published, effective) = match status {
                Status::Drafting => (None, None, None, None),
                Status::Trial => (
                    Some(format!("{PREFIX} {sysno_digits}-{YEAR}")),
                    Some(format!("{PREFIX} {sysno_digits}—{YEAR}")),
                    Some((YEAR, 6, 1)),
                    Some((YEAR, 7, 1)),
                ),
                _ => (
                    Some(format!("{PREFIX} {sysno_digits}-{YEAR}")),
                    Some(format!("{PREFIX} {sysno_digits}—{YEAR}")),
                    Some((YEAR, 3, 1)),
                    Some((YEAR, 4, 1)),
                ),
            };
            standards.push(Std {
                leaf: l,
                path: format!("{}/{no}-{}.md", leaf.dir, file_safe(&title)),
                no,
                title,
                object,
                adopted: false,
                level: "internal",
                origin: if r % 10 == 3 {
                    "supplemented"
                } else {
                    "formulated"
                },
                status,
                code,
                printed,
                published,
                effective,
                replaces: None,
                unit,
                owner,
                refs: Vec::new(),
                covers: None,
            });
            seq += 1;
        }
    }
    assert_eq!(standards.len(), n);

    // References: a few codes of standards in force (never a superseded one).
    let external: Vec<usize> = (0..n)
        .filter(|&i| standards[i].adopted && standards[i].status.in_force())
        .collect();
    let internal: Vec<usize> = (0..n)
        .filter(|&i| !standards[i].adopted && standards[i].status.in_force())
        .collect();
    let scope_n = [sizes.posts, sizes.services, sizes.assets];
    let covered: Vec<Vec<usize>> = scope_n
        .iter()
        .map(|&m| (0..m).filter(|&i| !uncovered(i)).collect())
        .collect();
    let mut cover_turn = [0usize; 3];
    #[allow(clippy::needless_range_loop)] // `i` is compared with the drawn indices
    for i in 0..n {
        if standards[i].adopted {
            continue;
        }
        let k = rng.range(1, 4);
        let mut refs = Vec::with_capacity(k);
        for _ in 0..k {
            let pool = if rng.below(10) < 7 || internal.len() < 2 {
                &external
            } else {
                &internal
            };
            if pool.is_empty() {
                continue;
            }
            let j = *rng.pick(pool);
            if j != i && !refs.contains(&j) {
                refs.push(j);
            }
        }
        standards[i].refs = refs;
        // 有人就有工作标准, 有事就有质量标准, 有物就有管理标准.
        let kind = match standards[i].leaf {
            l if leaves[l].subsystem == 3 => Some(0),
            l if leaves[l].subsystem == 2 => Some(1),
            l if leaves[l].subsystem == 1 => Some(2),
            _ => None,
        };
        if let Some(kind) = kind {
            let items = &covered[kind];
            let mut ids = vec![items[cover_turn[kind] % items.len()]];
            cover_turn[kind] += 1;
            if rng.below(2) == 0 {
                let extra = *rng.pick(items);
                if !ids.contains(&extra) {
                    ids.push(extra);
                }
            }
            standards[i].covers = Some((kind, ids));
        }
    }

    Ok(Plan {
        width,
        per_subsystem,
        subs,
        categories,
        leaves,
        standards,
        sizes,
    })
}

// ---------------------------------------------------------------------------
// Rendering

fn toml_list(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", items.join(", "))
}

fn render_standard(p: &Plan, i: usize) -> String {
    let s = &p.standards[i];
    let mut out = String::with_capacity(6 * 1024);
    let md = !s.adopted;
    if md {
        out.push_str("+++\n");
    }
    let _ = writeln!(out, "no = \"{}\"", s.no);
    let _ = writeln!(out, "title = \"{}\"", s.title);
    let _ = writeln!(out, "level = \"{}\"", s.level);
    let _ = writeln!(out, "origin = \"{}\"", s.origin);
    let _ = writeln!(out, "status = \"{}\"", s.status.as_str());
    if let Some(code) = &s.code {
        let _ = writeln!(out, "code = \"{code}\"");
    }
    let _ = writeln!(
        out,
        "kind = \"{}\"",
        SUBSYSTEMS[p.leaves[s.leaf].subsystem].1
    );
    if md {
        let _ = writeln!(out, "unit = \"{}\"", s.unit);
        let _ = writeln!(out, "owner = \"{}\"", s.owner);
    }
    if let Some(d) = s.published {
        let _ = writeln!(out, "published = {}", date(d));
    }
    if let Some(d) = s.effective {
        let _ = writeln!(out, "effective = {}", date(d));
    }
    if let Some(r) = &s.replaces {
        let _ = writeln!(out, "replaces = [\"{r}\"]");
    }
    if !s.refs.is_empty() {
        let refs = s.refs.iter().filter_map(|&j| p.standards[j].code.clone());
        let _ = writeln!(out, "references = {}", toml_list(refs));
    }
    if let Some((kind, ids)) = &s.covers {
        out.push_str("\n[covers]\n");
        let key = ["posts", "services", "assets"][*kind];
        let _ = writeln!(
            out,
            "{key} = {}",
            toml_list(ids.iter().map(|&i| scope_id(*kind, i)))
        );
    }
    if md {
        out.push_str("+++\n\n");
        text(p, i, &mut out);
    }
    out
}

fn fill(template: &str, s: &Std, rng: &mut Rng) -> String {
    let mut t = template.replace("{o}", s.object).replace("{u}", s.unit);
    for (key, values) in [
        ("{d}", &[2usize, 3, 5, 7, 10, 15][..]),
        ("{m}", &[3, 6, 12][..]),
        ("{y}", &[2, 3, 5, 10, 30][..]),
        ("{p}", &[90, 95, 98, 99][..]),
        ("{q}", &[5, 10, 15, 20][..]),
    ] {
        if let Some(at) = t.find(key) {
            let n = *rng.pick(values);
            t.replace_range(at..at + key.len(), &n.to_string());
        }
    }
    t
}

fn paragraph(s: &Std, rng: &mut Rng, out: &mut String, long: bool) {
    let k = if long {
        rng.range(2, 4)
    } else {
        rng.range(1, 2)
    };
    for j in rng.distinct(SENTENCES.len(), k) {
        let t = fill(SENTENCES[j], s, rng);
        out.push_str(&t);
    }
    out.push_str("\n\n");
}

/// The GB/T 1.1 text of a centre standard: 前言, chapters 1–3, then chapters 4… with at
/// least two clauses per level, sometimes a table and an appendix; 2–6 KB.
fn text(p: &Plan, i: usize, out: &mut String) {
    let s = &p.standards[i];
    let mut rng = Rng::new(0x7465_7874 ^ (i as u64).wrapping_mul(0x0100_0000_01B3));
    let start = out.len();
    // Size of the text: the front matter adds ~0.5 KB, the whole file is 2–6 KB.
    let target = 1100 + rng.below(3800);

    let _ = writeln!(out, "# {}\n", s.title);
    out.push_str("## 前言\n\n");
    out.push_str(
        "本文件按照GB/T 1.1—2009《标准化工作导则　第1部分：标准的结构和编写》给出的规则起草。\n\n",
    );
    let _ = writeln!(out, "本文件由{CENTER}提出并归口。\n");
    let _ = writeln!(out, "本文件起草单位：{CENTER}{}。\n", s.unit);
    let _ = writeln!(
        out,
        "本文件主要起草人：{}、{}、{}。\n",
        s.owner,
        person(rng.below(p.sizes.staff)),
        person(rng.below(p.sizes.staff))
    );

    out.push_str("## 1 范围\n\n");
    let _ = writeln!(
        out,
        "本文件规定了{CENTER}{}的基本要求、工作程序、监督检查与评价改进。\n",
        s.object
    );
    let _ = writeln!(
        out,
        "本文件适用于{CENTER}各科室、各窗口{}工作的实施与管理。\n",
        s.object
    );

    out.push_str("## 2 规范性引用文件\n\n");
    if s.refs.is_empty() {
        out.push_str("本文件没有规范性引用文件。\n\n");
    } else {
        out.push_str("下列文件对于本文件的应用是必不可少的。凡是注日期的引用文件，仅注日期的版本适用于本文件。凡是不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。\n\n");
        for &j in &s.refs {
            let r = &p.standards[j];
            if let Some(printed) = &r.printed {
                let _ = writeln!(out, "{printed}　{}\n", r.title);
            }
        }
    }

    out.push_str("## 3 术语和定义\n\n");
    if rng.below(5) == 0 {
        out.push_str("本文件没有需要界定的术语和定义。\n\n");
    } else {
        out.push_str("下列术语和定义适用于本文件。\n\n");
        let k = rng.range(2, 3);
        for (n, t) in rng.distinct(TERMS.len(), k).into_iter().enumerate() {
            let (term, def) = TERMS[t];
            let _ = writeln!(out, "### 3.{} {term}\n\n{def}\n", n + 1);
        }
    }

    let order = rng.distinct(CHAPTERS.len(), CHAPTERS.len());
    let mut table_done = false;
    let mut chapter = 4;
    loop {
        let _ = writeln!(out, "## {chapter} {}\n", CHAPTERS[order[chapter - 4]]);
        // Short clauses once the text has reached its size.
        let long = out.len() - start < target;
        let clauses = if long { rng.range(2, 3) } else { 2 };
        for (c, t) in rng.distinct(CLAUSES.len(), clauses).into_iter().enumerate() {
            let _ = writeln!(out, "### {chapter}.{} {}\n", c + 1, CLAUSES[t]);
            let long = out.len() - start < target;
            if long && rng.below(10) < 3 {
                let subs = rng.range(2, 3);
                for (k, st) in rng.distinct(SUBCLAUSES.len(), subs).into_iter().enumerate() {
                    let _ = writeln!(
                        out,
                        "#### {chapter}.{}.{} {}\n",
                        c + 1,
                        k + 1,
                        SUBCLAUSES[st]
                    );
                    paragraph(s, &mut rng, out, true);
                }
            } else {
                paragraph(s, &mut rng, out, long);
                if long && rng.below(3) == 0 {
                    paragraph(s, &mut rng, out, true);
                }
            }
            if !table_done && rng.below(8) == 0 {
                table_done = true;
                let _ = writeln!(out, "{}各环节办理时限见表1。\n", s.object);
                let _ = writeln!(out, "表1　{}办理时限\n", s.object);
                out.push_str("| 序号 | 环节 | 时限 |\n| --- | --- | --- |\n");
                let _ = writeln!(
                    out,
                    "| 1 | 受理 | 即时 |\n| 2 | 审核 | {}个工作日 |\n| 3 | 办结 | {}个工作日 |\n",
                    rng.range(1, 3),
                    rng.range(3, 10)
                );
            }
        }
        let written = out.len() - start;
        if chapter >= 6 && (written >= target || chapter >= 4 + CHAPTERS.len() - 1) {
            break;
        }
        chapter += 1;
    }

    if rng.below(5) == 0 {
        let _ = writeln!(out, "## 附录A（资料性）{}登记表\n", s.object);
        out.push_str("### A.1 登记内容\n\n");
        out.push_str(
            "登记表应包括服务对象姓名、联系方式、事项名称、受理时间、办理结果和经办人。\n\n",
        );
        out.push_str("### A.2 填写要求\n\n");
        out.push_str("登记表应逐项填写，字迹清楚，不应涂改；确需更正的，应由经办人签字确认。\n");
    }

    let body = &out[start..];
    for word in FORBIDDEN {
        assert!(
            !body.contains(word),
            "generated text of {} contains {word}",
            s.no
        );
    }
}

fn category_index(code: &str, title: &str) -> String {
    format!(
        "+++\ncode = \"{code}\"\ntitle = \"{title}\"\n+++\n\n## 编制说明\n\n本类目收录{CENTER}{title}方面的标准，按体系表编号排列。\n"
    )
}

fn manifest(width: usize) -> String {
    format!(
        r#"# Generated by `cargo run --release --example synth`: a synthetic repository for the
# scale benchmark (SPEC §7). Every value is made up.

[center]
name = "{CENTER}"
level = "city"

[numbering]
internal-prefix = "{PREFIX}"
seq-width = {width}

[targets]
coverage = 0.90
implementation = 0.95
training = 0.95
satisfaction = 0.98

[period]
from = {YEAR}-01-01
to = {YEAR}-12-31

[dossier]
title = "{CENTER}标准化建设验收材料汇编"
sections = ["cover", "contents", "system-table", "rates", "tasks", "standards", "inspections", "trainings", "surveys", "audits"]
"#
    )
}

fn scope_file(kind: usize, n: usize) -> String {
    let table = ["post", "service", "asset"][kind];
    let mut out = String::with_capacity(n * 80);
    for i in 0..n {
        let name = match kind {
            0 => format!(
                "{}{}",
                UNITS[i % UNITS.len()],
                POST_ROLES[(i / UNITS.len()) % POST_ROLES.len()]
            ),
            1 => format!(
                "{}{}",
                SERVICE_DEPTS[i % SERVICE_DEPTS.len()],
                SERVICE_ITEMS[(i / SERVICE_DEPTS.len()) % SERVICE_ITEMS.len()]
            ),
            _ => format!(
                "{}{}号",
                ASSET_KINDS[i % ASSET_KINDS.len()],
                i / ASSET_KINDS.len() + 1
            ),
        };
        let _ = write!(
            out,
            "[[{table}]]\nid = \"{}\"\nname = \"{name}\"\nunit = \"{}\"\n\n",
            scope_id(kind, i),
            UNITS[(i * 7) % UNITS.len()]
        );
    }
    out
}

fn staff_file(sizes: &Sizes) -> String {
    let mut out = String::with_capacity(sizes.staff * 80);
    for i in 0..sizes.staff {
        let post = i % sizes.posts;
        let _ = write!(
            out,
            "[[staff]]\nid = \"E{:04}\"\nname = \"{}\"\nunit = \"{}\"\npost = \"{}\"\n\n",
            i + 1,
            person(i),
            UNITS[post % UNITS.len()],
            scope_id(0, post)
        );
    }
    out
}

/// One inspection file per month; ~97 % of the standards in force are inspected once, ~4 %
/// of inspections are nonconform and rectified within the period.
fn inspection_files(p: &Plan) -> (Vec<String>, usize) {
    let mut months = vec![String::new(); 12];
    let mut count = 0;
    let mut rng = Rng::new(0x696E_7370);
    for (i, s) in p.standards.iter().enumerate() {
        if !s.status.in_force() || i % 31 == 17 {
            continue;
        }
        let m = rng.range(1, 12);
        let d = rng.range(1, 28);
        let out = &mut months[m - 1];
        let _ = write!(
            out,
            "[[inspection]]\ndate = {YEAR}-{m:02}-{d:02}\nstandard = \"{}\"\ninspector = \"督查科 {}\"\n",
            s.no,
            person(rng.below(p.sizes.staff))
        );
        if rng.below(25) == 0 {
            let (rm, rd) = if m == 12 { (12, 31) } else { (m + 1, d) };
            let _ = write!(
                out,
                "result = \"nonconform\"\nfinding = \"{}执行记录不完整\"\nrectified = {YEAR}-{rm:02}-{rd:02}\n\n",
                if s.object.is_empty() {
                    "标准"
                } else {
                    s.object
                }
            );
        } else {
            out.push_str("result = \"conform\"\n\n");
        }
        count += 1;
    }
    (months, count)
}

/// Trainings: each staff member but one in forty attends one; each training names a few
/// standards in force.
fn training_file(p: &Plan) -> (String, usize) {
    let staff = p.sizes.staff;
    let t = (staff / 25).max(2);
    let in_force: Vec<&Std> = p.standards.iter().filter(|s| s.status.in_force()).collect();
    let mut rng = Rng::new(0x7472_6169);
    let mut out = String::new();
    for j in 0..t {
        let m = 1 + j * 12 / t;
        let d = 1 + (j * 5) % 28;
        let k = rng.range(1, 3).min(in_force.len());
        let stds: Vec<&Std> = rng
            .distinct(in_force.len(), k)
            .into_iter()
            .map(|x| in_force[x])
            .collect();
        let topic = stds.first().map_or("标准化基础知识", |s| s.title.as_str());
        let attendees = (0..staff)
            .filter(|s| s % t == j && s % 40 != 39)
            .map(|s| format!("E{:04}", s + 1));
        let _ = write!(
            out,
            "[[training]]\ndate = {YEAR}-{m:02}-{d:02}\ntopic = \"《{topic}》等标准宣贯培训\"\nstandards = {}\nattendees = {}\n\n",
            toml_list(stds.iter().map(|s| s.no.clone())),
            toml_list(attendees)
        );
    }
    (out, t)
}

fn survey_file() -> String {
    let mut rng = Rng::new(0x7375_7276);
    let methods = ["评价器", "电话回访", "问卷调查", "网上评价"];
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut out = String::new();
    for m in 1..=12usize {
        let responses = rng.range(1500, 3000);
        let satisfied = responses - rng.below(responses / 60);
        let _ = write!(
            out,
            "[[survey]]\nfrom = {YEAR}-{m:02}-01\nto = {YEAR}-{m:02}-{:02}\nmethod = \"{}\"\nresponses = {responses}\nsatisfied = {satisfied}\n\n",
            days[m - 1],
            methods[m % methods.len()]
        );
    }
    out
}

fn audit_file(half: usize) -> String {
    let (title, date) = if half == 1 {
        ("上半年内部审核报告", "2014-07-10")
    } else {
        ("下半年内部审核报告", "2014-12-20")
    };
    format!(
        "+++\ntitle = \"{YEAR}年{title}\"\ndate = {date}\nauditors = [\"{}\", \"{}\"]\n+++\n\n## 审核概况\n\n本次内部审核覆盖中心各科室、各窗口，抽查标准执行记录、培训记录和检查记录。\n\n## 审核发现\n\n个别窗口执行记录填写不完整，已责成限期整改。\n\n## 审核结论\n\n中心标准体系运行有效，标准实施情况总体良好。\n",
        person(3),
        person(17)
    )
}

// ---------------------------------------------------------------------------

/// Bytes and files written.
static BYTES: AtomicU64 = AtomicU64::new(0);
static FILES: AtomicU64 = AtomicU64::new(0);

fn write(root: &Path, rel: &str, text: &str) -> Result<(), String> {
    let path = root.join(rel);
    std::fs::write(&path, text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    BYTES.fetch_add(text.len() as u64, Ordering::Relaxed);
    FILES.fetch_add(1, Ordering::Relaxed);
    Ok(())
}

fn run(n: usize, root: &Path) -> Result<(), String> {
    if root.exists()
        && std::fs::read_dir(root)
            .map_err(|e| format!("cannot read `{}`: {e}", root.display()))?
            .next()
            .is_some()
    {
        return Err(format!(
            "`{}` exists and is not empty; give a new directory",
            root.display()
        ));
    }
    let p = plan(n)?;
    let mkdir = |rel: &str| {
        let d: PathBuf = root.join(rel);
        std::fs::create_dir_all(&d).map_err(|e| format!("cannot create `{}`: {e}", d.display()))
    };
    for dir in [
        "scope",
        "records/inspections",
        "records/trainings",
        "records/surveys",
        "records/audits",
    ] {
        mkdir(dir)?;
    }
    for (dir, _, _) in &p.categories {
        mkdir(dir)?;
    }

    write(root, "stdkit.toml", &manifest(p.width))?;
    p.categories.par_iter().try_for_each(|(dir, code, title)| {
        write(
            root,
            &format!("{dir}/_index.md"),
            &category_index(code, title),
        )
    })?;

    let md_bytes = AtomicU64::new(0);
    let md_min = AtomicU64::new(u64::MAX);
    let md_max = AtomicU64::new(0);
    (0..n).into_par_iter().try_for_each(|i| {
        let text = render_standard(&p, i);
        if !p.standards[i].adopted {
            let len = text.len() as u64;
            md_bytes.fetch_add(len, Ordering::Relaxed);
            md_min.fetch_min(len, Ordering::Relaxed);
            md_max.fetch_max(len, Ordering::Relaxed);
        }
        write(root, &p.standards[i].path, &text)
    })?;

    for (kind, file) in [
        "scope/posts.toml",
        "scope/services.toml",
        "scope/assets.toml",
    ]
    .into_iter()
    .enumerate()
    {
        let count = [p.sizes.posts, p.sizes.services, p.sizes.assets][kind];
        write(root, file, &scope_file(kind, count))?;
    }
    write(root, "records/staff.toml", &staff_file(&p.sizes))?;
    let (months, inspections) = inspection_files(&p);
    for (m, text) in months.iter().enumerate() {
        if !text.is_empty() {
            write(
                root,
                &format!("records/inspections/{YEAR}-{:02}.toml", m + 1),
                text,
            )?;
        }
    }
    let (trainings_text, trainings) = training_file(&p);
    write(
        root,
        &format!("records/trainings/{YEAR}.toml"),
        &trainings_text,
    )?;
    write(
        root,
        &format!("records/surveys/{YEAR}.toml"),
        &survey_file(),
    )?;
    for half in 1..=2 {
        write(
            root,
            &format!("records/audits/{YEAR}-{half}-内部审核报告.md"),
            &audit_file(half),
        )?;
    }

    let adopted = p.standards.iter().filter(|s| s.adopted).count();
    let count = |st: Status| p.standards.iter().filter(|s| s.status == st).count();
    let centre = n - adopted;
    let top = 4 * p.per_subsystem;
    println!("wrote {} (seq-width {})", root.display(), p.width);
    println!(
        "  categories     {}: 4 subsystems, {top} categories, {} sub-categories; {} leaves",
        p.categories.len(),
        if p.subs > 1 { p.leaves.len() } else { 0 },
        p.leaves.len()
    );
    println!("  standards      {n}: {adopted} adopted (.toml), {centre} centre (.md)");
    println!(
        "    status       {} in-force, {} trial, {} drafting, {} superseded",
        count(Status::InForce),
        count(Status::Trial),
        count(Status::Drafting),
        count(Status::Superseded)
    );
    if centre > 0 {
        println!(
            "    .md size     avg {} B, min {} B, max {} B",
            md_bytes.load(Ordering::Relaxed) / centre as u64,
            md_min.load(Ordering::Relaxed),
            md_max.load(Ordering::Relaxed)
        );
    }
    println!(
        "  scope          {} posts, {} services, {} assets",
        p.sizes.posts, p.sizes.services, p.sizes.assets
    );
    println!(
        "  records        {} staff, {trainings} trainings, {inspections} inspections, 12 surveys, 2 audits",
        p.sizes.staff
    );
    println!(
        "  total          {} files, {} bytes",
        FILES.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed)
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (n, dir) = match args.as_slice() {
        [n, dir] => match n.replace('_', "").parse::<usize>() {
            Ok(n) => (n, PathBuf::from(dir)),
            Err(_) => {
                eprintln!("synth: N must be a number, not `{n}`");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: cargo run --release --example synth -- N DIR");
            return ExitCode::from(2);
        }
    };
    match run(n, &dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
