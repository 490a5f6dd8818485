// The demo (SPEC §7) on the drop-in kit (pkg/dom.js): this file renders a
// plain form object as fields mapped by JSON Pointer, and adds what a clerk
// and a reviewer need around them (rows, selects, autosave, undo, the JSON
// panel, CSV, print). Every rule and message comes from the wasm module.
// Untrusted text only ever reaches the DOM as text nodes or values.
import init, { templates, validateForm } from '../pkg/perftarget.js';
import { bind } from '../pkg/dom.js';

window.__perf = { moduleReady: null, firstReport: null };

// ---------------------------------------------------------------- labels --

const I18N = {
  title: ['财政项目支出绩效目标申报表 · 实时校验', 'Performance-target declaration · live validation'],
  subtitle: ['规则在 Rust 中实现，浏览器内以 WebAssembly 运行，与后端完全一致。',
    'Rules written once in Rust, run here as WebAssembly — identical to the back end.'],
  skip: ['跳到检查结果', 'Skip to the findings'], editor: ['申报表', 'Declaration form'],
  template: ['模板', 'Template'], auto: ['自动识别', 'Detect'], blank: ['新建空白表单', 'New blank form'],
  check: ['检查全表', 'Check the form'], prev: ['上一个问题', 'Previous finding'], next: ['下一个问题', 'Next finding'],
  fixtures: ['示例申报表：', 'Seed forms:'], loading: ['正在加载校验模块…', 'Loading the validator…'],
  report: ['检查结果', 'Findings'],
  reportEmpty: ['填写后离开字段，或点「检查全表」，问题会列在这里。', 'Findings appear here once you leave a field or check the form.'],
  acceptedTitle: ['已接受的警告', 'Accepted warnings'], codes: ['显示规则代码与路径', 'Show rule codes and pointers'],
  print: ['打印报告', 'Print the report'], csv: ['导出问题 CSV', 'Export findings (CSV)'],
  jsonPanel: ['表单 JSON（随表单更新，可编辑导入）', 'Form JSON (follows the form; edit to import)'],
  jsonLoad: ['载入此 JSON', 'Load this JSON'], normalised: ['规范化结果', 'Normalised form'],
  basic: ['基本信息', 'Project'], funds: ['项目资金（元）', 'Project funds (yuan)'],
  budget: ['项目预算（元）', 'Budget (yuan)'], composition: ['项目当年投入资金构成', 'Composition of this year’s budget'],
  goals: ['绩效目标', 'Goals'], details: ['项目说明', 'Project description'],
  show: ['展开：概况、立项依据、必要性、制度措施、实施计划', 'Show: overview, basis, necessity, safeguards, plan'],
  indicators: ['绩效指标', 'Performance indicators'], extra: ['未识别字段', 'Unrecognised fields'],
  addRow: ['＋ 添加一行指标', '+ Add an indicator row'], addItem: ['＋ 添加一项', '+ Add an item'],
  remove: ['删除', 'Remove'], row: ['第 {n} 行', 'Row {n}'], more: ['更多列（一体化）', 'More columns (integrated system)'],
  level1: ['一级指标', 'Level 1'], level2: ['二级指标', 'Level 2'], name: ['三级指标', 'Indicator'],
  target: ['指标值', 'Target value'], operator: ['运算符', 'Operator'], value: ['数值', 'Value'],
  unit: ['计量单位', 'Unit'], weight: ['权重', 'Weight'], note: ['备注', 'Note'],
  other: ['其他（手填）', 'Other (type it)'], otherName: ['{label}（手填）', '{label} (typed)'],
  choose: ['请选择', 'Choose'], notListed: ['（不在可选项中）', ' (not an option)'],
  itemName: ['明细名称', 'Item'], amount: ['金额', 'Amount'],
  yes: ['是', 'Yes'], no: ['否', 'No'], unset: ['未填', 'Not set'],
  projectName: ['项目名称', 'Project name'], year: ['预算年度', 'Budget year'],
  declaringUnit: ['申报单位名称', 'Declaring unit'], department: ['主管部门', 'Department'],
  implementingUnit: ['实施单位', 'Implementing unit'], projectNature: ['项目性质', 'Project nature'],
  projectCategory: ['项目类别', 'Project category'], projectType: ['项目类型', 'Project type'],
  fundUse: ['资金用途', 'Use of funds'], performanceType: ['绩效类型', 'Performance type'],
  includesGovernmentPurchase: ['是否含有政府购买服务', 'Includes government purchase'],
  startDate: ['计划开始日期', 'Start date'], endDate: ['计划完成日期', 'End date'],
  'funds.total': ['项目资金总额', 'Total project funds'], 'funds.totalFiscal': ['其中：财政资金', 'of which fiscal'],
  'funds.totalOther': ['其他资金', 'other'], 'funds.annual': ['年度资金申请总额', 'Annual request'],
  'funds.annualFiscal': ['其中：当年财政拨款', 'of which this year’s appropriation'],
  'funds.carryOver': ['上年结转资金', 'carried over'], 'funds.annualOther': ['其他资金', 'other'],
  'funds.generalBudget': ['一般公共预算', 'general budget'], 'funds.governmentFund': ['政府性基金', 'government funds'],
  'funds.stateCapitalBudget': ['国有资本经营预算', 'state capital budget'], 'funds.selfRaised': ['自有资金', 'own funds'],
  'funds.businessIncome': ['事业收入', 'business income'], 'funds.operatingIncome': ['经营性收入', 'operating income'],
  'funds.ownLevel': ['本级安排', 'own level'], 'funds.upperLevel': ['上级补助', 'from above'],
  'funds.specialBonds': ['专项债券', 'special bonds'],
  projectSource: ['项目来源', 'Project source'], projectTerm: ['项目期', 'Project term'],
  projectAttribute: ['项目属性', 'Project attribute'], allocatedTo: ['下达地方或单位', 'Recipient'],
  'budget.total': ['项目总预算', 'Total budget'], 'budget.current': ['项目当年预算', 'This year’s budget'],
  'budget.priorYear': ['同名项目上年预算额', 'Last year’s budget'],
  'budget.priorYearExecuted': ['同名项目上年预算执行数', 'Last year’s execution'],
  overallGoal: ['项目总目标', 'Overall goal'], annualGoal: ['年度总体目标', 'Annual goal'],
  overview: ['项目概况', 'Overview'], basis: ['立项依据', 'Basis'], necessity: ['项目设立的必要性', 'Necessity'],
  safeguards: ['保证项目实施的制度、措施', 'Safeguards'], plan: ['项目实施计划', 'Plan'],
  accept: ['接受此警告…', 'Accept this warning…'], reason: ['接受理由', 'Reason for accepting'],
  confirmAccept: ['确认接受', 'Accept'], unaccept: ['撤销接受', 'Withdraw'],
  undo: ['撤销', 'Undo'], saved: ['草稿已自动保存 {t}', 'Draft saved automatically {t}'],
  removedRow: ['已删除第 {n} 行。', 'Row {n} removed.'], removedItem: ['已删除一项。', 'Item removed.'],
  removedField: ['已删除字段 {k}。', 'Field {k} removed.'], cleared: ['已换成空白表单。', 'Replaced by a blank form.'],
  loaded: ['已载入 {name}。', 'Loaded {name}.'], jsonLoaded: ['已载入 JSON。', 'JSON loaded.'],
  jsonNotForm: ['这段 JSON 不是一份申报表：', 'This JSON is not a form: '],
  templateChanged: ['已改为模板 {name}。', 'Template set to {name}.'],
  category: ['审核类别', 'Review category'], severity: ['级别', 'Severity'], code: ['代码', 'Code'],
  path: ['路径', 'Pointer'], rowNo: ['行', 'Row'], message: ['问题', 'Finding'], acceptedReason: ['接受理由', 'Accepted because'],
};
// The reviewers' opinion categories the catalogue names, for English mode.
const CATEGORY_EN = {
  其他: 'Other', 指标不够完整: 'Indicators incomplete', 一级指标类型错误: 'Wrong level-1 type',
  二级指标类型错误: 'Wrong level-2 type', 建议拆分指标: 'Split the indicator',
  '指标不够细化、量化': 'Not specific or measurable', 指标与指标值不匹配: 'Target does not fit the indicator',
};
let lang = 'zh';
const t = (key, vars = {}) => (I18N[key] ?? [key, key])[lang === 'zh' ? 0 : 1]
  .replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
const category = (c) => (lang === 'en' ? CATEGORY_EN[c] ?? c : c);
const msgOf = (i) => (lang === 'zh' ? i.message : i.messageEn);

// Units a clerk picks most; any other unit may be typed.
const UNITS = ['%', '个', '人', '人次', '次', '项', '天', '个工作日', '小时', '元', '万元', '元/人', '套', '台', '份', '篇', '家', '所', '户', '亩', '公顷', '公里', '平方米', '万人次'];
const OPERATORS = ['≥', '＞', '＝', '＜', '≤', '定性'];

// ------------------------------------------------------- the form model --
// Which template shows which field (besides the fields its registry entry
// requires); a field holding a value is shown anyway, so nothing that is
// validated is ever hidden.
const ALL = ['T2019', 'T2020', 'T2021'];
const OLD = ['T2019', 'T2020'];
const BASIC = [
  ['projectName', ALL], ['year', ALL, 'year'], ['declaringUnit', OLD], ['department', ['T2021']],
  ['implementingUnit', ['T2021']], ['projectNature', ['T2021'], 'choice'], ['projectCategory', ['T2020', 'T2021'], 'choice'],
  ['projectType', ['T2019'], 'choice'], ['fundUse', ['T2019'], 'choice'], ['performanceType', ['T2020']],
  ['includesGovernmentPurchase', ['T2020'], 'bool'], ['startDate', ALL, 'date'], ['endDate', ALL, 'date'],
  ['projectSource', []], ['projectTerm', []], ['projectAttribute', []], ['allocatedTo', []],
];
const FUNDS = ['total', 'totalFiscal', 'totalOther', 'annual', 'annualFiscal', 'carryOver', 'annualOther'];
const BUDGET = ['total', 'current', 'priorYear', 'priorYearExecuted'];
const GOALS = ['overallGoal', 'annualGoal'];
const TEXTS = ['overview', 'basis', 'necessity', 'safeguards', 'plan'];
const KNOWN = new Set(['template', ...BASIC.map(([k]) => k), 'funds', 'budget', ...GOALS, ...TEXTS, 'indicators', 'amountUnit']);
const SPLIT = ['operator', 'value', 'unit', 'weight', 'note'];

const emptyRow = () => ({ level1: null, level2: null, name: null, target: null });

const templateById = (id) => registry.find((x) => x.id === id);
const shownFor = (id, key, ids) => ids.includes(id) || (templateById(id)?.required ?? []).some((r) => r.path === pointer(key));

function blankForm(template = registry[0].id) {
  const form = { template, year: new Date().getFullYear(), projectName: null };
  for (const [key, ids] of BASIC) if (shownFor(template, key, ids) && !(key in form)) form[key] = null;
  if (templateById(template)?.money === 'funds') form.funds = Object.fromEntries(FUNDS.map((k) => [k, null]));
  else form.budget = { ...Object.fromEntries(BUDGET.map((k) => [k, null])), composition: [] };
  for (const key of GOALS) form[key] = null;
  form.indicators = [emptyRow()];
  return form;
}

let registry = []; // templates(): ids, level names, choice lists, where the money is
let form = null;
let accepted = {}; // "code|path" → the reviewer's reason, kept in the draft
let checked = false; // the whole form was checked (or loaded): every finding shows
let kit = null;

// ---------------------------------------------------- JSON Pointers (6901) --
const esc = (token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (...tokens) => tokens.map((tok) => '/' + esc(tok)).join('');
const tokens = (ptr) => (ptr ? ptr.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')) : []);
const getAt = (obj, toks) => toks.reduce((node, tok) => (node != null && typeof node === 'object' ? node[tok] : undefined), obj);
const blank = (v) => v == null || v === '';
const display = (v) => (v == null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

// ------------------------------------------------------------------ DOM --
let uid = 0;
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name === 'value' || name === 'textContent') node[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child != null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const $ = (sel, root = document) => root.querySelector(sel);

function templateInfo() {
  return templateById(form.template) ?? templateById(kit?.report?.template) ?? registry[0];
}

// A control bound to the model by its pointer, with a label naming it.
function control(path, kind, labelText, options = []) {
  const value = getAt(form, tokens(path));
  const id = `f${++uid}`;
  const attrs = { id, 'data-perftarget': path };
  let node;
  if (kind === 'bool') {
    node = el('select', { ...attrs, 'data-perftarget-type': 'boolean' },
      el('option', { value: '' }, t('unset')), el('option', { value: 'true' }, t('yes')), el('option', { value: 'false' }, t('no')));
    node.value = value === true ? 'true' : value === false ? 'false' : '';
  } else if (kind === 'choice') {
    const text = display(value);
    node = el('select', attrs, el('option', { value: '' }, t('choose')), options.map((c) => el('option', { value: c }, c)),
      text && !options.includes(text) ? el('option', { value: text }, text + t('notListed')) : null);
    node.value = text;
  } else if (kind === 'long') {
    node = el('textarea', { ...attrs, rows: 3, value: display(value) });
  } else {
    // A date picker when the date is empty or ISO; any other spelling stays text, as written.
    const date = kind === 'date' && (blank(value) || /^\d{4}-\d{2}-\d{2}$/.test(value));
    node = el('input', {
      ...attrs, type: date ? 'date' : 'text', value: display(value),
      inputmode: kind === 'amount' ? 'decimal' : kind === 'year' ? 'numeric' : null,
      'data-perftarget-type': kind === 'year' ? 'number' : null, list: kind === 'unit' ? 'units' : null,
    });
  }
  return el('div', { class: `field field-${kind}` }, el('label', { for: id, class: 'label' }, labelText), node);
}

function section(titleKey, path, ...body) {
  return el('fieldset', { class: 'section', 'data-perftarget': path }, el('legend', {}, t(titleKey)), ...body);
}

const level1Names = (tpl) => tpl.levels.map((l) => l.canonical);
const level2Names = (tpl, level1) =>
  (tpl.levels.find((l) => l.canonical === level1)?.children ?? []).map((c) => c + tpl.level2Suffix);

// Level 1 and 2 as dependent selects from the template registry; a name
// the registry does not list (another region's) is kept in a text field.
function levelCell(i, key, choices, labelText) {
  const path = pointer('indicators', i, key);
  const value = display(getAt(form, tokens(path)));
  const listed = choices.includes(value);
  const id = `f${++uid}`;
  const select = el('select', { id, class: 'level', 'data-key': key, 'data-perftarget': listed || !value ? path : null },
    el('option', { value: '' }, t('choose')), choices.map((c) => el('option', { value: c }, c)),
    el('option', { value: '\u0000other' }, t('other')));
  select.value = listed || !value ? value : '\u0000other';
  const text = el('input', {
    type: 'text', class: 'level-other', value: listed ? '' : value, hidden: listed || !value,
    'aria-label': t('otherName', { label: labelText }), 'data-perftarget': listed || !value ? null : path,
  });
  return el('div', { class: `field cell cell-${key}` }, el('label', { for: id, class: 'label' }, labelText), select, text);
}

function indicatorRow(row, i, tpl) {
  const n = i + 1;
  const level1 = levelCell(i, 'level1', level1Names(tpl), t('level1'));
  const children = level2Names(tpl, row?.level1);
  const split = SPLIT.some((k) => !blank(row?.[k]));
  return el('fieldset', { class: 'ind-row', 'data-perftarget': pointer('indicators', i), 'data-row': i },
    el('legend', { class: 'row-no' }, t('row', { n })),
    level1,
    levelCell(i, 'level2', children, t('level2')),
    el('div', { class: 'cell cell-name' }, control(pointer('indicators', i, 'name'), 'text', t('name'))),
    el('div', { class: 'cell cell-target' }, control(pointer('indicators', i, 'target'), 'target', t('target'))),
    el('details', { class: 'more', open: split },
      el('summary', {}, t('more')),
      el('div', { class: 'more-grid' },
        control(pointer('indicators', i, 'operator'), 'choice', t('operator'), OPERATORS),
        ['value', 'unit', 'weight', 'note'].map((k) => control(pointer('indicators', i, k), k === 'unit' ? 'unit' : 'text', t(k))))),
    el('button', { type: 'button', class: 'remove', 'data-remove': pointer('indicators', i) },
      t('remove'), el('span', { class: 'pt-visually-hidden' }, ` ${t('row', { n })}`)));
}

function render() {
  const tpl = templateInfo();
  const id = tpl.id;
  $('#template').value = templateById(form.template) ? form.template : '';
  const choice = (key) => tpl.choices.find((c) => c.path === pointer(key))?.options ?? [];
  const basic = BASIC.filter(([key, tpls]) => shownFor(id, key, tpls) || !blank(form[key]))
    .map(([key, , kind]) => control(pointer(key), kind ?? 'text', t(key), choice(key)));
  const parts = [section('basic', null, el('div', { class: 'grid' }, basic))];

  if (tpl.money === 'funds' || form.funds != null) {
    parts.push(section('funds', '/funds', el('div', { class: 'grid' },
      [...new Set([...FUNDS, ...Object.keys(form.funds ?? {})])]
        .map((k) => control(pointer('funds', k), 'amount', t(`funds.${k}`))))));
  }
  if (tpl.money === 'budget' || form.budget != null) {
    const composition = Array.isArray(form.budget?.composition) ? form.budget.composition : [];
    parts.push(section('budget', '/budget',
      el('div', { class: 'grid' }, BUDGET.map((k) => control(pointer('budget', k), 'amount', t(`budget.${k}`)))),
      el('div', { class: 'composition', 'data-perftarget': '/budget/composition' },
        el('h3', {}, t('composition')),
        composition.map((_, i) => el('div', { class: 'comp-row', 'data-perftarget': pointer('budget', 'composition', i) },
          control(pointer('budget', 'composition', i, 'name'), 'text', `${t('itemName')} ${i + 1}`),
          control(pointer('budget', 'composition', i, 'amount'), 'amount', `${t('amount')} ${i + 1}`),
          el('button', { type: 'button', class: 'remove', 'data-remove': pointer('budget', 'composition', i) }, t('remove'),
            el('span', { class: 'pt-visually-hidden' }, ` ${t('itemName')} ${i + 1}`)))),
        el('button', { type: 'button', class: 'add', 'data-add': '/budget/composition' }, t('addItem')))));
  }
  parts.push(section('goals', null, GOALS.map((k) => control(pointer(k), 'long', t(k)))));
  const texts = TEXTS.filter((k) => OLD.includes(id) || !blank(form[k]));
  if (texts.length) {
    parts.push(section('details', null, el('details', { class: 'texts' }, el('summary', {}, t('show')),
      texts.map((k) => control(pointer(k), 'long', t(k))))));
  }
  const rows = Array.isArray(form.indicators) ? form.indicators : [];
  parts.push(section('indicators', '/indicators',
    el('div', { class: 'ind-table' }, rows.map((row, i) => indicatorRow(row, i, tpl))),
    el('button', { type: 'button', class: 'add', 'data-add': '/indicators' }, t('addRow'))));

  const extra = Object.keys(form).filter((k) => !KNOWN.has(k));
  if (extra.length) {
    parts.push(section('extra', null, extra.map((k) => el('div', { class: 'extra', 'data-perftarget': pointer(k) },
      el('code', {}, k), el('span', {}, display(form[k]).slice(0, 200)),
      el('button', { type: 'button', class: 'remove', 'data-remove': pointer(k) }, t('remove'),
        el('span', { class: 'pt-visually-hidden' }, ` ${k}`))))));
  }
  parts.push(el('datalist', { id: 'units' }, UNITS.map((u) => el('option', { value: u }))),
    el('button', { type: 'submit', class: 'primary submit' }, t('check')));
  $('#editor').replaceChildren(el('h2', { id: 'editor-title', class: 'pt-visually-hidden' }, t('editor')), ...parts);
  kit?.scan();
}

// ------------------------------------------------------- the reviewer --

const keyOf = (i) => `${i.code}|${i.path}`;

// Extras on a finding in the list: its code, pointer and category behind
// the "show codes" toggle, and for a warning a way to accept it with a reason.
function decorate(li, issue) {
  li.append(el('span', { class: 'codes' }, `${issue.code} · ${issue.path || '/'} · ${category(issue.reviewCategory)}`));
  if (issue.severity !== 'warning') return;
  const reason = el('input', { type: 'text', 'aria-label': t('reason'), class: 'reason' });
  const box = el('span', { class: 'accept-box', hidden: true }, reason,
    el('button', { type: 'button', 'data-accept': keyOf(issue) }, t('confirmAccept')));
  const open = el('button', { type: 'button', class: 'accept' }, t('accept'));
  open.addEventListener('click', () => { box.hidden = false; open.hidden = true; reason.focus(); });
  li.append(' ', open, box);
}

// kit.report is the module's whole report, accepted warnings included.
function renderAccepted() {
  const list = (kit.report?.warnings ?? []).filter((i) => accepted[keyOf(i)] != null);
  $('#accepted-box').hidden = !list.length;
  $('#accepted').replaceChildren(...list.map((i) => el('li', {},
    el('span', {}, msgOf(i)), el('span', { class: 'reason-text' }, ` — ${t('acceptedReason')}: ${accepted[keyOf(i)] || '—'}`), ' ',
    el('button', { type: 'button', 'data-unaccept': keyOf(i) }, t('unaccept')))));
}

function csvFindings() {
  const report = kit.check();
  const quote = (v) => `"${String(v ?? '').replaceAll('"', '""')}"`;
  const head = ['severity', 'rowNo', 'message', 'category', 'code', 'path', 'acceptedReason'].map((k) => t(k));
  const lines = [...report.errors, ...report.warnings, ...report.infos].map((i) => {
    const row = /^\/indicators\/(\d+)/.exec(i.path)?.[1];
    return [i.severity, row == null ? '' : Number(row) + 1, msgOf(i), category(i.reviewCategory), i.code, i.path, accepted[keyOf(i)]];
  });
  // A BOM so that Excel reads the UTF-8 Chinese text.
  return '\ufeff' + [head, ...lines].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

function download(name, text, type) {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ------------------------------------------------- draft, undo, JSON --

const DRAFT = 'perftarget-draft';
let saveTimer = 0;
let jsonDirty = false;

function save() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    form = kit.form();
    try {
      localStorage.setItem(DRAFT, JSON.stringify({ form, accepted, checked, lang }));
      $('#saved').textContent = t('saved', { t: new Date().toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB') });
    } catch { /* storage full or disabled: the page works without a draft */ }
    followJson();
  }, 300);
}

function restore() {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT));
    if (draft?.form && typeof draft.form === 'object') return draft;
  } catch { /* a broken draft is ignored */ }
  return null;
}

// Destructive actions keep the form as it was; the bar offers to put it back.
let undoStack = [];
function remember(messageKey, vars) {
  undoStack.push({ form: structuredClone(kit ? kit.form() : form), accepted: { ...accepted }, checked });
  if (undoStack.length > 20) undoStack.shift();
  const bar = $('#undo');
  bar.replaceChildren(el('span', {}, t(messageKey, vars)), ' ', el('button', { type: 'button', id: 'undo-button' }, t('undo')));
}
function undo() {
  const last = undoStack.pop();
  if (!last) return;
  accepted = last.accepted;
  load(last.form, last.checked);
  $('#undo').replaceChildren();
}

function followJson() {
  if (!$('#json-panel').open) return;
  if (!jsonDirty) $('#json-text').value = JSON.stringify(form, null, 2);
  $('#normalised').textContent = JSON.stringify(kit.report?.normalised ?? null, null, 2);
}

// A paste that is not a form stays in the panel with the module's own
// explanation (JSON_SYNTAX with its position, SCHEMA_TYPE); the form is kept.
function loadJsonText() {
  const text = $('#json-text').value;
  let parsed;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    remember('jsonLoaded');
    jsonDirty = false;
    $('#json-error').textContent = '';
    load(parsed, true);
    return;
  }
  const report = validateForm(text);
  $('#json-error').textContent = t('jsonNotForm') + report.errors.map(msgOf).join('；');
}

// ------------------------------------------------------------- events --

function load(newForm, reveal) {
  form = newForm;
  checked = !!reveal;
  render();
  if (reveal) kit.check({ reveal: true }); else kit.reset();
  save();
}

function onClick(event) {
  const button = event.target.closest('button');
  if (!button) return;
  form = kit.form();
  if (button.dataset.add) {
    const toks = tokens(button.dataset.add);
    if (!Array.isArray(getAt(form, toks))) {
      if (toks[0] === 'budget' && (form.budget == null || typeof form.budget !== 'object')) form.budget = {};
      getAt(form, toks.slice(0, -1))[toks.at(-1)] = [];
    }
    getAt(form, toks).push(button.dataset.add === '/indicators' ? emptyRow() : { name: null, amount: null });
    render();
    kit.check();
    $(button.dataset.add === '/indicators' ? '.ind-row:last-child select' : '.comp-row:last-of-type input')?.focus();
  } else if (button.dataset.remove) {
    const toks = tokens(button.dataset.remove);
    const parent = getAt(form, toks.slice(0, -1));
    if (toks[0] === 'indicators') remember('removedRow', { n: Number(toks[1]) + 1 });
    else if (toks[0] === 'budget') remember('removedItem');
    else remember('removedField', { k: toks[0] });
    if (Array.isArray(parent)) parent.splice(Number(toks.at(-1)), 1); else delete parent[toks.at(-1)];
    render();
    kit.check();
    $('#undo-button')?.focus();
  } else return;
  save();
}

// Selects for level 1/2: "other" hands the pointer to the text field; a new
// level 1 refills level 2's choices.
function onLevelChange(event) {
  const select = event.target;
  if (!select.matches('select.level')) return;
  const cell = select.parentElement;
  const text = $('.level-other', cell);
  const path = select.dataset.perftarget ?? text.dataset.perftarget;
  const other = select.value === '\u0000other';
  text.hidden = !other;
  if (other) { select.removeAttribute('data-perftarget'); text.dataset.perftarget = path; } else {
    text.removeAttribute('data-perftarget'); text.value = ''; select.dataset.perftarget = path;
  }
  kit.scan();
  if (other) { text.focus(); return; }
  if (select.dataset.key === 'level1') {
    const row = select.closest('.ind-row');
    const level2 = $('.cell-level2 select', row);
    const children = level2Names(templateInfo(), select.value);
    const keep = level2.value === '\u0000other' || children.includes(level2.value) ? level2.value : '';
    level2.replaceChildren(el('option', { value: '' }, t('choose')), ...children.map((c) => el('option', { value: c }, c)),
      el('option', { value: '\u0000other' }, t('other')));
    level2.value = keep;
  }
}

function setTemplate(value) {
  form = kit.form();
  remember('templateChanged', { name: value || t('auto') });
  if (value) form.template = value; else delete form.template;
  const empty = (obj) => obj && Object.values(obj).every((v) => blank(v) || (Array.isArray(v) && !v.length));
  const money = templateById(value)?.money;
  if (money === 'budget' && empty(form.funds)) delete form.funds;
  if (money === 'funds' && empty(form.budget)) delete form.budget;
  load(form, checked);
}

function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  const toggle = $('#lang');
  toggle.textContent = lang === 'zh' ? 'English' : '中文';
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
  $('#template option[value=""]').textContent = t('auto');
  form = kit.form();
  render();
  kit.setLang(lang);
  renderAccepted();
}

async function loadFixtureList() {
  let files = [];
  try {
    files = await (await fetch('fixtures.json')).json();
  } catch {
    return; // the editor works without seed forms
  }
  $('#fixture-list').replaceChildren(...files.map((file) => {
    const name = file.replace(/\.json$/, '');
    const [, id, title] = name.match(/^(\d+-\d+)-(.*)$/) ?? [null, '', name];
    return el('button', { type: 'button', class: 'fixture', 'data-fixture': file, title: name }, el('b', {}, id), ' ', title);
  }));
}

async function loadFixture(file) {
  const res = await fetch(`../tests/fixtures/${encodeURIComponent(file)}`);
  const next = JSON.parse(await res.text());
  remember('loaded', { name: file.replace(/\.json$/, '') });
  accepted = {};
  load(next, true);
  for (const b of document.querySelectorAll('.fixture')) b.classList.toggle('active', b.dataset.fixture === file);
}

async function main() {
  await init();
  window.__perf.moduleReady = performance.now();
  registry = templates();
  $('#template').append(...registry.map((x) => el('option', { value: x.id }, x.id)));
  const draft = restore();
  form = blankForm();
  if (draft) {
    form = draft.form;
    accepted = draft.accepted ?? {};
    checked = !!draft.checked;
    lang = draft.lang === 'en' ? 'en' : 'zh';
  }
  render();
  kit = bind($('#editor'), {
    data: () => form,
    summary: '#summary',
    status: $('#live'),
    lang,
    liveSummary: true,
    severities: ['error', 'warning', 'info'],
    filter: (i) => accepted[keyOf(i)] == null,
    item: decorate,
    reveal: checked,
    onReport(report, { stats }) {
      $('#report-empty').hidden = !$('#summary').hidden;
      $('#timing').textContent = `validateForm ${stats.lastMs.toFixed(2)} ms`;
      window.__perf.firstReport ??= performance.now();
      window.__perf.report = report;
    },
  });
  window.__kit = kit; // for the console and the tests
  if (lang !== 'zh') applyLang();

  const editor = $('#editor');
  editor.addEventListener('click', onClick);
  editor.addEventListener('change', onLevelChange, true); // before the kit reads the field
  editor.addEventListener('input', save);
  editor.addEventListener('change', save);
  editor.addEventListener('submit', (e) => {
    checked = true;
    if (kit.report?.valid) e.preventDefault(); // nothing to send it to in a demo
    save();
  });
  $('#check').addEventListener('click', () => editor.requestSubmit());
  $('#next').addEventListener('click', () => kit.next(1));
  $('#prev').addEventListener('click', () => kit.next(-1));
  $('#blank').addEventListener('click', () => {
    remember('cleared');
    accepted = {};
    load(blankForm(templateInfo().id), false);
    for (const b of document.querySelectorAll('.fixture.active')) b.classList.remove('active');
  });
  $('#undo').addEventListener('click', (e) => { if (e.target.id === 'undo-button') undo(); });
  $('#fixture-list').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-fixture]');
    if (button) loadFixture(button.dataset.fixture);
  });
  $('#template').addEventListener('change', (e) => setTemplate(e.target.value));
  $('#lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLang(); save(); });
  $('#codes').addEventListener('change', (e) => document.body.classList.toggle('show-codes', e.target.checked));
  $('#print').addEventListener('click', () => window.print());
  $('#csv').addEventListener('click', () => download('findings.csv', csvFindings(), 'text/csv;charset=utf-8'));
  $('#report-panel').addEventListener('click', (e) => {
    const accept = e.target.closest('button[data-accept]');
    const unaccept = e.target.closest('button[data-unaccept]');
    if (accept) accepted[accept.dataset.accept] = accept.previousElementSibling.value.trim();
    else if (unaccept) delete accepted[unaccept.dataset.unaccept];
    else return;
    kit.check();
    renderAccepted();
    save();
  });
  $('#json-panel').addEventListener('toggle', followJson);
  $('#json-text').addEventListener('input', () => { jsonDirty = true; });
  $('#json-load').addEventListener('click', loadJsonText);
  renderAccepted();
  loadFixtureList();
}

main().catch((err) => {
  $('#editor').replaceChildren(el('p', { class: 'fatal' }, `perftarget: ${err?.message ?? err}`));
  throw err;
});
