//! The real forms of other regions (tests/regional/, transcribed from
//! published tables): each is listed with its source address and is read
//! as a form with its indicator table; those of a registered template are
//! checked against it (reviewed snapshots in tests/regional/expected/).

mod common;

#[test]
fn every_regional_form_has_its_source_and_reads_as_a_form() {
    let root = common::root().join("tests/regional");
    let sources = std::fs::read_to_string(root.join("SOURCES.tsv")).unwrap();
    let listed: Vec<(&str, &str)> = sources
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut c = l.split('\t');
            Some((c.next()?, c.next()?))
        })
        .collect();
    let mut forms = 0;
    for region in std::fs::read_dir(&root).unwrap() {
        let region = region.unwrap().path();
        if !region.is_dir() || region.ends_with("expected") {
            continue;
        }
        for file in std::fs::read_dir(&region).unwrap() {
            let path = file.unwrap().path();
            let name = format!(
                "{}/{}",
                region.file_name().unwrap().to_string_lossy(),
                path.file_name().unwrap().to_string_lossy()
            );
            let source = listed.iter().find(|(f, _)| *f == name).map(|(_, s)| *s);
            assert!(
                source.is_some_and(|s| s.starts_with("http")),
                "{name} has no source address in SOURCES.tsv"
            );
            let report = perftarget::validate_json(&std::fs::read_to_string(&path).unwrap());
            assert!(!report.unusable_input(), "{name}: {:?}", report.errors);
            assert!(report
                .normalised
                .is_some_and(|f| f.indicators.is_some_and(|r| r.len() >= 5)));
            forms += 1;
        }
    }
    assert!(forms >= 10, "{forms} regional forms");
}

/// The regional forms of a registered template (AH2025: Anhui 01, 02;
/// HNFP2018: Hunan 01, 02; SC2021: Sichuan 01, 02) are checked against it: each report is a
/// reviewed snapshot in tests/regional/expected/, and what a reviewer
/// would raise is asserted by name.
#[test]
fn regional_templates_check_their_forms() {
    let root = common::root().join("tests/regional");
    let mut checked = std::collections::BTreeMap::<&str, usize>::new();
    for region in ["anhui", "hunan", "hubei", "ningxia", "sichuan"] {
        for file in std::fs::read_dir(root.join(region)).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let declared: serde_json::Value = serde_json::from_str(&text).unwrap();
            let Some(t) = perftarget::templates()
                .iter()
                .find(|t| declared["template"] == t.id)
            else {
                continue;
            };
            let report = perftarget::validate_json(&text);
            assert_eq!(report.template, Some(t.id));
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let out = serde_json::to_string_pretty(&report).unwrap() + "\n";
            common::snapshot(&root.join("expected").join(region).join(&name), &out);
            *checked.entry(t.id).or_default() += 1;
        }
    }
    assert!(
        ["AH2025", "HNFP2018", "SC2021"]
            .iter()
            .all(|t| checked.get(t) >= Some(&2)),
        "{checked:?}"
    );
}

/// Every regional form, whatever its `template` says (an unregistered id
/// such as HB2020, or none) and with or without `amountUnit`, gets no error
/// a reviewer would not raise: a form of a layout without a template of its
/// own is checked as the national one. The only errors are hunan/01's amount cells, which hold
/// text ("854万(高标准农田建设400万元,…)").
#[test]
fn no_regional_form_gets_a_false_error() {
    let root = common::root().join("tests/regional");
    for region in ["anhui", "hunan", "hubei", "ningxia", "sichuan"] {
        for file in std::fs::read_dir(root.join(region)).unwrap() {
            let path = file.unwrap().path();
            let mut form: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = format!("{region}/{}", path.file_name().unwrap().to_string_lossy());
            // As published, then without `template`, then also without
            // `amountUnit` (a transcription that leaves the unit in the cells).
            for (variant, key) in [
                ("as given", ""),
                ("no template", "template"),
                ("no unit", "amountUnit"),
            ] {
                form.as_object_mut().unwrap().remove(key);
                let r = perftarget::validate_json(&form.to_string());
                let errors: Vec<_> = r.errors.iter().map(|i| (i.code, i.path.as_str())).collect();
                let expected: &[(&str, &str)] = if name.starts_with("hunan/01") {
                    &[
                        ("AMOUNT_FORMAT", "/funds/annual"),
                        ("AMOUNT_FORMAT", "/funds/annualFiscal"),
                    ]
                } else {
                    &[]
                };
                assert_eq!(errors, expected, "{name} ({variant})");
            }
        }
    }
}

#[test]
fn regional_forms_get_the_findings_a_reviewer_would_raise() {
    let codes = |file: &str| {
        let text =
            std::fs::read_to_string(common::root().join("tests/regional").join(file)).unwrap();
        let r = perftarget::validate_json(&text);
        r.errors
            .iter()
            .chain(&r.warnings)
            .map(|i| (i.code, i.path.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("anhui/01-农村文化建设配套补助经费.json"), vec![]);
    assert_eq!(
        codes("anhui/02-2025金安国际网球公开赛(国际系列赛事).json"),
        vec![("INPUT_AS_OUTPUT", "/indicators/2/name".to_string())] // 经费支出合规率
    );
    assert_eq!(
        codes("hunan/02-2018年市级专项扶贫资金基础设施(人大代表扶贫基地).json"),
        vec![(
            "INDICATOR_NAME_HAS_TARGET",
            "/indicators/3/name".to_string()
        )] // …达标率100%
    );
}
