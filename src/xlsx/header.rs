//! The header block above the indicator table: label cells (项目名称,
//! 主管部门, 计划开始日期, the 项目资金 block, 年度总体目标 …) and the value
//! beside or below each. Labels are the Shanghai T2021 form's, with the
//! plain-text fields of the older templates and the 一体化 system's exports
//! (主管部门及代码, 年度资金总额, 年度绩效目标) as aliases.

use super::grid::{Grid, Value};
use super::labels::{inline, key};
use super::{table, Cells, ImportError};
use crate::form::model::{Form, Funds};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    ProjectName,
    Department,
    ImplementingUnit,
    DeclaringUnit,
    ProjectSource,
    ProjectTerm,
    ProjectNature,
    ProjectCategory,
    StartDate,
    EndDate,
    /// 项目期限 `2025-01-01至2025-12-31`: both dates in one cell.
    Period,
    Year,
    OverallGoal,
    AnnualGoal,
    Overview,
    Basis,
    Necessity,
    Safeguards,
    Plan,
    FundsTotal,
    /// 财政资金 / 其他资金: the total's or the year's, by the side they stand on.
    FundsFiscal,
    FundsOther,
    FundsAnnual,
    FundsAnnualFiscal,
    CarryOver,
    /// 财政资金 and 其他资金 once their side is known.
    FundsTotalFiscal,
    FundsTotalOther,
    FundsAnnualOther,
    /// 金额单位 / 单位: `元` or `万元`.
    AmountUnit,
    /// 项目资金（万元）: the block's title says the amounts are in 万元.
    FundsInWan,
    /// A label that heads a block and has no value of its own.
    Block,
}

use Field::*;

const LABELS: &[(&str, Field)] = &[
    ("项目名称", ProjectName),
    ("主管部门", Department),
    ("主管部门及代码", Department),
    ("实施单位", ImplementingUnit),
    ("申报单位", DeclaringUnit),
    ("申报单位名称", DeclaringUnit),
    ("项目来源", ProjectSource),
    ("项目期", ProjectTerm),
    ("项目性质", ProjectNature),
    ("项目类别", ProjectCategory),
    ("计划开始日期", StartDate),
    ("开始日期", StartDate),
    ("项目开始日期", StartDate),
    ("计划完成日期", EndDate),
    ("完成日期", EndDate),
    ("计划结束日期", EndDate),
    ("结束日期", EndDate),
    ("项目期限", Period),
    ("起止日期", Period),
    ("项目起止日期", Period),
    ("实施期限", Period),
    ("预算年度", Year),
    ("项目总目标", OverallGoal),
    ("总目标及阶段性目标", OverallGoal),
    ("年度总体目标", AnnualGoal),
    ("年度绩效目标", AnnualGoal),
    ("项目概况", Overview),
    ("立项依据", Basis),
    ("项目设立的必要性", Necessity),
    ("保证项目实施的制度、措施", Safeguards),
    ("项目实施计划", Plan),
    ("项目资金总额", FundsTotal),
    ("财政资金", FundsFiscal),
    ("其他资金", FundsOther),
    ("年度资金申请总额", FundsAnnual),
    ("年度资金总额", FundsAnnual),
    ("当年财政拨款", FundsAnnualFiscal),
    ("财政拨款", FundsAnnualFiscal),
    ("上年结转资金", CarryOver),
    ("上年结转", CarryOver),
    ("金额单位", AmountUnit),
    ("单位", AmountUnit),
    ("项目资金(万元)", FundsInWan),
    ("项目资金", Block),
    ("项目资金(元)", Block),
    ("项目绩效目标", Block),
    ("绩效目标", Block),
    ("绩效指标", Block),
];

/// Most labels looked up in a header block.
const MAX_LABELS: usize = 256;

fn field(k: &str) -> Option<Field> {
    LABELS.iter().find(|(l, _)| *l == k).map(|(_, f)| *f)
}

/// Whether a cell's text is a label of the header or of the indicator
/// table: a value is never taken from a label cell.
pub fn is_label(text: &str) -> bool {
    let k = key(text);
    field(&k).is_some() || table::column(&k).is_some()
}

/// `(2025 年度)`, `2025年度`: the form's budget year in its title.
fn title_year(text: &str) -> Option<i64> {
    let k = key(text);
    let k = k.trim_start_matches('(').trim_end_matches(')');
    let digits = k.strip_suffix("年度")?;
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The cell after a label in its row, unless that is another label.
fn right_of(grid: &Grid, at: (u32, u32)) -> Option<(u32, u32)> {
    let last = grid.last_column(at);
    let (col, v) = grid.row(at.0).find(|(c, _)| *c > last)?;
    match v {
        Value::Text(t) if is_label(t) => None,
        _ => Some((at.0, col)),
    }
}

/// The first filled cell below a label, within its columns, unless it is a label.
fn below(grid: &Grid, at: (u32, u32), until: u32) -> Option<(u32, u32)> {
    let last = grid.last_column(at);
    let first_below = grid.merge_at(at).map_or(at.0, |m| m.end.0.max(at.0));
    for row in grid
        .rows()
        .into_iter()
        .filter(|r| *r > first_below && *r < until)
    {
        if let Some((col, v)) = grid.row(row).find(|(c, _)| (at.1..=last).contains(c)) {
            return match v {
                Value::Text(t) if is_label(t) => None,
                _ => Some((row, col)),
            };
        }
    }
    None
}

/// `2025-01-01至2025-12-31`, `2025/1/1~2025/12/31`, `2025.01—2025.12`: a
/// period's two ends; anything else stays whole as the start date, where
/// the date rules report it.
fn split_period(text: &str) -> (String, Option<String>) {
    for sep in ["至", "~", "～", "—", "－－", "--", " - "] {
        if let Some((a, b)) = text.split_once(sep) {
            return (a.trim().to_string(), Some(b.trim().to_string()));
        }
    }
    (text.to_string(), None)
}

/// What the header block holds: the form's fields, their cells, and
/// whether the labels are the T2021 form's own (主管部门, 实施单位, 项目资金).
pub struct Header {
    pub form: Form,
    pub cells: Cells,
    pub t2021: bool,
}

struct Reader {
    form: Form,
    cells: Cells,
    /// The column of 年度资金申请总额: 财政资金/其他资金 from there rightwards are the year's.
    annual_column: Option<u32>,
    t2021: bool,
}

fn funds(form: &mut Form) -> &mut Funds {
    form.funds.get_or_insert_with(Funds::default)
}

/// The form's field for a label and its JSON Pointer; `None` for the labels
/// read another way (periods, the year, 财政资金/其他资金, block labels).
fn slot(form: &mut Form, f: Field) -> Option<(&'static str, &mut Option<String>)> {
    Some(match f {
        ProjectName => ("/projectName", &mut form.project_name),
        Department => ("/department", &mut form.department),
        ImplementingUnit => ("/implementingUnit", &mut form.implementing_unit),
        DeclaringUnit => ("/declaringUnit", &mut form.declaring_unit),
        ProjectSource => ("/projectSource", &mut form.project_source),
        ProjectTerm => ("/projectTerm", &mut form.project_term),
        ProjectNature => ("/projectNature", &mut form.project_nature),
        ProjectCategory => ("/projectCategory", &mut form.project_category),
        StartDate => ("/startDate", &mut form.start_date),
        EndDate => ("/endDate", &mut form.end_date),
        OverallGoal => ("/overallGoal", &mut form.overall_goal),
        AnnualGoal => ("/annualGoal", &mut form.annual_goal),
        Overview => ("/overview", &mut form.overview),
        Basis => ("/basis", &mut form.basis),
        Necessity => ("/necessity", &mut form.necessity),
        Safeguards => ("/safeguards", &mut form.safeguards),
        Plan => ("/plan", &mut form.plan),
        FundsTotal => ("/funds/total", &mut funds(form).total),
        FundsAnnual => ("/funds/annual", &mut funds(form).annual),
        FundsAnnualFiscal => ("/funds/annualFiscal", &mut funds(form).annual_fiscal),
        CarryOver => ("/funds/carryOver", &mut funds(form).carry_over),
        FundsTotalFiscal => ("/funds/totalFiscal", &mut funds(form).total_fiscal),
        FundsTotalOther => ("/funds/totalOther", &mut funds(form).total_other),
        FundsAnnualOther => ("/funds/annualOther", &mut funds(form).annual_other),
        AmountUnit => ("/amountUnit", &mut form.amount_unit),
        Period | Year | FundsFiscal | FundsOther | FundsInWan | Block => return None,
    })
}

impl Reader {
    /// Fills a field once: the first label found wins.
    fn put(&mut self, f: Field, text: &str, cell: String) {
        if let Some((pointer, slot)) = slot(&mut self.form, f) {
            if slot.is_none() {
                *slot = Some(text.to_string());
                self.cells.insert(pointer, cell);
            }
        }
    }

    fn set(&mut self, f: Field, col: u32, text: &str, cell: String) {
        let annual = self.annual_column.is_some_and(|a| col >= a);
        match (f, annual) {
            (Period, _) => {
                let (start, end) = split_period(text);
                self.put(StartDate, &start, cell.clone());
                if let Some(end) = end {
                    self.put(EndDate, &end, cell);
                }
            }
            (Year, _) => {
                if let (Ok(y), None) = (text.trim().parse::<i64>(), self.form.year) {
                    self.form.year = Some(y);
                    self.cells.insert("/year", cell);
                }
            }
            (FundsFiscal, false) => self.put(FundsTotalFiscal, text, cell),
            (FundsFiscal, true) => self.put(FundsAnnualFiscal, text, cell),
            (FundsOther, false) => self.put(FundsTotalOther, text, cell),
            (FundsOther, true) => self.put(FundsAnnualOther, text, cell),
            (FundsInWan, _) => self.put(AmountUnit, "万元", cell),
            _ => self.put(f, text, cell),
        }
    }
}

/// The header block; rows from `until` on (the indicator table) are not
/// looked at.
pub fn read(grid: &Grid, until: u32) -> Result<Header, ImportError> {
    let mut r = Reader {
        form: Form::default(),
        cells: Cells::default(),
        annual_column: None,
        t2021: false,
    };
    let mut labels = Vec::new();
    for row in grid.rows().into_iter().filter(|row| *row < until) {
        for (col, v) in grid.row(row) {
            let Value::Text(t) = v else { continue };
            if let Some((k, value)) = inline(t) {
                if let Some(f) = field(&k) {
                    labels.push((f, (row, col), Some(value.to_string())));
                    continue;
                }
            }
            let k = key(t);
            if let Some(f) = field(&k) {
                labels.push((f, (row, col), None));
            } else if let (Some(y), None) = (title_year(t), r.form.year) {
                r.form.year = Some(y);
                r.cells.insert("/year", grid.a1((row, col)));
            }
        }
    }
    // A header has a few dozen labels; a sheet of nothing but labels costs
    // no more than this many lookups.
    labels.truncate(MAX_LABELS);
    r.annual_column = labels
        .iter()
        .find(|(f, _, _)| *f == FundsAnnual)
        .map(|(_, at, _)| at.1);
    for (f, at, inline_value) in labels {
        r.t2021 |= matches!(f, Department | ImplementingUnit | FundsAnnual | FundsTotal);
        let (text, cell) = match inline_value {
            Some(v) => (v, grid.a1(at)),
            None if f == FundsInWan => (String::new(), grid.a1(at)),
            None => {
                let goal = matches!(f, OverallGoal | AnnualGoal);
                let found =
                    right_of(grid, at).or_else(|| goal.then(|| below(grid, at, until)).flatten());
                let Some(v) = found else { continue };
                let Some(text) = grid.value(v)? else { continue };
                (text.to_string(), grid.a1(v))
            }
        };
        r.set(f, at.1, &text, cell);
    }
    Ok(Header {
        form: r.form,
        cells: r.cells,
        t2021: r.t2021,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_years_and_periods() {
        assert_eq!(title_year("(2025 年度)"), Some(2025));
        assert_eq!(title_year("（2024年度）"), Some(2024));
        assert_eq!(title_year("年度"), None);
        assert_eq!(title_year("20245年度"), None);
        assert_eq!(
            split_period("2025-01-01至2025-12-31"),
            ("2025-01-01".to_string(), Some("2025-12-31".to_string()))
        );
        assert_eq!(split_period("2025-01-01"), ("2025-01-01".to_string(), None));
    }
}
