//! The enumerated values of the format (SPEC §2.3, §2.5): English words with Chinese aliases.
//! Parsing accepts either; `label(Lang)` gives what people read.

use crate::finding::Lang;

macro_rules! alias_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $en:literal, $zh:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// Parses the English word or its Chinese alias.
            pub fn parse(text: &str) -> Option<Self> {
                match text.trim() {
                    $($en | $zh => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// The English word, as stored.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $en),* }
            }

            /// The Chinese word.
            pub fn zh(self) -> &'static str {
                match self { $($name::$variant => $zh),* }
            }

            pub fn label(self, lang: Lang) -> &'static str {
                match lang { Lang::Zh => self.zh(), Lang::En => self.as_str() }
            }

            /// Every accepted spelling, English first: for messages and the schema.
            pub fn spellings() -> Vec<&'static str> {
                let mut all = vec![$($en),*];
                all.extend([$($zh),*]);
                all
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": $name::spellings() })
            }
        }
    };
}

alias_enum! {
    /// 级别
    Level {
        National = "national", "国家标准";
        Industry = "industry", "行业标准";
        Local = "local", "地方标准";
        Group = "group", "团体标准";
        Internal = "internal", "中心标准";
    }
}

alias_enum! {
    /// 来源
    Origin {
        Adopted = "adopted", "采标";
        Formulated = "formulated", "制标";
        Supplemented = "supplemented", "补标";
    }
}

alias_enum! {
    /// 状态, in lifecycle order
    Status {
        Planned = "planned", "待制定";
        Drafting = "drafting", "起草";
        Trial = "trial", "试行";
        Review = "review", "送审";
        InForce = "in-force", "现行";
        Superseded = "superseded", "被代替";
        Withdrawn = "withdrawn", "废止";
    }
}

alias_enum! {
    /// 类型
    Kind {
        Basic = "basic", "基础标准";
        Work = "work", "工作标准";
        Service = "service", "服务质量标准";
        Management = "management", "管理标准";
    }
}

alias_enum! {
    /// 检查结果
    Outcome {
        Conform = "conform", "符合";
        Nonconform = "nonconform", "不符合";
    }
}

alias_enum! {
    /// 中心级别
    CenterLevel {
        City = "city", "市级";
        County = "county", "县级";
    }
}

impl Default for CenterLevel {
    /// A centre is a city centre unless it says otherwise.
    fn default() -> Self {
        CenterLevel::City
    }
}

impl Status {
    /// In force for the rates: `in-force` or `trial`.
    pub fn in_force(self) -> bool {
        matches!(self, Status::InForce | Status::Trial)
    }

    /// Retired: `superseded` or `withdrawn`.
    pub fn retired(self) -> bool {
        matches!(self, Status::Superseded | Status::Withdrawn)
    }

    /// Work still to do: `planned`, `drafting` or `review`.
    pub fn pending(self) -> bool {
        matches!(self, Status::Planned | Status::Drafting | Status::Review)
    }

    /// From `trial` on a standard needs a code.
    pub fn needs_code(self) -> bool {
        !matches!(self, Status::Planned | Status::Drafting | Status::Review)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_chinese_spellings_parse_to_the_same_value() {
        assert_eq!(Level::parse("national"), Some(Level::National));
        assert_eq!(Level::parse("国家标准"), Some(Level::National));
        assert_eq!(Status::parse("现行"), Some(Status::InForce));
        assert_eq!(Origin::parse("补标"), Some(Origin::Supplemented));
        assert_eq!(Level::parse("National"), None);
    }

    #[test]
    fn statuses_split_into_pending_in_force_and_retired() {
        for s in Status::ALL {
            let groups = [s.pending(), s.in_force(), s.retired()];
            assert_eq!(groups.iter().filter(|g| **g).count(), 1, "{s}");
        }
        assert!(Status::Review.pending() && !Status::Review.needs_code());
        assert!(Status::Trial.needs_code() && Status::Withdrawn.needs_code());
    }
}
