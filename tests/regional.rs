//! The real forms of other regions (tests/regional/, transcribed from
//! published tables for the regional templates to come): each is listed
//! with its source address and is read as a form with its indicator table.

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
        if !region.is_dir() {
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
