//! The review report as one self-contained HTML page a reviewer opens or
//! prints: inline CSS, an inline SVG bar chart of findings per rule, no
//! script and nothing fetched. Chinese first; the English beside it can be
//! hidden with a checkbox (CSS only). Every text from a form is escaped.
//!
//! Anchors: form `n` is `#fn`, its finding `k` `#fn-ik`, its indicator row
//! `r` `#fn-rr`; a finding on a row links to the row, and the row lists its
//! findings with links back.

use super::summary::{RuleCount, Summary};
use super::Checked;
use crate::{Issue, Severity};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body{font:14px/1.5 system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:0;color:#1d2329}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #d0d7de}
h3{font-size:16px;margin:24px 0 6px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px}
th,td{border:1px solid #d0d7de;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f7}
.en{color:#57606a;font-size:12px}
#en-toggle:not(:checked)~main .en{display:none}
.toggle{position:absolute;right:24px;top:12px;font-size:12px}
#en-toggle{position:absolute;right:80px;top:14px;margin:0}
.error{color:#b42318}.warning{color:#b54708}.info{color:#175cd3}
.valid{color:#067647}
tr.row-error td{background:#fef3f2}tr.row-warning td{background:#fffaeb}
td.num{text-align:right;white-space:nowrap}
code,.cell{font-family:ui-monospace,Consolas,monospace;font-size:12px}
.cell{white-space:nowrap}
svg text{font:12px ui-monospace,Consolas,monospace;fill:#1d2329}
a{color:#175cd3}
@media print{.toggle,#en-toggle{display:none}a{color:inherit;text-decoration:none}article{break-before:page}
 #en-toggle:not(:checked)~main .en{display:none}}
";

fn severity(s: Severity) -> (&'static str, &'static str, &'static str) {
    match s {
        Severity::Error => ("error", "错误", "error"),
        Severity::Warning => ("warning", "警告", "warning"),
        Severity::Info => ("info", "提示", "info"),
    }
}

fn color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "#d92d20",
        Severity::Warning => "#f79009",
        Severity::Info => "#2e90fa",
    }
}

/// Bars of findings per rule; widths scale to the most frequent.
fn chart(h: &mut String, rules: &[RuleCount]) -> std::fmt::Result {
    const ROW: usize = 20;
    const LABEL: usize = 260;
    const BAR: usize = 520;
    let most = rules.iter().map(|r| r.findings).max().unwrap_or(0).max(1);
    let height = rules.len().saturating_mul(ROW).saturating_add(4);
    let width = LABEL.saturating_add(BAR).saturating_add(60);
    writeln!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"按规则统计的问题数 findings per rule\">"
    )?;
    for (i, r) in rules.iter().enumerate() {
        let y = i.saturating_mul(ROW);
        let w = r
            .findings
            .saturating_mul(BAR)
            .checked_div(most)
            .unwrap_or(0)
            .max(1);
        let (_, zh, en) = severity(r.severity);
        writeln!(
            h,
            "<g><title>{code} {zh}/{en}: {n}</title><text x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{code}</text><rect x=\"{LABEL}\" y=\"{ry}\" width=\"{w}\" height=\"{bh}\" fill=\"{fill}\"/><text x=\"{nx}\" y=\"{ty}\">{n}</text></g>",
            code = escape(r.code),
            n = r.findings,
            tx = LABEL.saturating_sub(8),
            ty = y.saturating_add(14),
            ry = y.saturating_add(3),
            bh = ROW.saturating_sub(6),
            fill = color(r.severity),
            nx = LABEL.saturating_add(w).saturating_add(6),
        )?;
    }
    h.push_str("</svg>\n");
    Ok(())
}

fn summary(h: &mut String, s: &Summary) -> std::fmt::Result {
    writeln!(
        h,
        "<p>共 {} 份申报表：<span class=\"valid\">通过 {}</span>，<span class=\"error\">未通过 {}</span>，无法读取 {}；错误 {} 个，警告 {} 个，提示 {} 个。<br><span class=\"en\" lang=\"en\">{} forms: {} valid, {} with errors, {} unusable; {} errors, {} warnings, {} infos.</span></p>",
        s.forms, s.valid, s.invalid, s.unusable, s.errors, s.warnings, s.infos,
        s.forms, s.valid, s.invalid, s.unusable, s.errors, s.warnings, s.infos
    )?;
    if s.rules.is_empty() {
        return Ok(());
    }
    h.push_str("<h2>按规则汇总 <span class=\"en\" lang=\"en\">Findings per rule</span></h2>\n");
    chart(h, &s.rules)?;
    h.push_str("<table><tr><th>规则 <span class=\"en\">rule</span></th><th>级别 <span class=\"en\">severity</span></th><th>问题数 <span class=\"en\">findings</span></th><th>份数 <span class=\"en\">forms</span></th><th>说明 <span class=\"en\">description</span></th></tr>\n");
    for r in &s.rules {
        let (class, zh, en) = severity(r.severity);
        writeln!(
            h,
            "<tr><td><code>{}</code></td><td class=\"{class}\">{zh} <span class=\"en\">{en}</span></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}<div class=\"en\" lang=\"en\">{}</div></td></tr>",
            escape(r.code),
            r.findings,
            r.forms,
            escape(&r.description),
            escape(&r.description_en)
        )?;
    }
    h.push_str("</table>\n");
    Ok(())
}

/// The indicator row a pointer names (`/indicators/3/target` → 3).
fn row_of(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("/indicators/")?;
    rest.split('/').next()?.parse().ok()
}

fn findings(c: &Checked) -> impl Iterator<Item = &Issue> {
    c.report
        .errors
        .iter()
        .chain(&c.report.warnings)
        .chain(&c.report.infos)
}

/// A form's verdict: CSS class, Chinese, English.
fn verdict(r: &crate::Report) -> (&'static str, &'static str, &'static str) {
    if r.unusable_input() {
        ("error", "无法读取", "unusable")
    } else if r.valid {
        ("valid", "通过", "valid")
    } else {
        ("error", "未通过", "has errors")
    }
}

/// The cell column of an Excel form's tables (JSON forms have none).
fn cell_column(c: &Checked, header: &str, pointer: Option<&str>) -> String {
    match (c.cells.is_empty(), pointer) {
        (true, _) => String::new(),
        (false, None) => format!("<th>{header}</th>"),
        (false, Some(p)) => format!(
            "<td class=\"cell\">{}</td>",
            escape(c.cells.find(p).unwrap_or(""))
        ),
    }
}

fn form(h: &mut String, n: usize, c: &Checked) -> std::fmt::Result {
    let r = &c.report;
    let (class, zh, en) = verdict(r);
    let template = r
        .template
        .map(|t| format!("{t:?}"))
        .unwrap_or_else(|| "-".into());
    writeln!(
        h,
        "<article id=\"f{n}\"><h3>{shown}. {} <span class=\"{class}\">{zh}</span> <span class=\"en\" lang=\"en\">{en}</span></h3>\n<p>模板 <span class=\"en\">template</span> {template} · 错误 {} · 警告 {} · 提示 {}</p>",
        escape(&c.name),
        r.errors.len(),
        r.warnings.len(),
        r.infos.len(),
        shown = n.saturating_add(1),
    )?;
    if findings(c).next().is_some() {
        let cells = cell_column(c, "单元格 <span class=\"en\">cell</span>", None);
        writeln!(h, "<table><tr><th>#</th><th>级别</th><th>规则</th><th>字段 <span class=\"en\">field</span></th>{cells}<th>说明 <span class=\"en\">message</span></th></tr>")?;
        for (k, i) in findings(c).enumerate() {
            let (sclass, szh, sen) = severity(i.severity);
            let path = if i.path.is_empty() { "/" } else { &i.path };
            let field = match row_of(&i.path) {
                Some(row) if row < c.rows.len() => {
                    format!("<a href=\"#f{n}-r{row}\"><code>{}</code></a>", escape(path))
                }
                _ => format!("<code>{}</code>", escape(path)),
            };
            writeln!(
                h,
                "<tr id=\"f{n}-i{k}\"><td class=\"num\">{shown}</td><td class=\"{sclass}\">{szh} <span class=\"en\">{sen}</span></td><td><code>{}</code></td><td>{field}</td>{}<td>{}<div class=\"en\" lang=\"en\">{}</div></td></tr>",
                escape(i.code),
                cell_column(c, "", Some(&i.path)),
                escape(&i.message),
                escape(&i.message_en),
                shown = k.saturating_add(1),
            )?;
        }
        h.push_str("</table>\n");
    }
    if !c.rows.is_empty() {
        let cells = cell_column(c, "单元格 <span class=\"en\">cells</span>", None);
        writeln!(h, "<table><tr><th>行 <span class=\"en\">row</span></th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值 <span class=\"en\">target</span></th>{cells}<th>问题 <span class=\"en\">findings</span></th></tr>")?;
        for (row, ind) in c.rows.iter().enumerate() {
            let mut links = String::new();
            let mut worst: Option<Severity> = None;
            for (k, i) in findings(c).enumerate() {
                if row_of(&i.path) == Some(row) {
                    worst = Some(worst.map_or(i.severity, |w| w.min(i.severity)));
                    write!(links, "<a href=\"#f{n}-i{k}\">{}</a> ", escape(i.code))?;
                }
            }
            let class = match worst {
                Some(Severity::Error) => " class=\"row-error\"",
                Some(Severity::Warning) => " class=\"row-warning\"",
                _ => "",
            };
            writeln!(
                h,
                "<tr id=\"f{n}-r{row}\"{class}><td class=\"num\">{shown}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>{}<td>{links}</td></tr>",
                escape(&ind.level1),
                escape(&ind.level2),
                escape(&ind.name),
                escape(&ind.target),
                cell_column(c, "", Some(&format!("/indicators/{row}"))),
                shown = row.saturating_add(1),
            )?;
        }
        h.push_str("</table>\n");
    }
    h.push_str("</article>\n");
    Ok(())
}

fn page(checked: &[Checked]) -> Result<String, std::fmt::Error> {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>绩效目标审核报告 Performance-target review</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<input type=\"checkbox\" id=\"en-toggle\" checked><label class=\"toggle\" for=\"en-toggle\">English</label>\n<main>\n<h1>绩效目标审核报告 <span class=\"en\" lang=\"en\">Performance-target review</span></h1>\n");
    summary(&mut h, &Summary::of(checked))?;
    h.push_str("<h2>申报表 <span class=\"en\" lang=\"en\">Forms</span></h2>\n<table><tr><th>#</th><th>文件 <span class=\"en\">file</span></th><th>结论 <span class=\"en\">verdict</span></th><th>错误</th><th>警告</th></tr>\n");
    for (n, c) in checked.iter().enumerate() {
        let r = &c.report;
        let (class, zh, _) = verdict(r);
        writeln!(
            h,
            "<tr><td class=\"num\">{shown}</td><td><a href=\"#f{n}\">{}</a></td><td class=\"{class}\">{zh}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&c.name),
            r.errors.len(),
            r.warnings.len(),
            shown = n.saturating_add(1),
        )?;
    }
    h.push_str("</table>\n");
    for (n, c) in checked.iter().enumerate() {
        form(&mut h, n, c)?;
    }
    h.push_str("</main>\n</body>\n</html>\n");
    Ok(h)
}

pub fn write(out: &mut impl Write, checked: &[Checked]) -> io::Result<()> {
    let h = page(checked).map_err(io::Error::other)?;
    out.write_all(h.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(row_of("/indicators/12/target"), Some(12));
        assert_eq!(row_of("/indicators"), None);
        assert_eq!(row_of("/funds/annual"), None);
    }
}
