// Demo of SPEC §7. Every rule runs in the wasm module; this file only edits a
// plain form object, shows what the module says, and maps JSON Pointers back
// to inputs. Untrusted text only ever reaches the DOM as text nodes or values.
import init, { validateForm, normaliseTarget } from '../pkg/perftarget.js';

window.__perf = { moduleReady: null, firstReport: null, lastValidateMs: null };

// ---------------------------------------------------------------- labels --

const I18N = {
  title: ['财政项目支出绩效目标申报表 · 实时校验', 'Performance-target declaration · live validation'],
  subtitle: ['规则在 Rust 中实现，浏览器内以 WebAssembly 运行，与后端完全一致。',
    'Rules written once in Rust, run here as WebAssembly — identical to the back end.'],
  template: ['模板', 'Template'], auto: ['自动识别', 'Detect'], blank: ['空白表单', 'Blank form'],
  fixtures: ['示例申报表：', 'Seed forms:'], loading: ['正在加载校验模块…', 'Loading the validator…'],
  jsonPanel: ['表单 JSON（可粘贴导入）', 'Form JSON (paste to import)'], jsonLoad: ['载入此 JSON', 'Load this JSON'],
  normalised: ['规范化结果', 'Normalised form'],
  basic: ['基本信息', 'Project'], funds: ['项目资金（元）', 'Project funds (yuan)'],
  budget: ['项目预算（元）', 'Budget (yuan)'], composition: ['项目当年投入资金构成', 'Composition of this year’s budget'],
  goals: ['绩效目标', 'Goals'], details: ['项目说明', 'Project description'],
  show: ['展开：概况、立项依据、必要性、制度措施、实施计划', 'Show: overview, basis, necessity, safeguards, plan'],
  indicators: ['绩效指标', 'Performance indicators'], extra: ['未识别字段', 'Unrecognised fields'],
  addRow: ['＋ 添加一行', '+ Add row'], remove: ['删除', 'Remove'],
  level1: ['一级指标', 'Level 1'], level2: ['二级指标', 'Level 2'], name: ['三级指标', 'Indicator'],
  target: ['指标值', 'Target value'], itemName: ['明细名称', 'Item'], amount: ['金额', 'Amount'],
  yes: ['是', 'Yes'], no: ['否', 'No'], unset: ['未填', 'Not set'],
  errors: ['错误', 'Errors'], warnings: ['警告', 'Warnings'], infos: ['提示', 'Notes'],
  valid: ['通过：没有错误', 'Valid: no errors'], invalid: ['未通过', 'Not valid'],
  detected: ['模板', 'template'], none: ['无', 'None'], canonical: ['规范写法', 'Canonical'],
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
  'budget.total': ['项目总预算', 'Total budget'], 'budget.current': ['项目当年预算', 'This year’s budget'],
  'budget.priorYear': ['同名项目上年预算额', 'Last year’s budget'],
  'budget.priorYearExecuted': ['同名项目上年预算执行数', 'Last year’s execution'],
  overallGoal: ['项目总目标', 'Overall goal'], annualGoal: ['年度总体目标', 'Annual goal'],
  overview: ['项目概况', 'Overview'], basis: ['立项依据', 'Basis'], necessity: ['项目设立的必要性', 'Necessity'],
  safeguards: ['保证项目实施的制度、措施', 'Safeguards'], plan: ['项目实施计划', 'Plan'],
};
let lang = 'zh';
const t = (key) => (I18N[key] ?? [key, key])[lang === 'zh' ? 0 : 1];

// ------------------------------------------------------- the form model --
// Which template shows which field; a field holding a value is shown anyway,
// so nothing that is validated is ever hidden.
const ALL = ['T2019', 'T2020', 'T2021'];
const OLD = ['T2019', 'T2020'];
const BASIC = [
  ['projectName', ALL], ['year', ALL, 'year'], ['declaringUnit', OLD], ['department', ['T2021']],
  ['implementingUnit', ['T2021']], ['projectNature', ['T2021']], ['projectCategory', ['T2020', 'T2021']],
  ['projectType', ['T2019']], ['fundUse', ['T2019']], ['performanceType', ['T2020']],
  ['includesGovernmentPurchase', ['T2020'], 'bool'], ['startDate', ALL], ['endDate', ALL],
];
const FUNDS = ['total', 'totalFiscal', 'totalOther', 'annual', 'annualFiscal', 'carryOver', 'annualOther'];
const BUDGET = ['total', 'current', 'priorYear', 'priorYearExecuted'];
const GOALS = ['overallGoal', 'annualGoal'];
const TEXTS = ['overview', 'basis', 'necessity', 'safeguards', 'plan'];
const KNOWN = new Set(['template', ...BASIC.map(([k]) => k), 'funds', 'budget', ...GOALS, ...TEXTS, 'indicators']);

const emptyRow = () => ({ level1: null, level2: null, name: null, target: null });
const emptyFunds = () => Object.fromEntries(FUNDS.map((k) => [k, null]));
const emptyBudget = () => ({ ...Object.fromEntries(BUDGET.map((k) => [k, null])), composition: [] });

function blankForm(template = 'T2021') {
  const form = { template, year: new Date().getFullYear(), projectName: null };
  for (const [key, templates] of BASIC) if (templates.includes(template) && !(key in form)) form[key] = null;
  if (template === 'T2021') form.funds = emptyFunds();
  else form.budget = emptyBudget();
  for (const key of GOALS) form[key] = null;
  form.indicators = [emptyRow()];
  return form;
}

let form = blankForm();
let report = null;

// ---------------------------------------------------- JSON Pointers (6901) --
const esc = (token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');
const pointer = (...tokens) => tokens.map((tok) => '/' + esc(tok)).join('');
const tokens = (ptr) => (ptr ? ptr.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')) : []);

function getAt(obj, toks) {
  return toks.reduce((node, tok) => (node != null && typeof node === 'object' ? node[tok] : undefined), obj);
}
// Creates missing parents: rendering never adds keys, typing does, so a
// loaded form is validated exactly as it was written.
function setAt(obj, toks, value) {
  let node = obj;
  for (const tok of toks.slice(0, -1)) {
    if (node[tok] == null || typeof node[tok] !== 'object') node[tok] = {};
    node = node[tok];
  }
  node[toks.at(-1)] = value;
}
const blank = (v) => v == null || v === '';

// ------------------------------------------------------------------ DOM --
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
const label = (key) => el('span', { class: 'label', 'data-i18n': key }, t(key));
const $ = (sel, root = document) => root.querySelector(sel);

function display(value) {
  if (value == null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function input(path, kind = 'text', i18n = null) {
  const value = getAt(form, tokens(path));
  if (kind === 'bool') {
    const select = el('select', { 'data-path': path, 'data-kind': 'bool' },
      el('option', { value: '', 'data-i18n': 'unset' }, t('unset')),
      el('option', { value: 'true', 'data-i18n': 'yes' }, t('yes')),
      el('option', { value: 'false', 'data-i18n': 'no' }, t('no')));
    select.value = value === true ? 'true' : value === false ? 'false' : '';
    return select;
  }
  const tag = kind === 'long' ? 'textarea' : 'input';
  return el(tag, {
    'data-path': path, 'data-kind': kind, value: display(value), rows: kind === 'long' ? 3 : null,
    inputmode: kind === 'amount' || kind === 'year' ? 'decimal' : null, 'aria-label': i18n && t(i18n),
  });
}

// Turns what an input holds back into the form's JSON value.
function fromInput(node) {
  const raw = node.value;
  switch (node.dataset.kind) {
    case 'bool': return raw === '' ? null : raw === 'true';
    case 'year': return raw.trim() === '' ? null : /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    default: return raw === '' ? null : raw;
  }
}

function labelled(key, path, kind) {
  return el('label', { class: `field field-${kind ?? 'text'}`, 'data-path': path }, label(key), input(path, kind, key));
}

function section(titleKey, path, ...body) {
  return el('fieldset', { class: 'section', 'data-path': path }, el('legend', { 'data-i18n': titleKey }, t(titleKey)), ...body);
}

// ------------------------------------------------------- target fields --

function targetField(path, i) {
  const box = el('div', { class: 'target-box' },
    el('div', { class: 'target-mirror', 'aria-hidden': 'true' }),
    input(path, 'target', 'target'));
  return el('div', { class: 'target-field', 'data-row': i }, box,
    el('div', { class: 'target-info' }, el('span', { class: 'target-canonical' }), el('span', { class: 'target-hint' })));
}

function contextFor(row) {
  const ctx = {};
  if (Number.isInteger(form.year)) ctx.year = form.year;
  for (const key of ['level1', 'level2', 'name']) if (typeof row?.[key] === 'string') ctx[key] = row[key];
  return ctx;
}

// Splits the text at every diagnostic boundary (UTF-16 offsets, as JS strings
// index) and wraps covered pieces in <mark>; empty spans become a caret.
function markup(text, diagnostics) {
  const rank = { error: 3, warning: 2, info: 1 };
  const cuts = new Set([0, text.length]);
  for (const d of diagnostics) cuts.add(Math.min(d.start, text.length)).add(Math.min(d.end, text.length));
  const points = [...cuts].sort((a, b) => a - b);
  const nodes = [];
  for (let k = 0; k < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    for (const d of diagnostics) {
      if (d.start === d.end && d.start === a) nodes.push(el('mark', { class: `caret sev-${d.severity}`, title: d.message }));
    }
    if (b === undefined || a === b) continue;
    const cover = diagnostics.filter((d) => d.start <= a && d.end >= b && d.start < d.end);
    const piece = text.slice(a, b);
    if (!cover.length) { nodes.push(document.createTextNode(piece)); continue; }
    const worst = cover.reduce((m, d) => (rank[d.severity] > rank[m.severity] ? d : m));
    nodes.push(el('mark', { class: `sev-${worst.severity}`, title: lang === 'zh' ? worst.message : worst.messageEn }, piece));
  }
  nodes.push(document.createTextNode(' ')); // keeps the mirror as wide as the input's scroll width
  return nodes;
}

function updateTarget(field) {
  const node = $('input[data-kind="target"]', field);
  const row = Number(field.dataset.row);
  const rows = Array.isArray(form.indicators) ? form.indicators : [];
  const result = normaliseTarget(node.value, contextFor(rows[row]));
  field.dataset.status = result.status;
  const mirror = $('.target-mirror', field);
  mirror.replaceChildren(...markup(node.value, result.diagnostics));
  mirror.scrollLeft = node.scrollLeft;
  const canonical = $('.target-canonical', field);
  canonical.textContent = result.canonical ?? '';
  canonical.title = t('canonical');
  // The hint of a valid target usually restates the canonical form; the
  // diagnostics add what it leaves out (a range the system cannot take …).
  const notes = lang === 'zh'
    ? [result.hint, ...result.diagnostics.map((d) => d.message)]
    : result.diagnostics.map((d) => d.messageEn);
  const shown = [...new Set(notes)].filter((n) => n && !(result.canonical && n.includes(result.canonical)));
  $('.target-hint', field).textContent = shown.join('；');
}

const updateAllTargets = () => document.querySelectorAll('.target-field').forEach(updateTarget);

// -------------------------------------------------------------- editor --

function effectiveTemplate() {
  if (ALL.includes(form.template)) return form.template;
  if (ALL.includes(report?.template)) return report.template;
  return 'T2021';
}

function render() {
  const tpl = effectiveTemplate();
  const editor = $('#editor');
  $('#template').value = ALL.includes(form.template) ? form.template : '';

  const basic = BASIC.filter(([key, tpls]) => tpls.includes(tpl) || !blank(form[key]))
    .map(([key, , kind]) => labelled(key, pointer(key), kind));
  const parts = [section('basic', null, el('div', { class: 'grid' }, basic))];

  if (tpl === 'T2021' || form.funds != null) {
    parts.push(section('funds', '/funds', el('div', { class: 'grid grid-funds' },
      FUNDS.map((k) => labelled(`funds.${k}`, pointer('funds', k), 'amount')))));
  }
  if (tpl !== 'T2021' || form.budget != null) {
    const composition = Array.isArray(form.budget?.composition) ? form.budget.composition : [];
    const rows = composition.map((_, i) => el('div', { class: 'comp-row', 'data-path': pointer('budget', 'composition', i) },
      input(pointer('budget', 'composition', i, 'name'), 'text', 'itemName'),
      input(pointer('budget', 'composition', i, 'amount'), 'amount', 'amount'),
      el('button', { type: 'button', class: 'remove', 'data-remove': pointer('budget', 'composition', i), 'data-i18n': 'remove' }, t('remove'))));
    parts.push(section('budget', '/budget',
      el('div', { class: 'grid' }, BUDGET.map((k) => labelled(`budget.${k}`, pointer('budget', k), 'amount'))),
      el('div', { class: 'composition', 'data-path': '/budget/composition' },
        el('h4', { 'data-i18n': 'composition' }, t('composition')),
        el('div', { class: 'comp-head' }, label('itemName'), label('amount')),
        rows,
        el('button', { type: 'button', class: 'add', 'data-add': '/budget/composition', 'data-i18n': 'addRow' }, t('addRow')))));
  }

  parts.push(section('goals', null, GOALS.map((k) => labelled(k, pointer(k), 'long'))));
  const texts = TEXTS.filter((k) => OLD.includes(tpl) || !blank(form[k]));
  if (texts.length) {
    const details = el('details', { class: 'texts' }, el('summary', { 'data-i18n': 'show' }, t('show')),
      texts.map((k) => labelled(k, pointer(k), 'long')));
    parts.push(section('details', null, details));
  }

  const indicators = Array.isArray(form.indicators) ? form.indicators : [];
  const head = el('div', { class: 'ind-row ind-head' }, ['level1', 'level2', 'name', 'target'].map(label), el('span'));
  const rows = indicators.map((_, i) => el('div', { class: 'ind-row', 'data-path': pointer('indicators', i) },
    input(pointer('indicators', i, 'level1'), 'text', 'level1'),
    input(pointer('indicators', i, 'level2'), 'text', 'level2'),
    input(pointer('indicators', i, 'name'), 'text', 'name'),
    targetField(pointer('indicators', i, 'target'), i),
    el('button', { type: 'button', class: 'remove', 'data-remove': pointer('indicators', i), 'data-i18n': 'remove' }, t('remove'))));
  parts.push(section('indicators', '/indicators', el('div', { class: 'ind-table' }, head, rows),
    el('button', { type: 'button', class: 'add', 'data-add': '/indicators', 'data-i18n': 'addRow' }, t('addRow'))));

  const extra = Object.keys(form).filter((k) => !KNOWN.has(k));
  if (extra.length) {
    parts.push(section('extra', null, extra.map((k) => el('div', { class: 'extra', 'data-path': pointer(k) },
      el('code', {}, k), el('span', {}, display(form[k]).slice(0, 200)),
      el('button', { type: 'button', class: 'remove', 'data-remove': pointer(k), 'data-i18n': 'remove' }, t('remove'))))));
  }

  editor.replaceChildren(...parts);
  updateAllTargets();
}

// ------------------------------------------------------------ validation --

function validate(subject = form) {
  const t0 = performance.now();
  report = validateForm(subject);
  window.__perf.lastValidateMs = performance.now() - t0;
  renderReport();
  if (window.__perf.firstReport == null) window.__perf.firstReport = performance.now();
}

function issueItem(issue) {
  const message = lang === 'zh' ? issue.message : issue.messageEn;
  return el('li', { class: `issue sev-${issue.severity}`, 'data-code': issue.code },
    el('button', { type: 'button', 'data-target': issue.path },
      el('span', { class: 'code' }, issue.code),
      el('span', { class: 'msg' }, message),
      el('span', { class: 'meta' }, el('code', {}, issue.path || '/'), issue.reviewCategory ? ` · ${issue.reviewCategory}` : '')));
}

function renderReport() {
  const box = $('#report');
  if (!report) return;
  const summary = el('div', { class: `summary ${report.valid ? 'ok' : 'bad'}` },
    el('strong', {}, report.valid ? `✓ ${t('valid')}` : `✗ ${t('invalid')}`),
    el('span', {}, `${t('detected')} ${report.template ?? '—'}`));
  const groups = ['errors', 'warnings', 'infos'].map((key) => el('section', { class: `group group-${key}` },
    el('h3', {}, `${t(key)} (${report[key].length})`),
    report[key].length ? el('ol', {}, report[key].map(issueItem)) : el('p', { class: 'none' }, t('none'))));
  box.replaceChildren(summary, ...groups);
  markFields();
  $('#timing').textContent = `validateForm ${window.__perf.lastValidateMs.toFixed(2)} ms`;
  if ($('#json-panel').open) $('#normalised').textContent = JSON.stringify(report.normalised, null, 2);
}

// Outlines every field a finding points at.
function markFields() {
  for (const node of document.querySelectorAll('.has-error, .has-warning')) node.classList.remove('has-error', 'has-warning');
  for (const [list, cls] of [[report.warnings, 'has-warning'], [report.errors, 'has-error']]) {
    for (const issue of list) findField(issue.path)?.classList.add(cls);
  }
}

// The element a pointer names, or its nearest ancestor that is on screen.
function findField(ptr) {
  const editor = $('#editor');
  const toks = tokens(ptr);
  for (let n = toks.length; n >= 1; n--) {
    const path = pointer(...toks.slice(0, n));
    const hit = editor.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (hit) return hit;
  }
  return null;
}

function reveal(ptr) {
  const hit = findField(ptr);
  if (!hit) return;
  for (let p = hit.parentElement; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
  hit.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const focusable = hit.matches('input, textarea, select') ? hit : hit.querySelector('input, textarea, select');
  focusable?.focus({ preventScroll: true });
  hit.classList.remove('flash');
  void hit.offsetWidth; // restarts the animation when the same field is clicked twice
  hit.classList.add('flash');
}

// --------------------------------------------------------------- events --

function load(newForm) {
  form = newForm;
  report = null;
  validate();
  render();
  markFields();
  if ($('#json-panel').open) $('#json-text').value = JSON.stringify(form, null, 2);
}

function onInput(event) {
  const node = event.target;
  if (!node.matches('[data-path]')) return;
  const path = node.dataset.path;
  setAt(form, tokens(path), fromInput(node));
  const row = node.closest('.ind-row');
  if (path === '/year') updateAllTargets();
  else if (row) updateTarget($('.target-field', row)); // name and levels feed the target's context
  validate();
}

function onClick(event) {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.dataset.add) {
    const toks = tokens(button.dataset.add);
    if (!Array.isArray(getAt(form, toks))) setAt(form, toks, []);
    getAt(form, toks).push(button.dataset.add === '/indicators' ? emptyRow() : { name: null, amount: null });
  } else if (button.dataset.remove) {
    const toks = tokens(button.dataset.remove);
    const parent = getAt(form, toks.slice(0, -1));
    if (Array.isArray(parent)) parent.splice(Number(toks.at(-1)), 1);
    else delete parent[toks.at(-1)];
  } else return;
  validate();
  render();
  markFields();
}

// Keeps the underline layer aligned while the input scrolls horizontally.
function syncMirror(event) {
  const node = event.target;
  if (node.dataset?.kind === 'target') $('.target-mirror', node.parentElement).scrollLeft = node.scrollLeft;
}

function setTemplate(value) {
  if (value) form.template = value; else delete form.template;
  const empty = (obj) => obj && Object.values(obj).every((v) => blank(v) || (Array.isArray(v) && !v.length));
  if (value && value !== 'T2021' && empty(form.funds)) delete form.funds;
  if (value === 'T2021' && empty(form.budget)) delete form.budget;
  validate();
  render();
  markFields();
}

function applyLang() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[aria-label][data-path]')) {
    const key = node.closest('.ind-row') ? tokens(node.dataset.path).at(-1) : null;
    if (key && I18N[key]) node.setAttribute('aria-label', t(key));
  }
  const toggle = $('#lang');
  toggle.textContent = lang === 'zh' ? 'English' : '中文';
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
  renderReport();
  updateAllTargets();
}

async function loadFixtureList() {
  const list = $('#fixture-list');
  let files = [];
  try {
    files = await (await fetch('fixtures.json')).json();
  } catch {
    return; // the editor works without seed forms
  }
  list.replaceChildren(...files.map((file) => {
    const name = file.replace(/\.json$/, '');
    const [, id, title] = name.match(/^(\d+-\d+)-(.*)$/) ?? [null, '', name];
    return el('button', { type: 'button', class: 'fixture', 'data-fixture': file, title: name },
      el('b', {}, id), ' ', title);
  }));
}

async function loadFixture(file) {
  const res = await fetch(`../tests/fixtures/${encodeURIComponent(file)}`);
  load(JSON.parse(await res.text()));
  for (const b of document.querySelectorAll('.fixture')) b.classList.toggle('active', b.dataset.fixture === file);
}

function loadJsonText() {
  const text = $('#json-text').value;
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // Anything that is not a form object is left to the module to explain
  // (JSON_SYNTAX with a position, SCHEMA_TYPE); the editor keeps its form.
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) load(parsed);
  else validate(text);
}

async function main() {
  await init();
  window.__perf.moduleReady = performance.now();
  const editor = $('#editor');
  editor.addEventListener('input', onInput);
  editor.addEventListener('click', onClick);
  editor.addEventListener('scroll', syncMirror, true);
  editor.addEventListener('keyup', syncMirror);
  editor.addEventListener('submit', (e) => e.preventDefault());
  $('#report').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-target]');
    if (button) reveal(button.dataset.target);
  });
  $('#fixture-list').addEventListener('click', (e) => {
    const button = e.target.closest('button[data-fixture]');
    if (button) loadFixture(button.dataset.fixture);
  });
  $('#template').addEventListener('change', (e) => setTemplate(e.target.value));
  $('#blank').addEventListener('click', () => load(blankForm(effectiveTemplate())));
  $('#lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLang(); });
  $('#json-panel').addEventListener('toggle', (e) => {
    if (!e.target.open) return;
    $('#json-text').value = JSON.stringify(form, null, 2);
    $('#normalised').textContent = JSON.stringify(report?.normalised ?? null, null, 2);
  });
  $('#json-load').addEventListener('click', loadJsonText);

  load(blankForm());
  loadFixtureList();
}

main().catch((err) => {
  $('#editor').replaceChildren(el('p', { class: 'fatal' }, `perftarget: ${err?.message ?? err}`));
  throw err;
});
