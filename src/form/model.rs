//! The JSON form model (SPEC §3) as Rust types. Amounts and dates stay the
//! text the clerk typed; rules parse them where they need numbers, so every
//! finding can quote what was written.

use serde::Serialize;

/// One declaration form, any of the three templates.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
#[serde(default)]
pub struct Form {
    /// A registered template id (`templates()`); detected when absent.
    pub template: Option<String>,
    pub year: Option<i64>,
    pub project_name: Option<String>,
    /// 主管部门 (T2021).
    pub department: Option<String>,
    /// 实施单位 (T2021).
    pub implementing_unit: Option<String>,
    /// 申报单位名称 (T2019, T2020).
    pub declaring_unit: Option<String>,
    /// 项目来源 (AH2025: 本级申报项目 …).
    pub project_source: Option<String>,
    /// 项目期 (AH2025: `1年`, `3年`).
    pub project_term: Option<String>,
    /// 项目属性 as a region prints it (新增/延续性项目, or a kind of project:
    /// 基础建设、修缮类). Left out of the output when absent, as are the
    /// other fields only some regions have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_attribute: Option<String>,
    /// 下达地方或单位 (the development-reform commission's allocation form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allocated_to: Option<String>,
    /// 项目性质 (T2021).
    pub project_nature: Option<String>,
    /// 项目类别.
    pub project_category: Option<String>,
    /// 项目类型 (T2019 single choice).
    pub project_type: Option<String>,
    /// 资金用途 (T2019 single choice).
    pub fund_use: Option<String>,
    /// 绩效类型 (T2020).
    pub performance_type: Option<String>,
    /// 是否含有政府购买服务 (T2020).
    pub includes_government_purchase: Option<bool>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// 项目资金 (T2021).
    pub funds: Option<Funds>,
    /// 项目预算 (T2019, T2020).
    pub budget: Option<Budget>,
    /// 项目总目标.
    pub overall_goal: Option<String>,
    /// 年度总体目标 / 年度绩效目标.
    pub annual_goal: Option<String>,
    /// 项目概况.
    pub overview: Option<String>,
    /// 立项依据.
    pub basis: Option<String>,
    /// 项目设立的必要性.
    pub necessity: Option<String>,
    /// 保证项目实施的制度、措施.
    pub safeguards: Option<String>,
    /// 项目实施计划.
    pub plan: Option<String>,
    pub indicators: Option<Vec<Indicator>>,
    /// The unit every amount of the form is in: `元` (the default) or `万元`,
    /// as most regions other than Shanghai print them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount_unit: Option<String>,
}

/// 项目资金. T2021 (元): 项目资金总额 = 财政资金 + 其他资金;
/// 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金. Sichuan's
/// form (SC2021) itemises the year's money by source instead: 财政拨款小计 =
/// 一般公共预算 + 政府性基金 + 国有资本经营预算, 自有资金小计 = 事业收入 +
/// 经营性收入, and 年度资金总额 = 财政拨款 + 自有资金 + 其他收入. The itemised
/// fields are left out of the output when absent, so other forms' reports
/// do not grow keys they never had.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
#[serde(default)]
pub struct Funds {
    pub total: Option<String>,
    pub total_fiscal: Option<String>,
    pub total_other: Option<String>,
    pub annual: Option<String>,
    pub annual_fiscal: Option<String>,
    pub carry_over: Option<String>,
    pub annual_other: Option<String>,
    /// 一般公共预算 (of 财政拨款).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub general_budget: Option<String>,
    /// 政府性基金 (of 财政拨款).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub government_fund: Option<String>,
    /// 国有资本经营预算 (of 财政拨款).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_capital_budget: Option<String>,
    /// 自有资金 (小计).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_raised: Option<String>,
    /// 事业收入 (of 自有资金).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business_income: Option<String>,
    /// 经营性收入 (of 自有资金).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operating_income: Option<String>,
    /// 本级安排 / 年度本级预算金额 (Hunan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own_level: Option<String>,
    /// 上级补助 / 上级资金 (Hunan, Hubei transfer funds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upper_level: Option<String>,
    /// 专项债券 (the 一体化 system's 合肥 exports).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub special_bonds: Option<String>,
}

/// T2019/T2020 项目预算 (元).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
#[serde(default)]
pub struct Budget {
    /// 项目总预算.
    pub total: Option<String>,
    /// 项目当年预算.
    pub current: Option<String>,
    /// 同名项目上年预算额.
    pub prior_year: Option<String>,
    /// 同名项目上年预算执行数.
    pub prior_year_executed: Option<String>,
    /// 项目当年投入资金构成.
    pub composition: Vec<CompositionRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
#[serde(default)]
pub struct CompositionRow {
    pub name: Option<String>,
    pub amount: Option<String>,
}

/// One row of the indicator table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
#[serde(default)]
pub struct Indicator {
    /// 一级指标 / 一级目标.
    pub level1: Option<String>,
    /// 二级指标 / 二级目标.
    pub level2: Option<String>,
    /// 三级指标 (the indicator's name).
    pub name: Option<String>,
    /// 指标值.
    pub target: Option<String>,
    /// Words kept beside a normalised value (`到场`); filled in the report's
    /// `normalised` form so nothing the clerk wrote is lost.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The national 一体化 system stores a target as three columns: 运算符
    /// (`≥ ＞ ＝ ＜ ≤ 定性`), 指标值 and 计量单位. A portal built on it sends
    /// them beside or instead of `target`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 指标类型: 定量 or 定性.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// 指标性质 / 指标方向: 正向 or 反向.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// 权重 (分值).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    /// 指标内容 / 指标解释.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// 评（扣）分标准.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// 指标值确定依据: 计划标准, 历史标准, 行业标准, 预算支出标准, 其他标准.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// Which target the row states: `annual` (年度) or `implementation`
    /// (实施期, the whole project's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// A field of the form found by its JSON Pointer.
pub enum Field<'a> {
    Text(&'a str),
    /// A number, a yes/no, an object.
    Value,
    /// A table with this many rows.
    Rows(usize),
}

impl Form {
    /// The field at `pointer`, when the form has it (`None` also for
    /// pointers the model does not know).
    pub fn field(&self, pointer: &str) -> Option<Field<'_>> {
        let (head, rest) = match pointer.get(1..).and_then(|p| p.split_once('/')) {
            Some((h, r)) => (h, Some(r)),
            None => (pointer.get(1..).unwrap_or_default(), None),
        };
        match (head, rest) {
            ("funds", None) => self.funds.as_ref().map(|_| Field::Value),
            ("funds", Some(key)) => self.funds.as_ref().and_then(|f| text(f.get(key)?)),
            ("budget", None) => self.budget.as_ref().map(|_| Field::Value),
            ("budget", Some("composition")) => self
                .budget
                .as_ref()
                .map(|b| Field::Rows(b.composition.len())),
            ("budget", Some(key)) => self.budget.as_ref().and_then(|b| text(b.get(key)?)),
            ("indicators", None) => self.indicators.as_ref().map(|r| Field::Rows(r.len())),
            ("year", None) => self.year.map(|_| Field::Value),
            ("includesGovernmentPurchase", None) => {
                self.includes_government_purchase.map(|_| Field::Value)
            }
            (key, None) => text(self.text(key)?),
            _ => None,
        }
    }

    /// Whether the form has the field at all (detection counts a field a
    /// clerk left empty: the template has it). `/indicators/*/key`: any row.
    pub fn has(&self, pointer: &str) -> bool {
        if let Some(key) = pointer.strip_prefix("/indicators/*/") {
            return self.indicators.iter().flatten().any(|row| row.has(key));
        }
        match self.field(pointer) {
            Some(Field::Rows(n)) => n > 0,
            Some(_) => true,
            None => false,
        }
    }

    /// Whether the field is filled in: text that is not only spaces, a
    /// value, or a table with a row.
    pub fn filled(&self, pointer: &str) -> bool {
        match self.field(pointer) {
            Some(Field::Text(s)) => !s.trim().is_empty(),
            Some(Field::Rows(n)) => n > 0,
            Some(Field::Value) => true,
            None => false,
        }
    }

    fn text(&self, key: &str) -> Option<&Option<String>> {
        Some(match key {
            "template" => &self.template,
            "projectName" => &self.project_name,
            "department" => &self.department,
            "implementingUnit" => &self.implementing_unit,
            "declaringUnit" => &self.declaring_unit,
            "projectSource" => &self.project_source,
            "projectTerm" => &self.project_term,
            "projectAttribute" => &self.project_attribute,
            "allocatedTo" => &self.allocated_to,
            "projectNature" => &self.project_nature,
            "projectCategory" => &self.project_category,
            "projectType" => &self.project_type,
            "fundUse" => &self.fund_use,
            "performanceType" => &self.performance_type,
            "startDate" => &self.start_date,
            "endDate" => &self.end_date,
            "overallGoal" => &self.overall_goal,
            "annualGoal" => &self.annual_goal,
            "overview" => &self.overview,
            "basis" => &self.basis,
            "necessity" => &self.necessity,
            "safeguards" => &self.safeguards,
            "plan" => &self.plan,
            "amountUnit" => &self.amount_unit,
            _ => return None,
        })
    }
}

impl Indicator {
    /// Whether the row fills the split column `key`.
    fn has(&self, key: &str) -> bool {
        let v = match key {
            "operator" => &self.operator,
            "value" => &self.value,
            "unit" => &self.unit,
            _ => return false,
        };
        v.as_deref().is_some_and(|s| !s.trim().is_empty())
    }
}

fn text(v: &Option<String>) -> Option<Field<'_>> {
    v.as_deref().map(Field::Text)
}

impl Funds {
    /// The amount under its JSON name (`annualFiscal`).
    pub fn get(&self, key: &str) -> Option<&Option<String>> {
        Some(match key {
            "total" => &self.total,
            "totalFiscal" => &self.total_fiscal,
            "totalOther" => &self.total_other,
            "annual" => &self.annual,
            "annualFiscal" => &self.annual_fiscal,
            "carryOver" => &self.carry_over,
            "annualOther" => &self.annual_other,
            "generalBudget" => &self.general_budget,
            "governmentFund" => &self.government_fund,
            "stateCapitalBudget" => &self.state_capital_budget,
            "selfRaised" => &self.self_raised,
            "businessIncome" => &self.business_income,
            "operatingIncome" => &self.operating_income,
            "ownLevel" => &self.own_level,
            "upperLevel" => &self.upper_level,
            "specialBonds" => &self.special_bonds,
            _ => return None,
        })
    }
}

impl Budget {
    fn get(&self, key: &str) -> Option<&Option<String>> {
        Some(match key {
            "total" => &self.total,
            "current" => &self.current,
            "priorYear" => &self.prior_year,
            "priorYearExecuted" => &self.prior_year_executed,
            _ => return None,
        })
    }
}
