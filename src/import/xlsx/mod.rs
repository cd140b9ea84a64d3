//! `stdkit import FILE.xlsx`: a centre's Excel 标准明细表 (.xlsx, .xlsm, .xls, .ods) turned
//! into categories and standard files. `read` is the input step (the only code here that
//! reads a file); `header` finds each sheet's header row by its words, `values` reads what the
//! cells say, `row` reads one standard row, `plan` places every row and reports those it cannot
//! place, `render` writes the files' text into a `Changeset`. Nothing here writes or prints.

pub mod header;
pub mod plan;
pub mod read;
pub mod render;
pub mod row;
pub mod values;

pub use plan::{Options, Plan, Target, plan, plan_all};
pub use read::read;
